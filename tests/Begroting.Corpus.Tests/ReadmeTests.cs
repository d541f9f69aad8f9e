using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Export;
using Begroting.Testing;

namespace Begroting.Corpus.Tests;

/// <summary>The README never lies: its commands are the ones CI runs, and its example rows are what extraction writes.</summary>
public class ReadmeTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private static readonly string[] Readme = File.ReadAllLines(Path.Combine(CorpusFiles.Root, "README.md"));

    [Fact]
    public void Starts_with_the_main_job_and_the_test_command_and_ci_runs_the_latter()
    {
        var block = Readme.SkipWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, block.Count);
        Assert.Contains("build corpus", block[0], StringComparison.Ordinal);
        var ci = File.ReadAllLines(Path.Combine(CorpusFiles.Root, ".ci", "run")).Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("set ", StringComparison.Ordinal) && !l.StartsWith("cd ", StringComparison.Ordinal)).ToList();
        Assert.Equal([block[1]], ci);
    }

    [Fact]
    public void Provenance_examples_point_where_extraction_points()
    {
        var examples = System.Text.RegularExpressions.Regex.Matches(string.Join("\n", Readme), @"corpus/leiden/[^\s`"",]+#[Lp][^\s`"",]+").Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(examples);
        var provenances = CorpusFiles.Manifest.Documents.SelectMany(d => Facts.Of(CorpusFiles.Extract(d.Id).Document!)).Select(f => f.Provenance).ToHashSet(StringComparer.Ordinal);
        Assert.All(examples, e => Assert.Contains(e, provenances));
    }

    [Fact]
    public void Example_fact_rows_are_written_as_shown()
    {
        // The example rows of facts.csv: the README's other tables (query and series printouts) are not facts.
        var id = "leiden-2018-programmabegroting-p9";
        var examples = Readme.Where(l => l.StartsWith(id + ",", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(examples);
        var path = CorpusFiles.PathOf(id);
        var doc = Extraction.ExtractFile(path, new ExtractionOptions(), new ManifestIndex(), Path.GetRelativePath(CorpusFiles.Root, path)).Document!;
        // In a build of the corpus the text is its publication's best rendition: the batch's two columns say so.
        var written = Facts.ToCsv(Facts.Of(doc)).Split('\n').Select(l => l + "," + id + ",true").ToList();
        Assert.All(examples, e => Assert.Contains(e, written));
    }

    /// <summary>
    /// A README line that starts with a store command in backticks, and the code block after it, are what the command prints
    /// (redirected) over the store of the manifest documents. Not checked here: the query counting renditions and scans and
    /// the crisisopvang line, which need the scans read by OCR (that reading is ScanTests').
    /// </summary>
    [Theory]
    [InlineData("series \"sociale cohesie\"")]
    [InlineData("query \"select d.publication_label")]
    public void Store_command_examples_print_what_the_command_prints(string command)
    {
        var at = Array.FindIndex(Readme, l => l.StartsWith("`begroting " + command, StringComparison.Ordinal));
        Assert.True(at >= 0, $"no README line starts with `begroting {command}");
        var line = Readme[at][1..Readme[at].IndexOf('`', 1)];
        var args = System.Text.RegularExpressions.Regex.Matches(line, "\"([^\"]*)\"|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Skip(1).ToList();
        var block = Readme.Skip(at + 1).SkipWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(block);

        var (exit, stdout, stderr) = CliProcess.Run(CorpusFiles.Root, [.. args, "--db", store.Database]);

        Assert.True(exit == 0, stderr);
        Assert.Equal(string.Join('\n', block) + "\n", stdout);
    }
}
