using System.Globalization;
using System.Text.RegularExpressions;

namespace Begroting.Pipeline.Normalisation;

/// <summary>One column of a table as its header rows describe it: the header text read top to bottom, and the year it names.</summary>
public sealed record ColumnHeader(string Text, int? Year, int? Quarter);

/// <summary>Reads multi-row headers into one descriptor per column, whatever the serialisation did to the spans.</summary>
/// <remarks>
/// When the header rows are as wide as the body (tabs, expanded HTML spans) columns are read by position, an empty cell
/// right of a year-less group word ('Streefwaarden', 'Meerjarenraming') belonging to that group when a lower row gives it a year.
/// When they are narrower (pipe rows that lost their spans), the header is read as a sequence: each labelled cell one column,
/// and a row of bare years expands the last year-less group into one column per year.
/// </remarks>
public static partial class HeaderModel
{
    public static IReadOnlyList<ColumnHeader> Read(IReadOnlyList<IReadOnlyList<string>> headerRows, int bodyWidth, Func<string, bool> takesYears, out bool positional)
    {
        var rows = headerRows.Where(r => r.Any(c => c.Length > 0)).ToList();
        positional = rows.Count > 0 && rows.Max(r => r.Count) >= bodyWidth && bodyWidth > 0;
        return positional ? ReadPositional(rows, bodyWidth) : ReadSequential(rows, takesYears);
    }

    private static List<ColumnHeader> ReadPositional(List<IReadOnlyList<string>> rows, int width)
    {
        var texts = new List<string>[width];
        for (var c = 0; c < width; c++)
        {
            texts[c] = [];
        }

        for (var r = 0; r < rows.Count; r++)
        {
            string Cell(int row, int c) => c < rows[row].Count ? rows[row][c] : string.Empty;
            var claimed = new string?[width];
            for (var c = 0; c < width; c++)
            {
                var cell = Cell(r, c);
                if (cell.Length == 0 || c == 0 || YearOf(cell) is not null || r + 1 >= rows.Count || Cell(r + 1, c).Length == 0)
                {
                    continue;
                }

                // A year-less group word over a row with years claims the empty cells around it that have years below:
                // to its right when the serialisation put it in the first spanned cell, on both sides when it was centred.
                for (var d = c - 1; d > 0 && Cell(r, d).Length == 0 && Cell(r + 1, d).Length > 0; d--)
                {
                    claimed[d] = cell;
                }

                for (var d = c + 1; d < width && Cell(r, d).Length == 0 && Cell(r + 1, d).Length > 0; d++)
                {
                    claimed[d] = cell;
                }
            }

            for (var c = 0; c < width; c++)
            {
                if (Cell(r, c) is { Length: > 0 } cell)
                {
                    texts[c].Add(cell);
                }
                else if (claimed[c] is { } group)
                {
                    texts[c].Add(group);
                }
            }
        }

        return texts.Select(t => Describe(string.Join(" ", t))).ToList();
    }

    private static List<ColumnHeader> ReadSequential(List<IReadOnlyList<string>> rows, Func<string, bool> takesYears)
    {
        var columns = new List<ColumnHeader>();
        foreach (var row in rows)
        {
            var cells = row.Where(c => c.Length > 0).ToList();
            if (columns.Count > 0 && cells.Count > 0 && cells.All(c => YearOf(c) is not null && YearOnly().IsMatch(c)))
            {
                // A row of bare years belongs to the last group that has none.
                var group = -1;
                for (var c = 1; c < columns.Count; c++)
                {
                    if (columns[c].Year is null && takesYears(columns[c].Text))
                    {
                        group = c;
                    }
                }
                if (group >= 0)
                {
                    var text = columns[group].Text;
                    columns.RemoveAt(group);
                    columns.InsertRange(group, cells.Select(y => Describe(text + " " + y)));
                }

                continue;
            }

            if (columns.Count == 0)
            {
                columns.AddRange(row.Select(Describe));
            }
        }

        return columns;
    }

    public static ColumnHeader Describe(string text)
    {
        var t = DutchValue.Collapse(text);
        var m = YearInText().Match(t);
        if (!m.Success)
        {
            return new ColumnHeader(t, null, null);
        }

        int? quarter = m.Groups["q"].Success ? int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture) : null;
        return new ColumnHeader(t, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), quarter);
    }

    public static int? YearOf(string text) => Describe(text).Year;

    /// <summary>The header without its year, lower case: 'subsiestaat 2017' gives 'subsiestaat'.</summary>
    public static string WithoutYear(string text) => DutchValue.Collapse(YearInText().Replace(text, " ")).ToLowerInvariant();

    [GeneratedRegex(@"\b(?<year>(?:19|20)\d{2})(?:-(?<q>[1-4]))?\b")]
    private static partial Regex YearInText();

    [GeneratedRegex(@"^(?:19|20)\d{2}(?:-[1-4])?$")]
    private static partial Regex YearOnly();
}
