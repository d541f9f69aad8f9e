using Begroting.Store;
using Spectre.Console;

namespace Begroting.Cli;

/// <summary>Tables for a terminal (Spectre.Console), plain tab-separated lines when output goes to a file or a pipe.</summary>
internal static class Output
{
    public static bool Plain => Console.IsOutputRedirected;

    /// <summary>Every command takes it: an internal error's stack trace is printed only when asked for.</summary>
    public static readonly System.CommandLine.Option<bool> Verbose = new("--verbose") { Description = "Print the stack trace of an internal error.", Recursive = true };

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

        foreach (var column in table.Columns)
        {
            t.AddColumn(Markup.Escape(column));
        }

        foreach (var row in table.Rows)
        {
            t.AddRow(row.Select(c => Markup.Escape(c ?? string.Empty)).ToArray());
        }

        AnsiConsole.Write(t);
    }

    public static void Error(string message) => Console.Error.WriteLine(message);
}
