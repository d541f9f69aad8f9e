using System.Text;
using Begroting.Fuzz.Tests.Harness;

namespace Begroting.Fuzz.Tests.Mutators;

/// <summary>Which mutations fit which format, and a case applied to its seed's bytes.</summary>
public static class Mutate
{
    public static IReadOnlyList<string> OpsFor(SeedFormat format) => format switch
    {
        SeedFormat.Text => [.. ByteMutators.Ops, .. LineMutators.Ops],
        SeedFormat.Html or SeedFormat.Site => [.. ByteMutators.Ops, .. LineMutators.Ops, .. HtmlMutators.Ops],
        SeedFormat.Pdf => [.. ByteMutators.Ops, .. PdfMutators.StructureOps, PdfMutators.RotateOp],
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The bytes of the mutated file; a function of the case alone.</summary>
    public static byte[] Apply(FuzzCase fuzzCase) => Apply(fuzzCase.Seed.Format, fuzzCase.TargetFile, fuzzCase.Mutations);

    public static byte[] Apply(SeedFormat format, string file, IReadOnlyList<Mutation> mutations) =>
        format == SeedFormat.Pdf ? ApplyPdf(file, mutations) : ApplyText(File.ReadAllBytes(file), mutations);

    private static byte[] ApplyText(byte[] bytes, IReadOnlyList<Mutation> mutations)
    {
        foreach (var m in mutations)
        {
            if (ByteMutators.Ops.Contains(m.Op))
            {
                bytes = ByteMutators.Apply(bytes, m.Op, m.A, m.B, m.C);
                continue;
            }

            var text = Encoding.Latin1.GetString(bytes);
            text = LineMutators.Ops.Contains(m.Op) ? LineMutators.Apply(text, m.Op, m.A, m.B, m.C) : HtmlMutators.Apply(text, m.Op, m.A, m.B, m.C);
            bytes = Encoding.Latin1.GetBytes(text);
        }

        return bytes;
    }

    private static byte[] ApplyPdf(string file, IReadOnlyList<Mutation> mutations)
    {
        var structure = mutations.Where(m => PdfMutators.StructureOps.Contains(m.Op)).Select(m => (m.Op, m.A, m.B, m.C)).ToList();
        var bytes = structure.Count > 0 ? PdfMutators.EditStructure(file, structure) : File.ReadAllBytes(file);
        foreach (var m in mutations.Where(m => m.Op == PdfMutators.RotateOp))
        {
            bytes = PdfMutators.Rotate(bytes, m.A, m.B);
        }

        foreach (var m in mutations.Where(m => ByteMutators.Ops.Contains(m.Op)))
        {
            bytes = ByteMutators.Apply(bytes, m.Op, m.A, m.B, m.C);
        }

        return bytes;
    }
}
