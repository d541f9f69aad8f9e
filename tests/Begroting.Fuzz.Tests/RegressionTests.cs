using Begroting.Fuzz.Tests.Harness;
using Begroting.Pipeline;

namespace Begroting.Fuzz.Tests;

/// <summary>One test per fault the fuzzer found in the text reader, the HTML reader and the normaliser, on its minimised file in corpus/regressions.</summary>
public sealed class RegressionTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>
{
    private readonly WorkerProcess worker = fixture.Worker;

    private static readonly string[] GoodAmounts =
    [
        "Ruimte om te ondernemen|lasten|Rekening 2016|1100000|1.100", "Ruimte om te ondernemen|lasten|Begroting 2017|1814000|1.814",
        "Ruimte om te ondernemen|baten|Rekening 2016|-423000|-423", "Ruimte om te ondernemen|baten|Begroting 2017|-455000|-455",
        "Ruimte om te ondernemen|saldo|Rekening 2016|678000|678", "Ruimte om te ondernemen|saldo|Begroting 2017|1359000|1.359",
    ];

    [Fact]
    public void EmptyTableBeforeATableIsNoCrash()
    {
        const string Name = "empty-table/empty-table-before-a-table.html";
        var document = Regressions.Extract(worker, Name).Document!;

        // The table after the empty one is read as it is without it: the same amounts, scaled by the line above both.
        Assert.Equal(GoodAmounts, Regressions.Amounts(document));
        Assert.Equal(Regressions.Amounts(Regressions.Without(Name, "<table></table>\n")), Regressions.Amounts(document));
        Assert.Contains(document.Warnings, w => w.Code == "table-empty");
    }

    [Fact]
    public void CaptionOnlyTableBeforeATableIsNoCrash()
    {
        const string Name = "empty-table/caption-only-table-before-a-table.html";
        var document = Regressions.Extract(worker, Name).Document!;

        Assert.Equal(GoodAmounts, Regressions.Amounts(document));
        Assert.Contains(document.Warnings, w => w.Code == "table-empty");
    }

    [Fact]
    public void StrayTableEndBeforeTheRowsLeavesNoTable()
    {
        // '<table></table>' then the rows: a browser shows the cells' text run together and no table; so do we.
        const string Name = "empty-table/stray-table-end-before-the-rows.html";
        var document = Regressions.Extract(worker, Name).Document!;

        Assert.Empty(document.FinancialTables);
        Assert.Contains(document.Warnings, w => w.Code == "table-empty");
        var layout = Extraction.Layout(Regressions.PathOf(Name), Oracle.Options, Name);
        Assert.Contains(layout.Blocks.OfType<Model.Layout.Paragraph>(), p => p.Text.Contains("Lasten1.1001.814", StringComparison.Ordinal));
    }

    [Fact]
    public void PipeRuleAloneIsNoTable()
    {
        const string Name = "empty-table/pipe-rule-alone-before-a-table.txt";
        var document = Regressions.Extract(worker, Name).Document!;

        Assert.Equal(GoodAmounts, Regressions.Amounts(document));
        Assert.Equal(Regressions.Amounts(Regressions.Without(Name, "|---|---|---|\n\n")), Regressions.Amounts(document));
        Assert.Single(Extraction.Layout(Regressions.PathOf(Name), Oracle.Options, Name).Blocks.OfType<Model.Layout.Table>());
    }

    [Theory]
    [InlineData("charset/utf-7.html", "utf-7", "encoding-unknown")]
    [InlineData("charset/ebcdic-cp037.html", "cp037", "encoding-unknown")]
    [InlineData("charset/utf-16-in-an-ascii-page.html", "utf-16", "encoding-ignored")]
    public void CharsetNoBrowserWouldUseIsReadAsUtf8(string name, string label, string code)
    {
        // utf-7 and cp037 are no WHATWG labels (.NET refuses the one and knows the other as EBCDIC); utf-16 cannot be
        // what a page says it is in bytes that read as ASCII. Browsers read all three pages as UTF-8.
        var document = Regressions.Extract(worker, name).Document!;

        Assert.Equal(GoodAmounts, Regressions.Amounts(document));
        Assert.Contains(document.Warnings, w => w.Code == code && w.Message.Contains($"'{label}'", StringComparison.Ordinal));
        var layout = Extraction.Layout(Regressions.PathOf(name), Oracle.Options, name);
        Assert.Contains(layout.Blocks.OfType<Model.Layout.Paragraph>(), p => p.Text.Contains("financiële", StringComparison.Ordinal));
    }

    [Fact]
    public void TablesNestedAThousandDeepAreReadAsLines()
    {
        // The walk stops recursing at its depth bound: what is below is read as plain lines, with a warning, on any stack.
        const string Name = "deep-nesting/tables-1000-deep.html";
        var document = Regressions.Extract(worker, Name).Document!;

        Assert.Contains(document.Warnings, w => w.Code == "html-depth");
        var layout = Extraction.Layout(Regressions.PathOf(Name), Oracle.Options, Name);
        var text = string.Join(" ", layout.Blocks.OfType<Model.Layout.Paragraph>().Select(p => p.Text));
        Assert.Contains("Ruimte om te ondernemen Lasten 1.100 1.814", text, StringComparison.Ordinal);
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Regressions.All())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryRegressionFileComesToADocumentOrAnErrorInTime(string name)
    {
        var outcome = Regressions.Check(worker, name);

        Assert.True(outcome.Kind is OutcomeKind.Document or OutcomeKind.Error, $"{name}: {outcome.Kind} {outcome.Signature}: {outcome.Detail}");
    }
}
