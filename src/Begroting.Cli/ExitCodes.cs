namespace Begroting.Cli;

/// <summary>Exit codes of every command (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked; for eval, output equals gold.</summary>
    public const int Ok = 0;

    /// <summary>At least one document failed (its error is printed; the others were written), a file is invalid, or eval found differences.</summary>
    public const int DocumentFailed = 1;

    /// <summary>The command itself could not run: bad arguments, missing output folder parent, unreadable gold.</summary>
    public const int Usage = 2;
}
