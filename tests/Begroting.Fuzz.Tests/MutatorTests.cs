using System.Text;
using Begroting.Fuzz.Tests.Harness;
using Begroting.Fuzz.Tests.Mutators;
using CsCheck;

namespace Begroting.Fuzz.Tests;

/// <summary>The mutators: total (any parameters on any seed give bytes), deterministic, and doing what their names say.</summary>
public sealed class MutatorTests
{
    private static readonly IReadOnlyList<Seed> TextAndMarkup = Seeds.All.Where(s => s.Format != SeedFormat.Pdf).ToList();

    [Fact]
    public void Text_and_markup_mutations_are_total_and_deterministic()
    {
        // CsCheck shrinks a failure to the smallest parameters and prints the seed that replays it.
        Generators.Case(TextAndMarkup).Sample(c =>
        {
            var (seed, target, mutations) = c;
            var fuzzCase = new FuzzCase(seed, target, mutations, string.Empty);
            Assert.Equal(Mutate.Apply(fuzzCase), Mutate.Apply(fuzzCase));
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void A_campaign_case_is_a_function_of_its_seed_and_number()
    {
        var first = Generators.Generate(Seeds.All, Generators.CaseRandom(7, 42));
        var again = Generators.Generate(Seeds.All, Generators.CaseRandom(7, 42));
        var replayed = Generators.Replay(Seeds.All, first.Replay);

        Assert.Equal(first.ToString(), again.ToString());
        Assert.Equal(first.ToString(), replayed.ToString());
        Assert.NotEqual(first.ToString(), Generators.Generate(Seeds.All, Generators.CaseRandom(7, 43)).ToString());
    }

    [Fact]
    public void Nested_tables_are_as_deep_as_asked()
    {
        var html = "<html><body><table><tr><td>1</td></tr></table></body></html>";
        var nested = HtmlMutators.Apply(html, "nest-tables", 0, Array.IndexOf(HtmlMutators.Depths, 1000), 0);

        Assert.Equal(1001, HtmlMutators.Tables(nested).Count);
    }

    [Fact]
    public void Charset_mutation_declares_the_label_once()
    {
        var html = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><p>x</p></body></html>";
        var mutated = HtmlMutators.Apply(html, "charset", Array.IndexOf(HtmlMutators.Charsets, "utf-7"), 0, 0);

        Assert.Contains("<meta charset=\"utf-7\">", mutated, StringComparison.Ordinal);
        Assert.DoesNotContain("utf-8", mutated, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipe_rule_inserts_a_markdown_rule_line()
    {
        var text = LineMutators.Apply("a\nb", "pipe-rule", 1, 0, 0);

        Assert.Equal("a\n|---|---|---|\nb", text);
    }

    [Fact]
    public void Pdf_mutations_rewrite_the_structure_through_qpdf()
    {
        Assert.True(PdfMutators.Available, "qpdf and fix-qdf are needed (scripts/ensure-fuzz-tools.sh installs them)");
        var seed = Seeds.PathOf("tests/Begroting.Fuzz.Tests/Seeds/pdf-leiden-pb2018-p03-economie-programmakosten.pdf");
        var rotated = Encoding.Latin1.GetString(PdfMutators.EditStructure(seed, [("rotate-key", 0, 0, 0)]));
        var boxed = Encoding.Latin1.GetString(PdfMutators.EditStructure(seed, [("mediabox", 0, 0, 0)]));

        Assert.Contains("/Rotate 45", rotated, StringComparison.Ordinal);
        Assert.Contains("/MediaBox [0 0 0 0]", boxed, StringComparison.Ordinal);
        Assert.StartsWith("%PDF", rotated, StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllBytes(seed), PdfMutators.Rotate(File.ReadAllBytes(seed), 0, 1));
    }
}
