namespace Begroting.Readers.Ocr;

/// <summary>Erases the ruling lines of tables from a page image before recognition.</summary>
/// <remarks>
/// Tesseract reads a cell border as '|', '[' or '/' and glues it to the figure beside it ('6,0|'), or drops the
/// comma next to it. A rule is a run of dark pixels far longer than any stroke of a letter: horizontal runs
/// longer than a third of an inch (no letter or dash of a budget table comes near), vertical runs longer
/// than a fifth of an inch (the tallest capital of a large heading stays under it), and shorter ones that run from
/// one horizontal rule to another in line with a long one (the borders of a low row). Slightly skewed rules still
/// give such runs: at half a degree a rule two pixels thick steps sideways only once in a hundred pixels.
/// </remarks>
internal static class RuleRemoval
{
    private const byte Dark = 200;

    /// <summary>Reads a binary greyscale PGM (P5), as pdftoppm writes it with -gray.</summary>
    public static (byte[] Pixels, int Width, int Height, int Offset) ReadPgm(byte[] file)
    {
        var position = 0;
        string Token()
        {
            while (position < file.Length && (char.IsWhiteSpace((char)file[position]) || file[position] == '#'))
            {
                if (file[position] == '#')
                {
                    while (position < file.Length && file[position] != '\n')
                    {
                        position++;
                    }
                }

                position++;
            }

            var start = position;
            while (position < file.Length && !char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            return System.Text.Encoding.ASCII.GetString(file, start, position - start);
        }

        if (Token() != "P5")
        {
            throw new InvalidDataException("not a binary greyscale PGM");
        }

        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        if (Token() != "255")
        {
            throw new InvalidDataException("only 8-bit PGM is read");
        }

        position++;
        return (file, width, height, position);
    }

    /// <summary>A rule in pixels: a horizontal one has Y1 equal to Y2, a vertical one X1 equal to X2.</summary>
    public sealed record Segment(double X1, double Y1, double X2, double Y2);

    /// <summary>Whitens, in place, every horizontal run of dark pixels of at least <paramref name="horizontal"/> and every vertical run of at least <paramref name="vertical"/>; the rules they make, thick runs joined.</summary>
    public static List<Segment> Erase(byte[] pixels, int offset, int width, int height, int horizontal, int vertical)
    {
        var erase = new bool[width * height];
        var horizontalRuns = new List<(int Y, int X1, int X2)>();
        var verticalRuns = new List<(int X, int Y1, int Y2)>();

        // A rule is thin: a few pixels above and below it the page is mostly white. A blurred line of text, whose
        // letters run together into one long dark run, is not.
        var reach = Math.Max(4, horizontal / 16);
        bool Thin(int y, int from, int to)
        {
            var dark = 0;
            foreach (var yy in new[] { y - reach, y + reach })
            {
                if (yy < 0 || yy >= height)
                {
                    continue;
                }

                for (var x = from; x < to; x++)
                {
                    dark += pixels[offset + (yy * width) + x] < Dark ? 1 : 0;
                }
            }

            return dark < (to - from);
        }

        foreach (var (y, from, to) in Runs(pixels, offset, width, height, alongRows: true))
        {
            if (to - from + 1 >= horizontal && Thin(y, from, to + 1))
            {
                for (var k = from; k <= to; k++)
                {
                    erase[(y * width) + k] = true;
                }

                horizontalRuns.Add((y, from, to));
            }
        }

        // Vertical rules: runs longer than any letter; and shorter runs that go from one horizontal rule to another
        // in line with a long one (the borders of a low row, such as a header row of years, are shorter than a tall
        // capital, but continue the borders of the rows below).
        // Judged on the pixels of the horizontal rules found, not on their mean line: a long rule at half a degree
        // is ten pixels lower at one end than at the other.
        var across = Join(horizontalRuns);
        bool OnRule(int x, int y)
        {
            for (var yy = Math.Max(0, y - 5); yy <= Math.Min(height - 1, y + 5); yy++)
            {
                for (var xx = Math.Max(0, x - 3); xx <= Math.Min(width - 1, x + 3); xx++)
                {
                    if (erase[(yy * width) + xx])
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        var shortest = Math.Max(8, vertical / 3);
        var candidates = new List<(int X, int Y1, int Y2)>();
        foreach (var (x, from, to) in Runs(pixels, offset, width, height, alongRows: false))
        {
            var length = to - from + 1;
            if (length >= vertical)
            {
                verticalRuns.Add((x, from, to));
            }
            else if (length >= 4)
            {
                candidates.Add((x, from, to));
            }
        }

        var longColumns = verticalRuns.Select(r => r.X).ToHashSet();
        candidates.RemoveAll(c => !Enumerable.Range(c.X - 3, 7).Any(longColumns.Contains));

        // A skewed low border steps sideways once or twice on its way down, so its pieces are joined before they
        // are judged.
        foreach (var group in Groups(candidates))
        {
            var (top, bottom) = (group.Min(r => r.From), group.Max(r => r.To));
            var x = (int)Math.Round(group.Average(r => r.At));
            if (bottom - top + 1 >= shortest && OnRule(x, top) && OnRule(x, bottom))
            {
                verticalRuns.AddRange(group);
            }
        }

        foreach (var (x, y1, y2) in verticalRuns)
        {
            for (var y = y1; y <= y2; y++)
            {
                erase[(y * width) + x] = true;
            }
        }

        // The grey edge pixels of a rule go too, or they come back as a stray ',' beside a figure.
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (erase[(y * width) + x])
                {
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var (yy, xx) = (y + dy, x + dx);
                            if (yy >= 0 && yy < height && xx >= 0 && xx < width)
                            {
                                pixels[offset + (yy * width) + xx] = 255;
                            }
                        }
                    }
                }
            }
        }

        var segments = across.Select(r => new Segment(r.From, r.At, r.To, r.At)).ToList();
        segments.AddRange(Join(verticalRuns).Select(r => new Segment(r.At, r.From, r.At, r.To)));
        return segments;
    }

    /// <summary>The runs of dark pixels along each row (or each column): the row (column) and the first and last pixel of the run.</summary>
    private static IEnumerable<(int At, int From, int To)> Runs(byte[] pixels, int offset, int width, int height, bool alongRows)
    {
        var (lines, length) = alongRows ? (height, width) : (width, height);
        for (var at = 0; at < lines; at++)
        {
            var run = 0;
            for (var i = 0; i <= length; i++)
            {
                if (i < length && pixels[offset + (alongRows ? (at * width) + i : (i * width) + at)] < Dark)
                {
                    run++;
                    continue;
                }

                if (run > 0)
                {
                    yield return (at, i - run, i - 1);
                }

                run = 0;
            }
        }
    }

    /// <summary>Runs on neighbouring rows (or columns) that overlap are one rule, drawn a few pixels thick; a skewed rule steps sideways every so often and stays one.</summary>
    private static List<(double At, double From, double To)> Join(List<(int At, int From, int To)> runs) =>
        Groups(runs).Select(g => (g.Average(r => (double)r.At), (double)g.Min(r => r.From), (double)g.Max(r => r.To))).ToList();

    /// <summary>The runs that make one rule: runs on neighbouring rows (or columns) that overlap or nearly touch.</summary>
    private static List<List<(int At, int From, int To)>> Groups(List<(int At, int From, int To)> runs)
    {
        var groups = new List<(List<(int At, int From, int To)> Runs, int Last, int From, int To)>();
        foreach (var run in runs.OrderBy(r => r.At).ThenBy(r => r.From))
        {
            var i = groups.FindIndex(g => run.At - g.Last <= 3 && run.From <= g.To + 8 && run.To >= g.From - 8);
            if (i < 0)
            {
                groups.Add(([run], run.At, run.From, run.To));
            }
            else
            {
                var g = groups[i];
                g.Runs.Add(run);
                groups[i] = (g.Runs, run.At, Math.Min(g.From, run.From), Math.Max(g.To, run.To));
            }
        }

        return groups.Select(g => g.Runs).ToList();
    }
}
