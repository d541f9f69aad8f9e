using System.Diagnostics;
using System.Globalization;
using System.Text;
using Begroting.Fuzz.Tests.Mutators;

namespace Begroting.Fuzz.Tests.Harness;

/// <summary>How many cases to run, from which seed, with which budget, and whether faults are shrunk and written out.</summary>
/// <param name="Seed">The campaign's seed: case n is a function of it and n.</param>
/// <param name="Cases">The number of cases (the smoke run's fixed count), or null to run for <paramref name="Duration"/>.</param>
/// <param name="Duration">How long to run when no count is given.</param>
/// <param name="Budget">The time one case may take before it is a hang.</param>
/// <param name="Output">Where found faults are written (one folder per class), or null.</param>
/// <param name="Shrink">Whether each new fault is shrunk (mutations dropped) and, for text and markup, minimised line by line.</param>
public sealed record CampaignOptions(ulong Seed, int? Cases, TimeSpan? Duration, TimeSpan Budget, string? Output, bool Shrink)
{
    /// <summary>The formats whose seeds are used; all by default.</summary>
    public IReadOnlySet<SeedFormat>? Formats { get; init; }

    /// <summary>The smoke run CI makes: a fixed seed and count, measured to take about two minutes on the 2-core machine.</summary>
    public static readonly CampaignOptions Smoke = new(20251203, 800, null, TimeSpan.FromSeconds(30), null, Shrink: false);

    /// <summary>The smoke run, or what FUZZ_SEED, FUZZ_CASES, FUZZ_MINUTES, FUZZ_BUDGET_SECONDS, FUZZ_OUT, FUZZ_SHRINK and FUZZ_FORMATS (e.g. Text,Html) ask for (scripts/fuzz.sh sets them).</summary>
    public static CampaignOptions FromEnvironment()
    {
        static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        var minutes = Get("FUZZ_MINUTES") is { } m ? double.Parse(m, CultureInfo.InvariantCulture) : (double?)null;
        var cases = Get("FUZZ_CASES") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : minutes is null ? Smoke.Cases : null;
        return new CampaignOptions(
            Get("FUZZ_SEED") is { } s ? ulong.Parse(s, CultureInfo.InvariantCulture) : Smoke.Seed,
            cases,
            minutes is { } mm ? TimeSpan.FromMinutes(mm) : null,
            Get("FUZZ_BUDGET_SECONDS") is { } b ? TimeSpan.FromSeconds(double.Parse(b, CultureInfo.InvariantCulture)) : Smoke.Budget,
            Get("FUZZ_OUT"),
            Get("FUZZ_SHRINK") is { } sh ? sh is "1" or "true" : minutes is not null)
        {
            Formats = Get("FUZZ_FORMATS") is { } f ? f.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<SeedFormat>).ToHashSet() : null,
        };
    }

    public IReadOnlyList<Seed> Select(IReadOnlyList<Seed> seeds) => Formats is null ? seeds : seeds.Where(s => Formats.Contains(s.Format)).ToList();

    public bool IsSmoke => this == Smoke;
}

/// <summary>A class of fault: its first case (shrunk when asked), how often it was hit, the file written for it, and for a hang the stage it is in.</summary>
public sealed record Fault(string Class, OutcomeKind Kind, FuzzCase First, Outcome Outcome, int Count, string? Written)
{
    /// <summary>For a hang: 'reader' when the reader alone does not finish in time, 'normaliser' when it does.</summary>
    public string? Stage { get; init; }
}

/// <summary>What a campaign did: cases run, outcomes by kind and error code, faults by class.</summary>
public sealed class CampaignResult
{
    public int Cases { get; set; }

    public TimeSpan Elapsed { get; set; }

    public int WorkerStarts { get; set; }

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Fault> Faults { get; } = new(StringComparer.Ordinal);

    public int Crashes => Faults.Values.Where(f => f.Kind == OutcomeKind.Crash).Sum(f => f.Count);

    public int Hangs => Faults.Values.Where(f => f.Kind == OutcomeKind.Hang).Sum(f => f.Count);

    public string Summary(CampaignOptions options)
    {
        var sb = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        sb.AppendLine(invariant, $"fuzz: seed {options.Seed}, {Cases} cases in {Elapsed.TotalSeconds:0} s ({Cases / Math.Max(1, Elapsed.TotalSeconds):0.0}/s), budget {options.Budget.TotalSeconds:0} s a case, worker started {WorkerStarts}x");
        sb.AppendLine(invariant, $"outcomes: {string.Join(", ", Outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        sb.AppendLine(invariant, $"crashes {Crashes}, hangs {Hangs}, other faults {Faults.Values.Where(f => f.Kind is not (OutcomeKind.Crash or OutcomeKind.Hang)).Sum(f => f.Count)}, in {Faults.Count} classes");
        foreach (var fault in Faults.Values)
        {
            sb.AppendLine(invariant, $"  {fault.Count,5}  {fault.Class}{(fault.Stage is { } stage ? $" (in the {stage})" : string.Empty)}");
            sb.AppendLine(invariant, $"         first: {fault.First}  (replay {fault.First.Replay})");
            sb.AppendLine(invariant, $"         {Line(fault.Outcome.Detail)}");
            if (fault.Written is not null)
            {
                sb.AppendLine(invariant, $"         written: {fault.Written}");
            }
        }

        return sb.ToString();
    }

    private static string Line(string text)
    {
        var first = text.Split('\n')[0];
        return first.Length > 300 ? first[..300] + "..." : first;
    }
}

/// <summary>Runs cases through the worker and sorts their outcomes; the first case of each fault class is shrunk and written out when asked.</summary>
public sealed class Campaign(CampaignOptions options, Action<string>? log = null) : IDisposable
{
    private readonly WorkerProcess worker = new();
    private readonly string work = Directory.CreateTempSubdirectory("begroting-fuzz-").FullName;

    public CampaignResult Run(IReadOnlyList<Seed> all)
    {
        var seeds = options.Select(all);
        var result = new CampaignResult();
        var clock = Stopwatch.StartNew();
        for (var n = 0; options.Cases is { } count ? n < count : clock.Elapsed < options.Duration; n++)
        {
            var fuzzCase = Generators.Generate(seeds, Generators.CaseRandom(options.Seed, n));
            var outcome = Execute(fuzzCase, Mutate.Apply(fuzzCase));
            result.Cases++;
            var key = outcome.IsFault ? outcome.Kind.ToString().ToLowerInvariant() : outcome.Kind == OutcomeKind.Error ? "error " + outcome.Signature : "document";
            result.Outcomes[key] = result.Outcomes.GetValueOrDefault(key) + 1;
            if (!outcome.IsFault)
            {
                continue;
            }

            var cls = ClassOf(fuzzCase, outcome);
            if (result.Faults.TryGetValue(cls, out var known))
            {
                result.Faults[cls] = known with { Count = known.Count + 1 };
                continue;
            }

            log?.Invoke($"case {n}: {cls}: {fuzzCase}");
            var (first, firstOutcome) = options.Shrink ? Shrink(fuzzCase, outcome, cls) : (fuzzCase, outcome);
            var fault = new Fault(ClassOf(first, firstOutcome), outcome.Kind, first, firstOutcome, 1, null) { Stage = outcome.Kind == OutcomeKind.Hang ? StageOf(first) : null };
            if (options.Output is { } dir)
            {
                fault = fault with { Written = Write(dir, fault) };
            }

            result.Faults[cls] = fault;
        }

        result.Elapsed = clock.Elapsed;
        result.WorkerStarts = worker.Starts;
        return result;
    }

    /// <summary>A fault's class: a crash by its signature, a hang (which has no stack) by its format and operators, the rest by their check.</summary>
    public static string ClassOf(FuzzCase fuzzCase, Outcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Hang => $"hang {fuzzCase.Seed.Format.ToString().ToLowerInvariant()} {fuzzCase.Operators}",
        _ => $"{outcome.Kind.ToString().ToLowerInvariant()} {outcome.Signature}",
    };

    /// <summary>Runs the case's bytes (in place of its target file) through the worker.</summary>
    public Outcome Execute(FuzzCase fuzzCase, byte[] bytes) =>
        worker.Run(new WorkRequest(Stage(fuzzCase, bytes), fuzzCase.Seed.Format, (int)options.Budget.TotalMilliseconds));

    /// <summary>The case's files in the work folder: its bytes in place of its target file, the seed's other pages beside it.</summary>
    private List<string> Stage(FuzzCase fuzzCase, byte[] bytes)
    {
        var dir = Path.Combine(work, "case");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        var files = new List<string>();
        foreach (var file in fuzzCase.Seed.Files)
        {
            var target = Path.Combine(dir, fuzzCase.Seed.Files.Count > 1 ? Path.GetFileName(file) : "case" + Path.GetExtension(file).ToLowerInvariant());
            if (file == fuzzCase.TargetFile)
            {
                File.WriteAllBytes(target, bytes);
            }
            else
            {
                File.Copy(file, target);
            }

            files.Add(target);
        }

        return files;
    }

    /// <summary>Where a hang is: the case's reader alone, under the same budget, hangs too, or finishes (then the normaliser hangs).</summary>
    private string StageOf(FuzzCase fuzzCase)
    {
        var files = Stage(fuzzCase, Mutate.Apply(fuzzCase));
        var outcome = worker.Run(new WorkRequest(files, fuzzCase.Seed.Format, (int)options.Budget.TotalMilliseconds, ReaderOnly: true));
        return outcome.Kind == OutcomeKind.Hang ? "reader" : outcome.Kind == OutcomeKind.Document ? "normaliser" : $"? (the reader alone: {outcome.Kind} {outcome.Signature})";
    }

    /// <summary>Drops mutations one at a time while the fault stays in its class: the fewest that make it.</summary>
    private (FuzzCase, Outcome) Shrink(FuzzCase fuzzCase, Outcome outcome, string cls)
    {
        var (best, bestOutcome) = (fuzzCase, outcome);
        for (var i = best.Mutations.Count - 1; i >= 0 && best.Mutations.Count > 1; i--)
        {
            var fewer = best with { Mutations = [.. best.Mutations.Where((_, k) => k != i)] };
            var tried = Execute(fewer, Mutate.Apply(fewer));
            if (tried.IsFault && SameClass(ClassOf(fewer, tried), cls, tried.Kind))
            {
                (best, bestOutcome) = (fewer, tried);
            }
        }

        return (best, bestOutcome);
    }

    /// <summary>A hang shrunk to fewer operators is the same hang.</summary>
    private static bool SameClass(string tried, string cls, OutcomeKind kind) => kind == OutcomeKind.Hang ? cls.StartsWith("hang", StringComparison.Ordinal) && tried.StartsWith("hang", StringComparison.Ordinal) : tried == cls;

    private string Write(string dir, Fault fault)
    {
        // Two first cases can shrink into one class: each keeps a folder.
        var folder = Path.Combine(dir, Slug(fault.Class));
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(dir, $"{Slug(fault.Class)}-{n}");
        }

        Directory.CreateDirectory(folder);
        var bytes = Mutate.Apply(fault.First);
        var extension = Path.GetExtension(fault.First.TargetFile).ToLowerInvariant();
        if (options.Shrink && fault.First.Seed.Format is SeedFormat.Text or SeedFormat.Html)
        {
            bytes = new Minimiser(candidate => StillFails(fault, candidate), TimeSpan.FromMinutes(fault.Kind == OutcomeKind.Hang ? 3 : 2)).Minimise(bytes);
        }

        var path = Path.Combine(folder, "case" + extension);
        File.WriteAllBytes(path, bytes);
        File.WriteAllText(Path.Combine(folder, "case.md"), $"class: {fault.Class}{(fault.Stage is { } stage ? $" (in the {stage})" : string.Empty)}\ncase: {fault.First}\nreplay: {fault.First.Replay}\n\n{fault.Outcome.Detail}\n");
        return path;
    }

    private bool StillFails(Fault fault, byte[] candidate)
    {
        var outcome = Execute(fault.First, candidate);
        return outcome.IsFault && SameClass(ClassOf(fault.First, outcome), fault.Class, outcome.Kind);
    }

    private static string Slug(string cls)
    {
        var sb = new StringBuilder();
        foreach (var ch in cls.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        }

        return sb.ToString().Trim('-').Replace("--", "-", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        worker.Dispose();
        Directory.Delete(work, recursive: true);
    }
}
