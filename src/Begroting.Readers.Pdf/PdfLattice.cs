using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using UglyToad.PdfPig.Content;

namespace Begroting.Readers.Pdf;

/// <summary>A ruled table: its frame and the rules that cut it into cells (y grows downwards).</summary>
internal sealed record Lattice(double Left, double Right, double Top, double Bottom, List<(double X1, double X2, double Y)> Horizontal, List<(double X, double Y1, double Y2)> Vertical)
{
    public bool Contains(PdfWord w)
    {
        var cx = (w.Left + w.Right) / 2;
        var cy = (w.Top + w.Bottom) / 2;
        return cx > Left && cx < Right && cy > Top && cy < Bottom;
    }
}

/// <summary>The box of a shape drawn on a page, in page points (y up), and whether it is filled.</summary>
internal readonly record struct Shape(double Left, double Bottom, double Right, double Top, bool Filled);

/// <summary>Tables drawn with ruling lines (or cell backgrounds): cells are the boxes the rules enclose, spans included.</summary>
internal static class PdfLattice
{
    private const double Thin = 1.6;
    private const double Snap = 1.5;

    /// <summary>The boxes of the page's drawn shapes that can be rules or cell backgrounds (filled or stroked, not clipping paths), in page points.</summary>
    public static List<Shape> Shapes(Page page)
    {
        var shapes = new List<Shape>();
        foreach (var path in page.Paths)
        {
            if (!path.IsClipping && (path.IsFilled || path.IsStroked) && path.GetBoundingRectangle() is { } box)
            {
                shapes.Add(new Shape(box.Left, box.Bottom, box.Right, box.Top, path.IsFilled));
            }
        }

        return shapes;
    }

    public static List<Lattice> Find(IReadOnlyList<Shape> shapes, PageFrame frame)
    {
        var height = frame.Height;
        var horizontal = new List<(double X1, double X2, double Y)>();
        var vertical = new List<(double X, double Y1, double Y2)>();

        // Shapes far off the page (more than half of it beyond an edge) are not seen; those that reach that far are cut there.
        var (reachX, reachY) = (frame.Width * 0.5, frame.Height * 0.5);
        foreach (var shape in shapes)
        {
            var (mapLeft, mapBottom, mapRight, mapTop) = frame.Map(shape.Left, shape.Bottom, shape.Right, shape.Top);
            if (!(mapRight >= -reachX && mapLeft <= frame.Width + reachX && mapTop >= -reachY && mapBottom <= frame.Height + reachY))
            {
                continue;
            }

            var r = new UglyToad.PdfPig.Core.PdfRectangle(
                Math.Max(mapLeft, -reachX), Math.Max(mapBottom, -reachY), Math.Min(mapRight, frame.Width + reachX), Math.Min(mapTop, frame.Height + reachY));

            var top = height - r.Top;
            var bottom = height - r.Bottom;
            if (r.Height <= Thin && r.Width >= 2)
            {
                horizontal.Add((r.Left, r.Right, (top + bottom) / 2));
            }
            else if (r.Width <= Thin && r.Height >= 2)
            {
                vertical.Add(((r.Left + r.Right) / 2, top, bottom));
            }
            else if (shape.Filled && r.Width > 4 && r.Height > 4 && r.Width < frame.Width * 0.95)
            {
                // A cell background marks the cell's box as well as a border would.
                horizontal.Add((r.Left, r.Right, top));
                horizontal.Add((r.Left, r.Right, bottom));
                vertical.Add((r.Left, top, bottom));
                vertical.Add((r.Right, top, bottom));
            }
        }

        return FromRules(horizontal, vertical);
    }

    /// <summary>Tables from rules found elsewhere (on a scanned page's image), in points, y downwards.</summary>
    /// <remarks>Rules seen on an image wander by a point or two (skew, thickness): rules within three points of each other are put on one line first.</remarks>
    public static List<Lattice> FromRules(IEnumerable<RuleSegment> rules)
    {
        var list = rules.ToList();
        var xs = Aligned(list.Where(r => r.X1 == r.X2 && r.Y1 != r.Y2).Select(r => r.X1));
        var ys = Aligned(list.Where(r => r.Y1 == r.Y2).Select(r => r.Y1));
        return FromRules(
            list.Where(r => r.Y1 == r.Y2).Select(r => (Math.Min(r.X1, r.X2), Math.Max(r.X1, r.X2), ys[r.Y1])).ToList(),
            list.Where(r => r.X1 == r.X2 && r.Y1 != r.Y2).Select(r => (xs[r.X1], Math.Min(r.Y1, r.Y2), Math.Max(r.Y1, r.Y2))).ToList());
    }

    /// <summary>Each position to the mean of the positions within three points of its neighbours.</summary>
    private static Dictionary<double, double> Aligned(IEnumerable<double> positions)
    {
        var sorted = positions.Distinct().Order().ToList();
        var result = new Dictionary<double, double>();
        var i = 0;
        while (i < sorted.Count)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] - sorted[j] <= 3)
            {
                j++;
            }

            var mean = sorted.Skip(i).Take(j - i + 1).Average();
            for (var k = i; k <= j; k++)
            {
                result[sorted[k]] = mean;
            }

            i = Advance.Past(i, j + 1);
        }

        return result;
    }

    private static List<Lattice> FromRules(List<(double X1, double X2, double Y)> horizontal, List<(double X, double Y1, double Y2)> vertical)
    {
        // Frames: groups of rules that touch each other.
        var lattices = new List<Lattice>();
        var used = new bool[horizontal.Count];
        for (var i = 0; i < horizontal.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            var (left, right, top, bottom) = (horizontal[i].X1, horizontal[i].X2, horizontal[i].Y, horizontal[i].Y);
            var grew = true;
            used[i] = true;
            var hs = new List<(double, double, double)> { horizontal[i] };

            // Each round that grows takes at least one more rule: no frame needs more rounds than there are rules.
            var rounds = 0;
            while (grew && Advance.Within(ref rounds, horizontal.Count + 1))
            {
                grew = false;
                var vs = vertical.Where(v => v.X >= left - Snap && v.X <= right + Snap && v.Y2 >= top - Snap && v.Y1 <= bottom + Snap).ToList();
                var vTop = vs.Count > 0 ? Math.Min(top, vs.Min(v => v.Y1)) : top;
                var vBottom = vs.Count > 0 ? Math.Max(bottom, vs.Max(v => v.Y2)) : bottom;
                for (var j = 0; j < horizontal.Count; j++)
                {
                    var h = horizontal[j];
                    if (!used[j] && h.X2 >= left - Snap && h.X1 <= right + Snap && h.Y >= vTop - Snap && h.Y <= vBottom + Snap)
                    {
                        used[j] = true;
                        hs.Add(h);
                        (left, right, top, bottom) = (Math.Min(left, h.X1), Math.Max(right, h.X2), Math.Min(top, h.Y), Math.Max(bottom, h.Y));
                        grew = true;
                    }
                }

                (top, bottom) = (Math.Min(top, vTop), Math.Max(bottom, vBottom));
            }

            var verticals = vertical.Where(v => v.X >= left - Snap && v.X <= right + Snap && v.Y2 >= top - Snap && v.Y1 <= bottom + Snap).ToList();
            if (hs.Count >= 2 && verticals.Count >= 2 && bottom - top > 8)
            {
                lattices.Add(new Lattice(left - Snap, right + Snap, top - Snap, bottom + Snap, hs, verticals));
            }
        }

        return lattices;
    }

    /// <summary>The frames whose rules are the cell grid of the text in them; frames that only shade or box text are left to be read by alignment.</summary>
    /// <remarks>
    /// Backgrounds and partial rules make frames too: a shaded header or totals row, zebra stripes, a box around an
    /// unruled table, an outer frame with a few shaded cells. Their rules do not cut the text into its cells. A frame
    /// is a grid when its rules part at least two cells on one row, no cell of it holds text a wide space apart on one
    /// line (two cells the rules leave together), and no line of two or more cells follows just above or below it (the
    /// rest of a table whose rows are only partly ruled or shaded). Frames are judged again when one is dropped, since
    /// its lines then stand beside the others.
    /// </remarks>
    public static List<Lattice> Grids(IReadOnlyList<Lattice> lattices, IReadOnlyList<PdfWord> words, double pageHeight)
    {
        // Lines in the page's margin bands (running headers and footers) are no rows of a table.
        bool InBody(PdfLine line) => line.Top > pageHeight * PdfReader.MarginBand && line.Bottom < pageHeight * (1 - PdfReader.MarginBand);
        var kept = lattices.ToList();
        kept.RemoveAll(l => words.Where(l.Contains).ToList() is var inside && (inside.Count == 0 || !Separates(Cells(l, inside))));

        // Each round drops a frame or ends: no more rounds than there are frames.
        var rounds = 0;
        while (kept.Count > 0 && Advance.Within(ref rounds, lattices.Count + 1))
        {
            var outside = PdfLines.Group(words.Where(w => !kept.Any(l => l.Contains(w)))).Where(l => InBody(l) && PdfTables.Chunks(l).Count >= 2).ToList();
            var partial = kept.FindIndex(l => outside.Any(line => Beside(l, line)));
            if (partial < 0)
            {
                break;
            }

            kept.RemoveAt(partial);
        }

        return kept;
    }

    /// <summary>Whether the rules part the text into cells: two cells with text on one row, and no cell with text a wide space apart on one line.</summary>
    private static bool Separates(Dictionary<(int Row, int Column), List<PdfWord>> cells) =>
        cells.Keys.GroupBy(k => k.Row).Any(r => r.Count() >= 2)
        && cells.Values.All(c => PdfLines.Group(c).All(line => PdfTables.Chunks(line).Count == 1));

    /// <summary>Whether a line of cells stands just above or below the frame, closer than a line and a half, with two cells or more within the frame's columns.</summary>
    /// <remarks>Text that crosses the frame's column rules is no cell of it (a running header over a table at the top of a page), though a group header over its columns may stand beside cells that are.</remarks>
    private static bool Beside(Lattice lattice, PdfLine line)
    {
        var near = Math.Max(line.Size, 4) * 1.5;
        var inner = lattice.Vertical.Where(v => v.X > lattice.Left + (Snap * 2) && v.X < lattice.Right - (Snap * 2)).Select(v => v.X).ToList();
        return line.Left < lattice.Right && line.Right > lattice.Left
            && ((line.Bottom <= lattice.Top + Snap && lattice.Top - line.Bottom <= near) || (line.Top >= lattice.Bottom - Snap && line.Top - lattice.Bottom <= near))
            && PdfTables.Chunks(line).Count(c => !inner.Any(x => c.Left < x - 1 && c.Right > x + 1)) >= 2;
    }

    /// <summary>The table in a frame: each word goes to the cell whose rules enclose it; a spanning cell sits in its first row and column.</summary>
    public static Table Build(Lattice lattice, IReadOnlyList<PdfWord> words, string file, int page, double pageHeight)
    {
        var xs = Distinct(lattice.Vertical.Select(v => v.X));
        var cells = Cells(lattice, words);
        var rows = cells.Keys.Select(k => k.Row).Distinct().Order().ToList();
        var width = Math.Max(1, xs.Count - 1);
        var tableRows = new List<TableRow>();
        foreach (var r in rows)
        {
            var rowCells = new List<Cell>();
            for (var c = 0; c < width; c++)
            {
                if (cells.TryGetValue((r, c), out var cellWords))
                {
                    // Lines of a cell wrapped at the cell's edge are one text; a line-end hyphen is judged as in prose.
                    var lines = new List<string> { Model.Text.Hyphenation.JoinLines(PdfLines.Group(cellWords).Select(l => l.Text)) };
                    rowCells.Add(new Cell(lines, new SourceRef(file, Page: page, Box: PdfTables.Box(cellWords, pageHeight), Confidence: PdfWord.ConfidenceOf(cellWords))));
                }
                else
                {
                    rowCells.Add(new Cell([], new SourceRef(file, Page: page)));
                }
            }

            tableRows.Add(new TableRow(rowCells, new SourceRef(file, Page: page, Box: PdfTables.Box(Enumerable.Range(0, width).SelectMany(c => cells.GetValueOrDefault((r, c)) ?? []), pageHeight))));
        }

        return new Table(tableRows, TableForm.Grid, new SourceRef(file, Page: page, Box: PdfTables.Box(words, pageHeight)));
    }

    /// <summary>Each word in the cell whose rules enclose it, by (row, column) of the rules above and left of it.</summary>
    private static Dictionary<(int Row, int Column), List<PdfWord>> Cells(Lattice lattice, IReadOnlyList<PdfWord> words)
    {
        var ys = Distinct(lattice.Horizontal.Select(h => h.Y));
        var xs = Distinct(lattice.Vertical.Select(v => v.X));
        var cells = new Dictionary<(int Row, int Column), List<PdfWord>>();
        (int Row, int Column) CellAt(double cx, double cy)
        {
            var above = lattice.Horizontal.Where(h => h.Y <= cy && h.X1 - Snap <= cx && h.X2 + Snap >= cx).Select(h => h.Y).DefaultIfEmpty(lattice.Top).Max();
            var left = lattice.Vertical.Where(v => v.X <= cx && v.Y1 - Snap <= cy && v.Y2 + Snap >= cy).Select(v => v.X).DefaultIfEmpty(lattice.Left).Max();
            return (Index(ys, above), Index(xs, left));
        }

        // The words of one string drawn on one line, without a wide space in it, are one cell's, even where the string
        // runs on over a rule into the next cell: a row label set flush left runs on to the right, a header set flush
        // right runs on to the left. The cell is the one the string keeps its edge in, else the one holding most of it.
        bool Flush(double edge, double rule, double size) => edge - rule is >= -0.5 and var d && d <= size * 0.8;
        foreach (var piece in PdfTables.Pieces(words))
        {
            var placed = piece.Select(w => (Word: w, Cell: CellAt((w.Left + w.Right) / 2, (w.Top + w.Bottom) / 2))).ToList();
            var (first, last) = (placed[0], placed[^1]);
            var size = piece.Max(w => w.Size);
            // Only a string that runs over a rule (a word of it crosses one) is one cell; words a rule stands between are in their own cells.
            var runsOver = first.Cell != last.Cell && piece.Any(w => xs.Any(x => w.Left < x - 0.5 && w.Right > x + 0.5));
            var key = !runsOver || first.Cell.Column + 1 >= xs.Count || last.Cell.Column + 1 >= xs.Count ? (Row: int.MinValue, Column: int.MinValue)
                : Flush(first.Word.Left, xs[first.Cell.Column], size) ? first.Cell
                : Flush(xs[last.Cell.Column + 1], last.Word.Right, size) ? last.Cell
                : placed.GroupBy(p => p.Cell).MaxBy(g => g.Sum(p => p.Word.Right - p.Word.Left))!.Key;
            foreach (var (word, own) in placed)
            {
                var cell = own.Row == key.Row && key.Column != int.MinValue ? key : own;
                (cells.TryGetValue(cell, out var list) ? list : cells[cell] = []).Add(word);
            }
        }

        return cells;
    }

    private static List<double> Distinct(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var result = new List<double>();
        foreach (var v in sorted)
        {
            if (result.Count == 0 || v - result[^1] > Snap)
            {
                result.Add(v);
            }
        }

        return result;
    }

    private static int Index(List<double> boundaries, double value)
    {
        var best = 0;
        for (var i = 0; i < boundaries.Count; i++)
        {
            if (Math.Abs(boundaries[i] - value) < Math.Abs(boundaries[best] - value))
            {
                best = i;
            }
        }

        return best;
    }
}
