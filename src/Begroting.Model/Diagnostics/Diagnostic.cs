namespace Begroting.Model.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>Something noticed while reading or normalising, with a stable code and where it was.</summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string? Location = null)
{
    public override string ToString() => Location is null ? $"{Severity.ToString().ToLowerInvariant()} {Code}: {Message}" : $"{Location}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}

/// <summary>A document that cannot be read at all; the message names the file and the place.</summary>
public sealed class DocumentException(string code, string message, string location) : Exception($"{location}: {message}")
{
    public string Code { get; } = code;

    public string Location { get; } = location;
}
