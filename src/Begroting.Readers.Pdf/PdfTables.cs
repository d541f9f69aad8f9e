using Begroting.Model.Layout;

namespace Begroting.Readers.Pdf;

/// <summary>Tables found by alignment: a run of lines cut into several segments, columns where no segment crosses, rows where the vertical gap widens.</summary>
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

        return multi >= 2 ? lastMulti + 1 : -1;
    }

    public static Table Build(IReadOnlyList<PdfLine> lines, string file, int page, double pageHeight)
    {
        var columns = Columns(lines);
        var rows = new List<List<(List<PdfLine> Lines, List<PdfWord> Words)?>>();
        var rowLines = new List<List<PdfLine>>();
        var threshold = RowGap(lines);
        List<(List<PdfLine> Lines, List<PdfWord> Words)?>? current = null;
        PdfLine? previous = null;
        foreach (var line in lines)
        {
            var placed = line.Segments.Select(s => (Column: ColumnOf(columns, s[0].Left), Segment: s)).ToList();
            var occupied = placed.Select(p => p.Column).Distinct().ToList();
            var full = occupied.Count >= Math.Max(2, (columns.Count + 1) / 2);
            var newRow = current is null
                || line.Top - previous!.Bottom > threshold
                || (full && occupied.Any(c => current[c] is not null));
            if (newRow)
            {
                current = Enumerable.Repeat<(List<PdfLine>, List<PdfWord>)?>(null, columns.Count).ToList();
                rows.Add(current);
                rowLines.Add([]);
            }

            rowLines[^1].Add(line);
            foreach (var (column, segment) in placed)
            {
                var cell = current![column] ?? ([], []);
                cell.Lines.Add(new PdfLine(segment, [segment]));
                cell.Words.AddRange(segment);
                current[column] = cell;
            }

            previous = line;
        }

        var tableRows = rows.Select((cells, r) => new TableRow(
            cells.Select(c => c is { } cell
                ? new Cell(cell.Lines.Select(l => l.Text).ToList(), new SourceRef(file, Page: page, Box: Box(cell.Words, pageHeight)))
                : new Cell([], new SourceRef(file, Page: page))).ToList(),
            new SourceRef(file, Page: page, Box: Box(rowLines[r].SelectMany(l => l.Words), pageHeight)))).ToList();
        return new Table(tableRows, TableForm.Grid, new SourceRef(file, Page: page, Box: Box(lines.SelectMany(l => l.Words), pageHeight)));
    }

    /// <summary>Column separators: x ranges no segment of the multi-segment lines crosses (a few spanning cells allowed).</summary>
    private static List<(double Left, double Right)> Columns(IReadOnlyList<PdfLine> lines)
    {
        var multi = lines.Where(l => l.Segments.Count >= 2).ToList();
        var left = lines.Min(l => l.Left);
        var right = lines.Max(l => l.Right);
        var width = (int)Math.Ceiling(right - left) + 1;
        var coverage = new int[width];
        foreach (var segment in multi.SelectMany(l => l.Segments))
        {
            var from = (int)Math.Floor(segment[0].Left - left);
            var to = (int)Math.Ceiling(segment.Max(w => w.Right) - left);
            for (var x = Math.Max(0, from); x < Math.Min(width, to); x++)
            {
                coverage[x]++;
            }
        }

        var allowed = Math.Max(0, multi.Count / 8);
        var columns = new List<(double, double)>();
        var x0 = 0;
        var inGap = false;
        var gapStart = 0;
        for (var x = 0; x < width; x++)
        {
            var free = coverage[x] <= allowed;
            if (free && !inGap)
            {
                inGap = true;
                gapStart = x;
            }
            else if (!free && inGap)
            {
                inGap = false;
                if (x - gapStart >= 3 && gapStart > x0)
                {
                    columns.Add((left + x0, left + gapStart));
                    x0 = x;
                }
            }
        }

        columns.Add((left + x0, right));
        return columns;
    }

    private static int ColumnOf(List<(double Left, double Right)> columns, double x)
    {
        for (var c = columns.Count - 1; c >= 0; c--)
        {
            if (x >= columns[c].Left - 1)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>The vertical gap that separates rows: the largest jump among the gaps between lines, when there is one.</summary>
    private static double RowGap(IReadOnlyList<PdfLine> lines)
    {
        var gaps = new List<double>();
        for (var i = 1; i < lines.Count; i++)
        {
            gaps.Add(lines[i].Top - lines[i - 1].Bottom);
        }

        gaps.Sort();
        if (gaps.Count < 2)
        {
            return double.MaxValue;
        }

        var best = 0.0;
        var at = -1;
        for (var i = 1; i < gaps.Count; i++)
        {
            var jump = gaps[i] - gaps[i - 1];
            if (jump > best)
            {
                best = jump;
                at = i;
            }
        }

        // No clear jump: every line is a row of its own.
        return best >= Math.Max(1.5, LineHeight(lines[0]) * 0.15) ? (gaps[at] + gaps[at - 1]) / 2 : double.MinValue;
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
