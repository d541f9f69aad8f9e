using System.CommandLine;
using System.Globalization;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Evaluation;
using Begroting.Pipeline.Export;

namespace Begroting.Cli;

internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Folder of <document-id>.facts.csv gold files.", Required = true };
        var output = new Argument<string>("output") { Description = "Output folder of 'begroting extract' (its facts.csv is compared)." };
        var command = new Command("eval", "Compare extracted facts with gold: precision, recall and F1 per document and table kind, and every difference.") { gold, output };
        command.SetAction(result => Run(result.GetValue(gold)!, result.GetValue(output)!));
        return command;
    }

    private static int Run(string goldDir, string outputDir)
    {
        List<FactRow> gold;
        List<FactRow> actual;
        HashSet<string> goldIds;
        try
        {
            gold = Directory.EnumerateFiles(goldDir, "*.facts.csv").Order(StringComparer.Ordinal).SelectMany(f => Facts.ReadCsv(File.ReadAllText(f), f)).ToList();
            var factsPath = Path.Combine(outputDir, "facts.csv");
            goldIds = gold.Select(g => g.DocumentId).ToHashSet(StringComparer.Ordinal);
            goldIds.UnionWith(Directory.EnumerateFiles(goldDir, "*.facts.csv").Select(f => Path.GetFileName(f)[..^".facts.csv".Length]));
            var all = Facts.ReadCsv(File.ReadAllText(factsPath), factsPath);

            // Other forms of a document (HTML, PDF) are scored against the gold of the form the manifest names.
            var manifestPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(goldDir))!, "manifest.json");
            if (File.Exists(manifestPath))
            {
                var present = all.Select(r => r.DocumentId).ToHashSet(StringComparer.Ordinal);
                foreach (var entry in ManifestIndex.Load(manifestPath).Documents.Where(d => d.Gold is not null && present.Contains(d.Id) && goldIds.Contains(d.Gold)))
                {
                    gold.AddRange(gold.Where(g => g.DocumentId == entry.Gold).Select(g => g with { DocumentId = entry.Id }).ToList());
                    goldIds.Add(entry.Id);
                }
            }

            actual = all.Where(r => goldIds.Contains(r.DocumentId)).ToList();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.Usage;
        }

        var report = Evaluator.Compare(gold, actual, goldIds);
        Console.WriteLine($"{"document",-50} {"table",-11} {"gold",6} {"got",6} {"right",6} {"P",6} {"R",6} {"F1",6}");
        foreach (var s in report.Scores)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.DocumentId,-50} {s.TableKind,-11} {s.Gold,6} {s.Actual,6} {s.Correct,6} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000}"));
        }

        var total = new Score("all", "all", report.Scores.Sum(s => s.Gold), report.Scores.Sum(s => s.Actual), report.Scores.Sum(s => s.Correct));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-50} {"all",-11} {total.Gold,6} {total.Actual,6} {total.Correct,6} {total.Precision,6:0.000} {total.Recall,6:0.000} {total.F1,6:0.000}"));
        foreach (var m in report.Mismatches)
        {
            var row = m.Gold ?? m.Actual!;
            var what = $"{row.DocumentId} {row.TableKind} {row.SubjectCode} {(row.SubjectCode.Length == 0 ? row.Subject : string.Empty)} {row.Measure} {row.Period} {row.ColumnKind}".Replace("  ", " ", StringComparison.Ordinal);
            Console.WriteLine(m.Kind switch
            {
                Difference.Missing => $"missing: {what} = '{m.Gold!.Value}' ({m.Gold.Raw})",
                Difference.Extra => $"extra:   {what} = '{m.Actual!.Value}' ({m.Actual.Raw}) at {m.Actual.Provenance}",
                _ => $"wrong:   {what}: {m.Detail} at {m.Actual!.Provenance}",
            });
        }

        return report.Perfect ? ExitCodes.Ok : ExitCodes.DocumentFailed;
    }
}
