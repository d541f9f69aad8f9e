namespace Begroting.Readers.Pdf;

/// <summary>A word as the layout needs it: text and box in points, top-down, with its size and weight, and the recogniser's confidence when it was read by OCR.</summary>
/// <remarks><see cref="Run"/> numbers the strings of a page as drawn: words of one run were drawn one after the other along their line; -1 where nothing says (OCR).</remarks>
internal sealed record PdfWord(string Text, double Left, double Right, double Top, double Bottom, double Size, bool Bold, double? Confidence = null, int Run = -1)
{
    /// <summary>The least confidence of the words (null when none was recognised).</summary>
    public static double? ConfidenceOf(IEnumerable<PdfWord> words) => words.Min(w => w.Confidence);
}

/// <summary>Words sharing a baseline, left to right, cut into segments where the horizontal gap is wider than a word space.</summary>
internal sealed record PdfLine(IReadOnlyList<PdfWord> Words, IReadOnlyList<IReadOnlyList<PdfWord>> Segments)
{
    public double Top => Words.Min(w => w.Top);

    public double Bottom => Words.Max(w => w.Bottom);

    public double Left => Words[0].Left;

    public double Right => Words.Max(w => w.Right);

    public double Size => Words.Average(w => w.Size);

    public bool Bold => Words.All(w => w.Bold);

    public string Text => TextOf(Words);

    /// <summary>Words joined by a space, except where they touch (a raised footnote marker glued to its word).</summary>
    /// <remarks>Words that overlap by more than kerning are strings drawn over each other (a label run on into the next cell), not one word.</remarks>
    public static string TextOf(IReadOnlyList<PdfWord> words)
    {
        var sb = new System.Text.StringBuilder(words[0].Text);
        for (var i = 1; i < words.Count; i++)
        {
            var gap = words[i].Left - words[i - 1].Right;
            var size = Math.Min(words[i].Size, words[i - 1].Size);
            if (gap > size * 0.12 || gap < -size * 0.25)
            {
                sb.Append(' ');
            }

            sb.Append(words[i].Text);
        }

        return sb.ToString();
    }
}

internal static class PdfLines
{
    /// <summary>Words to lines, top to bottom: by baseline, superscripts joined to the line their middle falls in.</summary>
    public static List<PdfLine> Group(IEnumerable<PdfWord> unsorted)
    {
        var words = unsorted.OrderBy(w => w.Bottom).ThenBy(w => w.Left).ToList();

        var lines = new List<List<PdfWord>>();
        var small = new List<PdfWord>();
        var typical = words.Count == 0 ? 0 : words.OrderBy(w => w.Size).ElementAt(words.Count / 2).Size;
        foreach (var word in words)
        {
            // Superscripts (footnote markers) are placed after the lines exist: they join the line their middle falls in.
            if (word.Size < typical * 0.92)
            {
                small.Add(word);
                continue;
            }

            // Words come sorted by baseline, so only the last few lines can match.
            List<PdfWord>? line = null;
            for (var k = lines.Count - 1; k >= 0 && k >= lines.Count - 4; k--)
            {
                if (Math.Abs(lines[k][0].Bottom - word.Bottom) <= Math.Max(1.5, word.Size * 0.35))
                {
                    line = lines[k];
                    break;
                }
            }

            if (line is null)
            {
                lines.Add([word]);
            }
            else
            {
                line.Add(word);
            }
        }

        var rest = new List<List<PdfWord>>();
        foreach (var word in small)
        {
            var middle = (word.Top + word.Bottom) / 2;
            var line = lines.FirstOrDefault(l => middle >= l.Min(w => w.Top) - 1 && middle <= l.Max(w => w.Bottom) + 1 && l.Any(w => Math.Abs(w.Right - word.Left) < word.Size * 0.6 || (w.Left >= word.Left && w.Left - word.Right < word.Size * 0.6)));
            if (line is not null)
            {
                line.Add(word);
            }
            else if (rest.FindLast(l => Math.Abs(l[0].Bottom - word.Bottom) <= Math.Max(1.5, word.Size * 0.35)) is { } other)
            {
                // Small text of its own (a footnote line) forms lines like any text.
                other.Add(word);
            }
            else
            {
                rest.Add([word]);
            }
        }

        lines.AddRange(rest);

        return lines.Select(l => Build(l.OrderBy(w => w.Left).ToList())).OrderBy(l => l.Bottom).ToList();
    }

    private static PdfLine Build(List<PdfWord> words)
    {
        var segments = new List<IReadOnlyList<PdfWord>>();
        var current = new List<PdfWord> { words[0] };
        for (var i = 1; i < words.Count; i++)
        {
            var gap = words[i].Left - words[i - 1].Right;

            // A word space is about a quarter of the text size; a column gap is at least about one size. A raised
            // marker glued to the word before it ('dagen*') stays with it.
            if (gap > Math.Max(words[i].Size, words[i - 1].Size) * 0.8)
            {
                segments.Add(current);
                current = [];
            }

            current.Add(words[i]);
        }

        segments.Add(current);
        return new PdfLine(words, segments);
    }
}
