using Begroting.Store;
using Spectre.Console;

namespace Begroting.Cli;

/// <summary>Tables for a terminal (Spectre.Console), plain tab-separated lines when output goes to a file or a pipe.</summary>
internal static class Output
{
    public static bool Plain => Console.IsOutputRedirected;

    /// <summary>Every command takes it: an internal error's stack trace is printed only when asked for.</summary>
    public static readonly System.CommandLine.Option<bool> Verbose = new("--verbose") { Description = "Print the stack trace of an internal error.", Recursive = true };

    /// <summary>The formats a store command prints in: a table (cut to the terminal, whole in a file or pipe), CSV or JSON.</summary>
    public static System.CommandLine.Option<string> FormatOption()
    {
        var format = new System.CommandLine.Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        return format;
    }

    /// <summary>A result in the format asked: CSV (RFC 4180) and JSON (an array of objects, one per row) are never cut.</summary>
    public static void Write(QueryTable table, string format, string? title = null)
    {
        switch (format)
        {
            case "csv":
                Console.Write(Csv(table));
                break;
            case "json":
                Console.Write(Json(table));
                break;
            default:
                Table(table, title);
                break;
        }
    }

    public static string Csv(QueryTable table)
    {
        var text = new System.Text.StringBuilder();
        text.Append(string.Join(',', table.Columns.Select(Begroting.Model.Text.Csv.Field))).Append('\n');
        foreach (var row in table.Rows)
        {
            text.Append(string.Join(',', row.Select(c => Begroting.Model.Text.Csv.Field(c ?? string.Empty)))).Append('\n');
        }

        return text.ToString();
    }

    private static string Json(QueryTable table)
    {
        using var stream = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var row in table.Rows)
            {
                w.WriteStartObject();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    w.WriteString(table.Columns[i], row[i]);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>In a terminal no column takes more than its share of the width, so a wide cell is cut ('...'), never wrapped a letter at a time.</summary>
    private static string Cut(string cell, int width) => cell.Length <= width ? cell : cell[..Math.Max(1, width - 3)] + "...";

    public static void Table(QueryTable table, string? title = null)
    {
        if (Plain)
        {
            if (title is not null)
            {
                Console.WriteLine(title);
            }

            Console.WriteLine(string.Join('\t', table.Columns));
            foreach (var row in table.Rows)
            {
                Console.WriteLine(string.Join('\t', row.Select(c => (c ?? string.Empty).Replace('\t', ' ').Replace('\n', ' '))));
            }

            return;
        }

        var t = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            t.Title(Markup.Escape(title));
        }

        // Borders and padding take three characters a column.
        var share = Math.Max(8, (AnsiConsole.Profile.Width - 1) / Math.Max(1, table.Columns.Count) - 3);
        foreach (var column in table.Columns)
        {
            t.AddColumn(new TableColumn(Markup.Escape(Cut(column, share))).NoWrap());
        }

        foreach (var row in table.Rows)
        {
            t.AddRow(row.Select(c => Markup.Escape(Cut((c ?? string.Empty).Replace('\n', ' '), share))).ToArray());
        }

        AnsiConsole.Write(t);
    }

    public static void Error(string message) => Console.Error.WriteLine(message);
}
