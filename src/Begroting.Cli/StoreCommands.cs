using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Begroting.Store;
using DuckDB.NET.Data;

namespace Begroting.Cli;

/// <summary>Commands that read the store: export, series, query, find.</summary>
internal static class StoreCommands
{
    private static Option<string> DbOption() => new("--db") { Description = $"The store (default: {BuildCommand.DefaultDb}).", DefaultValueFactory = _ => BuildCommand.DefaultDb };

    /// <summary>Opens the store or says why not; every store command goes through here.</summary>
    private static int WithStore(string db, Func<DuckDBConnection, int> run)
    {
        DuckDBConnection connection;
        try
        {
            connection = StoreQueries.OpenReadOnly(db);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            Output.Error("error: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (DuckDBException e)
        {
            Output.Error($"error: {db}: not a store ({e.Message})");
            return ExitCodes.Usage;
        }

        using (connection)
        {
            try
            {
                return run(connection);
            }
            catch (DuckDBException e)
            {
                Output.Error($"error: {db}: {e.Message}");
                return ExitCodes.Usage;
            }
        }
    }

    public static Command Export()
    {
        var format = new Option<ExportFormat>("--format") { Description = "csv, parquet or jsonl.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Folder for one file per table (facts among them) and datapackage.json.", Required = true };
        var compression = new Option<string>("--compression") { Description = "Parquet's compression: snappy (default: every Parquet reader knows it), zstd, gzip or uncompressed.", DefaultValueFactory = _ => "snappy" };
        compression.AcceptOnlyFromAmong(ExportOptions.Compressions);
        var excel = new Option<bool>("--excel") { Description = "CSV for Dutch spreadsheets: a UTF-8 byte-order mark, ';' between fields and decimal commas (plain CSV is RFC 4180)." };
        var db = DbOption();
        var command = new Command("export", "Write every table of the store (and the flat facts) as CSV, Parquet or JSON lines, with a Frictionless datapackage.json; columns in schemas/store.schema.json.") { format, output, compression, excel, db };
        command.Validators.Add(r =>
        {
            if (r.GetValue(excel) && r.GetValue(format) != ExportFormat.Csv)
            {
                r.AddError("--excel is for --format csv");
            }
        });
        command.SetAction(result => WithStore(result.GetValue(db)!, connection =>
        {
            foreach (var path in StoreExport.Export(connection, new ExportOptions(result.GetValue(format), result.GetValue(compression)!, result.GetValue(excel)), result.GetValue(output)!))
            {
                Console.WriteLine(Path.GetRelativePath(Directory.GetCurrentDirectory(), path));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Report()
    {
        var output = new Option<string>("--out", "-o") { Description = "Folder for the site (index.html, a page per programme and per series).", DefaultValueFactory = _ => "site" };
        var sources = new Option<string>("--sources") { Description = "The folder the documents' files are named from (where `build` was given them), for the links to each value's source (default: the working folder).", DefaultValueFactory = _ => "." };
        var db = DbOption();
        var command = new Command("report", "Write a static site of the store that opens from disk: publications and programmes, budget lines over the years, and every series with its values per publication, each linked to its source.") { output, sources, db };
        command.SetAction(result => WithStore(result.GetValue(db)!, connection =>
        {
            var pages = ReportSite.Write(connection, result.GetValue(output)!, result.GetValue(sources)!);
            Console.WriteLine($"{pages.Count} pages in {result.GetValue(output)}; open {Path.Combine(result.GetValue(output)!, "index.html")}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Query()
    {
        var sql = new Argument<string>("sql") { Description = "SQL over the store's tables (read only)." };
        var format = Output.FormatOption();
        var db = DbOption();
        var command = new Command("query", "Run SQL on the store and print the result as a table, CSV or JSON.") { sql, format, db };
        command.SetAction(result => WithStore(result.GetValue(db)!, connection =>
        {
            var table = StoreQueries.UserQuery(connection, result.GetValue(sql)!);
            Output.Write(table, result.GetValue(format)!);
            Console.Error.WriteLine($"{table.Rows.Count} rows");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Find()
    {
        var text = new Argument<string>("text") { Description = "Words that must all occur in an indicator name or goal title." };
        var format = Output.FormatOption();
        var db = DbOption();
        var command = new Command("find", "Search indicator names and goal titles across all publications, each with its source (file, page or line, table row).") { text, format, db };
        command.SetAction(result => WithStore(result.GetValue(db)!, connection =>
        {
            var table = StoreQueries.Find(connection, result.GetValue(text)!);
            Output.Write(table, result.GetValue(format)!);
            return table.Rows.Count == 0 ? ExitCodes.DocumentFailed : ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Series()
    {
        var text = new Argument<string>("series") { Description = "A series id, a printed code (9D1.g), or words of an indicator name." };
        var publication = new Option<string?>("--publication") { Description = "Only series with a member in this publication: its id, a word of its title, or its year (a code is reused for other indicators in other years)." };
        var format = Output.FormatOption();
        var db = DbOption();
        var command = new Command("series", "One indicator across the years: realisaties per year with the publications that reported them, streefwaarden with the publication that set them and the realisaties of their year beside them, each value with its source.") { text, publication, format, db };
        command.SetAction(result => WithStore(result.GetValue(db)!, connection =>
        {
            var view = StoreQueries.Series(connection, result.GetValue(text)!, result.GetValue(publication));
            if (view is null)
            {
                Output.Error($"no series matches '{result.GetValue(text)}'{(result.GetValue(publication) is { } p ? $" in publication '{p}'" : string.Empty)}; try `begroting find`");
                return ExitCodes.DocumentFailed;
            }

            Console.Write(result.GetValue(format) switch
            {
                "json" => Json(view),
                "csv" => Csv(view),
                _ => string.Empty,
            });
            if (result.GetValue(format) == "table")
            {
                PrintTable(view);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    // The realised_* columns hold, on a streefwaarde's row, the realisaties reported for its year: one entry each, joined by ';' in the same order in every column.
    private static readonly string[] RowColumns = ["kind", "year", "value", "raw", "unit", "publication", "code", "document_id", "flags", "note",
        "realised_value", "realised_raw", "realised_unit", "realised_publication", "realised_document_id", "provenance", "source"];

    private static string?[] Cells(SeriesRow r) =>
        [r.Kind, r.Year is { } y ? (r.Quarter is { } q ? $"{y}-Q{q}" : y.ToString(CultureInfo.InvariantCulture)) : null, r.Value is null ? null : StoreQueries.Show(r.Value), r.Raw, r.Unit, r.PublicationLabel, r.Code, r.DocumentId, r.Flags, r.Note,
        EachRealised(r, x => x.Value is null ? null : StoreQueries.Show(x.Value)), EachRealised(r, x => x.Raw), EachRealised(r, x => x.Unit), EachRealised(r, x => x.PublicationLabel), EachRealised(r, x => x.DocumentId),
        r.Provenance, r.Provenance is { } p ? Citations.Place(p) : null];

    private static string EachRealised(SeriesRow target, Func<SeriesRow, string?> field) => string.Join(';', target.Realised.Select(x => field(x) ?? string.Empty));

    /// <summary>The realisaties beside a streefwaarde, for reading: value (or the raw '-', 'nnb'), its unit where it is not the target's, and who reported it.</summary>
    private static string Realised(SeriesRow target) => string.Join("; ", target.Realised.Select(x =>
        (x.Value is null ? x.Raw : StoreQueries.Show(x.Value)) + (x.Unit is { } u && u != target.Unit ? " " + u : string.Empty) + $" ({x.PublicationLabel})"));

    private static void PrintTable(SeriesView view)
    {
        Console.WriteLine($"series {view.Id}: {view.Label}" + (view.UnitChange ? " (unit changes between publications)" : string.Empty));
        Output.Table(new QueryTable(
            ["publication", "code", "name", "unit", "link score", "override", "document"],
            view.Members.Select(m => (IReadOnlyList<string?>)[m.PublicationLabel, m.Code, m.Name, m.Unit, m.LinkScore is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : null, m.ByOverride ? "yes" : null, m.DocumentId]).ToList()),
            "members");
        Output.Table(new QueryTable(["kind", "year", "value", "unit", "publication", "code", "realised that year", "note", "source"],
            view.Rows.Select(r => (IReadOnlyList<string?>)[r.Kind, Cells(r)[1], r.Value is null ? r.Raw : StoreQueries.Show(r.Value), r.Unit, r.PublicationLabel, r.Code, Realised(r), r.Note, r.Provenance is { } p ? Citations.Place(p) : null]).ToList()), "values");
        if (view.OtherMatches.Count > 0)
        {
            Console.WriteLine("also matching: " + string.Join(", ", view.OtherMatches));
        }
    }

    private static string Csv(SeriesView view) =>
        Output.Csv(new QueryTable(["series_id", .. RowColumns], view.Rows.Select(r => (IReadOnlyList<string?>)[view.Id, .. Cells(r)]).ToList()));

    private static string Json(SeriesView view)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("id", view.Id);
            w.WriteString("label", view.Label);
            w.WriteBoolean("unitChange", view.UnitChange);
            w.WriteStartArray("members");
            foreach (var m in view.Members)
            {
                w.WriteStartObject();
                w.WriteString("indicatorKey", m.IndicatorKey);
                w.WriteString("publication", m.Publication);
                w.WriteString("publicationLabel", m.PublicationLabel);
                w.WriteString("documentId", m.DocumentId);
                w.WriteString("code", m.Code);
                w.WriteString("name", m.Name);
                w.WriteString("unit", m.Unit);
                if (m.LinkScore is { } s)
                {
                    w.WriteNumber("linkScore", Math.Round(s, 4));
                }
                else
                {
                    w.WriteNull("linkScore");
                }

                w.WriteBoolean("byOverride", m.ByOverride);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("values");
            foreach (var r in view.Rows)
            {
                WriteRow(w, r);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One value; a streefwaarde also gets <c>realised</c>, the realisaties of its year as values of the same shape (possibly none).</summary>
    private static void WriteRow(Utf8JsonWriter w, SeriesRow r)
    {
        w.WriteStartObject();
        w.WriteString("kind", r.Kind);
        if (r.Year is { } y)
        {
            w.WriteNumber("year", y);
        }
        else
        {
            w.WriteNull("year");
        }

        if (r.Quarter is { } q)
        {
            w.WriteNumber("quarter", q);
        }

        if (r.Value is { } v)
        {
            w.WriteNumber("value", v);
        }
        else
        {
            w.WriteNull("value");
        }

        w.WriteString("raw", r.Raw);
        w.WriteString("unit", r.Unit);
        w.WriteString("publication", r.Publication);
        w.WriteString("publicationLabel", r.PublicationLabel);
        w.WriteString("documentId", r.DocumentId);
        w.WriteString("code", r.Code);
        w.WriteString("flags", r.Flags);
        w.WriteString("note", r.Note);
        w.WriteString("provenance", r.Provenance);
        w.WriteString("citation", r.Citation);
        if (r.Kind == "streefwaarde")
        {
            w.WriteStartArray("realised");
            foreach (var x in r.Realised)
            {
                WriteRow(w, x);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
