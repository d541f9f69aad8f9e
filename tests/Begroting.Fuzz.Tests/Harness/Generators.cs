using Begroting.Fuzz.Tests.Mutators;
using CsCheck;

namespace Begroting.Fuzz.Tests.Harness;

/// <summary>CsCheck generators of cases: a format by weight, a seed of it, one to four mutations that fit it.</summary>
/// <remarks>
/// Each case is generated from its own PCG, seeded from the campaign's seed and the case's number, so case n of a
/// campaign is the same case on every machine and can be regenerated alone from its seed string.
/// </remarks>
public static class Generators
{
    /// <summary>PDF cases cost ten times a text case; text and markup get as many cases between them.</summary>
    private static readonly (int Weight, SeedFormat Format)[] FormatWeights = [(3, SeedFormat.Text), (3, SeedFormat.Html), (1, SeedFormat.Site), (3, SeedFormat.Pdf)];

    public static Gen<Mutation> MutationFor(SeedFormat format)
    {
        var ops = Mutate.OpsFor(format);
        return Gen.Select(Gen.Int[0, ops.Count - 1], Gen.Int[0, 1 << 24], Gen.Int[0, 1 << 24], Gen.Int[0, 1 << 24], (o, a, b, c) => new Mutation(ops[o], a, b, c));
    }

    public static Gen<(Seed Seed, int Target, Mutation[] Mutations)> Case(IReadOnlyList<Seed> seeds)
    {
        var byFormat = FormatWeights
            .Where(w => seeds.Any(s => s.Format == w.Format))
            .Select(w => (w.Weight, (IGen<Seed>)Gen.OneOf(seeds.Where(s => s.Format == w.Format).ToArray())))
            .ToArray();
        return Gen.Frequency(byFormat).SelectMany(seed => Gen.Select(Gen.Int[0, 15], MutationFor(seed.Format).Array[1, 4], (target, mutations) => (seed, target, mutations)));
    }

    /// <summary>The PCG of case <paramref name="index"/> of the campaign seeded with <paramref name="seed"/>.</summary>
    public static PCG CaseRandom(ulong seed, int index) => new(1, unchecked((seed * 1_000_003UL) + (ulong)index));

    public static FuzzCase Generate(IReadOnlyList<Seed> seeds, PCG random)
    {
        var replay = random.ToString();
        var (seed, target, mutations) = Case(seeds).Generate(random, null, out _);
        return new FuzzCase(seed, target, mutations, replay);
    }

    /// <summary>The case a seed string names, as a failure report prints it.</summary>
    public static FuzzCase Replay(IReadOnlyList<Seed> seeds, string replay) => Generate(seeds, PCG.Parse(replay));
}
