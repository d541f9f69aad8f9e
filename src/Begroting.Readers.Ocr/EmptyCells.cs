using Begroting.Model.Diagnostics;

namespace Begroting.Readers.Ocr;

/// <summary>The cells of ruled tables that hold ink but no recognised word.</summary>
/// <remarks>
/// Tesseract's page analysis passes over a mark standing alone in a cell: a lone '0', a '-' for no value, a
/// short 'nnb'. The ruling lines found on the page give the cells; a cell whose inside has a mark of some size
/// and no word is worth reading again on its own.
/// </remarks>
internal static class EmptyCells
{
    private const byte Ink = 128;

    /// <summary>A box in pixels, edges included.</summary>
    public readonly record struct Box(int X0, int Y0, int X1, int Y1)
    {
        public int Width => X1 - X0 + 1;

        public int Height => Y1 - Y0 + 1;
    }

    /// <summary>The box of the ink in each cell without a word, with the height of the cell's row.</summary>
    public static List<(Box Ink, int RowHeight)> Find(IReadOnlyList<RuleRemoval.Segment> rules, IReadOnlyList<Box> words, byte[] pixels, int offset, int width, int height, int dpi)
    {
        var horizontal = rules.Where(r => r.Y1 == r.Y2).OrderBy(r => r.Y1).ToList();
        var vertical = rules.Where(r => r.X1 == r.X2 && r.Y1 != r.Y2).ToList();

        // Rules are skewed by up to a few pixels over their length: the inside of a cell keeps clear of them.
        var margin = Math.Max(4, dpi / 30);
        var result = new List<(Box, int)>();
        for (var i = 0; i < horizontal.Count; i++)
        {
            var top = horizontal[i];
            var bottom = horizontal.Skip(i + 1).FirstOrDefault(h => h.Y1 - top.Y1 > 2 * margin && Math.Min(h.X2, top.X2) - Math.Max(h.X1, top.X1) > dpi / 2);
            if (bottom is null || bottom.Y1 - top.Y1 > dpi)
            {
                continue;
            }

            var (y0, y1) = ((int)top.Y1, (int)bottom.Y1);
            var middle = (y0 + y1) / 2.0;
            var (left, right) = (Math.Max(top.X1, bottom.X1), Math.Min(top.X2, bottom.X2));
            var xs = vertical.Where(v => v.Y1 <= middle && v.Y2 >= middle && v.X1 >= left - margin && v.X1 <= right + margin)
                .Select(v => (int)v.X1).Order().ToList();
            for (var k = 0; k + 1 < xs.Count; k++)
            {
                var cell = new Box(xs[k] + margin, y0 + margin, xs[k + 1] - margin, y1 - margin);
                if (cell.Width < margin || cell.Height < margin || words.Any(w => Overlaps(w, cell)))
                {
                    continue;
                }

                if (InkIn(cell, pixels, offset, width, height) is { } ink && ink.Width >= dpi / 60 && ink.Width <= dpi && ink.Height >= 2)
                {
                    result.Add((ink, y1 - y0));
                }
            }
        }

        return result;
    }

    /// <summary>Whether a mark is a dash by its shape: a bar much wider than high and far lower than the row.</summary>
    public static bool IsDash(Box ink, int rowHeight, int dpi) => ink.Width >= 2 * ink.Height && ink.Height <= Math.Max(3, rowHeight / 6) && ink.Width <= dpi / 6;

    private static bool Overlaps(Box word, Box cell) =>
        Math.Min(word.X1, cell.X1) - Math.Max(word.X0, cell.X0) > 0 && Math.Min(word.Y1, cell.Y1) - Math.Max(word.Y0, cell.Y0) > 0;

    /// <summary>The box around the dark pixels of a region, when there are enough of them to be a mark and not a speck.</summary>
    public static Box? InkIn(Box cell, byte[] pixels, int offset, int width, int height, int least = 12)
    {
        var (x0, y0, x1, y1, count) = (int.MaxValue, int.MaxValue, -1, -1, 0);
        for (var y = Math.Max(0, cell.Y0); y <= Math.Min(height - 1, cell.Y1); y++)
        {
            for (var x = Math.Max(0, cell.X0); x <= Math.Min(width - 1, cell.X1); x++)
            {
                if (pixels[offset + (y * width) + x] < Ink && Neighbours(pixels, offset, width, height, x, y) >= 2)
                {
                    (x0, y0, x1, y1, count) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y), count + 1);
                }
            }
        }

        return count >= least ? new Box(x0, y0, x1, y1) : null;
    }

    /// <summary>The boxes of the separate marks in a region: ink connected through its eight neighbours, one pixel alone left out.</summary>
    public static List<Box> Blobs(Box region, byte[] pixels, int offset, int width, int height)
    {
        var (x0, y0, x1, y1) = (Math.Max(0, region.X0), Math.Max(0, region.Y0), Math.Min(width - 1, region.X1), Math.Min(height - 1, region.Y1));
        var (w, h) = (x1 - x0 + 1, y1 - y0 + 1);
        var result = new List<Box>();
        if (w <= 0 || h <= 0)
        {
            return result;
        }

        var seen = new bool[w * h];
        var stack = new Stack<(int X, int Y)>();
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                if (seen[((y - y0) * w) + x - x0] || pixels[offset + (y * width) + x] >= Ink)
                {
                    continue;
                }

                var (bx0, by0, bx1, by1, count) = (x, y, x, y, 0);
                seen[((y - y0) * w) + x - x0] = true;
                stack.Push((x, y));

                // A pixel is pushed once (it is marked seen first): no blob takes more rounds than the region has pixels.
                var rounds = 0;
                while (stack.TryPop(out var p) && Advance.Within(ref rounds, w * h))
                {
                    (bx0, by0, bx1, by1, count) = (Math.Min(bx0, p.X), Math.Min(by0, p.Y), Math.Max(bx1, p.X), Math.Max(by1, p.Y), count + 1);
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var (qx, qy) = (p.X + dx, p.Y + dy);
                            if (qx >= x0 && qx <= x1 && qy >= y0 && qy <= y1 && !seen[((qy - y0) * w) + qx - x0] && pixels[offset + (qy * width) + qx] < Ink)
                            {
                                seen[((qy - y0) * w) + qx - x0] = true;
                                stack.Push((qx, qy));
                            }
                        }
                    }
                }

                if (count >= 2)
                {
                    result.Add(new Box(bx0, by0, bx1, by1));
                }
            }
        }

        return result;
    }

    // A speck of one or two pixels has no dark neighbours to speak of; a stroke has several.
    private static int Neighbours(byte[] pixels, int offset, int width, int height, int x, int y)
    {
        var n = 0;
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var (xx, yy) = (x + dx, y + dy);
                if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < width && yy < height && pixels[offset + (yy * width) + xx] < Ink)
                {
                    n++;
                }
            }
        }

        return n;
    }
}
