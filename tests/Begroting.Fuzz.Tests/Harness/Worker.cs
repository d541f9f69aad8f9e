using System.Diagnostics;
using System.Text.Json;
using Begroting.Pipeline.Validation;

namespace Begroting.Fuzz.Tests.Harness;

/// <summary>The worker's side: reads one request a line, runs it under its budget, answers one outcome a line.</summary>
/// <remarks>
/// A case runs on a thread of its own with an ordinary stack (what a batch gives a document), is cancelled through its
/// token at the budget, and is abandoned when it has not stopped a few seconds later: the worker answers 'hang' and exits,
/// since the thread it leaves behind may spin for ever.
/// </remarks>
internal static class Worker
{
    public const string Ready = "ready";

    /// <summary>How long a case may go on after its token was cancelled before it is abandoned.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    public static int Serve(TextReader input, TextWriter output)
    {
        var validator = EmbeddedSchemas.CanonicalAsync().GetAwaiter().GetResult();
        output.WriteLine(Ready);
        output.Flush();
        while (input.ReadLine() is { } line)
        {
            var request = JsonSerializer.Deserialize(line, ProtocolJson.Default.WorkRequest) ?? throw new InvalidDataException("empty request");
            var outcome = Run(request, validator);
            output.WriteLine(JsonSerializer.Serialize(outcome, ProtocolJson.Default.Outcome));
            output.Flush();
            if (outcome.Abandoned)
            {
                return 2;
            }
        }

        return 0;
    }

    public static Outcome Run(WorkRequest request, SchemaValidator validator)
    {
        var budget = TimeSpan.FromMilliseconds(request.BudgetMilliseconds);
        using var cancellation = new CancellationTokenSource();
        Outcome? outcome = null;
        var clock = Stopwatch.StartNew();
        var thread = new Thread(() => outcome = Guarded(request, validator, clock, cancellation.Token)) { IsBackground = true, Name = "fuzz case" };
        thread.Start();
        if (!thread.Join(budget))
        {
            cancellation.Cancel();
            if (!thread.Join(Grace))
            {
                return new Outcome(OutcomeKind.Hang, string.Empty, $"did not stop within {Grace.TotalSeconds:0} s of its token being cancelled at {budget.TotalSeconds:0} s; abandoned", clock.ElapsedMilliseconds, Abandoned: true);
            }
        }

        var result = outcome ?? new Outcome(OutcomeKind.Crash, "no-outcome", "the case thread ended without an outcome", clock.ElapsedMilliseconds);
        return result.Kind is OutcomeKind.Document or OutcomeKind.Error && clock.Elapsed > budget
            ? result with { Kind = OutcomeKind.Hang, Detail = $"finished after {clock.Elapsed.TotalSeconds:0.0} s, past its budget of {budget.TotalSeconds:0} s, without checking its token" }
            : result;
    }

    private static Outcome Guarded(WorkRequest request, SchemaValidator validator, Stopwatch clock, CancellationToken token)
    {
        try
        {
            return Oracle.Check(request, validator, token);
        }
        catch (OperationCanceledException e) when (token.IsCancellationRequested)
        {
            return new Outcome(OutcomeKind.Hang, string.Empty, $"stopped by its token at the budget, in {Signatures.OurFrame(e)}", clock.ElapsedMilliseconds);
        }
        catch (Exception e)
        {
            return new Outcome(OutcomeKind.Crash, Signatures.Of(e), $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}", clock.ElapsedMilliseconds);
        }
    }
}
