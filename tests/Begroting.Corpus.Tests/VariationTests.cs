using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Begroting.Model.Canonical;
using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Evaluation;
using Begroting.Pipeline.Export;
using Xunit.Abstractions;

namespace Begroting.Corpus.Tests;

/// <summary>Every variation of corpus/variations/ (the gold tables in other producers' layouts) against its gold: F1 = 1.000, no missing, extra or wrong value.</summary>
/// <remarks>
/// The variations are made by corpus/tools/make_variations.py from the hand-checked gold and committed, so this needs no
/// Chromium or LibreOffice. Each is read as a file the manifest gives kind and year for, but no programme: the content
/// must name it. <c>BEGROTING_VARIATIONS</c> names another folder of variations (the long run: scripts/variations.sh
/// generates 3000 into a temporary folder and runs this test over them).
/// </remarks>
public sealed class VariationTests(ITestOutputHelper output)
{
    /// <summary>The folder read: <c>BEGROTING_VARIATIONS</c>, else corpus/variations.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable("BEGROTING_VARIATIONS") is { Length: > 0 } other ? Path.GetFullPath(other) : Path.Combine(CorpusFiles.Corpus, "variations");

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var v in Variations.Value)
        {
            data.Add(v.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Variation_equals_its_gold(string id)
    {
        var outcome = Outcomes.Value[id];
        Assert.True(outcome.Error is null, $"{id}: {outcome.Error}");
        Assert.True(outcome.Report!.Perfect, $"{id}: {outcome.Report.Mismatches.Count} differences (actual in {ActualFolder}):\n" + string.Join("\n", outcome.Report.Mismatches.Take(40).Select(Describe)));
    }

    [Fact]
    public void Every_variation_is_exact_and_the_F1_per_form_and_producer_is_printed()
    {
        Assert.NotEmpty(Variations.Value);
        var summary = Summary();
        output.WriteLine(summary);
        File.WriteAllText(Path.Combine(ActualFolder, "summary.txt"), summary);
        var failed = Variations.Value.Where(v => !Outcomes.Value[v.Id].Exact).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {Variations.Value.Count} variations are not exact (actual facts in {ActualFolder}):\n{summary}\n" +
            string.Join("\n", failed.Take(60).Select(v => $"{v.Id} ({v.Source}, {v.Table}): {Outcomes.Value[v.Id].Brief}")));
    }

    /// <summary>One variation as variations.json lists it.</summary>
    private sealed record Variation(string Id, string Form, string Producer, DocumentKind Kind, int Year, string Source, string Table, string Path, string Gold);

    private sealed record Outcome(string? Error, EvaluationReport? Report)
    {
        public bool Exact => Error is null && Report!.Perfect;

        public (int Gold, int Actual, int Correct) Counts(int goldCount) =>
            Report is null ? (goldCount, 0, 0) : (Report.Scores.Sum(s => s.Gold), Report.Scores.Sum(s => s.Actual), Report.Scores.Sum(s => s.Correct));

        public string Brief => Error ?? (Report!.Perfect ? "exact" : string.Join("; ", Report.Mismatches.GroupBy(m => m.Kind).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")) + ", first: " + Describe(Report.Mismatches[0]));
    }

    private static readonly Lazy<IReadOnlyList<Variation>> Variations = new(Load);

    private static readonly Lazy<IReadOnlyDictionary<string, Outcome>> Outcomes = new(ExtractAll);

    private static readonly Lazy<IReadOnlyDictionary<string, int>> GoldCounts = new(() => Variations.Value.ToDictionary(v => v.Id, v => ReadGold(v).Count, StringComparer.Ordinal));

    private static string ActualFolder
    {
        get
        {
            // One folder per folder of variations read, so that two sets never mix their actual facts.
            var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "begroting-variations-actual", System.IO.Path.GetFileName(Folder.TrimEnd('/')));
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static List<Variation> Load()
    {
        var manifest = System.IO.Path.Combine(Folder, "variations.json");
        if (!File.Exists(manifest))
        {
            throw new FileNotFoundException($"no variations.json in {Folder}: run corpus/tools/make_variations.py", manifest);
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
        return json.RootElement.GetProperty("documents").EnumerateArray().Select(d => new Variation(
            d.GetProperty("id").GetString()!,
            d.GetProperty("form").GetString()!,
            d.GetProperty("producer").GetString()!,
            Enum.Parse<DocumentKind>(d.GetProperty("kind").GetString()!, ignoreCase: true),
            d.GetProperty("year").GetInt32(),
            d.GetProperty("source").GetString()!,
            d.GetProperty("table").GetString()!,
            d.GetProperty("path").GetString()!,
            d.GetProperty("gold").GetString()!)).ToList();
    }

    private static List<FactRow> ReadGold(Variation v)
    {
        var path = System.IO.Path.Combine(Folder, v.Gold);
        return Facts.ReadCsv(File.ReadAllText(path), path);
    }

    /// <summary>Every variation read once for both tests, two at a time (the machine's two cores).</summary>
    private static ConcurrentDictionary<string, Outcome> ExtractAll()
    {
        var outcomes = new ConcurrentDictionary<string, Outcome>(StringComparer.Ordinal);
        Parallel.ForEach(Variations.Value, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(2, Environment.ProcessorCount) }, v => outcomes[v.Id] = Extract(v));
        return outcomes;
    }

    /// <summary>What one small document may take: the slowest variation that is read at all takes under 2 s here.</summary>
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(20);

    /// <summary>
    /// One variation read with a time budget: a reader that loops is reported as the variation's failure instead of
    /// holding up the run. A read that ignores its cancellation is left behind (it keeps a core until the run ends).
    /// </summary>
    private static Outcome Extract(Variation v)
    {
        var path = System.IO.Path.Combine(Folder, v.Path);
        var display = System.IO.Path.GetRelativePath(CorpusFiles.Root, path).Replace('\\', '/');
        var options = new ExtractionOptions { Kind = v.Kind, Year = v.Year, Ocr = false };
        var actualPath = System.IO.Path.Combine(ActualFolder, v.Id + ".facts.actual");
        using var cancel = new CancellationTokenSource(TimeBudget);
        var read = Task.Run(() => Extraction.ExtractFile(path, options, new ManifestIndex(), display, cancel.Token), CancellationToken.None);
        ExtractionResult result;
        try
        {
            if (!read.Wait(TimeBudget * 2, CancellationToken.None))
            {
                File.Delete(actualPath);
                return new Outcome($"timeout: not done after {(TimeBudget * 2).TotalSeconds:0} s, and cancelled after {TimeBudget.TotalSeconds:0} s without stopping", null);
            }

            result = read.Result;
        }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException)
        {
            File.Delete(actualPath);
            return new Outcome($"timeout: cancelled after {TimeBudget.TotalSeconds:0} s", null);
        }

        if (!result.Succeeded)
        {
            File.Delete(actualPath);
            return new Outcome($"error {result.ErrorCode}: {result.Error}", null);
        }

        var actual = Facts.Of(result.Document!).Select(f => f with { DocumentId = v.Id }).ToList();
        var report = Evaluator.Compare(ReadGold(v), actual);
        if (report.Perfect)
        {
            File.Delete(actualPath);
        }
        else
        {
            // Outside the corpus, for a diff by hand; the gold is never touched.
            File.WriteAllText(actualPath, Facts.ToCsv(actual));
        }

        return new Outcome(null, report);
    }

    /// <summary>Per form and producer, then over all: variations, exact ones, and F1 over every value (a document that failed counts its gold as missed).</summary>
    private static string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"variations in {Folder}");
        text.AppendLine("form\tproducer\tvariations\texact\tF1");
        void Line(string form, string producer, IReadOnlyCollection<Variation> group)
        {
            var (gold, actual, correct) = (0, 0, 0);
            foreach (var v in group)
            {
                var (g, a, c) = Outcomes.Value[v.Id].Counts(GoldCounts.Value[v.Id]);
                (gold, actual, correct) = (gold + g, actual + a, correct + c);
            }

            var f1 = gold + actual == 0 ? 1.0 : 2.0 * correct / (gold + actual);
            text.AppendLine(CultureInfo.InvariantCulture, $"{form}\t{producer}\t{group.Count}\t{group.Count(v => Outcomes.Value[v.Id].Exact)}\t{f1:0.000}");
        }

        foreach (var g in Variations.Value.GroupBy(v => (v.Form, v.Producer)).OrderBy(g => g.Key.Form, StringComparer.Ordinal).ThenBy(g => g.Key.Producer, StringComparer.Ordinal))
        {
            Line(g.Key.Form, g.Key.Producer, g.ToList());
        }

        foreach (var g in Variations.Value.GroupBy(v => v.Form).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line(g.Key, "all", g.ToList());
        }

        Line("all", "all", Variations.Value);
        return text.ToString();
    }

    private static string Describe(Mismatch m)
    {
        var r = m.Gold ?? m.Actual!;
        return $"{m.Kind}: {r.TableKind} {r.SubjectCode} {r.Subject} {r.Measure} {r.Period} {r.ColumnKind} gold='{m.Gold?.Value}|{m.Gold?.Raw}' got='{m.Actual?.Value}|{m.Actual?.Raw}' {m.Detail}";
    }
}
