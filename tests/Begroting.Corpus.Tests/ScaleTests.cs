using System.Diagnostics;
using Begroting.Pipeline.Export;
using Begroting.Testing;

namespace Begroting.Corpus.Tests;

/// <summary>A book of 1,540 pages (the corpus's born-digital PDFs twenty times over) is read whole, in memory that grows only with what it says.</summary>
/// <remarks>Run alone: its time and memory are the point.</remarks>
[Collection(nameof(ScaleTests))]
[CollectionDefinition(nameof(ScaleTests), DisableParallelization = true)]
public sealed class ScaleTests
{
    /// <summary>The born-digital PDFs of the corpus, 77 pages in all.</summary>
    private static readonly string[] Parts =
    [
        "leiden/2018/pdf/programmabegroting-2018-p9-chromium.pdf",
        "leiden/2024/pdf/jaarstukken-2024-p9-chromium.pdf",
        "leiden/2017/pdf/programmabegroting-2017-p9-9d-libreoffice.pdf",
        "leiden/2013/pdf/beleidsplan-2013-iedereen-telt-mee-2col-chromium.pdf",
        "leiden/2024/pdf/jaarstukken-2024-p9-libreoffice.pdf",
        "leiden/2018/pdf/programmabegroting-2018-p9-noruling-chromium.pdf",
    ];

    /// <summary>What a page may add to the peak: its blocks and values, kept until the document is written (about 35 KB a page here, and as much again of collector slack), never what PdfPig parsed for it.</summary>
    /// <remarks>Keeping a page's letters and glyphs past the page would cost some 1 MB a page on these pages, ten times the bound.</remarks>
    private const long BytesPerPage = 96 << 10;

    [Fact]
    public void A1540PageBookIsReadWithMemoryThatGrowsOnlyWithItsContent()
    {
        var dir = Directory.CreateTempSubdirectory("begroting-scale-").FullName;
        try
        {
            var small = Book(dir, copies: 1);
            var big = Book(dir, copies: 20);
            var a = CliProcess.Measured(dir, "extract", small.Path, "--out", "small", "--no-ocr");
            var b = CliProcess.Measured(dir, "extract", big.Path, "--out", "big", "--no-ocr");
            Assert.True(a.Exit == 0, a.Err);
            Assert.True(b.Exit == 0, b.Err);

            // Every copy is read the same: the big book says exactly what the small one says.
            Assert.Equal(Values(Path.Combine(dir, "small")), Values(Path.Combine(dir, "big")));

            var perPage = (b.PeakBytes - a.PeakBytes) / (big.Pages - small.Pages);
            var report = $"{small.Pages} pages: {a.Elapsed.TotalSeconds:0.0} s, peak {a.PeakBytes >> 20} MB; {big.Pages} pages: {b.Elapsed.TotalSeconds:0.0} s, peak {b.PeakBytes >> 20} MB; {perPage >> 10} KB a page";
            Console.WriteLine(report);
            Assert.True(a.PeakBytes > 0 && b.PeakBytes > 0, "no memory measured: " + report);
            Assert.True(perPage < BytesPerPage, report);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (string Path, int Pages) Book(string dir, int copies)
    {
        var path = System.IO.Path.Combine(dir, $"book-{copies}.pdf");
        var info = new ProcessStartInfo("qpdf") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { "--empty", "--pages" }.Concat(Enumerable.Repeat(Parts.Select(p => System.IO.Path.Combine(CorpusFiles.Corpus, p)), copies).SelectMany(p => p)).Concat(["--", path]))
        {
            info.ArgumentList.Add(a);
        }

        using var qpdf = Process.Start(info)!;
        var error = qpdf.StandardError.ReadToEnd();
        qpdf.WaitForExit();
        Assert.True(qpdf.ExitCode == 0, "qpdf: " + error);
        return (path, 77 * copies);
    }

    private static SortedSet<string> Values(string outDir) =>
        new(Facts.ReadCsv(File.ReadAllText(System.IO.Path.Combine(outDir, "facts.csv")), "facts.csv")
            .Select(f => string.Join("|", f.SubjectCode, f.Subject, f.Measure, f.Period, f.ColumnKind, f.Value, f.Raw)), StringComparer.Ordinal);
}
