using Begroting.Pipeline.Evaluation;
using Begroting.Pipeline.Export;
using Begroting.Testing;

namespace Begroting.Corpus.Tests;

/// <summary>`begroting build` over good documents mixed with every regression file the fuzzer and the reader faults left: every good document is written exactly, every bad one is one line, and the batch ends.</summary>
public sealed class MixedBatchTests
{
    /// <summary>Good documents of three formats, each with its hand-checked gold.</summary>
    private static readonly (string File, string Gold)[] Good =
    [
        ("leiden/2018/programmabegroting-2018-p9.txt", "leiden-2018-programmabegroting-p9"),
        ("leiden/2024/html/jaarstukken-2024-p9.html", "leiden-2024-jaarstukken-p9"),
        ("leiden/2017/pdf/programmabegroting-2017-p9-9d-libreoffice.pdf", "leiden-2017-programmabegroting-p9-9d"),
    ];

    [Fact]
    public void Every_good_document_is_written_and_every_bad_one_gets_its_one_line_error()
    {
        var dir = Directory.CreateTempSubdirectory("begroting-mixed-").FullName;
        try
        {
            var input = Path.Combine(dir, "mixed");
            foreach (var (file, _) in Good)
            {
                Copy(Path.Combine(CorpusFiles.Corpus, file), Path.Combine(input, "good", Path.GetFileName(file)));
            }

            // Each regression file in a folder of its own: the pages of one folder would be read as one site.
            var regressions = Path.Combine(CorpusFiles.Corpus, "regressions");
            var bad = Directory.EnumerateFiles(regressions, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            Assert.True(bad.Count >= 30, $"only {bad.Count} regression files");
            for (var i = 0; i < bad.Count; i++)
            {
                Copy(bad[i], Path.Combine(input, "bad", i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), Path.GetFileName(bad[i])));
            }

            var run = CliProcess.Measured(dir, "build", "mixed", "--out", "out", "--no-ocr", "--timeout", "60");

            var errors = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error ", StringComparison.Ordinal)).ToList();
            Assert.Equal(errors.Count == 0 ? 0 : 1, run.Exit);
            Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);

            // No fault of the tool itself: a bad file is a document or a reason a user can act on.
            Assert.All(errors, e => Assert.DoesNotMatch("^error (internal|timeout|memory):", e));

            // One line at most per bad file, naming it; none for a good one.
            foreach (var file in bad.Select((f, i) => $"mixed/bad/{i:00}/{Path.GetFileName(f)}"))
            {
                Assert.True(errors.Count(e => e.Contains(file, StringComparison.Ordinal)) <= 1, $"{file}: {string.Join("\n", errors)}");
            }

            Assert.DoesNotContain(errors, e => e.Contains("mixed/good/", StringComparison.Ordinal));

            // Every input is accounted for: written or failed.
            var summary = run.Out.Split('\n').Single(l => l.Contains(" documents (", StringComparison.Ordinal));
            Assert.StartsWith($"{Good.Length + bad.Count - errors.Count} of {Good.Length + bad.Count} documents", summary, StringComparison.Ordinal);

            // The good documents are exact.
            var facts = Facts.ReadCsv(File.ReadAllText(Path.Combine(dir, "out", "facts.csv")), "facts.csv");
            foreach (var (file, goldId) in Good)
            {
                var id = Pipeline.Extraction.IdFromFileName(file);
                var goldPath = Path.Combine(CorpusFiles.Gold, goldId + ".facts.csv");
                var gold = Facts.ReadCsv(File.ReadAllText(goldPath), goldPath);
                var actual = facts.Where(f => f.DocumentId == id).Select(f => f with { DocumentId = goldId }).ToList();
                var report = Evaluator.Compare(gold, actual);
                Assert.True(report.Perfect, $"{file}: {report.Mismatches.Count} differences");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}
