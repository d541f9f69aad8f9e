using System.Text.Json;
using DuckDB.NET.Data;

namespace Begroting.Store;

/// <summary>The Frictionless Data Package (v2) of an export: each table a resource with its typed, described fields and keys, the licence, and the source documents with their SHA-256.</summary>
/// <remarks>
/// Field types come from the store's own columns, descriptions from schemas/store.schema.json, so what a portal
/// reads is what the store holds: `programme` and `schema_version` are strings, not numbers. The data are
/// offered under CC0 1.0; the source documents are the municipality's own publications.
/// </remarks>
public static class DataPackage
{
    public const string FileName = "datapackage.json";

    public const string Profile = "https://datapackage.org/profiles/2.0/datapackage.json";

    /// <summary>The tables' keys: one column that identifies a row, and the columns that point into another table.</summary>
    private static readonly Dictionary<string, string> PrimaryKeys = new(StringComparer.Ordinal)
    {
        ["documents"] = "document_id",
        ["indicators"] = "indicator_id",
        ["series"] = "series_id",
    };

    private static readonly (string Table, string Field, string Resource, string Key)[] ForeignKeys =
    [
        ("programmes", "document_id", "documents", "document_id"),
        ("policy_areas", "document_id", "documents", "document_id"),
        ("goals", "document_id", "documents", "document_id"),
        ("performances", "document_id", "documents", "document_id"),
        ("indicators", "document_id", "documents", "document_id"),
        ("observations", "indicator_id", "indicators", "indicator_id"),
        ("observations", "document_id", "documents", "document_id"),
        ("budget_lines", "document_id", "documents", "document_id"),
        ("series_members", "series_id", "series", "series_id"),
        ("series_members", "document_id", "documents", "document_id"),
        ("facts", "document_id", "documents", "document_id"),
    ];

    public static string Write(DuckDBConnection connection, ExportOptions options, string outDir, string extension)
    {
        var descriptions = Descriptions();
        var path = Path.Combine(Path.GetFullPath(outDir), FileName);
        using var file = new Pipeline.Export.AtomicFile(path);
        using (var w = new Utf8JsonWriter(file.Stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", Profile);
            w.WriteString("name", "begroting");
            w.WriteString("title", "Programme budgets, annual reports and policy plans as data");
            w.WriteString("description", "Goals, performances, effect indicators (realisaties, streefwaarden, prognoses per year) and budget lines read from the programmabegroting, jaarstukken and beleidsplannen of the documents listed in sources, with the provenance of every value. A value appears once per rendition of its publication: filter facts on best_rendition, or join documents on best_rendition, to count each once.");
            w.WriteString("version", StoreSchema.Version);
            w.WriteStartArray("licenses");
            w.WriteStartObject();
            w.WriteString("name", "CC0-1.0");
            w.WriteString("path", "https://creativecommons.org/publicdomain/zero/1.0/");
            w.WriteString("title", "Creative Commons Zero v1.0 Universal");
            w.WriteEndObject();
            w.WriteEndArray();
            WriteSources(connection, w);
            w.WriteStartArray("resources");
            foreach (var table in StoreSchema.Tables)
            {
                WriteResource(connection, w, table, options, Path.Combine(outDir, table + "." + extension), descriptions);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        file.Commit();
        return path;
    }

    private static void WriteSources(DuckDBConnection connection, Utf8JsonWriter w)
    {
        w.WriteStartArray("sources");
        foreach (var row in StoreQueries.Query(connection, "SELECT DISTINCT publication_label, source_file, sha256, format FROM documents ORDER BY source_file, sha256").Rows)
        {
            w.WriteStartObject();
            w.WriteString("title", $"{row[0]} ({row[3]})");
            w.WriteString("path", row[1]);
            w.WriteString("sha256", row[2]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteResource(DuckDBConnection connection, Utf8JsonWriter w, string table, ExportOptions options, string file, IReadOnlyDictionary<(string, string), string> descriptions)
    {
        w.WriteStartObject();
        w.WriteString("name", table.Replace('_', '-'));
        w.WriteString("type", "table");
        w.WriteString("path", Path.GetFileName(file));
        var (format, mediatype) = options.Format switch
        {
            ExportFormat.Csv => ("csv", "text/csv"),
            ExportFormat.Parquet => ("parquet", "application/vnd.apache.parquet"),
            _ => ("jsonl", "application/jsonl"),
        };
        w.WriteString("format", format);
        w.WriteString("mediatype", mediatype);
        if (options.Format != ExportFormat.Parquet)
        {
            w.WriteString("encoding", "utf-8");
        }

        w.WriteNumber("bytes", new FileInfo(file).Length);
        w.WriteString("hash", "sha256:" + StoreExport.Sha256(file));
        if (options.Format == ExportFormat.Csv)
        {
            w.WriteStartObject("dialect");
            w.WriteString("delimiter", options.Excel ? ";" : ",");
            w.WriteBoolean("header", true);
            w.WriteEndObject();
        }

        w.WriteStartObject("schema");
        w.WriteStartArray("fields");
        foreach (var column in StoreExport.ColumnsOf(connection, table))
        {
            var (name, type) = (column.Name, FieldType(column.Type));
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("type", type);
            if (descriptions.TryGetValue((table, name), out var description))
            {
                w.WriteString("description", description);
            }

            if (type == "number" && options.Excel)
            {
                w.WriteString("decimalChar", ",");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (PrimaryKeys.TryGetValue(table, out var key))
        {
            w.WriteStartArray("primaryKey");
            w.WriteStringValue(key);
            w.WriteEndArray();
        }

        var foreign = ForeignKeys.Where(f => f.Table == table).ToList();
        if (foreign.Count > 0)
        {
            w.WriteStartArray("foreignKeys");
            foreach (var f in foreign)
            {
                w.WriteStartObject();
                w.WriteStartArray("fields");
                w.WriteStringValue(f.Field);
                w.WriteEndArray();
                w.WriteStartObject("reference");
                w.WriteString("resource", f.Resource.Replace('_', '-'));
                w.WriteStartArray("fields");
                w.WriteStringValue(f.Key);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string FieldType(string duckDbType) => duckDbType switch
    {
        "INTEGER" or "BIGINT" or "SMALLINT" or "TINYINT" => "integer",
        "DOUBLE" or "FLOAT" or "REAL" => "number",
        "BOOLEAN" => "boolean",
        _ when duckDbType.StartsWith("DECIMAL", StringComparison.Ordinal) => "number",
        _ => "string",
    };

    private static Dictionary<(string, string), string> Descriptions()
    {
        using var stream = typeof(DataPackage).Assembly.GetManifestResourceStream("store.schema.json") ?? throw new InvalidOperationException("store.schema.json is not embedded");
        using var json = JsonDocument.Parse(stream);
        var descriptions = new Dictionary<(string, string), string>();
        foreach (var table in json.RootElement.GetProperty("tables").EnumerateObject())
        {
            foreach (var column in table.Value.GetProperty("columns").EnumerateArray())
            {
                if (column.TryGetProperty("description", out var d))
                {
                    descriptions[(table.Name, column.GetProperty("name").GetString()!)] = d.GetString()!;
                }
            }
        }

        return descriptions;
    }
}
