using System.Text.Json;
using Begroting.Testing;

namespace Begroting.Corpus.Tests;

/// <summary>A folder holding two corpus documents (a text rendering and a web page) with the committed link model, built by `begroting build` twice.</summary>
public sealed class SmallCorpusFixture : IDisposable
{
    public SmallCorpusFixture()
    {
        Dir = Directory.CreateTempSubdirectory("begroting-cli-corpus-").FullName;
        foreach (var file in new[] { "leiden/2018/programmabegroting-2018-p9.txt", "leiden/2024/html/jaarstukken-2024-p9.html", "models/indicator-links.zip", "links.overrides.csv" })
        {
            var target = Path.Combine(Dir, "corpus", file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(CorpusFiles.Corpus, file), target);
        }

        First = CliProcess.Run(Dir, "build", "corpus", "--out", "out");
        Second = CliProcess.Run(Dir, "build", "corpus", "--out", "out");
    }

    /// <summary>The working folder: corpus/ in, out/ and exports/ out.</summary>
    public string Dir { get; }

    public (int Exit, string Out, string Err) First { get; }

    public (int Exit, string Out, string Err) Second { get; }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}

/// <summary>The store commands as a user runs them, one after the other, over a small corpus; the figures are checked by hand against the seeds.</summary>
public class CliTests(SmallCorpusFixture corpus) : IClassFixture<SmallCorpusFixture>
{
    private const string Db = "out/begroting.duckdb";

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Build_writes_the_documents_and_the_store_and_a_second_build_extracts_nothing()
    {
        Assert.Equal((0, string.Empty), (corpus.First.Exit, corpus.First.Err));
        Assert.Contains("2 of 2 documents (2 publications) in out/begroting.duckdb: 2 sources extracted, 0 reused unchanged;", corpus.First.Out, StringComparison.Ordinal);
        Assert.Equal(["begroting.duckdb", "facts.csv", "jaarstukken-2024-p9.json", "programmabegroting-2018-p9.json"],
            Directory.GetFiles(Path.Combine(corpus.Dir, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        Assert.Equal((0, string.Empty), (corpus.Second.Exit, corpus.Second.Err));
        Assert.Contains("2 of 2 documents (2 publications) in out/begroting.duckdb: 0 sources extracted, 2 reused unchanged;", corpus.Second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_prints_the_rows_of_a_select()
    {
        // Programmabegroting 2018 (seed 000, line 97): 9A1.a realisatie '5,8 (2014) 5,7 (2015) 5,9 (2016)'.
        var (exit, stdout, stderr) = CliProcess.Run(corpus.Dir, "query",
            "select i.code, o.year, o.raw from observations o join indicators i using (document_id, indicator_key) where o.document_id = 'programmabegroting-2018-p9' and i.code = '9A1.a' and o.kind = 'realisatie' order by o.year", "--db", Db);
        Assert.Equal(0, exit);
        Assert.Equal(["code\tyear\traw", "9A1.a\t2014\t5,8 (2014)", "9A1.a\t2015\t5,7 (2015)", "9A1.a\t2016\t5,9 (2016)"], Lines(stdout));
        Assert.Equal("3 rows\n", stderr);
    }

    [Fact]
    public void Series_as_csv_puts_what_was_realised_beside_a_target_of_another_publication()
    {
        var (exit, stdout, _) = CliProcess.Run(corpus.Dir, "series", "sociale cohesie", "--format", "csv", "--db", Db);
        Assert.Equal(0, exit);
        var lines = Lines(stdout);
        Assert.Equal("series_id,kind,year,value,raw,unit,publication,code,document_id,flags,note,realised_value,realised_raw,realised_unit,realised_publication,realised_document_id,provenance,source", lines[0]);
        // Seed 000 line 97: the 2018 begroting's streefwaarde for 2021 is 6,1; seed 003 line 84: the 2024 jaarstukken realised 6,1 in 2021,
        // and '-' in 2024 against their own streefwaarde 6,1.
        Assert.Contains(lines, l => l.StartsWith("9a1a-schaalscore-sociale-cohesie-schaal,streefwaarde,2021,6.1,\"6,1\",score,Programmabegroting 2018,9A1.a,programmabegroting-2018-p9,,,6.1,\"6,1\",score,Jaarstukken 2024,jaarstukken-2024-p9,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("9a1a-schaalscore-sociale-cohesie-schaal,streefwaarde,2024,6.1,\"6,1\",score,Jaarstukken 2024,9A1.a,jaarstukken-2024-p9,,,,-,score,Jaarstukken 2024,jaarstukken-2024-p9,", StringComparison.Ordinal));

        // Each value cites its place: seed 000 line 97 is the 9A1.a row (table 3, row 4), its 2021 streefwaarde in the sixth cell (name, realisaties, 2018, 2019, 2020, 2021).
        Assert.Contains(lines, l => l.StartsWith("9a1a-schaalscore-sociale-cohesie-schaal,streefwaarde,2021,6.1,", StringComparison.Ordinal)
            && l.EndsWith(",corpus/leiden/2018/programmabegroting-2018-p9.txt#L97;table=3;row=4;col=6,\"corpus/leiden/2018/programmabegroting-2018-p9.txt line 97, table 3, row 4, column 6\"", StringComparison.Ordinal));
        Assert.Equal(12, lines.Length - 1);
    }

    [Fact]
    public void Export_as_csv_writes_every_table_with_its_documented_header()
    {
        var (exit, stdout, _) = CliProcess.Run(corpus.Dir, "export", "--format", "csv", "--out", "exports", "--db", Db);
        Assert.Equal(0, exit);
        var tables = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusFiles.Root, "schemas", "store.schema.json"))).RootElement.GetProperty("tables").EnumerateObject().ToList();
        Assert.NotEmpty(tables);
        Assert.Equal(tables.Select(t => $"exports/{t.Name}.csv").Append("exports/datapackage.json").Order(StringComparer.Ordinal), Lines(stdout).Order(StringComparer.Ordinal));
        foreach (var table in tables)
        {
            var path = Path.Combine(corpus.Dir, "exports", table.Name + ".csv");
            Assert.True(File.Exists(path), path);
            var header = string.Join(',', table.Value.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
            Assert.Equal(header, File.ReadLines(path).First());
        }

        Assert.True(File.ReadLines(Path.Combine(corpus.Dir, "exports", "observations.csv")).Count() > 1, "observations.csv holds no rows");
    }

    [Fact]
    public void Find_lists_an_indicator_in_both_publications_in_one_series()
    {
        // Seed 000 line 313: 9D1.g 'Aantal gehuisveste statushouders in Leiden***'; seed 003 line 149: 9D1.e, the same name.
        var (exit, stdout, _) = CliProcess.Run(corpus.Dir, "find", "statushouders", "--db", Db);
        Assert.Equal(0, exit);
        var hits = Lines(stdout).Where(l => l.StartsWith("indicator\t", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToList();
        Assert.Equal(["Programmabegroting 2018\t9D1.g\tAantal gehuisveste statushouders in Leiden", "Jaarstukken 2024\t9D1.e\tAantal gehuisveste statushouders in Leiden"],
            hits.Select(h => string.Join('\t', h[1..4])));
        Assert.Single(hits.Select(h => h[5]).Distinct());
        Assert.Equal("corpus/leiden/2018/programmabegroting-2018-p9.txt line 313, table 10, row 3", hits[0][7]);
        // Seed 003 as a web page: its 9D1.e row is line 231, the eighth row of the eleventh table.
        Assert.Equal("corpus/leiden/2024/html/jaarstukken-2024-p9.html line 231 at table[11]/tr[8], table 11, row 8", hits[1][7]);
    }

    [Fact]
    public void A_printed_code_with_its_publication_finds_the_series_and_cites_every_value()
    {
        // Seed 000 line 313: 9D1.g 'Aantal gehuisveste statushouders in Leiden', realisaties '308 (2016) 164 (2017)' in its second cell.
        var (exit, stdout, stderr) = CliProcess.Run(corpus.Dir, "series", "9D1.g", "--publication", "2018", "--format", "json", "--db", Db);
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("Aantal gehuisveste statushouders in Leiden", json.RootElement.GetProperty("label").GetString());
        var realised = json.RootElement.GetProperty("values").EnumerateArray().First(v => v.GetProperty("kind").GetString() == "realisatie" && v.GetProperty("year").GetInt32() == 2016);
        Assert.Equal("Programmabegroting 2018, corpus/leiden/2018/programmabegroting-2018-p9.txt line 313, table 10, row 3, column 2", realised.GetProperty("citation").GetString());

        // The same code in a publication that has no such indicator: nothing, said so.
        var none = CliProcess.Run(corpus.Dir, "series", "9D1.g", "--publication", "2024", "--db", Db);
        Assert.Equal(1, none.Exit);
        Assert.Contains("no series matches '9D1.g' in publication '2024'", none.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_prints_csv_and_json_whole()
    {
        const string Sql = "select document_id, source_file from documents order by 1";
        var csv = CliProcess.Run(corpus.Dir, "query", Sql, "--format", "csv", "--db", Db);
        Assert.Equal(0, csv.Exit);
        Assert.Equal(["document_id,source_file", "jaarstukken-2024-p9,corpus/leiden/2024/html/jaarstukken-2024-p9.html", "programmabegroting-2018-p9,corpus/leiden/2018/programmabegroting-2018-p9.txt"], Lines(csv.Out));

        var json = CliProcess.Run(corpus.Dir, "query", Sql, "--format", "json", "--db", Db);
        Assert.Equal(0, json.Exit);
        using var rows = JsonDocument.Parse(json.Out);
        Assert.Equal("corpus/leiden/2018/programmabegroting-2018-p9.txt", rows.RootElement[1].GetProperty("source_file").GetString());
    }

    [Fact]
    public void Facts_say_the_publication_and_the_best_rendition_of_each_row()
    {
        var lines = File.ReadAllLines(Path.Combine(corpus.Dir, "out", "facts.csv"));
        Assert.EndsWith(",provenance,confidence,publication,best_rendition", lines[0], StringComparison.Ordinal);
        // No manifest here: each publication is known by municipality, year, kind and programme, and has one rendition.
        Assert.All(lines.Skip(1), l => Assert.True(l.EndsWith(",leiden-2018-programmabegroting-p9,true", StringComparison.Ordinal) || l.EndsWith(",leiden-2024-jaarstukken-p9,true", StringComparison.Ordinal), l));
    }

    [Fact]
    public async Task The_data_package_is_valid_and_describes_every_file_its_types_and_keys_and_its_sources()
    {
        var (exit, _, stderr) = CliProcess.Run(corpus.Dir, "export", "--format", "csv", "--out", "package", "--db", Db);
        Assert.True(exit == 0, stderr);
        var text = File.ReadAllText(Path.Combine(corpus.Dir, "package", "datapackage.json"));

        // The Data Package 2.0 profile (Profiles/README.md says where it comes from).
        var profile = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Profiles", "datapackage-2.0.json"));
        Assert.Empty(profile.Validate(text));

        using var package = JsonDocument.Parse(text);
        var root = package.RootElement;
        Assert.Equal("CC0-1.0", root.GetProperty("licenses")[0].GetProperty("name").GetString());
        var sources = root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(2, sources.Count);
        Assert.Contains(sources, s => s.GetProperty("path").GetString() == "corpus/leiden/2018/programmabegroting-2018-p9.txt"
            && s.GetProperty("sha256").GetString() == Sha256(Path.Combine(corpus.Dir, "corpus", "leiden", "2018", "programmabegroting-2018-p9.txt")));

        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(11, resources.Count);
        foreach (var resource in resources)
        {
            var file = Path.Combine(corpus.Dir, "package", resource.GetProperty("path").GetString()!);
            Assert.Equal("sha256:" + Sha256(file), resource.GetProperty("hash").GetString());
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
            Assert.Equal(string.Join(',', fields), File.ReadLines(file).First());
            Assert.All(resource.GetProperty("schema").GetProperty("fields").EnumerateArray(), f => Assert.True(f.TryGetProperty("description", out _), $"{file}: {f}"));
        }

        // What CSV readers guessed wrong: programme and schema_version are text, counts integers, values numbers.
        JsonElement Field(string resource, string name) => resources.Single(r => r.GetProperty("name").GetString() == resource)
            .GetProperty("schema").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        Assert.Equal("string", Field("facts", "programme").GetProperty("type").GetString());
        Assert.Equal("string", Field("documents", "schema_version").GetProperty("type").GetString());
        Assert.Equal("integer", Field("documents", "year").GetProperty("type").GetString());
        Assert.Equal("number", Field("facts", "value").GetProperty("type").GetString());
        Assert.Equal("boolean", Field("documents", "best_rendition").GetProperty("type").GetString());
        var observations = resources.Single(r => r.GetProperty("name").GetString() == "observations").GetProperty("schema");
        Assert.Contains(observations.GetProperty("foreignKeys").EnumerateArray(), k => k.GetProperty("reference").GetProperty("resource").GetString() == "indicators");

        // Every foreign key holds in the data: each observation's indicator is in indicators.csv.
        var indicators = File.ReadLines(Path.Combine(corpus.Dir, "package", "indicators.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(File.ReadLines(Path.Combine(corpus.Dir, "package", "observations.csv")).Skip(1), l => Assert.Contains(l.Split(',')[0], indicators));
    }

    [Fact]
    public void Parquet_is_snappy_by_default_and_excel_csv_has_a_mark_semicolons_and_decimal_commas()
    {
        Assert.Equal(0, CliProcess.Run(corpus.Dir, "export", "--format", "parquet", "--out", "parquet", "--db", Db).Exit);
        var codec = CliProcess.Run(corpus.Dir, "query", $"select distinct compression from parquet_metadata('{Path.Combine(corpus.Dir, "parquet", "facts.parquet")}')", "--db", Db);
        Assert.Equal(["compression", "SNAPPY"], Lines(codec.Out));

        Assert.Equal(0, CliProcess.Run(corpus.Dir, "export", "--format", "csv", "--excel", "--out", "excel", "--db", Db).Exit);
        var bytes = File.ReadAllBytes(Path.Combine(corpus.Dir, "excel", "budget_lines.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split('\n');
        Assert.StartsWith("document_id;publication;", lines[0], StringComparison.Ordinal);

        // Seed 000 line 343: 9A lasten rekening 2016 '6.596' (x € 1.000): 6596000 euros, with a decimal comma.
        Assert.Contains(lines, l => l.Contains(";6596000,00;6.596;", StringComparison.Ordinal));

        var usage = CliProcess.Run(corpus.Dir, "export", "--format", "parquet", "--excel", "--out", "x", "--db", Db);
        Assert.Equal((2, true), (usage.Exit, usage.Err.Contains("--excel is for --format csv", StringComparison.Ordinal)));
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void The_report_is_a_site_that_opens_from_disk_with_charts_and_every_value_linked_to_its_source()
    {
        var (exit, stdout, stderr) = CliProcess.Run(corpus.Dir, "report", "--out", "site", "--db", Db);
        Assert.True(exit == 0, stderr);
        Assert.Contains("pages in site", stdout, StringComparison.Ordinal);
        var site = Path.Combine(corpus.Dir, "site");
        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories);

        // Nothing is fetched: no scripts or styles from elsewhere, no web links; every link is a file that is there.
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"#]+)"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(link.Groups[1].Value)));
                Assert.True(File.Exists(target), $"{page}: {link.Groups[1].Value}");
            }
        }

        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<input type=\"search\"", index, StringComparison.Ordinal);
        Assert.Contains("href=\"programme/9.html\"", index, StringComparison.Ordinal);
        Assert.Contains("href=\"series/9a1a-schaalscore-sociale-cohesie-schaal.html\"", index, StringComparison.Ordinal);

        // Seed 000 line 97 and seed 003 line 84: realisaties of two publications (two colours), streefwaarden as open marks.
        var series = File.ReadAllText(Path.Combine(site, "series", "9a1a-schaalscore-sociale-cohesie-schaal.html"));
        Assert.Contains("<title>realisatie 2014: 5.8 score (Programmabegroting 2018)</title>", series, StringComparison.Ordinal);
        Assert.Contains("<title>realisatie 2021: 6.1 score (Jaarstukken 2024)</title>", series, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(series, "<circle cx=\"[\\d.]+\" cy=\"[\\d.]+\" r=\"4\" fill=\"(#[0-9A-F]+)\"><title>realisatie").Select(m => m.Groups[1].Value).Distinct().Count());
        Assert.Contains("<rect ", series, StringComparison.Ordinal);
        Assert.Contains(">corpus/leiden/2018/programmabegroting-2018-p9.txt line 97, table 3, row 4, column 6</a>", series, StringComparison.Ordinal);

        // Seed 000 line 343: 9A lasten, rekening 2016, 6.596 (x € 1.000).
        var programme = File.ReadAllText(Path.Combine(site, "programme", "9.html"));
        Assert.Contains("<td>rekening</td><td>2016</td><td class=\"n\">6.596.000</td><td>Programmabegroting 2018</td>", programme, StringComparison.Ordinal);
        Assert.Contains("<svg ", programme, StringComparison.Ordinal);
    }
}
