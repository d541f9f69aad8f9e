namespace Begroting.Fuzz.Tests;

/// <summary>Fault classes found by the fuzzer in code this branch leaves to its owners (the PDF reader), each with its regression file.</summary>
/// <remarks>
/// The fuzz test reports them and does not fail on them; any other class fails it. An entry goes when its owner's fix
/// lands (the regression test named beside it then asserts the right outcome instead).
/// </remarks>
public static class OpenFaults
{
    /// <summary>Class (as <see cref="Harness.Campaign.ClassOf"/> names it) and the regression file that shows it.</summary>
    public static readonly IReadOnlyList<(string Class, string File)> Pdf = [];

    public static bool IsOpen(string cls) => Pdf.Any(p => cls.StartsWith(p.Class, StringComparison.Ordinal));
}
