using Begroting.Model.Layout;

namespace Begroting.Readers.Pdf;

/// <summary>Tables without rules, found by alignment: a run of lines cut into segments, columns at shared edges, rows where a line fills or spans the columns.</summary>
/// <remarks>Ruling lines are not needed: printed budgets with and without rules are read the same way.</remarks>
internal static class PdfTables
{
    /// <summary>Where the table starting at line <paramref name="start"/> ends (exclusive), or -1 when the lines there are not a table.</summary>
    public static int RegionEnd(IReadOnlyList<PdfLine> lines, int start)
    {
        if (lines[start].Segments.Count < 2)
        {
            return -1;
        }

        var lastMulti = start;
        var multi = 1;
        var j = start;
        while (j + 1 < lines.Count)
        {
            var height = LineHeight(lines[j]);
            var gap = lines[j + 1].Top - lines[j].Bottom;
            if (gap > height * 2.2)
            {
                break;
            }

            if (lines[j + 1].Segments.Count >= 2)
            {
                lastMulti = ++j;
                multi++;
                continue;
            }

            // A one-segment line belongs to the table when a table line follows closely (a wrapped cell, a spanning goal row).
            var k = j + 1;
            while (k < lines.Count && k <= j + 4 && lines[k].Segments.Count < 2 && lines[k].Top - lines[k - 1].Bottom <= LineHeight(lines[k - 1]) * 1.2)
            {
                k++;
            }

            if (k < lines.Count && k <= j + 4 && lines[k].Segments.Count >= 2 && lines[k].Top - lines[k - 1].Bottom <= LineHeight(lines[k - 1]) * 2.2)
            {
                j = k - 1;
                continue;
            }

            break;
        }

        if (multi < 2)
        {
            return -1;
        }

        // Lines below the last table line that continue a value cell (indented past the first column) still belong to it.
        var left = lines.Skip(start).Take(lastMulti - start + 1).Min(l => l.Left);
        var end = lastMulti + 1;
        while (end < lines.Count && lines[end].Segments.Count == 1 && lines[end].Left > left + 20
            && lines[end].Top - lines[end - 1].Bottom <= LineHeight(lines[end - 1]) * 1.2)
        {
            end++;
        }

        return end;
    }

    public static Table Build(IReadOnlyList<PdfLine> lines, string file, int page, double pageHeight)
    {
        var columns = Anchors(lines);
        var assigned = lines.Select(l => Assign(l, columns)).ToList();
        var rows = new List<(List<PdfWord>[] Cells, List<PdfLine> Lines, bool Spanning)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var occupied = assigned[i].Select(a => a.Column).Distinct().Count();
            var spanning = occupied == 1 && columns.Count > 1 && lines[i].Right > columns[Math.Min(1, columns.Count - 1)].Start + 2 && assigned[i][0].Column == 0;
            var full = occupied >= Math.Max(2, (columns.Count + 1) / 2);
            if (rows.Count == 0 || full || spanning || rows[^1].Spanning)
            {
                rows.Add((Enumerable.Range(0, columns.Count).Select(_ => new List<PdfWord>()).ToArray(), [], spanning));
            }

            rows[^1].Lines.Add(lines[i]);
            foreach (var (word, column) in assigned[i])
            {
                rows[^1].Cells[column].Add(word);
            }
        }

        var tableRows = rows.Select(row => new TableRow(
            row.Cells.Select(words => words.Count > 0
                ? new Cell([Model.Text.Hyphenation.JoinLines(PdfLines.Group(words).Select(l => l.Text))], new SourceRef(file, Page: page, Box: Box(words, pageHeight)))
                : new Cell([], new SourceRef(file, Page: page))).ToList(),
            new SourceRef(file, Page: page, Box: Box(row.Lines.SelectMany(l => l.Words), pageHeight)))).ToList();
        return new Table(tableRows, TableForm.Grid, new SourceRef(file, Page: page, Box: Box(lines.SelectMany(l => l.Words), pageHeight)));
    }

    /// <summary>A column found by alignment: where its words start (left-aligned text) or end (right-aligned figures), and its extent.</summary>
    private sealed record Column(double Start, double? LeftEdge, double? RightEdge);

    /// <summary>Columns from edges shared by many lines: left edges of text, right edges of figures.</summary>
    /// <remarks>
    /// Only edges at a gap count (a chunk of words closer than a wide space starts or ends there), so names that
    /// all begin 'Percentage' do not make a column; a right edge ending chunks that start at a left edge is that
    /// column's, not a column of its own.
    /// </remarks>
    private static List<Column> Anchors(IReadOnlyList<PdfLine> lines)
    {
        var need = Math.Max(2, lines.Count / 4);
        var chunks = lines.SelectMany(Chunks).ToList();
        List<double> Clusters(Func<List<PdfWord>, double> edge, Func<PdfWord, double> wordEdge)
        {
            var all = chunks.Select(c => Math.Round(edge(c))).Order().ToList();
            var result = new List<double>();
            var i = 0;
            while (i < all.Count)
            {
                var j = i;
                while (j + 1 < all.Count && all[j + 1] - all[i] <= 2)
                {
                    j++;
                }

                var x = all.Skip(i).Take(j - i + 1).Average();

                // Most words with this edge must be at a chunk edge: a column, not a common first word of a name.
                var words = lines.SelectMany(l => l.Words).Count(w => Math.Abs(wordEdge(w) - x) <= 2);
                if (j - i + 1 >= need && (j - i + 1) * 10 >= words * 6)
                {
                    result.Add(x);
                }

                i = j + 1;
            }

            return result;
        }

        var lefts = Clusters(c => c[0].Left, w => w.Left);
        var rights = Clusters(c => c[^1].Right, w => w.Right);
        var columns = lefts.Select(l => new Column(l, l, null)).ToList();
        foreach (var r in rights)
        {
            var ending = chunks.Where(c => Math.Abs(c[^1].Right - r) <= 2).ToList();
            var fromLeft = ending.Count(c => lefts.Any(l => Math.Abs(c[0].Left - l) <= 2));
            if (fromLeft * 2 < ending.Count)
            {
                columns.Add(new Column(ending.Min(c => c[0].Left), null, r));
            }
        }

        columns = columns.OrderBy(c => c.RightEdge ?? c.Start).ToList();
        if (columns.Count == 0)
        {
            columns.Add(new Column(lines.Min(l => l.Left), lines.Min(l => l.Left), null));
        }

        return columns;
    }

    /// <summary>Runs of words closer than a wide space.</summary>
    private static IEnumerable<List<PdfWord>> Chunks(PdfLine line)
    {
        var chunk = new List<PdfWord> { line.Words[0] };
        for (var i = 1; i < line.Words.Count; i++)
        {
            if (line.Words[i].Left - line.Words[i - 1].Right > Math.Max(line.Words[i].Size, line.Words[i - 1].Size) * 0.45)
            {
                yield return chunk;
                chunk = [];
            }

            chunk.Add(line.Words[i]);
        }

        yield return chunk;
    }

    /// <summary>Each word to a column: by the edge it shares with a column, else with the word before it when they touch, else by position.</summary>
    private static List<(PdfWord Word, int Column)> Assign(PdfLine line, List<Column> columns)
    {
        var result = new List<(PdfWord, int)>();
        for (var i = 0; i < line.Words.Count; i++)
        {
            var w = line.Words[i];
            var column = columns.FindIndex(c => (c.LeftEdge is { } l && Math.Abs(w.Left - l) <= 2) || (c.RightEdge is { } r && Math.Abs(w.Right - r) <= 2));
            if (column < 0 && i > 0 && w.Left - line.Words[i - 1].Right <= w.Size * 0.6)
            {
                column = result[^1].Item2;
            }

            if (column < 0)
            {
                column = columns.FindLastIndex(c => (c.LeftEdge ?? c.Start) <= w.Left + 2);
                if (column < 0)
                {
                    column = 0;
                }
            }

            if (result.Count > 0 && column < result[^1].Item2)
            {
                // Reading order within a line never goes back a column.
                column = result[^1].Item2;
            }

            result.Add((w, column));
        }

        return result;
    }

    internal static double LineHeight(PdfLine line) => Math.Max(1, line.Bottom - line.Top);

    /// <summary>The words' box in PDF points, origin bottom left (the words are kept top-down while laying out).</summary>
    internal static BoundingBox Box(IEnumerable<PdfWord> words, double pageHeight)
    {
        var list = words.ToList();
        return list.Count == 0
            ? new BoundingBox(0, 0, 0, 0)
            : new BoundingBox(Math.Round(list.Min(w => w.Left), 1), Math.Round(pageHeight - list.Max(w => w.Bottom), 1), Math.Round(list.Max(w => w.Right), 1), Math.Round(pageHeight - list.Min(w => w.Top), 1));
    }
}
