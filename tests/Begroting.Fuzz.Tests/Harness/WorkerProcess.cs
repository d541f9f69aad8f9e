using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Begroting.Fuzz.Tests.Harness;

/// <summary>The test's side of the worker: starts it, hands it cases, and restarts it when a case killed it or was abandoned.</summary>
/// <remarks>
/// The worker is this assembly run as a program (<c>dotnet Begroting.Fuzz.Tests.dll --fuzz-worker</c>), with the GC's
/// heap limited so that a runaway allocation is an OutOfMemoryException in the worker, not a machine out of memory.
/// </remarks>
public sealed class WorkerProcess : IDisposable
{
    /// <summary>Beyond the budget and the worker's own grace: a worker silent this long is wedged and killed.</summary>
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(20);

    private Process? process;
    private BlockingCollection<string?>? lines;
    private readonly StringBuilder stderr = new();

    public int Starts { get; private set; }

    public Outcome Run(WorkRequest request)
    {
        var clock = Stopwatch.StartNew();
        var (worker, output) = Start();
        lock (stderr)
        {
            stderr.Clear();
        }

        worker.StandardInput.WriteLine(JsonSerializer.Serialize(request, ProtocolJson.Default.WorkRequest));
        worker.StandardInput.Flush();
        if (!output.TryTake(out var line, TimeSpan.FromMilliseconds(request.BudgetMilliseconds) + Silence))
        {
            Stop();
            return new Outcome(OutcomeKind.Hang, string.Empty, "the worker gave no answer and was killed", clock.ElapsedMilliseconds);
        }

        if (line is null)
        {
            // The worker died under the case: a stack overflow, or the runtime giving up.
            worker.WaitForExit(5000);
            var code = worker.HasExited ? worker.ExitCode : (int?)null;
            string err;
            lock (stderr)
            {
                err = stderr.ToString();
            }

            Stop();
            return new Outcome(OutcomeKind.Crash, Signatures.OfDeath(code, err), $"the worker died (exit {code}): {Head(err)}", clock.ElapsedMilliseconds);
        }

        var outcome = JsonSerializer.Deserialize(line, ProtocolJson.Default.Outcome) ?? throw new InvalidDataException($"worker answered '{line}'");
        if (outcome.Abandoned)
        {
            Stop();
        }

        return outcome;
    }

    private (Process, BlockingCollection<string?>) Start()
    {
        if (process is { HasExited: false } && lines is not null)
        {
            return (process, lines);
        }

        Stop();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Begroting.Fuzz.Tests.dll"));
        info.ArgumentList.Add(Program.WorkerFlag);
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x60000000";
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        var started = Process.Start(info) ?? throw new InvalidOperationException("the fuzz worker did not start");
        var output = new BlockingCollection<string?>();
        started.OutputDataReceived += (_, e) => output.Add(e.Data);
        started.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                // A stack overflow prints thousands of frames; the first lines name it.
                if (e.Data is not null && stderr.Length < 20_000)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        if (!output.TryTake(out var ready, TimeSpan.FromSeconds(60)) || ready != Worker.Ready)
        {
            started.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the fuzz worker did not start: '{ready}' {stderr}");
        }

        Starts++;
        (process, lines) = (started, output);
        return (started, output);
    }

    private void Stop()
    {
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        process = null;
        lines = null;
    }

    private static string Head(string text)
    {
        var head = string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6));
        return head.Length > 600 ? head[..600] : head;
    }

    public void Dispose() => Stop();
}
