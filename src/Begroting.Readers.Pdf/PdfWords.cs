namespace Begroting.Readers.Pdf;

/// <summary>Words built from a page's letters: letters on one baseline first (a line), then cut into words at spaces and gaps in the order they were drawn.</summary>
/// <remarks>
/// PdfPig's default extractor sorts a page's letters by height and then by x, so letters of two strings that share
/// a stretch of one baseline interleave: a row label run on into the next cell and the cell's own text
/// ('onderLnaesmteenn' for 'ondernemen' over 'Lasten'), or two header strings drawn over each other. Here a word
/// never crosses from one baseline to another, and along a baseline a letter continues the word before it only
/// when it was drawn next, right after the letter before it: a string drawn over another stays a word of its own.
/// Letters are read in their own direction, so turned and mirrored text (and a label set sideways on an upright
/// page) is cut into words the same way, and every word's box is then given in the page's frame.
/// </remarks>
internal static class PdfWords
{
    public static List<PdfWord> Of(PageLetters page)
    {
        var words = new List<PdfWord>();
        foreach (var kind in page.Letters.GroupBy(l => (l.Reading, l.Up)))
        {
            var own = page.Frame with { Reading = kind.Key.Reading, Up = kind.Key.Up };
            foreach (var line in Lines(kind.Select(l => Measure(l, own)).ToList()))
            {
                Split(line, own, page.Frame, words);
            }
        }

        return words;
    }

    /// <summary>A letter in the frame it reads in: where its advance starts and ends, its baseline, the width and top of its glyph.</summary>
    private readonly record struct Measured(PlacedLetter Placed, double Start, double End, double Baseline, double GlyphWidth, double Top)
    {
        public double Size => Placed.Letter.PointSize;
    }

    private static Measured Measure(PlacedLetter placed, PageFrame frame)
    {
        var letter = placed.Letter;
        var (start, baseline) = frame.Point(letter.StartBaseLine.X, letter.StartBaseLine.Y);
        var (end, _) = frame.Point(letter.EndBaseLine.X, letter.EndBaseLine.Y);
        var box = letter.BoundingBox;
        var (a, _) = frame.Point(box.BottomLeft.X, box.BottomLeft.Y);
        var (b, _) = frame.Point(box.BottomRight.X, box.BottomRight.Y);
        var (_, top) = frame.Point(box.TopLeft.X, box.TopLeft.Y);
        return new Measured(placed, start, end, baseline, Math.Abs(b - a), top);
    }

    /// <summary>Letters by baseline, top line first, each line's letters in the order they were drawn.</summary>
    /// <remarks>A line takes the letters within a tenth of the text size (half a point at least) below its highest baseline: lines of text stand a size or so apart even at the tightest leading.</remarks>
    private static List<List<Measured>> Lines(List<Measured> letters)
    {
        var lines = new List<List<Measured>>();
        var first = default(Measured);
        foreach (var letter in letters.OrderByDescending(l => l.Baseline).ThenBy(l => l.Placed.Index))
        {
            if (lines.Count == 0 || letter.Baseline < first.Baseline - Math.Max(0.5, first.Size * 0.1))
            {
                lines.Add([]);
                first = letter;
            }

            lines[^1].Add(letter);
        }

        foreach (var line in lines)
        {
            line.Sort((x, y) => x.Placed.Index.CompareTo(y.Placed.Index));
        }

        return lines;
    }

    /// <summary>A line's letters to words: a word ends at a space, and where the next letter drawn does not go on right after it.</summary>
    private static void Split(List<Measured> line, PageFrame own, PageFrame page, List<PdfWord> words)
    {
        var word = new List<Measured>();
        var run = words.Count == 0 ? 0 : words[^1].Run + 1;
        Measured? last = null;
        foreach (var letter in line)
        {
            if (letter.Placed.Space)
            {
                Flush(word, own, page, words, run);
                continue;
            }

            if (word.Count > 0 && !Continues(word[^1], letter))
            {
                Flush(word, own, page, words, run);
            }

            // A letter drawn back over what was drawn before it starts another string: a cell's text run over its neighbour's.
            if (last is { } before && letter.Start < before.End - Math.Max(before.Size, letter.Size) * 0.25)
            {
                Flush(word, own, page, words, run);
                run++;
            }

            word.Add(letter);
            last = letter;
        }

        Flush(word, own, page, words, run);
    }

    /// <summary>Whether a letter goes on from the one drawn before it: the same size, and starting where that one ends.</summary>
    /// <remarks>
    /// Within a word letters touch, give or take kerning (a tenth of the size at most in the corpus); a word space is a
    /// quarter of the size or more, also where no space is drawn. A letter starting a quarter of the size back is a
    /// string drawn over the one before. A change of font within a word (a bold code, say) keeps the word together
    /// unless a gap comes with it; a change of size (a raised footnote mark) does not.
    /// </remarks>
    private static bool Continues(Measured previous, Measured next)
    {
        var size = Math.Max(previous.Size, next.Size);
        var gap = next.Start - previous.End;
        return Math.Abs(next.Size - previous.Size) <= 0.1
            && gap <= size * 0.15
            && gap >= -size * 0.25
            && (string.Equals(next.Placed.Letter.FontName, previous.Placed.Letter.FontName, StringComparison.OrdinalIgnoreCase) || gap <= (next.End - next.Start) * 0.1);
    }

    private static readonly string[] Ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    /// <summary>The text with the Latin ligatures a font draws as one glyph (U+FB00-FB06: 'ﬀ', 'ﬁ', 'ﬂ', 'ﬃ', 'ﬄ', 'ﬅ', 'ﬆ') as their letters: 'Eﬀectindicator' is 'Effectindicator'.</summary>
    internal static string Unligated(string text)
    {
        if (!text.Any(c => c is >= '\uFB00' and <= '\uFB06'))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            // Spelled out rather than normalised: the tool may run without culture data, where normalisation does nothing.
            sb.Append(c is >= '\uFB00' and <= '\uFB06' ? Ligatures[c - '\uFB00'] : c.ToString());
        }

        return sb.ToString();
    }

    /// <summary>The letters so far as a word in the page's frame (y down, as the layout keeps it): from the first advance to the last glyph's or advance's end, from the baseline to the highest glyph top.</summary>
    private static void Flush(List<Measured> letters, PageFrame own, PageFrame page, List<PdfWord> words, int run)
    {
        if (letters.Count == 0)
        {
            return;
        }

        var text = Unligated(string.Concat(letters.Select(l => l.Placed.Letter.Value)).Replace("\u00AD", string.Empty, StringComparison.Ordinal));
        if (!string.IsNullOrWhiteSpace(text))
        {
            var (left, bottom, right, top) = page.From(
                own,
                letters.Min(l => l.Start),
                letters.Min(l => l.Baseline),
                letters.Max(l => l.Start + Math.Max(l.End - l.Start, l.GlyphWidth)),
                letters.Max(l => l.Top));
            var first = letters[0].Placed.Letter;
            words.Add(new PdfWord(text, left, right, page.Height - top, page.Height - bottom, first.PointSize, first.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) ?? false, Run: run));
        }

        letters.Clear();
    }
}
