using System.Diagnostics;

namespace Begroting.Pipeline.Batch;

/// <summary>How a batch runs its units: side by side, each within its own time and memory budget.</summary>
public sealed record BatchOptions
{
    /// <summary>A 300-page book fits: born-digital it takes well under a minute here, scanned and read cold by OCR at about 0.4 pages/s some 750 s.</summary>
    public static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromMinutes(20);

    /// <summary>Units extracted at once (the machine's cores, at most 2: OCR runs Tesseract processes of its own).</summary>
    public int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>How long one unit may take before it is cancelled and reported as <c>timeout</c>.</summary>
    public TimeSpan TimeBudget { get; init; } = DefaultTimeBudget;

    /// <summary>How much managed memory the batch may hold, in bytes, before the unit using it is cancelled and reported as <c>memory</c>.</summary>
    public long MemoryBudget { get; init; } = DefaultMemoryBudget();

    /// <summary>How long a cancelled unit has to stop before it is left behind, so that a loop that never looks at its token cannot hold up the batch.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>4 GiB, or half of what the machine gives the process where that is less: one document holds its current page and the tables in flight, far below either.</summary>
    public static long DefaultMemoryBudget() => Math.Min(4L << 30, Math.Max(256L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2));
}

/// <summary>Runs units of extraction side by side so that whatever happens inside one (an exception, a hang, a memory blow-up) is that unit's error, and every other unit still finishes.</summary>
/// <remarks>
/// Each unit runs on a thread of its own with a cancellation token. A watchdog on the calling thread cancels a unit
/// past its time budget, and the units in flight when managed memory passes the memory budget; a unit cancelled for
/// memory while others ran beside it is run again alone, so that only the unit that needs the memory is blamed. A
/// unit that does not stop within the grace period after cancellation is reported and left behind on its (background)
/// thread: the batch never waits for a loop that does not look at its token.
/// </remarks>
public static class BatchRunner
{
    /// <summary>Deep documents (nested tables, long recursive descents) get room; a stack overflow cannot be caught.</summary>
    private const int StackSize = 64 << 20;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs every unit; the results are in the order of the units, one list per unit.</summary>
    /// <param name="units">The units to extract.</param>
    /// <param name="extract">Extracts one unit, looking at the token at every page and in every long loop.</param>
    /// <param name="options">Parallelism and budgets.</param>
    /// <param name="display">How a unit's key is shown in its errors.</param>
    /// <param name="finished">Told when a unit is done: how many are done, and the unit.</param>
    public static IReadOnlyList<IReadOnlyList<ExtractionResult>> Run(
        IReadOnlyList<SourceUnit> units,
        Func<SourceUnit, CancellationToken, IReadOnlyList<ExtractionResult>> extract,
        BatchOptions options,
        Func<string, string> display,
        Action<int, SourceUnit>? finished = null) => new Runner(units, extract, options, display, finished).Run();

    private sealed class Job(int index, SourceUnit unit, bool alone)
    {
        public int Index { get; } = index;

        public SourceUnit Unit { get; } = unit;

        /// <summary>Whether it runs alone by design (a rerun after a memory cancellation): its memory is its own.</summary>
        public bool Alone { get; } = alone;

        public CancellationTokenSource Cancellation { get; } = new();

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        /// <summary>Why it was cancelled: null while it runs within its budgets.</summary>
        public string? Reason { get; set; }

        public TimeSpan CancelledAt { get; set; }

        public long MemoryAtCancel { get; set; }

        public bool Shared { get; set; }

        public IReadOnlyList<ExtractionResult>? Results { get; set; }

        public volatile bool Done;
    }

    private sealed class Runner(
        IReadOnlyList<SourceUnit> units,
        Func<SourceUnit, CancellationToken, IReadOnlyList<ExtractionResult>> extract,
        BatchOptions options,
        Func<string, string> display,
        Action<int, SourceUnit>? finished)
    {
        private readonly IReadOnlyList<ExtractionResult>?[] results = new IReadOnlyList<ExtractionResult>?[units.Count];
        private readonly List<Job> running = [];
        // A plain monitor, never disposed: a thread left behind may still signal it long after the batch is done.
        private readonly object signal = new();
        private int done;
        private long lastCollection;

        public IReadOnlyList<IReadOnlyList<ExtractionResult>> Run()
        {
            var queue = new Queue<int>(Enumerable.Range(0, units.Count));
            var again = new Queue<int>();
            while (queue.Count > 0 || again.Count > 0 || running.Count > 0)
            {
                // Units cancelled for memory beside others run again one at a time, once the rest is done.
                var alone = queue.Count == 0;
                var next = alone ? again : queue;
                while (next.Count > 0 && running.Count < (alone ? 1 : Math.Max(1, options.Parallelism)))
                {
                    Start(next.Dequeue(), alone);
                }

                lock (signal)
                {
                    if (!running.Any(j => j.Done))
                    {
                        Monitor.Wait(signal, Tick);
                    }
                }

                foreach (var job in running.ToList())
                {
                    Watch(job, again);
                }

                WatchMemory();
            }

            return results.Select(r => r!).ToList();
        }

        private void Start(int index, bool alone)
        {
            var unit = units[index];
            if (unit.Sha256 is null)
            {
                Finish(index, [ExtractionResult.Failed(display(unit.Key), "unreadable", $"{display(unit.Key)}: {unit.Unreadable}")]);
                return;
            }

            var job = new Job(index, unit, alone);
            running.Add(job);
            var thread = new Thread(() => Work(job), StackSize) { IsBackground = true, Name = "begroting " + unit.Key };
            thread.Start();
        }

        private void Work(Job job)
        {
            try
            {
                job.Results = extract(job.Unit, job.Cancellation.Token);
            }
            catch (OperationCanceledException) when (job.Cancellation.IsCancellationRequested)
            {
                job.Results = [Stopped(job)];
            }
            catch (Exception e)
            {
                job.Results = [ExtractionResult.Internal(display(job.Unit.Key), e)];
            }
            finally
            {
                lock (signal)
                {
                    job.Done = true;
                    Monitor.PulseAll(signal);
                }
            }
        }

        private void Watch(Job job, Queue<int> again)
        {
            var elapsed = job.Clock.Elapsed;
            if (job.Done)
            {
                running.Remove(job);
                job.Cancellation.Dispose();
                if (job.Reason == "memory" && job.Shared)
                {
                    again.Enqueue(job.Index);
                }
                else
                {
                    Finish(job.Index, job.Results!);
                }
            }
            else if (job.Reason is null && elapsed > options.TimeBudget)
            {
                Cancel(job, "timeout", shared: false);
            }
            else if (job.Reason is not null && elapsed - job.CancelledAt > options.Grace)
            {
                // Its thread goes on in the background until the process ends; the batch does not wait for it.
                running.Remove(job);
                var shown = display(job.Unit.Key);
                Finish(job.Index, [ExtractionResult.Failed(shown, job.Reason, $"{shown}: {Why(job)}; it did not stop within {options.Grace.TotalSeconds:0} s of being cancelled and was left behind")]);
            }
        }

        /// <summary>Past the memory budget, after a full collection to see what is really held, the units in flight are cancelled: alone, the one running is to blame; beside others, each runs again alone.</summary>
        private void WatchMemory()
        {
            var active = running.Where(j => j.Reason is null && !j.Done).ToList();
            if (active.Count == 0 || GC.GetTotalMemory(false) <= options.MemoryBudget || Environment.TickCount64 - lastCollection < 1000)
            {
                return;
            }

            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            lastCollection = Environment.TickCount64;
            var held = GC.GetTotalMemory(false);
            if (held <= options.MemoryBudget)
            {
                return;
            }

            foreach (var job in active)
            {
                job.MemoryAtCancel = held;
                Cancel(job, "memory", shared: !job.Alone && running.Count > 1);
            }
        }

        private static void Cancel(Job job, string reason, bool shared)
        {
            job.Reason = reason;
            job.Shared = shared;
            job.CancelledAt = job.Clock.Elapsed;
            job.Cancellation.Cancel();
        }

        private ExtractionResult Stopped(Job job)
        {
            var shown = display(job.Unit.Key);
            return ExtractionResult.Failed(shown, job.Reason ?? "cancelled", $"{shown}: {Why(job)}");
        }

        private string Why(Job job) => job.Reason switch
        {
            "timeout" => $"stopped after {job.CancelledAt.TotalSeconds:0} s, past its time budget of {options.TimeBudget.TotalSeconds:0} s (--timeout)",
            "memory" => $"stopped with {job.MemoryAtCancel >> 20} MB in use, past the memory budget of {options.MemoryBudget >> 20} MB (--max-memory)",
            _ => "cancelled",
        };

        private void Finish(int index, IReadOnlyList<ExtractionResult> result)
        {
            results[index] = result;
            finished?.Invoke(++done, units[index]);
        }
    }
}
