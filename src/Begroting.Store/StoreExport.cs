using DuckDB.NET.Data;

namespace Begroting.Store;

public enum ExportFormat
{
    Csv,
    Parquet,
    Jsonl,
}

/// <summary>Every table of the store (the flat facts among them) as files, written by DuckDB itself.</summary>
public static class StoreExport
{
    public static IReadOnlyList<string> Export(DuckDBConnection connection, ExportFormat format, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var (extension, options) = format switch
        {
            ExportFormat.Csv => ("csv", "FORMAT csv, HEADER true"),
            ExportFormat.Parquet => ("parquet", "FORMAT parquet, COMPRESSION zstd"),
            _ => ("jsonl", "FORMAT json"),
        };
        var written = new List<string>();
        foreach (var table in StoreSchema.Tables)
        {
            var path = Path.GetFullPath(Path.Combine(outDir, table + "." + extension));
            using var command = connection.CreateCommand();
            // Rows in a stable order, so that an unchanged store exports the same files.
            command.CommandText = $"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' ({options})";
            command.ExecuteNonQuery();
            written.Add(path);
        }

        return written;
    }
}
