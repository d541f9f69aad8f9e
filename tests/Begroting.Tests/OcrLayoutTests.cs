using Begroting.Model.Layout;
using Begroting.Readers.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Begroting.Tests;

/// <summary>How recognised words become lines and paragraphs: what OCR gets wrong about sizes, specks and letters read twice.</summary>
public sealed class OcrLayoutTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("begroting-ocr-layout-test-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAAAAACMmsGiAAAAEUlEQVR4nGM8wcDAwMSAQgAADzwA0OMOX98AAAAASUVORK5CYII=");

    /// <summary>Gives the one page the words it was made with.</summary>
    private sealed class GivenWords(List<RecognisedWord> words) : IPageRecogniser
    {
        public Task<RecognisedPage> RecogniseAsync(PageImage page, CancellationToken cancellationToken = default) =>
            Task.FromResult(new RecognisedPage(words, []));
    }

    /// <summary>A word on a baseline, its width from its letters (about half the size each), as hOCR gives it: the line's size and a confidence.</summary>
    private static RecognisedWord W(string text, double left, double baseline, double size = 8.5, double confidence = 0.95, double? width = null) =>
        new(text, left, baseline - (size * 0.7), left + (width ?? text.Length * size * 0.5), baseline, size, confidence);

    /// <summary>Words set one after another from <paramref name="left"/>, a word space apart.</summary>
    private static IEnumerable<RecognisedWord> Line(string text, double left, double baseline, double size = 8.5, double confidence = 0.95)
    {
        var x = left;
        foreach (var word in text.Split(' '))
        {
            var w = W(word, x, baseline, size, confidence);
            yield return w;
            x = w.Right + (size * 0.3);
        }
    }

    private List<Block> Read(IEnumerable<RecognisedWord> words)
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).AddPng(Png, new PdfRectangle(0, 0, 595, 842));
        var path = Path.Combine(dir, "scan.pdf");
        File.WriteAllBytes(path, builder.Build());
        return PdfReader.Read(path, "scan.pdf", new PdfReaderOptions { Recogniser = new GivenWords(words.ToList()) }).Blocks.ToList();
    }

    private static string TextOf(Block block) => block switch
    {
        Paragraph p => string.Join(" / ", p.Lines),
        Heading h => h.Text,
        ListItem li => li.Text,
        _ => block.ToString() ?? string.Empty,
    };

    [Fact]
    public void A_line_whose_estimated_size_swells_stays_in_its_paragraph()
    {
        // The middle line shares its recogniser line with a heading in the other column, so its estimate is 11 points.
        var blocks = Read(
            Line("We zetten ons in om de groep die", 60, 200)
                .Concat(Line("dere ondersteuning nodig heeft zo", 60, 211.3, size: 11))
                .Concat(Line("klein mogelijk te houden.", 60, 222.6))
                .Concat(Line("Een nieuwe alinea na een witregel.", 60, 250)));

        Assert.Equal(2, blocks.Count);
        var first = Assert.IsType<Paragraph>(blocks[0]);
        Assert.Equal(3, first.Lines.Count);
        Assert.Equal("Een nieuwe alinea na een witregel.", TextOf(blocks[1]));
    }

    [Fact]
    public void A_note_under_a_paragraph_at_the_body_spacing_is_a_paragraph_of_its_own()
    {
        var blocks = Read(
            Line("en 25 deelnemers aan het werk als vrijwilliger.", 60, 200)
                .Concat(Line("* De realisatie van deze indicatoren is afhankelijk", 60, 211.3))
                .Concat(Line("van de nieuwe prestatieafspraken.", 60, 222.6))
                .Concat(Line("Wij rapporteren hierover via de Beleidsmonitor", 60, 260))
                .Concat(Line("* van de gemeente.", 60, 271.3)));

        Assert.Equal(
            ["en 25 deelnemers aan het werk als vrijwilliger.", "* De realisatie van deze indicatoren is afhankelijk / van de nieuwe prestatieafspraken.", "Wij rapporteren hierover via de Beleidsmonitor / * van de gemeente."],
            blocks.Select(TextOf));
    }

    [Fact]
    public void Specks_between_paragraphs_do_not_join_them_and_a_word_read_twice_is_kept_once()
    {
        var words = Line("Bron: Stadsenquete", 60, 200)
            // Specks in the white between the paragraphs: a stop, and a letter read with little confidence.
            .Append(W(".", 200, 211.3, width: 0.8, confidence: 0.25))
            .Append(W("q", 90, 222.6, confidence: 0.31))
            .Concat(Line("De huidige indicator sluit aan", 60, 234))
            // The lower half of 'indicator' and 'sluit' read again as a line of their own, a third of a line lower.
            .Append(W("dicator", 112, 236.8, confidence: 0.96))
            .Append(W("9", 158, 236.8, confidence: 0.93, width: 3.5))
            // A descender read as '9' just beside the end of its word, not under it.
            .Append(W("9", 177, 236.8, confidence: 0.93, width: 3.5))
            .Concat(Line("bij het nieuwe werken.", 60, 245.3));

        var blocks = Read(words);

        Assert.Equal(["Bron: Stadsenquete", "De huidige indicator sluit aan / bij het nieuwe werken."], blocks.Select(TextOf));
    }

    [Fact]
    public void A_sure_short_word_of_the_next_line_is_not_taken_for_a_piece_of_a_word_above()
    {
        // A line of both columns given one baseline brings 'is' within half a line of 'huisuitzettingen'; 'is' is
        // a piece of that word, but not where it stands, so it is a word of its own.
        var words = new List<RecognisedWord>
        {
            W("huisuitzettingen", 60, 200, width: 58),
            W("ten", 121, 200),
            W("Dit", 70, 205.4, width: 10),
            W("is", 86.5, 205.4, width: 5.3),
            W("het", 94, 205.4, width: 12),
        };

        var blocks = Read(words);

        Assert.Contains(blocks, b => TextOf(b).Contains("Dit is het", StringComparison.Ordinal));
    }

    [Fact]
    public void Lone_unsure_letters_after_other_words_and_an_unsure_piece_a_line_lower_are_dropped_but_a_bullet_stays()
    {
        var words = Line("tingen. In 2010 werd een percentage van", 300, 200).ToList();

        // The lower half of the line read again and given the baseline of the other column's line, 1.2 sizes
        // lower: 'ngen.' where 'ngen' stands in 'tingen.', then descenders read as letters far apart.
        words.Add(W("Bron:", 60, 210.5));
        words.Add(W("ngen.", 308.5, 210.5, confidence: 0.76));
        words.Add(W("P", 395, 210.5, confidence: 0.52));
        words.Add(W("ge", 430, 210.5, confidence: 0.87));
        words.Add(W("v", 447, 210.5, confidence: 0.71));
        words.AddRange(Line("91% gemeten.", 300, 216));

        // A bullet read as 'e', unsure, before the words of its item.
        words.Add(W("e", 60, 260, confidence: 0.6));
        words.AddRange(Line("Ondersteuning van mantelzorgers", 72, 260));

        var text = string.Join(" | ", Read(words).Select(TextOf));

        var read = text.Split(' ', '/', '|').Where(t => t.Length > 0).ToList();
        Assert.DoesNotContain("ngen.", read);
        Assert.DoesNotContain("ge", read);
        Assert.DoesNotContain("P", read);
        Assert.DoesNotContain("v", read);
        Assert.Contains("percentage van", text, StringComparison.Ordinal);
        Assert.Contains("e Ondersteuning van mantelzorgers", text, StringComparison.Ordinal);
    }
}
