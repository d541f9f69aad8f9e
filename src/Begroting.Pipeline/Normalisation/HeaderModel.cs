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
    /// <param name="headerRows">The rows above the body, as the serialisation gave them.</param>
    /// <param name="bodyWidth">The widest body row; header rows as wide are read by position.</param>
    /// <param name="takesYears">A group word that spans several years ('Meerjarenraming', 'Streefwaarden').</param>
    /// <param name="positional">Whether the columns stand at the body's positions.</param>
    /// <param name="takesOneYear">A column word printed over its own year ('Rekening' over '2016').</param>
    public static IReadOnlyList<ColumnHeader> Read(IReadOnlyList<IReadOnlyList<string>> headerRows, int bodyWidth, Func<string, bool> takesYears, out bool positional, Func<string, bool>? takesOneYear = null)
    {
        var rows = headerRows.Where(r => r.Any(c => c.Length > 0)).ToList();

        // A row of bare years narrower than the body lost its empty cells (pipe rows without spans): it names groups by
        // sequence, whatever the rows above it kept.
        bool LostSpans(IReadOnlyList<string> r) => r.Count < bodyWidth && r.All(c => c.Length > 0 && YearOnly().IsMatch(c));
        var framed = rows.Where(r => !LostSpans(r)).ToList();
        positional = framed.Count > 0 && framed.Max(r => r.Count) >= bodyWidth && bodyWidth > 0;
        if (!positional)
        {
            return CarryGroups(ReadSequential(rows, takesYears, takesOneYear), takesYears);
        }

        var columns = ReadPositional(framed, bodyWidth);
        foreach (var years in rows.Where(LostSpans))
        {
            var width = columns.Count;
            NameGroups(columns, years, takesYears, takesOneYear);
            positional &= columns.Count == width;
        }

        return CarryGroups(columns, takesYears);
    }

    /// <summary>
    /// Bare years under year-less columns. Each cell had its year under its word when there are as many years as cells
    /// that take one: words that take one year ('Rekening' over '2016'), every cell of a run of one group word
    /// ('Streefwaarde' printed over each year), and a lone group word followed by bare years (flattened over its first
    /// year); a lone group word elsewhere spans years and is skipped. Else a run of as many cells of one group word takes
    /// one each, else every year goes to the last group (a word spanning them).
    /// </summary>
    private static void NameGroups(List<ColumnHeader> columns, IReadOnlyList<string> years, Func<string, bool> takesYears, Func<string, bool>? takesOneYear)
    {
        var groups = Enumerable.Range(0, columns.Count).Where(c => columns[c].Year is null && takesYears(columns[c].Text)).ToList();
        var runs = new List<List<int>>();
        foreach (var c in groups)
        {
            if (runs.Count > 0 && runs[^1][^1] == c - 1 && columns[c - 1].Text == columns[c].Text)
            {
                runs[^1].Add(c);
            }
            else
            {
                runs.Add([c]);
            }
        }

        var slots = Enumerable.Range(0, columns.Count).Where(c => columns[c].Year is null && (
            (!takesYears(columns[c].Text) && takesOneYear?.Invoke(columns[c].Text) == true)
            || runs.Any(r => r.Count > 1 && r.Contains(c))
            || (c + 1 < columns.Count && runs.Any(r => r.Count == 1 && r[0] == c) && YearOnly().IsMatch(columns[c + 1].Text)))).ToList();
        if (slots.Count > 0 && slots.Count == years.Count)
        {
            Name(slots);
            return;
        }

        if (years.Count > 1 && runs.LastOrDefault(r => r.Count == years.Count) is { } run)
        {
            Name(run);
            return;
        }

        if (groups.Count == 0)
        {
            return;
        }

        var group = groups[^1];
        var text = columns[group].Text;
        columns.RemoveAt(group);
        columns.InsertRange(group, years.Select(y => Describe(text + " " + y)));

        void Name(List<int> at)
        {
            for (var k = 0; k < at.Count; k++)
            {
                columns[at[k]] = Describe(columns[at[k]].Text + " " + years[k]);
            }
        }
    }

    /// <summary>
    /// A header flattened into one row may print a group's word over its first year only ('Meerjarenraming 2019 | 2020 | 2021',
    /// 'Realisatie 2021 | 2022'): a bare year right of a column of a group that takes years belongs to that group.
    /// </summary>
    private static List<ColumnHeader> CarryGroups(List<ColumnHeader> columns, Func<string, bool> takesYears)
    {
        for (var c = 1; c < columns.Count; c++)
        {
            var left = columns[c - 1];
            if (YearOnly().IsMatch(columns[c].Text) && left.Year is not null && GroupWords(left.Text) is { Length: > 0 } group && takesYears(group))
            {
                columns[c] = Describe(group + " " + columns[c].Text);
            }
        }

        return columns;
    }

    /// <summary>The header's words without its year, in their own case: 'Meerjarenraming 2019' gives 'Meerjarenraming'.</summary>
    private static string GroupWords(string text) => DutchValue.Collapse(YearInText().Replace(text, " "));

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

    private static List<ColumnHeader> ReadSequential(List<IReadOnlyList<string>> rows, Func<string, bool> takesYears, Func<string, bool>? takesOneYear)
    {
        var columns = new List<ColumnHeader>();
        foreach (var row in rows)
        {
            var cells = row.Where(c => c.Length > 0).ToList();
            if (columns.Count > 0 && cells.Count > 0 && cells.All(c => YearOf(c) is not null && YearOnly().IsMatch(c)))
            {
                NameGroups(columns, cells, takesYears, takesOneYear);
                continue;
            }

            if (columns.Count > 0 && cells.Count > 1 && YearOnly().IsMatch(cells[^1]) && !YearOnly().IsMatch(cells[0]) && cells.Skip(1).All(c => YearOnly().IsMatch(c)))
            {
                // The label column's second line (the unit under the programme's name) before the years.
                columns[0] = Describe(columns[0].Text + " " + cells[0]);
                NameGroups(columns, cells.Skip(1).ToList(), takesYears, takesOneYear);
                continue;
            }

            if (columns.Count > 0 && row.Count == columns.Count)
            {
                // As many cells as the row above: each cell's lines split into rows ('Rekening' over '2016', 'Wijziging' over 'Begroting').
                for (var c = 0; c < row.Count; c++)
                {
                    columns[c] = Describe(columns[c].Text + " " + row[c]);
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
