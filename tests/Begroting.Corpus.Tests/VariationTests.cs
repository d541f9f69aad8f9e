using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Begroting.Model.Canonical;
using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Evaluation;
using Begroting.Pipeline.Export;
using Xunit.Abstractions;

namespace Begroting.Corpus.Tests;

/// <summary>
/// The gold tables laid out by other producers (corpus/tools/make_variations.py; the committed set in corpus/variations/,
/// another folder through BEGROTING_VARIATIONS): each read as a file whose kind and year are given and whose programme
/// the content must name, compared with the gold of exactly the table it shows.
/// </summary>
public class VariationTests(ITestOutputHelper output)
{
    /// <summary>No variation is more than a page or two: one that takes longer than this is a reader stuck in a loop.</summary>
    private static readonly TimeSpan PerVariation = TimeSpan.FromSeconds(30);

    private static string Folder => Environment.GetEnvironmentVariable("BEGROTING_VARIATIONS") is { Length: > 0 } other ? other : Path.Combine(CorpusFiles.Corpus, "variations");

    /// <summary>The variations of the committed set read exactly today, one id per line: a variation on it that stops being exact fails.</summary>
    private static string ExactList => Path.Combine(CorpusFiles.Corpus, "variations", "exact.txt");

    [Fact]
    public void Every_variation_reads_to_its_gold_in_time_and_none_read_exactly_regresses()
    {
        var variations = Load(Folder);
        Assert.True(variations.Count >= 300 || Folder != Path.Combine(CorpusFiles.Corpus, "variations"), $"{variations.Count} variations in the committed set");
        var outcomes = new ConcurrentBag<Outcome>();
        Parallel.ForEach(variations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, v => outcomes.Add(Read(v)));
        var all = outcomes.OrderBy(o => o.Variation.Id, StringComparer.Ordinal).ToList();
        output.WriteLine(Summary(all));
        WriteActuals(all);

        Assert.All(all, o => Assert.True(o.Elapsed < PerVariation, $"{o.Variation.Id} took {o.Elapsed.TotalSeconds:0.0} s"));
        Assert.All(all, o => Assert.True(o.Error is null || o.Error.StartsWith("no-", StringComparison.Ordinal), $"{o.Variation.Id}: {o.Error}"));
        var strict = Environment.GetEnvironmentVariable("BEGROTING_VARIATIONS_STRICT") == "1";
        var mustBeExact = strict || Folder != Path.Combine(CorpusFiles.Corpus, "variations")
            ? all.Select(o => o.Variation.Id).ToHashSet(StringComparer.Ordinal)
            : File.ReadLines(ExactList).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var regressed = all.Where(o => mustBeExact.Contains(o.Variation.Id) && !o.Exact).Select(o => $"{o.Variation.Id}: {o.Detail}").ToList();
        Assert.True(regressed.Count == 0, $"{regressed.Count} variations not exact:\n{string.Join("\n", regressed.Take(40))}");
        Assert.All(mustBeExact, id => Assert.Contains(all, o => o.Variation.Id == id));
        foreach (var o in all.Where(o => o.Exact && !mustBeExact.Contains(o.Variation.Id)))
        {
            output.WriteLine($"now exact, add to {ExactList}: {o.Variation.Id}");
        }
    }

    private sealed record Variation(string Id, string Form, string Producer, DocumentKind Kind, int Year, string Path, string Gold);

    private sealed record Outcome(Variation Variation, int Gold, int Actual, int Correct, string? Error, string Detail, TimeSpan Elapsed, IReadOnlyList<FactRow> Facts)
    {
        public bool Exact => Error is null && Correct == Gold && Actual == Gold;
    }

    private static List<Variation> Load(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.Combine(folder, "variations.json")));
        return json.RootElement.GetProperty("documents").EnumerateArray().Select(d => new Variation(
            d.GetProperty("id").GetString()!,
            d.GetProperty("form").GetString()!,
            d.GetProperty("producer").GetString()!,
            d.GetProperty("kind").GetString() == "jaarstukken" ? DocumentKind.Jaarstukken : DocumentKind.Programmabegroting,
            d.GetProperty("year").GetInt32(),
            System.IO.Path.Combine(folder, d.GetProperty("path").GetString()!),
            System.IO.Path.Combine(folder, d.GetProperty("gold").GetString()!))).ToList();
    }

    private static Outcome Read(Variation v)
    {
        var gold = Facts.ReadCsv(File.ReadAllText(v.Gold), v.Gold);
        var clock = Stopwatch.StartNew();
        using var budget = new CancellationTokenSource(PerVariation);
        ExtractionResult result;
        try
        {
            result = Extraction.ExtractFile(v.Path, new ExtractionOptions { Kind = v.Kind, Year = v.Year }, new ManifestIndex(), System.IO.Path.GetFileName(v.Path), budget.Token);
        }
        catch (OperationCanceledException)
        {
            return new Outcome(v, gold.Count, 0, 0, "timeout", "timeout", clock.Elapsed, []);
        }

        if (!result.Succeeded)
        {
            return new Outcome(v, gold.Count, 0, 0, result.ErrorCode + ": " + result.Error, result.Error ?? string.Empty, clock.Elapsed, []);
        }

        var actual = Facts.Of(result.Document!).ToList();
        var report = Evaluator.Compare(gold, actual);
        var (g, a, c) = (report.Scores.Sum(s => s.Gold), report.Scores.Sum(s => s.Actual), report.Scores.Sum(s => s.Correct));
        var detail = string.Join("; ", report.Mismatches.Take(3).Select(m => $"{m.Kind} {(m.Gold ?? m.Actual)!.Subject} {(m.Gold ?? m.Actual)!.Period} gold '{m.Gold?.Raw}' got '{m.Actual?.Raw}'"));
        return new Outcome(v, g, a, c, null, detail, clock.Elapsed, actual);
    }

    private static string Summary(IReadOnlyList<Outcome> all)
    {
        static double F1(IEnumerable<Outcome> o) => new Score(string.Empty, string.Empty, o.Sum(x => x.Gold), o.Sum(x => x.Actual), o.Sum(x => x.Correct)).F1;

        var text = new StringBuilder();
        text.AppendLine($"variations in {Folder}: {all.Count(o => o.Exact)} of {all.Count} exact, F1 {F1(all):0.000}; slowest {all.Max(o => o.Elapsed).TotalSeconds:0.0} s");
        foreach (var group in all.GroupBy(o => (o.Variation.Form, o.Variation.Producer)).OrderBy(g => g.Key))
        {
            text.AppendLine($"  {group.Key.Form,-5} {group.Key.Producer,-12} {group.Count(o => o.Exact),4} of {group.Count(),4} exact  F1 {F1(group):0.000}");
        }

        foreach (var o in all.Where(o => !o.Exact))
        {
            text.AppendLine($"  not exact: {o.Variation.Id} ({o.Correct}/{o.Gold} right, {o.Actual} read{(o.Error is null ? string.Empty : ", " + o.Error)}) {o.Detail}");
        }

        return text.ToString();
    }

    /// <summary>The facts of every variation that is not exact, for a diff by hand, in $TMPDIR/begroting-variations-actual/.</summary>
    private static void WriteActuals(IReadOnlyList<Outcome> all)
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "begroting-variations-actual", new DirectoryInfo(Folder).Name);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        foreach (var o in all.Where(o => !o.Exact))
        {
            File.WriteAllText(System.IO.Path.Combine(dir, o.Variation.Id + ".facts.csv"), Facts.ToCsv(o.Facts));
        }

        File.WriteAllText(System.IO.Path.Combine(dir, "summary.txt"), Summary(all));
    }
}
