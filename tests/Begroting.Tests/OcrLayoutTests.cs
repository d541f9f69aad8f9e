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
}
