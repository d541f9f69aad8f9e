namespace Begroting.Readers.Pdf;

/// <summary>Reading order of pages set in two columns: the left column of a band, then the right; full-width lines cut the page into bands.</summary>
/// <remarks>A column gutter is a vertical strip near the middle of the text that no word crosses on most lines.</remarks>
internal static class PdfColumns
{
    public static List<PdfLine> InReadingOrder(List<PdfLine> lines)
    {
        if (lines.Count < 6 || Gutter(lines) is not { } gutter)
        {
            return lines;
        }

        var ordered = new List<PdfLine>();
        var left = new List<PdfLine>();
        var right = new List<PdfLine>();
        void FlushBand()
        {
            ordered.AddRange(left);
            ordered.AddRange(right);
            left.Clear();
            right.Clear();
        }

        foreach (var line in lines)
        {
            var l = line.Words.Where(w => w.Right <= gutter).ToList();
            var r = line.Words.Where(w => w.Left >= gutter).ToList();
            if (l.Count + r.Count < line.Words.Count)
            {
                // A line across the gutter spans both columns: it ends the band above it.
                FlushBand();
                ordered.Add(line);
                continue;
            }

            if (l.Count > 0)
            {
                left.Add(Rebuild(l));
            }

            if (r.Count > 0)
            {
                right.Add(Rebuild(r));
            }
        }

        FlushBand();
        return ordered;
    }

    private static PdfLine Rebuild(List<PdfWord> words) => PdfLines.Group(words)[0];

    /// <summary>The x of a gutter in the middle third crossed by at most a third of the lines (full-width passages), with prose on both sides.</summary>
    private static double? Gutter(List<PdfLine> lines)
    {
        var left = lines.Min(l => l.Left);
        var right = lines.Max(l => l.Right);
        var width = right - left;
        if (width < 200)
        {
            return null;
        }

        double? best = null;
        var bestCrossing = int.MaxValue;
        for (var x = left + (width / 3); x <= left + (2 * width / 3); x += 2)
        {
            var crossing = lines.Count(l => l.Words.Any(w => w.Left < x - 3 && w.Right > x + 3));
            if (crossing < bestCrossing)
            {
                (best, bestCrossing) = (x, crossing);
            }
        }

        if (best is not { } gutter || bestCrossing > lines.Count / 3)
        {
            return null;
        }

        // Both sides must carry prose, not a table's figures: most lines on both sides, few numbers only.
        var both = lines.Count(l => l.Words.Any(w => w.Right <= gutter) && l.Words.Any(w => w.Left >= gutter));
        var leftOnly = lines.Count(l => l.Words.All(w => w.Right <= gutter));
        var rightOnly = lines.Count(l => l.Words.All(w => w.Left >= gutter));
        var wordy = lines.Count(l => l.Words.Count(w => w.Text.Any(char.IsLetter)) >= 3);
        return both + Math.Min(leftOnly, rightOnly) >= lines.Count / 2 && wordy >= lines.Count / 2 ? gutter : null;
    }
}
