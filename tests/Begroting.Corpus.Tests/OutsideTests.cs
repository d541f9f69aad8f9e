using Begroting.Testing;

namespace Begroting.Corpus.Tests;

/// <summary>The tool in a researcher's own folder, with no corpus, manifest or link files beside it: the model it carries links the series.</summary>
public sealed class OutsideTests
{
    [Fact]
    public void The_five_seeds_in_a_folder_of_ones_own_give_the_one_sociale_cohesie_series_across_2011_to_2024()
    {
        var dir = Directory.CreateTempSubdirectory("begroting-mydocs-").FullName;
        try
        {
            var docs = Directory.CreateDirectory(Path.Combine(dir, "mydocs")).FullName;
            foreach (var id in new[] { "leiden-2018-programmabegroting-p9", "leiden-2017-jaarstukken-p9-ontwikkelingen", "leiden-2017-programmabegroting-p9-9d", "leiden-2024-jaarstukken-p9", "leiden-2013-beleidsplan-iedereen-telt-mee" })
            {
                File.Copy(CorpusFiles.PathOf(id), Path.Combine(docs, Path.GetFileName(CorpusFiles.Entry(id).Path)));
            }

            var build = CliProcess.Run(dir, "build", "mydocs", "--out", "out");
            Assert.True(build.Exit == 0, build.Err);
            Assert.DoesNotContain("link model", build.Err, StringComparison.Ordinal);

            // From another working folder the same files go by the same names: nothing is extracted again.
            var elsewhere = Directory.CreateDirectory(Path.Combine(dir, "elders")).FullName;
            var again = CliProcess.Run(elsewhere, "build", "../mydocs", "--out", "../out");
            Assert.True(again.Exit == 0, again.Err);
            Assert.Contains("0 sources extracted, 5 reused unchanged", again.Out, StringComparison.Ordinal);
            var facts = Begroting.Pipeline.Export.Facts.ReadCsv(File.ReadAllText(Path.Combine(dir, "out", "facts.csv")), "facts.csv");
            Assert.NotEmpty(facts);
            Assert.All(facts, f => Assert.StartsWith("mydocs/", f.Provenance, StringComparison.Ordinal));

            var (exit, stdout, stderr) = CliProcess.Run(dir, "series", "sociale cohesie", "--format", "csv", "--db", "out/begroting.duckdb");
            Assert.True(exit == 0, stderr);
            var rows = Facts(stdout);
            Assert.Single(rows.Select(r => r["series_id"]).Distinct());
            Assert.Equal(
                [2011, 2014, 2015, 2016, 2021, 2023],
                rows.Where(r => r["kind"] == "realisatie" && r["value"].Length > 0).Select(r => int.Parse(r["year"], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order());
            Assert.Equal(
                [2017, 2018, 2019, 2020, 2021, 2024],
                rows.Where(r => r["kind"] == "streefwaarde").Select(r => int.Parse(r["year"], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<Dictionary<string, string>> Facts(string csv)
    {
        var records = Begroting.Model.Text.Csv.Parse(csv).Where(r => r.Count > 1).ToList();
        return records.Skip(1).Select(r => records[0].Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }
}
