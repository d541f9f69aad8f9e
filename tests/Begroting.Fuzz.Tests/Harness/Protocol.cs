using System.Text.Json.Serialization;

namespace Begroting.Fuzz.Tests.Harness;

/// <summary>What a case came to. Document and Error are right; the others are faults.</summary>
public enum OutcomeKind
{
    /// <summary>A document that serialises and validates (and, where checked, invents no value).</summary>
    Document,

    /// <summary>An error result with its code (empty, binary, corrupt, ...): the document could not be read, and says so.</summary>
    Error,

    /// <summary>An exception other than the reader's document errors, or the worker process died (a stack overflow).</summary>
    Crash,

    /// <summary>Not done within the case's budget: stopped by its token, or abandoned because it ignored the token.</summary>
    Hang,

    /// <summary>A document that does not validate against the schema, or does not serialise.</summary>
    Invalid,

    /// <summary>A value whose raw text is nowhere in what was read.</summary>
    Invented,
}

/// <summary>One case for the worker: the files to extract together and the time it may take.</summary>
/// <param name="Files">The files, read as one document (a site's pages) or one.</param>
/// <param name="Format">How they are read.</param>
/// <param name="BudgetMilliseconds">The time the case may take.</param>
/// <param name="ReaderOnly">Only the reader's layout, not the normaliser: to tell where a hang is, which has no stack to say so.</param>
public sealed record WorkRequest(IReadOnlyList<string> Files, SeedFormat Format, int BudgetMilliseconds, bool ReaderOnly = false);

/// <summary>The worker's answer: the kind, a signature that names the fault's class, and what happened.</summary>
/// <param name="Kind">What the case came to.</param>
/// <param name="Signature">For a crash, the exception and the innermost frames of ours and of the library; an error's code; empty otherwise.</param>
/// <param name="Detail">The message, schema errors, the value invented, or where a hang stopped.</param>
/// <param name="Milliseconds">How long the case ran.</param>
/// <param name="Abandoned">The case ignored its token and is still running: the worker exits after answering.</param>
public sealed record Outcome(OutcomeKind Kind, string Signature, string Detail, long Milliseconds, bool Abandoned = false)
{
    public bool IsFault => Kind is not (OutcomeKind.Document or OutcomeKind.Error);
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(WorkRequest))]
[JsonSerializable(typeof(Outcome))]
internal sealed partial class ProtocolJson : JsonSerializerContext;
