using System.Globalization;

namespace Begroting.Fuzz.Tests.Harness;

/// <summary>One mutation: an operator and three parameters, read modulo whatever they index (an offset, a table, a depth).</summary>
/// <remarks>Parameters are plain numbers so that a case prints, replays and shrinks as data: a smaller number is a simpler case.</remarks>
public sealed record Mutation(string Op, int A, int B, int C)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Op}({A},{B},{C})");
}

/// <summary>A seed and the mutations applied in order to one of its files (a site has several), with the seed string that regenerates it.</summary>
public sealed record FuzzCase(Seed Seed, int Target, IReadOnlyList<Mutation> Mutations, string Replay)
{
    /// <summary>The file of the seed that is mutated.</summary>
    public string TargetFile => Seed.Files[Target % Seed.Files.Count];

    public override string ToString() => Seed.Files.Count > 1
        ? $"{Seed.Name}{Path.GetFileName(TargetFile)} <- {string.Join(" ", Mutations)}"
        : $"{Seed.Name} <- {string.Join(" ", Mutations)}";

    /// <summary>The sorted operators, which name a hang's class: a hang has no stack to classify it by.</summary>
    public string Operators => string.Join("+", Mutations.Select(m => m.Op).Distinct().Order(StringComparer.Ordinal));
}
