using Begroting.Pipeline.Evaluation;
using Begroting.Pipeline.Export;

namespace Begroting.Corpus.Tests;

/// <summary>Every corpus document against its hand-checked gold: F1 = 1.000, no missing, extra or wrong value.</summary>
public class GoldTests
{
    [Theory]
    [MemberData(nameof(CorpusFiles.DocumentIds), MemberType = typeof(CorpusFiles))]
    public void Extraction_equals_gold(string id)
    {
        var goldId = CorpusFiles.GoldId(id);
        var goldPath = Path.Combine(CorpusFiles.Gold, goldId + ".facts.csv");
        Assert.True(File.Exists(goldPath), $"no gold for {id}: every corpus document needs {goldPath}");
        var gold = Facts.ReadCsv(File.ReadAllText(goldPath), goldPath);
        var result = CorpusFiles.Extract(id);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(id, result.Document!.Document.Id);

        // A re-laid-out form is scored against the gold of its text form, under that form's id.
        var actual = Facts.Of(result.Document!).Select(f => f with { DocumentId = goldId }).ToList();
        var report = Evaluator.Compare(gold, actual);
        var actualPath = Path.Combine(CorpusFiles.Gold, id + ".facts.actual");
        if (report.Perfect)
        {
            File.Delete(actualPath);
        }
        else
        {
            // Beside the gold, for a diff by hand; never copied over it.
            File.WriteAllText(actualPath, Facts.ToCsv(actual));
        }

        Assert.True(report.Perfect, $"{id}: {report.Mismatches.Count} differences (actual written to {actualPath}):\n" + string.Join("\n", report.Mismatches.Take(40).Select(Describe)));
        Assert.All(report.Scores, s => Assert.Equal(1.0, s.F1));
    }

    [Fact]
    public void Every_gold_file_belongs_to_a_manifest_document()
    {
        var ids = CorpusFiles.Manifest.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(CorpusFiles.Gold, "*.facts.csv"))
        {
            var id = Path.GetFileName(file)[..^".facts.csv".Length];
            Assert.Contains(id, ids);
            Assert.All(Facts.ReadCsv(File.ReadAllText(file), file), r => Assert.Equal(id, r.DocumentId));
        }
    }

    private static string Describe(Mismatch m)
    {
        var r = m.Gold ?? m.Actual!;
        return $"{m.Kind}: {r.TableKind} {r.SubjectCode} {r.Subject} {r.Measure} {r.Period} {r.ColumnKind} gold='{m.Gold?.Value}|{m.Gold?.Raw}' got='{m.Actual?.Value}|{m.Actual?.Raw}' {m.Detail}";
    }
}
