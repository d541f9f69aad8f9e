using System.Diagnostics;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Export;
using Begroting.Pipeline.Normalisation;
using Begroting.Readers.Pdf;

namespace Begroting.Tests;

/// <summary>One test per fault the PDF reader had, each on its file in corpus/regressions/pdf/ (made by corpus/tools/make_pdf_regressions.py; see corpus/regressions/README.md).</summary>
public sealed class PdfRegressionTests
{
    /// <summary>Long enough for a loaded machine, far shorter than the hangs these files caused.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly Lazy<IReadOnlyList<FactRow>> Jaarstukken2024 = new(() => Facts(Corpus("leiden/2024/pdf/jaarstukken-2024-p9-libreoffice.pdf")));

    private static readonly Lazy<IReadOnlyList<FactRow>> Begroting2017 = new(() => Facts(Corpus("leiden/2017/pdf/programmabegroting-2017-p9-9d-libreoffice.pdf")));

    private static readonly Lazy<IReadOnlyList<FactRow>> ReportLab2018 = new(() => Facts(Regression("reportlab-programmabegroting-2018.pdf")));

    [Fact]
    public void Rotated180PageIsReadAsUpright()
    {
        // Read as upright text, the upside-down letters made a later-column line under a table that RegionEnd never passed.
        var read = Within(() => Facts(Regression("rotate-180-jaarstukken-2024.pdf")));
        Assert.Equal(Strict(Jaarstukken2024.Value), Strict(read));
    }

    [Fact]
    public void QuarterTurnByTheContentMatrixIsReadAsUpright()
    {
        var path = Regression("quarter-turn-content-jaarstukken-2024.pdf");
        Assert.Equal(Strict(Jaarstukken2024.Value), Strict(Within(() => Facts(path))));
        Assert.Equal(9, Layout(path).Diagnostics.Count(d => d.Code == "page-turned" && d.Message.Contains("downwards", StringComparison.Ordinal)));
    }

    [Fact]
    public void MirroredTextIsReadAsUpright()
    {
        var path = Regression("mirrored-jaarstukken-2024.pdf");
        Assert.Equal(Strict(Jaarstukken2024.Value), Strict(Within(() => Facts(path))));
        Assert.Contains(Layout(path).Diagnostics, d => d.Code == "page-turned" && d.Message.Contains("mirrored", StringComparison.Ordinal));
    }

    [Fact]
    public void TurnedTwoColumnBookIsReadInSecondsAsUpright()
    {
        // Pages 9 and 10 of the 2013 plan turned a quarter: the same blocks as the two pages upright.
        var turned = Within(() => Layout(Regression("rotate-90-beleidsplan-2013-p9-10.pdf")));
        var upright = Layout(Regression("beleidsplan-2013-p9-10.pdf"));
        Assert.Equal(upright.Blocks.Select(Shown), turned.Blocks.Select(Shown));
        Assert.True(turned.Blocks.Count >= 50, $"{turned.Blocks.Count} blocks");
    }

    [Fact]
    public void TextAtAnOddAngleIsOneWarningPerPageAndNotRead()
    {
        var layout = Within(() => Layout(Regression("text-at-angle-programmabegroting-2017.pdf")));
        var warning = Assert.Single(layout.Diagnostics, d => d.Code == "text-at-angle");
        Assert.EndsWith("#p2", warning.Location, StringComparison.Ordinal);
        Assert.Matches(@"^\d{4} letters are set at an angle", warning.Message);
        Assert.DoesNotContain(layout.Blocks, b => b.Source.Page == 2);
        Assert.Contains(layout.Blocks, b => b.Source.Page == 1);
        Assert.DoesNotContain(layout.Diagnostics, d => d.Code == "no-text-layer");
    }

    [Fact]
    public void OddPageBoxesAreReadWithinTheirText()
    {
        // Zero, negative and huge MediaBox, a zero CropBox and one beside the page: every page read as the original.
        var path = Regression("page-boxes-odd-programmabegroting-2017.pdf");
        Assert.Equal(Loose(Begroting2017.Value), Loose(Within(() => Facts(path))));
        var boxes = Layout(path).Diagnostics.Where(d => d.Code == "page-box").Select(d => d.Location![^2..]).ToList();
        Assert.Equal(["p1", "p2", "p3", "p4", "p5"], boxes);
    }

    [Fact]
    public void CoordinateFarOffThePageIsAWarningNotAnAllocation()
    {
        // One cell of the ReportLab book 1e8 points to the right: before, 32 s and 880 MB; the rest of the book is read.
        var path = Regression("coordinate-far-off-page-reportlab-2018.pdf");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = Within(() => Facts(path), sameThread: true);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 400L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated");
        var lost = Loose(ReportLab2018.Value).Except(Loose(read)).ToList();
        Assert.Equal(["budget||Programma|saldo|2019|meerjarenraming|84347000|EUR|84.347"], lost.Select(Short));
        Assert.Contains(Layout(path).Diagnostics, d => d.Code == "text-off-page" && d.Location!.EndsWith("#p10", StringComparison.Ordinal));
    }

    [Fact]
    public void UnruledTableColumnsCostNothingForAWordFarAway()
    {
        // The column finder once rasterised x in half-point steps from the leftmost cell to the rightmost.
        static PdfWord Word(string text, double left, double bottom) => new(text, left, left + (text.Length * 5), bottom - 8, bottom, 10, false);
        var lines = Enumerable.Range(0, 6)
            .Select(r => PdfLines.Group([Word("Lasten", 50, 100 + (r * 14)), Word("1.234", 200, 100 + (r * 14)), Word("5.678", r == 3 ? 1e9 : 300, 100 + (r * 14))])[0])
            .ToList();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var table = PdfTables.TryBuild(lines, "far.pdf", 1, 842);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(table);
        Assert.True(allocated < 10L * 1024 * 1024, $"{allocated / 1024} KB allocated");
    }

    [Fact]
    public void LaterColumnLineBelowATableEndsItInsteadOfLoopingForEver()
    {
        // A table line, then a line only in a later column further below than a cell's line spacing (1.6 to 2.2 line heights).
        static PdfWord Word(string text, double left, double bottom) => new(text, left, left + 30, bottom - 8, bottom, 10, false);
        var lines = new List<PdfLine>
        {
            PdfLines.Group([Word("Lasten", 50, 100), Word("1.234", 200, 100)])[0],
            PdfLines.Group([Word("Baten", 50, 114), Word("-12", 200, 114)])[0],
            PdfLines.Group([Word("5.678", 200, 142)])[0],
        };
        Assert.Equal(2, Within(() => PdfTables.RegionEnd(lines, 0)));
    }

    [Fact]
    public void PageThatPdfPigCannotOpenIsAWarning()
    {
        var path = Regression("rotate-45-page-2-programmabegroting-2017.pdf");
        var warning = Assert.Single(Layout(path).Diagnostics, d => d.Code == "page-unreadable");
        Assert.EndsWith("#p2", warning.Location, StringComparison.Ordinal);
        Assert.Contains("Rotation must be 0, 90, 180 or 270", warning.Message, StringComparison.Ordinal);
        Assert.Subset(Loose(Read(path)).ToHashSet(), Loose(Begroting2017.Value, exceptPages: [2]).ToHashSet());
    }

    [Fact]
    public void DocumentWithNoReadablePageIsCorrupt()
    {
        var e = Assert.Throws<DocumentException>(() => Layout(Regression("rotate-45-every-page-programmabegroting-2017.pdf")));
        Assert.Equal("corrupt", e.Code);
        Assert.Contains("none of its 5 pages could be read", e.Message, StringComparison.Ordinal);
        Assert.Contains("ArgumentOutOfRangeException: Rotation must be", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FontWithoutWidthsCostsOnlyTheFontsPage()
    {
        var path = Regression("font-without-widths-jaarstukken-2024.pdf");
        var warning = Assert.Single(Layout(path).Diagnostics, d => d.Code == "page-unreadable");
        Assert.EndsWith("#p1", warning.Location, StringComparison.Ordinal);
        Assert.Contains("InvalidFontFormatException", warning.Message, StringComparison.Ordinal);
        Assert.Subset(Loose(Read(path)).ToHashSet(), Loose(Jaarstukken2024.Value, exceptPages: [1]).ToHashSet());
    }

    [Fact]
    public void BitFlipInAStreamFilterCostsOnlyItsPage()
    {
        var path = Regression("bit-flip-filter-jaarstukken-2024.pdf");
        var warning = Assert.Single(Layout(path).Diagnostics, d => d.Code == "page-unreadable");
        Assert.EndsWith("#p3", warning.Location, StringComparison.Ordinal);
        Assert.Contains("NotSupportedException", warning.Message, StringComparison.Ordinal);
        Assert.Subset(Loose(Read(path)).ToHashSet(), Loose(Jaarstukken2024.Value, exceptPages: [3]).ToHashSet());
    }

    [Fact]
    public void OnePercentCutOutCostsOnlyThePagesItHit()
    {
        var path = Regression("deleted-one-percent-jaarstukken-2024.pdf");
        var layout = Within(() => Layout(path));
        Assert.EndsWith("#p3", Assert.Single(layout.Diagnostics, d => d.Code == "page-unreadable").Location, StringComparison.Ordinal);
        Assert.Subset(Loose(Read(path)).ToHashSet(), Loose(Jaarstukken2024.Value, exceptPages: [2, 3]).ToHashSet());
    }

    [Fact]
    public void ReportLabBookIsReadInSeconds()
    {
        // Tight leading, two-line header cells, unruled tables: the money tables come out as the gold has them.
        var read = Within(() => Facts(Regression("reportlab-programmabegroting-2018.pdf")));
        var gold = Pipeline.Export.Facts.ReadCsv(File.ReadAllText(Path.Combine(TestDocuments.Root, "corpus", "gold", "leiden-2018-programmabegroting-p9.facts.csv")), "gold");
        static IEnumerable<string> Money(IEnumerable<FactRow> rows) => Loose(rows.Where(r => r.TableKind is "budget" or "reserves")).Order(StringComparer.Ordinal);
        Assert.Equal(Money(gold), Money(read));
    }

    private static string Regression(string name) => Path.Combine(TestDocuments.Root, "corpus", "regressions", "pdf", name);

    private static string Corpus(string path) => Path.Combine(TestDocuments.Root, "corpus", path);

    private static LayoutDocument Layout(string path) => PdfReader.Read(path, Path.GetFileName(path));

    private static IReadOnlyList<FactRow> Facts(string path)
    {
        var result = Extraction.ExtractFile(path, new ExtractionOptions { Ocr = false }, new ManifestIndex(), Path.GetRelativePath(TestDocuments.Root, path));
        return result.Document is { } document ? Pipeline.Export.Facts.Of(document).ToList() : throw new InvalidOperationException($"{result.File}: {result.ErrorCode} {result.Error}");
    }

    private static IReadOnlyList<FactRow> Read(string path) => Within(() => Facts(path));

    /// <summary>Every field but the document's id, the file in the provenance and the confidence: the same values from the same pages, tables, rows and cells.</summary>
    private static List<string> Strict(IEnumerable<FactRow> rows) =>
        rows.Select(r => string.Join("|", Loose(r), r.Provenance[r.Provenance.IndexOf('#', StringComparison.Ordinal)..])).ToList();

    /// <summary>The values without where they stand (a page left out renumbers the tables after it).</summary>
    private static IEnumerable<string> Loose(IEnumerable<FactRow> rows, int[]? exceptPages = null) =>
        rows.Where(r => exceptPages is null || !exceptPages.Contains(PageOf(r))).Select(Loose);

    private static string Loose(FactRow r) =>
        string.Join("|", r.DocumentKind, r.DocumentYear, r.Programme, r.PolicyArea, r.TableKind, r.SubjectCode, r.Subject, r.Measure, r.Period, r.ColumnKind, r.Value, r.Unit, r.Raw);

    private static string Short(string loose) => string.Join("|", loose.Split('|').Skip(4));

    private static int PageOf(FactRow r) => int.Parse(System.Text.RegularExpressions.Regex.Match(r.Provenance, @"#p(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string Shown(Block block) => $"p{block.Source.Page} {block.GetType().Name} {string.Join(" / ", NormaliserCore.TextsOf(block))}";

    /// <summary>Runs the read with a bound: a hang fails the test instead of stopping the run.</summary>
    private static T Within<T>(Func<T> read, bool sameThread = false)
    {
        var watch = Stopwatch.StartNew();
        if (sameThread)
        {
            var value = read();
            Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed.TotalSeconds:0.0} s");
            return value;
        }

        var task = Task.Run(read);
        Assert.True(task.Wait(Bound), $"did not finish within {Bound.TotalSeconds:0} s");
        return task.Result;
    }
}
