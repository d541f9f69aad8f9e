using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Evaluation;
using Begroting.Pipeline.Export;

namespace Begroting.Corpus.Tests;

/// <summary>The scanned fixtures (corpus/tools/scan-fixtures.json), read by Tesseract from their images alone, against the gold of the documents they scan.</summary>
/// <remarks>
/// The floors are what the reader reaches today, measured with Tesseract 5.3 (Debian 12): a fall below one fails.
/// They are not yet the targets of the OCR work (0.99 at 300 dpi, 0.97 at 150 dpi); the fixtures stay out of the
/// manifest until those are met.
/// </remarks>
public sealed class ScanTests : IDisposable
{
    private readonly string cache = Directory.CreateTempSubdirectory("begroting-ocr-cache-").FullName;

    public void Dispose() => Directory.Delete(cache, recursive: true);

    public static TheoryData<string, double> Scans() => new()
    {
        { "leiden-2018-programmabegroting-p9-scan-300dpi", 0.93 },
        { "leiden-2018-programmabegroting-p9-scan-150dpi", 0.50 },
        { "leiden-2024-jaarstukken-p9-scan-300dpi", 0.82 },
        { "leiden-2024-jaarstukken-p9-scan-150dpi", 0.60 },
        { "leiden-2013-beleidsplan-iedereen-telt-mee-scan-2col-300dpi", 0.95 },
    };

    [Theory]
    [MemberData(nameof(Scans))]
    public void A_scan_is_read_by_ocr_to_at_least_its_floor_with_every_value_marked_and_every_repair_placed(string id, double floor)
    {
        var entry = ManifestIndex.Load(Path.Combine(CorpusFiles.Corpus, "tools", "scan-fixtures.json")).Documents.Single(d => d.Id == id);
        var path = Path.Combine(CorpusFiles.Corpus, entry.Path);
        var options = new ExtractionOptions
        {
            Kind = entry.Kind,
            Year = entry.Year,
            Programme = entry.Programme,
            OcrCache = cache,
        };
        var result = Extraction.ExtractFile(path, options, new ManifestIndex(), entry.Path);
        Assert.True(result.Succeeded, result.Error);
        var document = result.Document!;

        var goldPath = Path.Combine(CorpusFiles.Gold, entry.Gold + ".facts.csv");
        var gold = Facts.ReadCsv(File.ReadAllText(goldPath), goldPath);
        var actual = Facts.Of(document).Select(f => f with { DocumentId = entry.Gold! }).ToList();
        var report = Evaluator.Compare(gold, actual);
        var (correct, expected, got) = (report.Scores.Sum(s => s.Correct), report.Scores.Sum(s => s.Gold), report.Scores.Sum(s => s.Actual));
        var f1 = 2.0 * correct / (expected + got);
        Assert.True(f1 >= floor, $"{id}: F1 {f1:0.000} below its floor {floor:0.00}");

        // Nothing read from a scan passes for given text: every value says it was recognised, and how surely.
        var values = document.Indicators.SelectMany(i => i.Observations).Select(o => (o.Flags, o.Confidence))
            .Concat(document.FinancialTables.SelectMany(t => t.Rows).SelectMany(r => r.Amounts).Select(a => (a.Flags, a.Confidence)))
            .ToList();
        Assert.All(values, v =>
        {
            Assert.Contains("ocr", v.Flags);
            Assert.NotNull(v.Confidence);
            Assert.InRange(v.Confidence!.Value, 0, 1);
        });
        Assert.All(actual.Where(f => f.TableKind is "indicators" or "budget" or "reserves"), f => Assert.NotEqual(string.Empty, f.Confidence));
        Assert.All(document.Repairs, r => Assert.Contains(entry.Path, r.Provenance!, StringComparison.Ordinal));
        Assert.Contains(document.Warnings, w => w.Code == "ocr");
    }
}
