namespace Begroting.Readers.Pdf;

/// <summary>Reading order of pages set in two columns: the left column of a band, then the right; passages across both columns cut the page into bands.</summary>
/// <remarks>
/// The right column is found where many lines start at one x near the middle of the page, after a gap, with prose on
/// both sides; a table column starting elsewhere, or figures beside names, is not a column of text. A passage across
/// both columns is a line crossing that x or reaching past the left column's measure, together with the short lines
/// that go on from it at the line pitch while nothing stands beside them in the right column.
/// </remarks>
internal static class PdfColumns
{
    public static List<PdfLine> InReadingOrder(List<PdfLine> lines, double pageWidth)
    {
        if (lines.Count < 6 || RightColumn(lines, pageWidth) is not { } start)
        {
            return lines;
        }

        var size = lines.Select(l => l.Size).Order().ElementAt(lines.Count / 2);

        // Across: a word over the column start, or words on both sides of it only a word space apart.
        bool Crosses(PdfLine l) => l.Words.Any(w => w.Left < start - 2 && w.Right > start + 1)
            || l.Words.Zip(l.Words.Skip(1)).Any(p => p.First.Right <= start + 1 && p.Second.Left >= start - 2 && p.Second.Left - p.First.Right < size * 0.9);
        bool HasRight(PdfLine l) => l.Words.Any(w => w.Left >= start - 2);

        // A line alone spans both columns when it ends closer to the right column's start than a column gap, or well
        // past every left-column line that has a right-column line beside it.
        var beside = lines.Where(l => !Crosses(l) && HasRight(l) && l.Words[0].Right <= start - 2).ToList();
        var measure = beside.Count > 0 ? beside.Max(l => l.Words.Last(w => w.Right <= start - 2).Right) : start;
        var across = lines.Select(l => Crosses(l) || (!HasRight(l) && (l.Right > start - (size * 0.9) || l.Right > measure + (size * 2)))).ToArray();

        // The short last lines of a passage across both columns: at the line pitch below it, with no right-column line
        // beside them (where a new band starts, both columns start together).
        for (var i = 1; i < lines.Count; i++)
        {
            var (upper, lower) = (lines[i - 1], lines[i]);
            if (across[i - 1] && !across[i] && !HasRight(lower)
                && lower.Bottom - upper.Bottom <= Math.Max(upper.Size, lower.Size) * 1.5
                && !lines.Any(l => HasRight(l) && !Crosses(l) && l.Bottom > upper.Bottom + 1 && l.Bottom <= lower.Bottom + 1))
            {
                across[i] = true;
            }
        }

        var ordered = new List<PdfLine>();
        var left = new List<PdfLine>();
        var right = new List<PdfLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (across[i])
            {
                // A passage across both columns ends the band above it.
                ordered.AddRange(left);
                ordered.AddRange(right);
                left.Clear();
                right.Clear();
                ordered.Add(line);
                continue;
            }

            var l = line.Words.Where(w => w.Right <= start - 2).ToList();
            var r = line.Words.Where(w => w.Right > start - 2).ToList();
            if (l.Count > 0)
            {
                left.Add(Rebuild(l));
            }

            if (r.Count > 0)
            {
                right.Add(Rebuild(r));
            }
        }

        ordered.AddRange(left);
        ordered.AddRange(right);
        return ordered;
    }

    private static PdfLine Rebuild(List<PdfWord> words) => PdfLines.Group(words)[0];

    /// <summary>Where the right column starts: an x near the middle of the page where at least a quarter of the lines start after a gap, with words on both sides.</summary>
    private static double? RightColumn(List<PdfLine> lines, double pageWidth)
    {
        var size = lines.Select(l => l.Size).Order().ElementAt(lines.Count / 2);
        var middle = pageWidth / 2;
        var starts = new List<double>();
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Words.Count; i++)
            {
                var w = line.Words[i];
                if (Math.Abs(w.Left - middle) <= pageWidth * 0.05 && (i == 0 || w.Left - line.Words[i - 1].Right >= size * 0.9))
                {
                    starts.Add(w.Left);
                }
            }
        }

        var best = starts
            .Select(x => (X: x, Count: starts.Count(y => Math.Abs(y - x) <= 2)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.X)
            .FirstOrDefault();
        if (best.Count < Math.Max(3, lines.Count / 4))
        {
            return null;
        }

        var x = starts.Where(y => Math.Abs(y - best.X) <= 2).Min();

        // Prose on both sides: most right-hand parts and left-hand parts have words, not just figures.
        static bool Wordy(IEnumerable<PdfWord> words) => words.Count(w => w.Text.Count(char.IsLetter) >= 2) >= 2;
        var rightParts = lines.Select(l => l.Words.Where(w => w.Left >= x - 2).ToList()).Where(p => p.Count > 0).ToList();
        var leftParts = lines.Select(l => l.Words.Where(w => w.Right <= x - 2).ToList()).Where(p => p.Count > 0).ToList();
        return rightParts.Count(Wordy) * 10 >= rightParts.Count * 6 && leftParts.Count(Wordy) * 10 >= leftParts.Count * 6 ? x : null;
    }
}
