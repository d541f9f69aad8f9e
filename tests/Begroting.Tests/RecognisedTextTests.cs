using Begroting.Model.Layout;
using Begroting.Pipeline.Normalisation;
using Begroting.Readers.Ocr.TextRepair;
using Begroting.Readers.Pdf;
using Begroting.Store;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Begroting.Tests;

/// <summary>The OCR reader's repair of recognised words, its one table of confusions and its pinned word list.</summary>
public sealed class RecognisedTextTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("begroting-recognised-text-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Recognised_words_come_out_repaired_with_each_repair_recorded_and_given_words_stay_as_they_are()
    {
        var ocr = new SourceRef("scan.pdf", Page: 2, Confidence: 0.9);
        var layout = new LayoutDocument(
            "scan.pdf",
            "pdf",
            [
                new Heading(1, "ledereen telt mee", ocr),
                new Paragraph(["de financiéle positie van cliénten in 2O15"], ocr),
                new Paragraph(["de financiéle positie"], new SourceRef("plan.txt", Line: 3)),
            ],
            []);

        var repaired = RecognisedText.Repair(layout);

        Assert.Equal("Iedereen telt mee", ((Heading)repaired.Blocks[0]).Text);
        Assert.Equal("de financiële positie van cliënten in 2015", ((Paragraph)repaired.Blocks[1]).Text);
        Assert.Equal("de financiéle positie", ((Paragraph)repaired.Blocks[2]).Text);
        Assert.Equal(
            [("ledereen", "Iedereen"), ("2O15", "2015"), ("financiéle", "financiële"), ("cliénten", "cliënten")],
            repaired.Repairs.Select(r => (r.Original, r.Repaired)));
        Assert.All(repaired.Repairs, r => Assert.Equal("scan.pdf#p2", r.Provenance));
        Assert.Contains(repaired.Repairs, r => r.Reason == "l read for I at a word start (ledereen)");

        // A repaired block is read less surely than it was recognised; an untouched one keeps its confidence.
        Assert.True(repaired.Blocks[1].Source.Confidence < 0.9);
        Assert.Null(repaired.Blocks[2].Source.Confidence);
        Assert.Same(layout.Blocks[2], repaired.Blocks[2]);
        Assert.Empty(layout.Repairs);
    }

    [Fact]
    public void A_text_an_ocr_made_before_it_was_given_is_repaired_the_same_way_and_keeps_no_confidence()
    {
        var given = new LayoutDocument("plan.txt", "text", [new Paragraph(["ledereen telt mee"], new SourceRef("plan.txt", Line: 7))], []);

        var repaired = RecognisedText.RepairGiven(given);

        var paragraph = Assert.IsType<Paragraph>(Assert.Single(repaired.Blocks));
        Assert.Equal("Iedereen telt mee", paragraph.Text);
        Assert.Null(paragraph.Source.Confidence);
        Assert.Equal("plan.txt#L7", Assert.Single(repaired.Repairs).Provenance);
    }

    [Fact]
    public void The_pdf_reader_hands_over_a_scan_with_the_recognisers_repairs_and_the_canonical_document_keeps_them()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).AddPng(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAAAAACMmsGiAAAAEUlEQVR4nGM8wcDAwMSAQgAADzwA0OMOX98AAAAASUVORK5CYII="), new PdfRectangle(0, 0, 595, 842));
        var path = Path.Combine(dir, "scan.pdf");
        File.WriteAllBytes(path, builder.Build());

        var layout = PdfReader.Read(path, "scan.pdf", new PdfReaderOptions { Recogniser = new Words("ledereen", "telt", "mee") });

        Assert.Equal("Iedereen telt mee", Assert.Single(layout.Blocks.OfType<Paragraph>()).Text);
        var repair = Assert.Single(layout.Repairs);
        Assert.Equal(("ledereen", "Iedereen"), (repair.Original, repair.Repaired));
        Assert.StartsWith("scan.pdf#p1", repair.Provenance, StringComparison.Ordinal);

        // The normaliser reads the repaired words and passes the repairs on, before any of its own.
        var withTable = layout with
        {
            Blocks = [.. layout.Blocks, new Heading(1, "Programmabegroting 2018", new SourceRef("scan.pdf", Page: 1)), ProgrammeCosts()],
        };
        var doc = Normaliser.Normalise(withTable, new DocumentContext("scan", "scan.pdf", new string('0', 64)));
        Assert.Equal(repair, doc.Repairs[0]);
    }

    [Fact]
    public void The_word_list_is_the_one_pinned_in_the_tool_version()
    {
        Assert.Equal(Lexicon.WordListSha256, Lexicon.EmbeddedWordListSha256());
        Assert.Equal(StoreBuilder.ToolVersion, StoreBuilder.ToolVersionWith(Lexicon.WordListSha256));
        Assert.NotEqual(StoreBuilder.ToolVersion, StoreBuilder.ToolVersionWith(new string('0', 64)));

        // Words of the general list, the budgets' words taken from the corpus, and an abbreviation the list writes with a stop.
        Assert.True(Lexicon.Lists("iedereen"));
        Assert.True(Lexicon.Lists("Leidenaren"));
        Assert.True(Lexicon.Lists("effectindicatoren"));
        Assert.True(Lexicon.Lists("incl"));
        Assert.False(Lexicon.Lists("ledereen"));
    }

    [Fact]
    public void One_table_holds_the_confusions_and_each_rule_takes_its_rows_in_order()
    {
        Assert.Equal("03569", Confusions.Digits['8']);
        Assert.Equal("689", Confusions.Digits['0']);
        Assert.Equal(10, Confusions.Digits.Count);
        Assert.Equal(("l", "I"), Confusions.For("word-start").Select(c => (c.Read, c.Meant)).Single());
        Assert.Equal([("i", "l"), ("l", "i")], Confusions.For("short").Select(c => (c.Read, c.Meant)));
        Assert.All(Confusions.For("word").Concat(Confusions.For("shape")), c => Assert.NotEqual(string.Empty, c.Reason));

        var rows = Confusions.Parse("read,meant,rules,reason\nrn,m,word document,rn read for m\n");
        Assert.Equal(["word", "document"], Assert.Single(rows).Rules);
        Assert.Throws<InvalidDataException>(() => Confusions.Parse("read,meant,rules,reason\nrn,m,guess,\n"));
        Assert.Throws<InvalidDataException>(() => Confusions.Parse("read,meant,rules,reason\n10,1,digit,\n"));
    }

    private static Table ProgrammeCosts()
    {
        var at = new SourceRef("scan.pdf", Page: 1);
        Cell C(string text) => new([text], at);
        TableRow R(params string[] cells) => new(cells.Select(C).ToList(), at);
        return new Table([R(string.Empty, "Rekening 2016", "Begroting 2017"), R("Lasten", "1.100", "1.814"), R("Baten", "-423", "-455"), R("Saldo", "677", "1.359")], TableForm.Grid, at);
    }

    /// <summary>Recognises the words given on one line of every page, and repairs as the OCR reader does.</summary>
    private sealed class Words(params string[] words) : IPageRecogniser
    {
        public Task<RecognisedPage> RecogniseAsync(PageImage page, CancellationToken cancellationToken = default) =>
            Task.FromResult(new RecognisedPage(words.Select((w, i) => new RecognisedWord(w, 60 + (i * 50), 74, 100 + (i * 50), 80, 8, 0.9)).ToList(), []));

        public LayoutDocument RepairText(LayoutDocument layout) => RecognisedText.Repair(layout);
    }
}
