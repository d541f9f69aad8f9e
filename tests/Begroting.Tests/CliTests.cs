using System.Text;
using Begroting.Testing;

namespace Begroting.Tests;

/// <summary>The begroting command as a user runs it, over a batch with bad documents in it.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("begroting-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly string Good =
        "Programmabegroting 2018\n\nProgrammanummer\t7\n\nBeleidsterrein 7A Werk\n\nDoel\tPrestatie\n7A1 Werk\t7A1.1 Bemiddelen\n\n" +
        "Effectindicator\tRealisatie\tStreefwaarden\t\tBron\n\t\t2018\t2019\t\n7A1.a Aantal banen\t1 (2016)\t2\t3\tCBS\n";

    internal static (int Exit, string Out, string Err) Run(params string[] args) => CliProcess.Run(null, args);

    [Fact]
    public void Bad_documents_fail_alone_and_the_rest_of_the_batch_is_written()
    {
        var input = Directory.CreateDirectory(Path.Combine(dir, "in")).FullName;
        File.WriteAllText(Path.Combine(input, "a-good.txt"), Good);
        File.WriteAllText(Path.Combine(input, "b-empty.txt"), string.Empty);
        File.WriteAllBytes(Path.Combine(input, "c-garbage.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        File.WriteAllText(Path.Combine(input, "d-truncated.txt"), Good + "7A1.b Aantal vaca\t5 (20", Encoding.UTF8);
        File.WriteAllText(Path.Combine(input, "e-no-programme.txt"), "Boodschappenlijst\n\nmelk, brood en kaas voor het weekend, en nog wat fruit voor de kinderen die komen logeren.\n");
        var output = Path.Combine(dir, "out");

        var (exit, stdout, stderr) = Run("extract", input, "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains("b-empty.txt: the file is empty", stderr, StringComparison.Ordinal);
        Assert.Contains("c-garbage.txt:3: not a text document", stderr, StringComparison.Ordinal);
        Assert.Contains("d-truncated.txt:13: the file ends inside a table", stderr, StringComparison.Ordinal);
        Assert.Contains("e-no-programme.txt:1: no programme recognised", stderr, StringComparison.Ordinal);
        Assert.Contains("1 of 5 documents written", stdout, StringComparison.Ordinal);
        Assert.Equal(["a-good.json", "facts.csv"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var facts = File.ReadAllLines(Path.Combine(output, "facts.csv"));
        Assert.Equal(1 + 2 + 3, facts.Length);
        Assert.All(facts.Skip(1), l => Assert.StartsWith("a-good,programmabegroting,2018,7,", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_pages_in_a_site_folder_fail_alone()
    {
        var site = Directory.CreateDirectory(Path.Combine(dir, "site")).FullName;
        const string Head = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Werk - Programmabegroting 2018</title></head><body>";
        File.WriteAllText(Path.Combine(site, "a-goals.html"), Head + "<h1>Beleidsterrein 7A Werk</h1><table><tr><th>Doel</th><th>Prestatie</th></tr><tr><td>7A1 Werk</td><td>7A1.1 Bemiddelen</td></tr></table></body></html>");
        File.WriteAllText(Path.Combine(site, "b-prose.html"), Head + "<h1>Inleiding</h1><p>Programma 7 gaat over werk, zonder tabellen.</p></body></html>");
        File.WriteAllText(Path.Combine(site, "c-empty.html"), string.Empty);
        File.WriteAllText(Path.Combine(site, "d-truncated.html"), Head + "<table><tr><td>7A2 Meer werk</td><td>7A2.1 Bem");
        File.WriteAllText(Path.Combine(site, "e-not-html.html"), "Dit is een tekstbestand met een verkeerde naam.\n");
        var output = Path.Combine(dir, "out");

        var (exit, stdout, stderr) = Run("extract", site, "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains("c-empty.html: the page is empty", stderr, StringComparison.Ordinal);
        Assert.Contains("d-truncated.html:1: the page ends inside a table", stderr, StringComparison.Ordinal);
        Assert.Contains("e-not-html.html:1: not an HTML page", stderr, StringComparison.Ordinal);
        Assert.Contains("2 of 5 documents written", stdout, StringComparison.Ordinal);
        var facts = File.ReadAllLines(Path.Combine(output, "facts.csv"));
        Assert.Equal(["a-goals", "a-goals"], facts.Skip(1).Select(l => l.Split(',')[0]));
        Assert.True(File.Exists(Path.Combine(output, "b-prose.json")));
    }

    [Fact]
    public void Options_override_the_content_and_validate_and_eval_report_on_the_output()
    {
        File.WriteAllText(Path.Combine(dir, "plan.txt"), Good);
        var output = Path.Combine(dir, "out");
        var (exit, _, stderr) = Run("extract", Path.Combine(dir, "plan.txt"), "--out", output, "--year", "2019");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var json = File.ReadAllText(Path.Combine(output, "plan.json"));
        Assert.Contains("\"year\": 2019", json, StringComparison.Ordinal);
        Assert.Contains("\"year\": \"option\"", json, StringComparison.Ordinal);

        Assert.Equal(0, Run("validate", Path.Combine(output, "plan.json")).Exit);
        File.WriteAllText(Path.Combine(dir, "broken.json"), json.Replace("\"schemaVersion\": \"1.0\"", "\"schemaVersion\": \"9\"", StringComparison.Ordinal));
        var invalid = Run("validate", Path.Combine(dir, "broken.json"));
        Assert.Equal(1, invalid.Exit);
        Assert.Contains("schemaVersion", invalid.Err, StringComparison.Ordinal);

        // Gold equal to the output scores 1.000; one changed value is listed as wrong.
        var gold = Directory.CreateDirectory(Path.Combine(dir, "gold")).FullName;
        var lines = File.ReadAllLines(Path.Combine(output, "facts.csv"));
        File.WriteAllLines(Path.Combine(gold, "plan.facts.csv"), lines);
        var perfect = Run("eval", "--gold", gold, output);
        Assert.Equal(0, perfect.Exit);
        Assert.Contains("1.000  1.000  1.000", perfect.Out, StringComparison.Ordinal);
        lines[^1] = lines[^1].Replace(",3,count,3,", ",4,count,4,", StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(gold, "plan.facts.csv"), lines);
        var off = Run("eval", "--gold", gold, output);
        Assert.Equal(1, off.Exit);
        Assert.Contains("wrong:", off.Out, StringComparison.Ordinal);
        Assert.Contains("value: gold '4', got '3'", off.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_counts_warnings_by_code_and_names_the_documents_of_unknown_kind_or_year()
    {
        var input = Directory.CreateDirectory(Path.Combine(dir, "in")).FullName;
        File.WriteAllText(Path.Combine(input, "a-good.txt"), Good);
        File.WriteAllText(Path.Combine(input, "b-anonymous.txt"), "Programmanummer\t7\n\nBeleidsterrein 7A Werk\n\nDoel\tPrestatie\n7A1 Werk\t7A1.1 Bemiddelen\n");

        var (exit, stdout, _) = Run("extract", input, "--out", Path.Combine(dir, "out"));

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("warnings: 2 municipality-unknown, 1 kind-unknown, 1 year-unknown", lines);
        Assert.Contains("kind unknown in 1 document: b-anonymous", lines);
        Assert.Contains("year unknown in 1 document: b-anonymous", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("programme unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_with_no_documents_is_an_error_not_an_empty_success()
    {
        var empty = Directory.CreateDirectory(Path.Combine(dir, "leeg")).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.md"), "no document of any kind this tool reads\n");

        var build = Run("build", empty, "--out", Path.Combine(dir, "out"));
        var extract = Run("extract", empty, "--out", Path.Combine(dir, "out2"));

        Assert.Equal(1, build.Exit);
        Assert.Equal(1, extract.Exit);
        Assert.Contains($"error no-documents: no documents found in {empty}", build.Err, StringComparison.Ordinal);
        Assert.Contains($"error no-documents: no documents found in {empty}", extract.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public void A_mistyped_command_is_a_usage_error_with_a_suggestion_not_the_whole_help()
    {
        var (exit, stdout, stderr) = Run("biuld", "corpus");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("did you mean 'build'?", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", stderr, StringComparison.Ordinal);
        Assert.Contains("see 'begroting --help'", stderr, StringComparison.Ordinal);
    }
}

/// <summary>The store commands without a store: a clear error that names the file and says to run build.</summary>
public class StoreCliTests
{
    [Theory]
    [InlineData("series", "statushouders")]
    [InlineData("query", "select 1")]
    [InlineData("find", "statushouders")]
    public void A_missing_store_is_a_usage_error_that_says_to_build(string command, string argument)
    {
        var missing = Path.Combine(Path.GetTempPath(), "begroting-no-store-" + Guid.NewGuid().ToString("N"), "begroting.duckdb");
        var (exit, _, err) = CliTests.Run(command, argument, "--db", missing);
        Assert.Equal(2, exit);
        Assert.Contains(missing, err, StringComparison.Ordinal);
        Assert.Contains("begroting build", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facts.csv")]
    [InlineData("begroting.duckdb")]
    public void A_file_that_is_not_a_store_is_a_usage_error_that_names_it(string name)
    {
        var dir = Directory.CreateTempSubdirectory("begroting-not-a-store-").FullName;
        try
        {
            var file = Path.Combine(dir, name);
            File.WriteAllText(file, "document_id,document_kind,document_year\nleiden-2018-programmabegroting-p9,programmabegroting,2018\n");
            var (exit, stdout, err) = CliTests.Run("series", "statushouders", "--db", file);
            Assert.Equal(2, exit);
            Assert.Contains($"error: {file}: not a store (the file is no DuckDB database", err, StringComparison.Ordinal);
            Assert.Equal(string.Empty, stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

}
