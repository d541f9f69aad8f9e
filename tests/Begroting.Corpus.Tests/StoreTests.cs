using System.Text.Json;
using Begroting.Pipeline;
using Begroting.Store;
using DuckDB.NET.Data;

namespace Begroting.Corpus.Tests;

/// <summary>A store built once over the manifest documents (never the scans: those are OCR's tests).</summary>
public sealed class StoreFixture : IDisposable
{
    public StoreFixture()
    {
        Dir = Directory.CreateTempSubdirectory("begroting-store-").FullName;
        Database = Path.Combine(Dir, "begroting.duckdb");
        Inputs = CorpusFiles.Manifest.Documents.Select(d => Path.Combine(CorpusFiles.Corpus, d.Path.TrimEnd('/'))).ToList();
        Options = new BuildOptions { Extraction = new ExtractionOptions { Ocr = false } };
        // Files named from the root of their input (corpus/leiden/...), as `begroting build corpus` names them.
        var roots = new Begroting.Pipeline.Batch.InputRoots(Inputs);
        First = StoreBuilder.Build(Inputs, Database, Options, roots.Display);
        Second = StoreBuilder.Build(Inputs, Database, Options, roots.Display);
    }

    public string Dir { get; }

    public string Database { get; }

    public IReadOnlyList<string> Inputs { get; }

    public BuildOptions Options { get; }

    public BuildResult First { get; }

    public BuildResult Second { get; }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}

public class StoreTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private SeriesView Series(string text)
    {
        using var connection = StoreQueries.OpenReadOnly(store.Database);
        var view = StoreQueries.Series(connection, text);
        Assert.NotNull(view);
        return view;
    }

    [Fact]
    public void Every_manifest_document_is_loaded_and_an_unchanged_one_is_not_extracted_again()
    {
        Assert.All(store.First.Results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(CorpusFiles.Manifest.Documents.Count, store.First.Renditions.Count);
        Assert.Equal(0, store.First.Reused);
        Assert.Equal(0, store.Second.Extracted);
        Assert.Equal(store.First.Extracted, store.Second.Reused);
        Assert.Equal(store.First.Renditions.Select(r => r.Document.Document.Id), store.Second.Renditions.Select(r => r.Document.Document.Id));
    }

    [Fact]
    public void Each_publication_has_one_best_rendition_and_the_given_text_is_preferred()
    {
        var best = store.First.Renditions.Where(r => r.Best).ToList();
        Assert.Equal(best.Count, best.Select(r => r.Publication).Distinct().Count());
        Assert.Equal(store.First.Renditions.Select(r => r.Publication).Distinct().Count(), best.Count);
        Assert.Contains(best, r => r.Document.Document.Id == "leiden-2018-programmabegroting-p9");
        Assert.Equal("leiden-2018-programmabegroting-p9", Assert.Single(store.First.Renditions, r => r.Document.Document.Id == "leiden-2018-programmabegroting-p9-html").Publication);
    }

    [Fact]
    public void Sociale_cohesie_runs_from_the_2013_plan_through_the_2018_begroting_to_the_2024_jaarstukken()
    {
        var view = Series("sociale cohesie");
        Assert.Equal(["leiden-2013-beleidsplan-iedereen-telt-mee/#1", "leiden-2018-programmabegroting-p9/9A1.a", "leiden-2024-jaarstukken-p9/9A1.a"], view.Members.Select(m => m.IndicatorKey));
        // Values as printed in the sources (corpus/gold): the plan's baseline and ambition, 2018's realisaties and streefwaarden, 2024's realisaties.
        Assert.Contains(view.Rows, r => r is { Kind: "realisatie", Year: 2011, Value: 5.8, Publication: "leiden-2013-beleidsplan-iedereen-telt-mee" });
        Assert.Contains(view.Rows, r => r is { Kind: "streefwaarde", Year: 2017, Value: 6.1, Publication: "leiden-2013-beleidsplan-iedereen-telt-mee" });
        Assert.Contains(view.Rows, r => r is { Kind: "realisatie", Year: 2016, Value: 5.9, Publication: "leiden-2018-programmabegroting-p9" });
        Assert.Contains(view.Rows, r => r is { Kind: "streefwaarde", Year: 2021, Value: 6.1, Publication: "leiden-2018-programmabegroting-p9" });
        Assert.Contains(view.Rows, r => r is { Kind: "realisatie", Year: 2023, Value: 6.0, Publication: "leiden-2024-jaarstukken-p9" });
        Assert.Equal("Programmabegroting 2018", view.Members[1].PublicationLabel);
    }

    [Fact]
    public void A_target_shows_what_was_realised_that_year_in_any_publication()
    {
        // Gold: the 2018 begroting sets 6,1 for 2021 (9A1.a), the 2024 jaarstukken report 6,1 for 2021 and '-' for 2024, against a streefwaarde 6,1.
        var view = Series("sociale cohesie");
        var realised2021 = Assert.Single(Assert.Single(view.Rows, r => r is { Kind: "streefwaarde", Year: 2021 }).Realised);
        Assert.Equal(("realisatie", 6.1, "leiden-2024-jaarstukken-p9"), (realised2021.Kind, realised2021.Value!.Value, realised2021.Publication));
        var realised2024 = Assert.Single(Assert.Single(view.Rows, r => r is { Kind: "streefwaarde", Year: 2024 }).Realised);
        Assert.Equal((null, "-"), (realised2024.Value, realised2024.Raw));
        Assert.Empty(Assert.Single(view.Rows, r => r is { Kind: "streefwaarde", Year: 2017 }).Realised);

        // 9C2.b: the 2021 target per 10.000 inhabitants, the 2021 realisation per 1.000; both kept as printed, in their units.
        var wmo = Assert.Single(Series("maatwerkarrangement").Rows, r => r is { Kind: "streefwaarde", Year: 2021 });
        Assert.Equal((615.0, "per_10000"), (wmo.Value!.Value, wmo.Unit));
        Assert.Equal([(69.0, "per_1000")], wmo.Realised.Select(r => (r.Value!.Value, r.Unit)));
    }

    [Theory]
    [InlineData("huisuitzettingen", "2017:9D1.b 2018:9D1.b 2024:9D1.a")]
    [InlineData("statushouders", "2017:9D1.h 2018:9D1.g 2024:9D1.e")]
    [InlineData("vrouwenopvang", "2013: 2017:9D1.e 2018:9D1.e 2024:9D1.c")]
    [InlineData("maatwerkarrangement", "2018:9C2.b 2024:9C2.b")]
    public void A_series_follows_its_indicator_across_code_changes(string text, string expected)
    {
        var view = Series(text);
        Assert.Equal(expected, string.Join(' ', view.Members.Select(m => m.Publication.Split('-')[1] + ":" + m.Code)));
    }

    [Fact]
    public void The_same_values_reported_twice_stay_two_rows_and_a_unit_change_is_flagged()
    {
        var huis = Series("huisuitzettingen");
        Assert.Equal(2, huis.Rows.Count(r => r is { Kind: "realisatie", Year: 2013, Value: 36 }));
        var wmo = Series("maatwerkarrangement");
        Assert.True(wmo.UnitChange);
        Assert.All(wmo.Rows.Where(r => r.Unit == "per_10000"), r => Assert.Contains("unit change", r.Note, StringComparison.Ordinal));
        Assert.Contains(wmo.Rows, r => r is { Kind: "realisatie", Year: 2015, Value: 615, Unit: "per_10000" });
        Assert.Contains(wmo.Rows, r => r is { Kind: "realisatie", Year: 2024, Value: 57, Unit: "per_1000" });
    }

    [Fact]
    public void Same_code_other_meaning_is_not_linked()
    {
        var statushouders = Series("statushouders");
        Assert.DoesNotContain(statushouders.Members, m => m.IndicatorKey == "leiden-2017-programmabegroting-p9-9d/9D1.g");
        var veiligThuis = Series("VeiligThuis");
        Assert.Equal(["leiden-2017-programmabegroting-p9-9d/9D1.g"], veiligThuis.Members.Select(m => m.IndicatorKey));
    }

    [Fact]
    public void Find_searches_indicator_names_and_goals_across_the_years()
    {
        using var connection = StoreQueries.OpenReadOnly(store.Database);
        var found = StoreQueries.Find(connection, "statushouders");
        var publications = found.Rows.Where(r => r[0] == "indicator").Select(r => r[1]).ToList();
        Assert.Equal(["Programmabegroting 2017", "Programmabegroting 2018", "Jaarstukken 2024"], publications);
        Assert.Contains(StoreQueries.Find(connection, "kwetsbare groepen").Rows, r => r[0] == "goal" || r[3]!.Contains("kwetsbare", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Budget_lines_of_one_policy_area_share_an_area_key_across_publications()
    {
        using var connection = StoreQueries.OpenReadOnly(store.Database);
        var rows = StoreQueries.Query(connection, "SELECT DISTINCT publication FROM budget_lines WHERE area_key = '9D' AND line = 'lasten' ORDER BY 1").Rows.Select(r => r[0]).ToList();
        Assert.Equal(["leiden-2018-programmabegroting-p9", "leiden-2024-jaarstukken-p9"], rows);
    }

    [Fact]
    public void Parquet_exports_load_in_DuckDB_with_the_documented_columns_and_types()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusFiles.Root, "schemas", "store.schema.json"))).RootElement.GetProperty("tables");
        var outDir = Path.Combine(store.Dir, "parquet");
        using (var connection = StoreQueries.OpenReadOnly(store.Database))
        {
            StoreExport.Export(connection, ExportFormat.Parquet, outDir);
        }

        Assert.Equal(StoreSchema.Tables.Order(), schema.EnumerateObject().Select(t => t.Name).Order());
        using var fresh = new DuckDBConnection("Data Source=:memory:");
        fresh.Open();
        foreach (var table in schema.EnumerateObject())
        {
            var documented = table.Value.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString() + " " + c.GetProperty("type").GetString()).ToList();
            Assert.All(table.Value.GetProperty("columns").EnumerateArray(), c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("description").GetString())));
            var path = Path.Combine(outDir, table.Name + ".parquet").Replace("'", "''", StringComparison.Ordinal);
            var described = StoreQueries.Query(fresh, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))").Rows.Select(r => r[0] + " " + r[1]).ToList();
            Assert.Equal(documented, described);
            var count = StoreQueries.Query(fresh, $"SELECT count(*) FROM read_parquet('{path}')").Rows[0][0];
            Assert.NotEqual("0", count);
        }
    }

    [Theory]
    [InlineData(ExportFormat.Csv, "csv")]
    [InlineData(ExportFormat.Jsonl, "jsonl")]
    public void Csv_and_json_lines_exports_hold_every_table(ExportFormat format, string extension)
    {
        var outDir = Path.Combine(store.Dir, extension);
        using (var connection = StoreQueries.OpenReadOnly(store.Database))
        {
            StoreExport.Export(connection, format, outDir);
        }

        var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusFiles.Root, "schemas", "store.schema.json"))).RootElement.GetProperty("tables");
        foreach (var table in StoreSchema.Tables)
        {
            var names = schema.GetProperty(table).GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
            var first = File.ReadLines(Path.Combine(outDir, table + "." + extension)).First();
            if (format == ExportFormat.Csv)
            {
                Assert.Equal(string.Join(',', names), first);
            }
            else
            {
                Assert.Equal(names, JsonDocument.Parse(first).RootElement.EnumerateObject().Select(p => p.Name));
            }
        }
    }
}
