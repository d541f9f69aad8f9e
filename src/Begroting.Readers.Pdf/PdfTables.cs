using System.Text.RegularExpressions;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;

namespace Begroting.Readers.Pdf;

/// <summary>Tables without rules, found by alignment: columns where the text of the lines leaves a vertical strip free, rows where a cell's lines stop following each other.</summary>
/// <remarks>
/// Ruling lines are not needed: printed budgets with and without rules are read the same way. The model is the one a
/// reader's eye uses: a column is a stretch of x that the cells of many lines share and no cell crosses (cells that
/// do cross, like a group header over the year columns or a goal row over the whole table, span); a row is the lines
/// whose cells go on at the table's line pitch, and a new row starts where a column starts again after the gap that
/// cell padding leaves.
/// </remarks>
internal static partial class PdfTables
{
    /// <summary>Where the table starting at line <paramref name="start"/> ends (exclusive), or -1 when the lines there are not a table.</summary>
    /// <remarks>
    /// A table is a run of lines with at least two cells each, with the lines of one cell between them: a line that
    /// starts or ends where a later column's cells do (a wrapped value, a row with only a later column filled), and a
    /// line of the first column when a table line follows closely or it follows the line above at the line spacing.
    /// </remarks>
    public static int RegionEnd(IReadOnlyList<PdfLine> lines, int start)
    {
        if (Chunks(lines[start]).Count < 2)
        {
            return -1;
        }

        var multi = new List<PdfLine> { lines[start] };
        var left = lines[start].Left;
        bool InLaterColumn(PdfLine line) => line.Left > left + 20 && multi.SelectMany(Chunks).Any(c => c.Left > left + 20 && (Math.Abs(c.Left - line.Left) <= 2 || Math.Abs(c.Right - line.Right) <= 2));
        bool TableLine(PdfLine line) => Chunks(line).Count >= 2 ? multi.Count < 3 || Aligned(line, multi) : InLaterColumn(line);
        var j = start;
        while (j + 1 < lines.Count)
        {
            var next = lines[j + 1];
            if (Gap(lines[j], next) > LineHeight(lines[j]) * 2.2)
            {
                break;
            }

            if (Chunks(next).Count >= 2)
            {
                // A line whose cells share no edge with the table's is the next table (its own header), not this one's.
                if (!TableLine(next))
                {
                    break;
                }

                // The table's left edge is its first column's: a header over the later columns starts further right.
                multi.Add(next);
                left = Math.Min(left, next.Left);
                j++;
                continue;
            }

            if (InLaterColumn(next) && Gap(lines[j], next) <= LineHeight(lines[j]) * 1.6)
            {
                j++;
                continue;
            }

            // A first-column line: the next line of the cell above (at the line spacing), or a wrapped first cell or
            // goal row with a table line closely after it.
            if (Math.Abs(next.Left - left) <= 2 && Math.Abs(lines[j].Left - left) <= 2 && (next.Bottom - lines[j].Bottom <= Math.Max(next.Size, lines[j].Size) * 1.3 || WrapsFirstCell(lines[j], next, multi, lines.Skip(start).Take(j - start + 1).ToList())))
            {
                j++;
                continue;
            }

            // A first-column line under a row whose figures stand between the lines of its name (set in the middle or
            // at the foot of the row): the name's next line at the line spacing, also in the table's last row.
            if (Math.Abs(next.Left - left) <= 2 && Chunks(next).Count == 1 && NameAbove(lines, start, j, left) is >= 0 and var name
                && next.Bottom - lines[name].Bottom <= Math.Max(next.Size, lines[name].Size) * 1.35)
            {
                j++;
                continue;
            }

            var k = j + 1;
            // The first of them may stand as far below as a row does (a group's name on a row of its own, padded);
            // the others follow it as lines of one cell.
            while (k < lines.Count && k <= j + 4 && Chunks(lines[k]).Count < 2 && !InLaterColumn(lines[k]) && Gap(lines[k - 1], lines[k]) <= LineHeight(lines[k - 1]) * (k == j + 1 ? 2.2 : 1.6))
            {
                k++;
            }

            // Only first-column lines are looked past. With none between (k == j + 1, the next line a later-column
            // line further below than a cell's line spacing), the direct test above has judged that line already:
            // it is not this table's, and the table ends.
            if (k > j + 1 && k < lines.Count && k <= j + 4 && Gap(lines[k - 1], lines[k]) <= LineHeight(lines[k - 1]) * 2.2 && TableLine(lines[k]))
            {
                j = Advance.Past(j, k - 1);
                continue;
            }

            break;
        }

        return multi.Count < 2 ? -1 : j + 1;
    }

    /// <summary>Where the table whose cell rows run from <paramref name="start"/> to <paramref name="end"/> really starts: at the header lines set above its first row, if any, and not before <paramref name="floor"/>.</summary>
    /// <remarks>
    /// A column header of one line over cells of several ('Begroting' over '2017 na wijziging', 'Streefwaarden' over
    /// the years) is a line of one cell, which cannot start a table. Such lines stand over the table's later columns,
    /// within its width, at no larger a size than its text, and follow each other and the first row closely. A line in
    /// the first column between them (the unit, 'bedragen x € 1.000') is taken along only when a header line stands
    /// above it: a heading or caption to the left above a table stays out.
    /// </remarks>
    public static int HeaderStart(IReadOnlyList<PdfLine> lines, int floor, int start, int end)
    {
        var table = lines.Skip(start).Take(end - start).ToList();
        var left = table.Min(l => l.Left);
        var right = table.Max(l => l.Right);
        var size = table.Select(l => l.Size).Order().ElementAt(table.Count / 2);
        var found = start;
        for (var k = start - 1; k >= floor; k--)
        {
            var line = lines[k];
            if (Gap(line, lines[k + 1]) > LineHeight(line) * 1.6 || line.Size > size * 1.15 || line.Right > right + 2)
            {
                break;
            }

            if (line.Left > left + 20)
            {
                found = k;
            }
            else if (Math.Abs(line.Left - left) > 2 || Chunks(line).Count > 1)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>The last line of one cell at the table's left edge among the two lines above <paramref name="j"/> and that line, with only later-column lines after it; -1 if none.</summary>
    private static int NameAbove(IReadOnlyList<PdfLine> lines, int start, int j, double left)
    {
        for (var x = j; x >= Math.Max(start, j - 2); x--)
        {
            if (lines[x].Left <= left + 20)
            {
                return x < j && Math.Abs(lines[x].Left - left) <= 2 && Chunks(lines[x]).Count == 1 ? x : -1;
            }
        }

        return -1;
    }

    /// <summary>The lines as a grid, or null when they do not make one (fewer than two columns, or fewer than two rows with two cells).</summary>
    public static Table? TryBuild(IReadOnlyList<PdfLine> lines, string file, int page, double pageHeight)
    {
        var chunks = lines.Select(Chunks).ToList();
        var columns = Columns(chunks);

        // Cells that lie across a gutter span.
        var spanning = chunks.SelectMany(c => c).Where(c => !columns.Any(col => c.Left >= col.Left - 0.5 && c.Right <= col.Right + 0.5)).ToHashSet<Chunk>(ReferenceEqualityComparer.Instance);
        if (columns.Count < 2)
        {
            return null;
        }

        var rows = Rows(lines, chunks, spanning, columns);
        if (rows.Count(r => r.Cells.Count(c => c.Count > 0) >= 2) < 2)
        {
            return null;
        }

        var tableRows = rows.Select(row => new TableRow(
            row.Cells.Select(words => words.Count > 0
                ? new Cell([Model.Text.Hyphenation.JoinLines(PdfLines.Group(words).Select(l => l.Text))], new SourceRef(file, Page: page, Box: Box(words, pageHeight), Confidence: PdfWord.ConfidenceOf(words)))
                : new Cell([], new SourceRef(file, Page: page))).ToList(),
            new SourceRef(file, Page: page, Box: Box(row.Cells.SelectMany(c => c), pageHeight)))).ToList();
        return new Table(tableRows, TableForm.Grid, new SourceRef(file, Page: page, Box: Box(lines.SelectMany(l => l.Words), pageHeight)));
    }

    /// <summary>A run of words closer than a wide space: the text of one cell on one line.</summary>
    internal sealed record Chunk(IReadOnlyList<PdfWord> Words)
    {
        public double Left => Words[0].Left;

        public double Right => Words[^1].Right;

        public double Width => Right - Left;

        public double Overlap(double left, double right) => Math.Max(0, Math.Min(Right, right) - Math.Max(Left, left));
    }

    /// <summary>Runs of words closer than a wide space: a word space is a quarter to two fifths of the size (more between OCR boxes, which hug the ink); the padding either side of a cell edge can leave only half the size between a figure set right and a source set left.</summary>
    private static bool Wide(PdfWord left, PdfWord right) => right.Left - left.Right > Math.Max(right.Size, left.Size) * (left.Confidence is null && right.Confidence is null ? 0.5 : 0.6);

    /// <summary>Each string as drawn on its line, cut at wide spaces: the text of one cell, however far it runs.</summary>
    /// <remarks>Words nothing tells the strings of (OCR'd words) are each a string of their own, to be joined by position.</remarks>
    internal static List<List<PdfWord>> Pieces(IEnumerable<PdfWord> words)
    {
        var pieces = new List<List<PdfWord>>();
        foreach (var run in words.GroupBy(w => w.Run < 0 ? (object)w : (w.Run, Math.Round(w.Bottom))))
        {
            var ordered = run.OrderBy(w => w.Left).ToList();
            var piece = new List<PdfWord> { ordered[0] };
            for (var i = 1; i < ordered.Count; i++)
            {
                if (Wide(ordered[i - 1], ordered[i]))
                {
                    pieces.Add(piece);
                    piece = [];
                }

                piece.Add(ordered[i]);
            }

            pieces.Add(piece);
        }

        return pieces;
    }

    internal static List<Chunk> Chunks(PdfLine line)
    {
        // Strings cut at wide spaces; then pieces that follow each other closely are one cell again. Pieces that overlap
        // never are: two cells' strings drawn over each other (a header too wide for its column) stay apart.
        var pieces = Pieces(line.Words);
        pieces.Sort((a, b) => a[0].Left.CompareTo(b[0].Left));
        var result = new List<Chunk>();
        var chunk = new List<PdfWord>(pieces[0]);
        foreach (var next in pieces.Skip(1))
        {
            var right = chunk.MaxBy(w => w.Right)!;
            var overlaps = next[0].Left < right.Right - Math.Max(right.Size, next[0].Size) * 0.1;
            if (overlaps || Wide(right, next[0]))
            {
                result.Add(new Chunk(chunk));
                chunk = [];
            }

            chunk.AddRange(next);
        }

        result.Add(new Chunk(chunk));
        return result;
    }

    /// <summary>Whether a line of one cell at the table's left edge is the next line of the first cell above it: its first word would not have fitted on that line before the table's second column.</summary>
    /// <remarks>Cell padding can set a wrapped label's lines further apart than lines of prose; a label that wrapped still cannot have had room for the word that went down.</remarks>
    private static bool WrapsFirstCell(PdfLine above, PdfLine line, List<PdfLine> table, List<PdfLine> run)
    {
        // No further down than a fifth over the closest step between the table's lines: a line set off by more is not the cell's.
        var closest = run.Zip(run.Skip(1)).Select(p => p.Second.Bottom - p.First.Bottom).Where(s => s > line.Size * 0.6).DefaultIfEmpty(line.Size * 1.2).Min();
        // The room of the first cell: up to where the table's second cells start.
        var word = line.Words[0];
        var room = table.Select(Chunks).Where(c => c.Count >= 2).Min(c => c[1].Left) - line.Left;
        return Chunks(line).Count == 1
            && line.Bottom - above.Bottom <= closest * 1.2
            && Chunks(above)[0].Width + (word.Size * 0.2) + (word.Right - word.Left) > room + 0.5;
    }

    /// <summary>Whether most cells of the line after its first share a left or right edge with cells of the table so far.</summary>
    private static bool Aligned(PdfLine line, List<PdfLine> table)
    {
        var edges = table.SelectMany(Chunks).ToList();
        var cells = Chunks(line).Skip(1).ToList();
        var matched = cells.Count(c => edges.Any(e => Math.Abs(e.Left - c.Left) <= 2 || Math.Abs(e.Right - c.Right) <= 2));
        return matched * 2 >= cells.Count;
    }

    /// <summary>Columns: the stretches of x between gutters, a gutter being where (nearly) no line has a cell and lines have cells on both sides.</summary>
    /// <remarks>
    /// A few lines may cross a gutter (a group header such as 'Streefwaarden' over the year columns, a goal row
    /// across the table, a header wrapped a point into the next column): their cells span. Inside a column of
    /// names set flush left, the ragged right ends make no gutter, because no cell starts after them until the
    /// next column: the gutter is cut where the fewest lines cross, which is between the columns.
    /// A stretch filled only on lines above the lines that fill the stretch to its right, never on the same line,
    /// is that column's header set left or centred over figures set right: the two are one column.
    /// </remarks>
    private static List<(double Left, double Right)> Columns(List<List<Chunk>> chunks)
    {
        var all = chunks.SelectMany(c => c).ToList();
        var left = all.Min(c => c.Left);
        var right = all.Max(c => c.Right);
        var allowed = Math.Max(1, chunks.Count * 15 / 100);
        var coverage = Coverage(chunks, left, right);

        var cuts = new List<double>();
        var at = 0;
        while (at < coverage.Count)
        {
            if (coverage[at].Lines > allowed)
            {
                at++;
                continue;
            }

            var end = at;
            while (end + 1 < coverage.Count && coverage[end + 1].Lines <= allowed)
            {
                end++;
            }

            // Cuts go in the middle of each run no line crosses; where every part of the stretch is crossed by a
            // few lines, in the middle of the least crossed run.
            var least = coverage.Skip(at).Take(end - at + 1).Min(s => s.Lines);
            var runs = new List<(long Start, long Length)>();
            for (var k = at; k <= end; k++)
            {
                if (coverage[k].Lines != least)
                {
                    continue;
                }

                var (from, to) = (coverage[k].From, coverage[k].To);
                if (runs.Count > 0 && runs[^1].Start + runs[^1].Length == from)
                {
                    runs[^1] = (runs[^1].Start, to - runs[^1].Start);
                }
                else
                {
                    runs.Add((from, to - from));
                }
            }

            if (least > 0)
            {
                runs = [runs.MaxBy(r => r.Length)];
            }

            foreach (var run in runs)
            {
                var x = left + ((run.Start + ((run.Length - 1) / 2.0)) * CoverageStep);
                var both = chunks.Count(line => line.Any(c => c.Right <= x) && line.Any(c => c.Left >= x));

                // A cell across the cut must span (lie over two cells of another line) or only touch the other side;
                // a header wider than the figures under it, right-aligned with them, is in their column.
                // A corner cell over two label columns ('bedragen x € 1.000' over the names and 'Lasten') spans too:
                // cells of other lines lie under a good part of it on either side of the cut.
                bool Under(Chunk c, Func<Chunk, bool> side) => chunks.Any(line => !line.Contains(c) && line.Any(o => side(o) && c.Overlap(o.Left, o.Right) >= c.Width * 0.25));
                bool Allows(Chunk c) =>
                    Math.Min(x - c.Left, c.Right - x) <= c.Width * 0.25
                    || chunks.Any(line => !line.Contains(c) && line.Count(o => c.Overlap(o.Left, o.Right) >= o.Width * 0.5) >= 2)
                    || (Under(c, o => o.Right <= x) && Under(c, o => o.Left >= x));
                // A strip no line crosses needs one line with cells on both sides; a strip some lines cross, two.
                if (both >= (least == 0 ? 1 : 2) && all.Where(c => c.Left < x && c.Right > x).All(Allows))
                {
                    cuts.Add(x);
                }
            }

            at = Advance.Past(at, end + 1);
        }

        var bounds = new List<double> { left };
        bounds.AddRange(cuts);
        bounds.Add(right);
        var columns = new List<(double Left, double Right)>();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            // A column's extent: its cells that lie inside it.
            var inside = all.Where(c => c.Left >= bounds[i] - 0.5 && c.Right <= bounds[i + 1] + 0.5).ToList();
            columns.Add(inside.Count > 0 ? (inside.Min(c => c.Left), inside.Max(c => c.Right)) : (bounds[i], bounds[i + 1]));
        }

        bool Fills(List<Chunk> line, (double Left, double Right) column) =>
            line.Any(c => c.Left >= column.Left - 0.5 && c.Right <= column.Right + 0.5);

        // Each round moves on a column or merges two: no more rounds than there are columns.
        var rounds = 0;
        var limit = columns.Count;
        for (var i = 0; i + 1 < columns.Count && Advance.Within(ref rounds, limit);)
        {
            var above = chunks.FindLastIndex(line => Fills(line, columns[i]));
            var below = chunks.FindIndex(line => Fills(line, columns[i + 1]));
            if (above >= 0 && below > above)
            {
                columns[i] = (columns[i].Left, columns[i + 1].Right);
                columns.RemoveAt(i + 1);
            }
            else
            {
                i++;
            }
        }

        return columns;
    }

    /// <summary>Steps of x, from the table's left edge, at which the columns' coverage is judged.</summary>
    private const double CoverageStep = 0.5;

    /// <summary>How many lines have a cell over each step of x from <paramref name="left"/> to <paramref name="right"/>, as runs of steps with one count: (first step, step after the last, lines).</summary>
    /// <remarks>
    /// A step k stands for x = left + k * step and is covered by a cell whose left edge is at or before it and whose
    /// right edge is beyond it. Runs are built from the cells' edges, so their number follows the number of cells, not
    /// the width of the table: a word a bit flip put a billion points to the right costs one run, not an array of
    /// two billion steps.
    /// </remarks>
    private static List<(long From, long To, int Lines)> Coverage(List<List<Chunk>> chunks, double left, double right)
    {
        var steps = (long)Math.Ceiling((right - left) / CoverageStep) + 1;
        var edges = new List<(long At, int Change)>();
        foreach (var line in chunks)
        {
            // A line counts once where its cells overlap.
            var spans = new List<(long From, long To)>();
            foreach (var c in line)
            {
                var from = (long)Math.Ceiling((c.Left - left) / CoverageStep);
                var to = Math.Clamp((long)Math.Ceiling((c.Right - left) / CoverageStep), from, steps);

                // The step after the last covered one is the first whose x is not left of the cell's right edge,
                // judged as x is computed (the division above may round across a step boundary).
                if (to > from && ((to - 1) * CoverageStep) + left >= c.Right)
                {
                    to--;
                }
                else if (to < steps && (to * CoverageStep) + left < c.Right)
                {
                    to++;
                }

                if (to > from)
                {
                    spans.Add((from, to));
                }
            }

            spans.Sort();
            var merged = new List<(long From, long To)>();
            foreach (var span in spans)
            {
                if (merged.Count > 0 && span.From <= merged[^1].To)
                {
                    merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, span.To));
                }
                else
                {
                    merged.Add(span);
                }
            }

            foreach (var (from, to) in merged)
            {
                edges.Add((from, 1));
                edges.Add((to, -1));
            }
        }

        edges.Sort();
        var runs = new List<(long From, long To, int Lines)>();
        var lines = 0;
        var position = 0L;
        var e = 0;
        foreach (var at in edges.Select(x => x.At).Append(steps).Distinct())
        {
            if (at > position)
            {
                if (runs.Count > 0 && runs[^1].Lines == lines)
                {
                    runs[^1] = (runs[^1].From, at, lines);
                }
                else
                {
                    runs.Add((position, at, lines));
                }

                position = at;
            }

            for (; e < edges.Count && edges[e].At == at; e++)
            {
                lines += edges[e].Change;
            }
        }

        return runs;
    }

    private static int ColumnOf(Chunk chunk, bool spans, List<(double Left, double Right)> columns)
    {
        if (!spans)
        {
            var inside = columns.FindIndex(c => chunk.Left >= c.Left - 0.5 && chunk.Right <= c.Right + 0.5);
            if (inside >= 0)
            {
                return inside;
            }
        }

        // A cell too wide for its column and set flush with it (a header right-aligned over figures, run on over its
        // neighbour) is in the column whose edge it keeps; else it spans, and sits in the first column it covers (as a
        // spanned cell does in HTML), else where it overlaps most.
        if (spans && columns.FindIndex(c => Math.Abs(chunk.Right - c.Right) <= 1.5) is >= 0 and var flushRight && columns.FindIndex(c => Math.Abs(chunk.Left - c.Left) <= 1.5) < 0)
        {
            return flushRight;
        }

        var covered = columns.FindIndex(c => chunk.Overlap(c.Left, c.Right) >= (c.Right - c.Left) * 0.5);
        if (covered >= 0)
        {
            return covered;
        }

        var best = 0;
        for (var i = 1; i < columns.Count; i++)
        {
            if (chunk.Overlap(columns[i].Left, columns[i].Right) > chunk.Overlap(columns[best].Left, columns[best].Right))
            {
                best = i;
            }
        }

        return best;
    }

    private sealed class Row(int columns)
    {
        public List<PdfWord>[] Cells { get; } = Enumerable.Range(0, columns).Select(_ => new List<PdfWord>()).ToArray();

        public double?[] Last { get; } = new double?[columns];

        /// <summary>The width of the last line of each cell so far, or null where that line spans columns.</summary>
        public double?[] Width { get; } = new double?[columns];

        /// <summary>Whether the last line of each cell so far is one figure.</summary>
        public bool[] Figure { get; } = new bool[columns];

        public double Baseline { get; set; }

        public bool Spans { get; set; }
    }

    /// <summary>Lines to rows: a line goes on the current row while its cells continue that row's cells at the line pitch.</summary>
    /// <remarks>
    /// Cell padding makes the step from a row's last line to the next row's first larger than the step between two
    /// lines of one cell; where a table shows no such difference (no padding), a line that fills at least half the
    /// columns starts a row.
    /// </remarks>
    private static List<Row> Rows(IReadOnlyList<PdfLine> lines, List<List<Chunk>> chunks, HashSet<Chunk> spanning, List<(double Left, double Right)> columns)
    {
        var placed = chunks.Select(cs => cs.Select(c => (Chunk: c, Column: ColumnOf(c, spanning.Contains(c), columns))).ToList()).ToList();
        var size = lines.Select(l => l.Size).Order().ElementAt(lines.Count / 2);

        // The pitch of lines within a cell: the smallest step between lines sharing a column, at most a loose line height.
        var steps = new List<double>();
        for (var i = 1; i < lines.Count; i++)
        {
            var step = lines[i].Bottom - lines[i - 1].Bottom;
            if (step > size * 0.6 && placed[i].Any(p => placed[i - 1].Any(q => q.Column == p.Column)))
            {
                steps.Add(step);
            }
        }

        var closest = steps.Count > 0 ? steps.Min() : size * 1.2;
        var pitch = Math.Min(closest, size * 1.3);
        var threshold = pitch * 1.15;
        var padded = steps.Any(s => s > threshold);

        var rows = new List<Row>();
        for (var i = 0; i < lines.Count; i++)
        {
            var baseline = lines[i].Bottom;
            var occupied = placed[i].Select(p => p.Column).Distinct().ToList();
            var alone = placed[i].Count == 1 && spanning.Contains(placed[i][0].Chunk);
            var full = occupied.Count >= Math.Max(2, (columns.Count + 1) / 2);
            var startsRow = true;
            if (rows.Count > 0 && !rows[^1].Spans && !alone)
            {
                var row = rows[^1];
                // A line further down than the pitch is still the next line of the cells it continues where the first
                // word would not have fitted on the line above, up to where the next column starts: the text wrapped
                // there (cell padding and rounding can make the pitch of wrapped lines hard to tell from the rows').
                // Only a line that adds to some of the cells already begun wraps: one that opens a cell of its own (the
                // years under a group header) or fills every cell again (a list of names and values) is not the next
                // line of the others; cells that span are left out, their column's width not being theirs.
                double Room(int c) => (c + 1 < columns.Count ? columns[c + 1].Left : columns[c].Right) - columns[c].Left + 0.5;
                bool Wraps(int c) => occupied.All(o => row.Last[o] is not null) && occupied.Count < row.Last.Count(l => l is not null)
                    && placed[i].Where(p => p.Column == c).MinBy(p => p.Chunk.Left) is { } first
                    && row.Width[c] is { } width && !spanning.Contains(first.Chunk)
                    && width + (first.Chunk.Words[0].Size * 0.2) + (first.Chunk.Words[0].Right - first.Chunk.Words[0].Left) > Room(c)
                    && baseline - row.Last[c]!.Value <= closest * 1.2;
                var stale = occupied.Any(c => row.Last[c] is { } last && baseline - last > threshold && !Wraps(c));
                var continues = occupied.Any(c => row.Last[c] is { } last && (baseline - last <= threshold || Wraps(c)));

                // A figure does not wrap: a figure under a cell that ends in one is the next row's, however close.
                var figureAgain = placed[i].Any(p => row.Figure[p.Column] && IsFigure(p.Chunk));
                startsRow = stale
                    || figureAgain
                    || (continues && !padded && full)
                    || (!continues && baseline - row.Baseline > threshold);
            }

            if (startsRow)
            {
                rows.Add(new Row(columns.Count) { Spans = alone });
            }

            var current = rows[^1];
            current.Baseline = baseline;
            foreach (var group in placed[i].GroupBy(p => p.Column))
            {
                current.Width[group.Key] = group.Any(p => spanning.Contains(p.Chunk)) ? null : group.Max(p => p.Chunk.Right) - group.Min(p => p.Chunk.Left);
            }

            foreach (var (chunk, column) in placed[i])
            {
                current.Cells[column].AddRange(chunk.Words);
                current.Last[column] = baseline;
                current.Figure[column] = IsFigure(chunk);
            }
        }

        return rows;
    }

    /// <summary>Whether a cell's text on one line is a single figure ('12.385', '-441', '94%', '6,1', '-'), with a footnote marker at most.</summary>
    private static bool IsFigure(Chunk chunk) => chunk.Words.Count == 1 && Figure().IsMatch(chunk.Words[0].Text);

    [GeneratedRegex(@"^(?:[-+\u2212]?(?:\d[\d.,]*|[.,]\d+)%?|[-\u2013\u2212])\**$")]
    private static partial Regex Figure();

    private static double Gap(PdfLine above, PdfLine below) => below.Top - above.Bottom;

    internal static double LineHeight(PdfLine line) => Math.Max(Math.Max(1, line.Bottom - line.Top), line.Size);

    /// <summary>The words' box in PDF points, origin bottom left (the words are kept top-down while laying out).</summary>
    internal static BoundingBox Box(IEnumerable<PdfWord> words, double pageHeight)
    {
        var list = words.ToList();
        return list.Count == 0
            ? new BoundingBox(0, 0, 0, 0)
            : new BoundingBox(Math.Round(list.Min(w => w.Left), 1), Math.Round(pageHeight - list.Max(w => w.Bottom), 1), Math.Round(list.Max(w => w.Right), 1), Math.Round(pageHeight - list.Min(w => w.Top), 1));
    }
}
