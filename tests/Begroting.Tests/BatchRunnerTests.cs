using System.Diagnostics;
using Begroting.Model.Canonical;
using Begroting.Model.Diagnostics;
using Begroting.Pipeline;
using Begroting.Pipeline.Batch;

namespace Begroting.Tests;

/// <summary>The batch runner keeps one unit's fault, hang or memory blow-up from the others, with extractors made to misbehave.</summary>
/// <remarks>Not run beside other tests: the memory budget is the process's, and their timings are the point.</remarks>
[Collection(nameof(BatchRunnerTests))]
[CollectionDefinition(nameof(BatchRunnerTests), DisableParallelization = true)]
public sealed class BatchRunnerTests
{
    private static readonly BatchOptions Quick = new() { TimeBudget = TimeSpan.FromSeconds(1), Grace = TimeSpan.FromSeconds(1), Parallelism = 2 };

    private static SourceUnit Unit(string name) => new(name, [name], "sha-" + name);

    private static ExtractionResult Good(SourceUnit unit) => new(unit.Key, Document(unit.Key), null, null);

    private static CanonicalDocument Document(string id) => new(
        CanonicalDocument.CurrentSchemaVersion,
        new DocumentInfo(id, "Leiden", DocumentKind.Programmabegroting, 2018, null, id + ".txt", "sha", "text", new Dictionary<string, IdentitySource>()),
        null, [], [], [], [], [], [], [], []);

    private static IReadOnlyList<ExtractionResult> Run(IReadOnlyList<SourceUnit> units, Func<SourceUnit, CancellationToken, IReadOnlyList<ExtractionResult>> extract, BatchOptions? options = null) =>
        BatchRunner.Run(units, extract, options ?? Quick, k => k).SelectMany(r => r).ToList();

    [Fact]
    public void AReaderThatStallsButLooksAtItsTokenIsStoppedAtItsBudgetAndTheOthersAreWritten()
    {
        var clock = Stopwatch.StartNew();
        var results = Run([Unit("a"), Unit("stall"), Unit("c")], (unit, token) =>
        {
            if (unit.Key == "stall")
            {
                // A reader waiting on something that never comes, looking at its token as every page loop does.
                while (true)
                {
                    token.ThrowIfCancellationRequested();
                    Thread.Sleep(10);
                }
            }

            return [Good(unit)];
        });

        Assert.Equal(["a", "stall", "c"], results.Select(r => r.File));
        Assert.True(results[0].Succeeded);
        Assert.True(results[2].Succeeded);
        Assert.Equal("timeout", results[1].ErrorCode);
        Assert.StartsWith("stall: stopped after 1 s, past its time budget of 1 s", results[1].Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the batch took {clock.Elapsed}");
    }

    [Fact]
    public void AReaderThatNeverLooksAtItsTokenIsLeftBehindAfterTheGraceAndTheBatchEnds()
    {
        using var release = new ManualResetEventSlim();
        var clock = Stopwatch.StartNew();
        try
        {
            var results = Run([Unit("spin"), Unit("b")], (unit, token) =>
            {
                if (unit.Key == "spin")
                {
                    // A loop that does not advance and never looks at its token (the RegionEnd fault).
                    while (!release.IsSet)
                    {
                        Thread.SpinWait(1000);
                    }
                }

                return [Good(unit)];
            });

            Assert.True(results[1].Succeeded);
            Assert.Equal("timeout", results[0].ErrorCode);
            Assert.Contains("did not stop within 1 s of being cancelled and was left behind", results[0].Error, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4.5), $"the batch took {clock.Elapsed}");
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void AnyExceptionIsTheUnitsInternalErrorNamingTheFileAndThePlace()
    {
        var results = Run([Unit("a"), Unit("bad"), Unit("c")], (unit, _) => unit.Key == "bad" ? throw new KeyNotFoundException("no such row") : [Good(unit)]);

        Assert.True(results[0].Succeeded);
        Assert.True(results[2].Succeeded);
        Assert.Equal("internal", results[1].ErrorCode);
        Assert.StartsWith("bad: KeyNotFoundException in BatchRunnerTests.", results[1].Error, StringComparison.Ordinal);
        Assert.EndsWith(": no such row", results[1].Error, StringComparison.Ordinal);
        Assert.Contains("at Begroting.Tests.BatchRunnerTests", results[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoopThatDoesNotAdvanceIsAnInternalErrorNotAHang()
    {
        var results = Run([Unit("loop")], (unit, _) =>
        {
            var i = 0;
            while (i < 10)
            {
                i = Advance.Past(i, i);
            }

            return [Good(unit)];
        });

        Assert.Equal("internal", Assert.Single(results).ErrorCode);
        Assert.Contains("LoopStalledException", results[0].Error, StringComparison.Ordinal);
        Assert.Contains("index 0 -> 0", results[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AUnitThatHoldsTooMuchMemoryIsStoppedAndTheOneBesideItIsRunAgainAlone()
    {
        var budget = GC.GetTotalMemory(true) + (256L << 20);
        var runs = new Dictionary<string, int>();
        var results = Run([Unit("hog"), Unit("small")], (unit, token) =>
        {
            lock (runs)
            {
                runs[unit.Key] = runs.GetValueOrDefault(unit.Key) + 1;
            }

            if (unit.Key == "hog")
            {
                // Holds ever more memory, as one bit flip made a 110 MB document hold 1.7 GB.
                var held = new List<byte[]>();
                while (true)
                {
                    token.ThrowIfCancellationRequested();
                    var chunk = new byte[16 << 20];
                    Array.Fill(chunk, (byte)1);
                    held.Add(chunk);
                    Thread.Sleep(5);
                }
            }

            // Beside the hog it is cancelled too (nothing tells the two apart), and then run again alone.
            for (var i = 0; i < 100; i++)
            {
                token.ThrowIfCancellationRequested();
                Thread.Sleep(20);
            }

            return [Good(unit)];
        }, Quick with { TimeBudget = TimeSpan.FromSeconds(30), MemoryBudget = budget });

        Assert.Equal("memory", results[0].ErrorCode);
        Assert.Contains("past the memory budget", results[0].Error, StringComparison.Ordinal);
        Assert.True(results[1].Succeeded, results[1].Error);
        Assert.Equal(2, runs["small"]);
        Assert.Equal(2, runs["hog"]);
    }

    [Fact]
    public void AUnitWhoseFilesCannotBeHashedIsUnreadableWithoutBeingRun()
    {
        var ran = new List<string>();
        var results = Run([new SourceUnit("gone.pdf", ["gone.pdf"], null, "Permission denied"), Unit("b")], (unit, _) =>
        {
            lock (ran)
            {
                ran.Add(unit.Key);
            }

            return [Good(unit)];
        });

        Assert.Equal("unreadable", results[0].ErrorCode);
        Assert.Equal("gone.pdf: Permission denied", results[0].Error);
        Assert.Equal(["b"], ran);
    }

    [Fact]
    public void ResultsKeepTheOrderOfTheUnitsWhateverOrderTheyFinishIn()
    {
        var units = Enumerable.Range(0, 8).Select(i => Unit("u" + i)).ToList();
        var results = Run(units, (unit, _) =>
        {
            Thread.Sleep(unit.Key == "u0" ? 200 : 10);
            return [Good(unit)];
        });

        Assert.Equal(units.Select(u => u.Key), results.Select(r => r.File));
    }

    [Fact]
    public void ASecondDocumentWithATakenIdGetsItsFormatAsSuffixAndAWarning()
    {
        ExtractionResult Rendered(string file, string format) =>
            new(file, Document("page") with { Document = Document("page").Document with { Format = format, SourceFile = file } }, null, null);

        var unique = DocumentIds.Unique([Rendered("page.html", "html"), Rendered("page.pdf", "pdf"), Rendered("other/page.pdf", "pdf")]);

        Assert.Equal(["page", "page-pdf", "page-2"], unique.Select(r => r.Document!.Document.Id));
        Assert.Empty(unique[0].Document!.Warnings);
        var warning = Assert.Single(unique[1].Document!.Warnings);
        Assert.Equal("duplicate-id", warning.Code);
        Assert.Equal("document id 'page' is already taken by page.html; this document is written as 'page-pdf'", warning.Message);
        Assert.Equal("page.pdf", warning.Provenance);
        Assert.Equal("duplicate-id", Assert.Single(unique[2].Document!.Warnings).Code);
    }

    [Fact]
    public void AFolderWalkPassesOverTheFoldersItsManifestExcludes()
    {
        var dir = Directory.CreateTempSubdirectory("begroting-units-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "leiden"));
            Directory.CreateDirectory(Path.Combine(dir, "regressions", "pdf"));
            File.WriteAllText(Path.Combine(dir, "leiden", "a.txt"), "Programmabegroting 2018\n");
            File.WriteAllText(Path.Combine(dir, "regressions", "pdf", "broken.txt"), "x\n");
            File.WriteAllText(Path.Combine(dir, "regressions.txt"), "a file beside the folder, not in it\n");
            File.WriteAllText(Path.Combine(dir, "manifest.json"), """{ "exclude": ["regressions/"], "documents": [] }""");

            var units = SourceUnit.Of([dir]);

            Assert.Equal(["a.txt", "regressions.txt"], units.Select(u => Path.GetFileName(u.Key)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
