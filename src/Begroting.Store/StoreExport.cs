using System.Security.Cryptography;
using DuckDB.NET.Data;

namespace Begroting.Store;

public enum ExportFormat
{
    Csv,
    Parquet,
    Jsonl,
}

/// <summary>How an export is written: Parquet's compression, and CSV for Dutch spreadsheets.</summary>
/// <param name="Format">The file format of every table.</param>
/// <param name="Compression">Parquet's codec: snappy (the default, which every Parquet reader knows), zstd, gzip or uncompressed.</param>
/// <param name="Excel">CSV as nl-NL Excel opens it: a UTF-8 byte-order mark, ';' between fields and decimal commas. Plain CSV stays RFC 4180.</param>
public sealed record ExportOptions(ExportFormat Format, string Compression = "snappy", bool Excel = false)
{
    public static readonly string[] Compressions = ["snappy", "zstd", "gzip", "uncompressed"];
}

/// <summary>Every table of the store (the flat facts among them) as files, written by DuckDB itself, with a Frictionless data package describing them.</summary>
public static class StoreExport
{
    public static IReadOnlyList<string> Export(DuckDBConnection connection, ExportFormat format, string outDir) => Export(connection, new ExportOptions(format), outDir);

    public static IReadOnlyList<string> Export(DuckDBConnection connection, ExportOptions options, string outDir)
    {
        if (!ExportOptions.Compressions.Contains(options.Compression))
        {
            throw new ArgumentException($"compression '{options.Compression}' is not one of {string.Join(", ", ExportOptions.Compressions)}", nameof(options));
        }

        Directory.CreateDirectory(outDir);
        var (extension, copy) = options.Format switch
        {
            ExportFormat.Csv when options.Excel => ("csv", "FORMAT csv, HEADER true, DELIMITER ';'"),
            ExportFormat.Csv => ("csv", "FORMAT csv, HEADER true"),
            ExportFormat.Parquet => ("parquet", $"FORMAT parquet, COMPRESSION {options.Compression}"),
            _ => ("jsonl", "FORMAT json"),
        };
        var written = new List<string>();
        foreach (var table in StoreSchema.Tables)
        {
            var path = Path.GetFullPath(Path.Combine(outDir, table + "." + extension));
            var temporary = path + ".partial";
            using (var command = connection.CreateCommand())
            {
                // Rows in a stable order, so that an unchanged store exports the same files.
                var columns = options.Format == ExportFormat.Csv && options.Excel ? ExcelColumns(connection, table) : "*";
                command.CommandText = $"COPY (SELECT {columns} FROM {table} ORDER BY ALL) TO '{temporary.Replace("'", "''", StringComparison.Ordinal)}' ({copy})";
                command.ExecuteNonQuery();
            }

            if (options.Format == ExportFormat.Csv && options.Excel)
            {
                WithByteOrderMark(temporary);
            }

            File.Move(temporary, path, overwrite: true);
            written.Add(path);
        }

        written.Add(DataPackage.Write(connection, options, outDir, extension));
        return written;
    }

    /// <summary>Every column, numbers with a decimal comma (DuckDB writes CSV with a point only), so nl-NL Excel reads them as numbers.</summary>
    private static string ExcelColumns(DuckDBConnection connection, string table) => string.Join(", ",
        ColumnsOf(connection, table).Select(c => c.Type is "DOUBLE" or "FLOAT" || c.Type.StartsWith("DECIMAL", StringComparison.Ordinal)
            ? $"replace(CAST({c.Name} AS VARCHAR), '.', ',') AS {c.Name}"
            : c.Name));

    /// <summary>A table's columns with their DuckDB types, in order.</summary>
    internal static List<(string Name, string Type)> ColumnsOf(DuckDBConnection connection, string table) =>
        StoreQueries.Query(connection, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $t ORDER BY ordinal_position", ("t", table)).Rows
            .Select(r => (r[0]!, r[1]!)).ToList();

    /// <summary>Excel reads a CSV as UTF-8 only when it starts with the byte-order mark (else '€' comes out garbled).</summary>
    private static void WithByteOrderMark(string path)
    {
        var marked = path + ".bom";
        using (var target = File.Create(marked))
        {
            target.Write([0xEF, 0xBB, 0xBF]);
            using var source = File.OpenRead(path);
            source.CopyTo(target);
        }

        File.Move(marked, path, overwrite: true);
    }

    internal static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
