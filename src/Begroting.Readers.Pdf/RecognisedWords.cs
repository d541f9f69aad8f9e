using Begroting.Model.Diagnostics;

namespace Begroting.Readers.Pdf;

/// <summary>An OCR'd page's words without what the recogniser made of specks and of letters it read twice.</summary>
/// <remarks>
/// A scan carries specks of dirt, and Tesseract, reading a page in two columns as one, sometimes reads the upper or
/// lower half of a line again as a line of its own ('ich' over 'zich', 'gang' under 'toegang'). Both come out as
/// words that no text has: a speck as a stop or a letter or two standing alone, with little confidence or less ink
/// than a letter; a half-read word over or under the word it repeats, closer to it than a line of text can be. Left
/// in, they make lines of their own that join paragraphs across their gaps or look like the cells of a table.
/// </remarks>
internal static class RecognisedWords
{
    public static List<PdfWord> Clean(IReadOnlyList<PdfWord> words)
    {
        var kept = words.Where(w => !Speck(w, words)).ToList();
        return WithoutEchoes(kept);
    }

    /// <summary>Words of the same recogniser line: the recogniser gives all of them one baseline.</summary>
    private static bool SameLine(PdfWord a, PdfWord b) => Math.Abs(a.Bottom - b.Bottom) < 0.01;

    /// <summary>A speck: dots or a letter or two standing apart on its line, either only punctuation, or read with little confidence or narrower than its letters can be.</summary>
    internal static bool Speck(PdfWord word, IReadOnlyList<PdfWord> page)
    {
        var text = word.Text;

        // Bars, backslashes and underscores alone are what is left of a rule or a scratch: no cell or word of these documents is one.
        if (text.All(Splinters.Contains))
        {
            return true;
        }

        if (!text.All(Dots.Contains) && (text.Length > 3 || !text.All(char.IsLetter)))
        {
            return false;
        }

        // A capital and a letter that may be a digit ('Po' for 'P9') can be a code that ends a table's label.
        if (text.Length == 2 && char.IsUpper(text[0]) && DigitLike.Contains(text[1]))
        {
            return false;
        }

        // Nothing within a text size: only dots, or a letter or so read unsure or narrower than letters are (about a
        // fifth of the size, save the narrow ones).
        var narrow = text.All(c => !NarrowLetters.Contains(c)) && word.Right - word.Left < text.Length * word.Size * 0.2;
        if (Alone(word, page, 1) && (text.All(Dots.Contains) || (text.All(char.IsLetter) && (word.Confidence < 0.5 || narrow))))
        {
            return true;
        }

        // A word of a letter or two after others on its line, more than a word space from any ('P', 'ge'), is no
        // word of prose, where such words stand between others, and tables hold figures, not lone letters; only a
        // sure read is kept, one that may be a figure ('o'), or a bullet read as a letter ('e') before its item.
        return text.Length <= 2 && text.All(char.IsLetter) && word.Confidence < 0.9 && Alone(word, page)
            && !text.All(DigitLike.Contains)
            && !Marker(word, page) && page.Any(o => SameLine(o, word) && o.Right < word.Left);
    }

    /// <summary>Drops the weaker of two words that cover the same stretch of x closer together than two lines of text can stand.</summary>
    /// <remarks>
    /// The weaker is the narrower, weighed by the confidence of the recogniser's line it came in: a half-read line is
    /// read with less confidence as a whole, even where one of its words looks sure.
    /// </remarks>
    internal static List<PdfWord> WithoutEchoes(List<PdfWord> words)
    {
        var lineConfidence = words.GroupBy(w => Math.Round(w.Bottom, 2)).ToDictionary(g => g.Key, g => g.Average(w => w.Confidence ?? 1));
        double Weight(PdfWord w) => (w.Right - w.Left) * lineConfidence[Math.Round(w.Bottom, 2)];
        var dropped = new HashSet<PdfWord>(ReferenceEqualityComparer.Instance);
        foreach (var w in words)
        {
            foreach (var v in words)
            {
                var distance = Math.Abs(w.Bottom - v.Bottom) / Math.Max(w.Size, v.Size);
                if (ReferenceEquals(w, v) || SameLine(w, v) || dropped.Contains(v) || distance >= 1.5)
                {
                    continue;
                }

                // Within three quarters of a size no two lines of text stand. Further, up to a size and a half (where
                // the recogniser can shift a line to the baseline of the other column), only an unsure piece of four
                // letters or more standing alone, and not the start of the other word, is taken for a repeat: a
                // heading or a cell over a word that goes on from it ('Doel' over 'Doelen') is not one.
                var echo = distance < 0.75 ? Echo(w, v, words) : w.Confidence < 0.9 && Alone(w, words, 1) && Part(w, v, 4, inner: true);
                // A character read from a descender can land just beside the end of its word, not under it.
                var overlap = Math.Min(w.Right, v.Right) - Math.Max(w.Left, v.Left);
                var covers = overlap > Math.Min(w.Right - w.Left, v.Right - v.Left) * 0.5 || (w.Text.Length == 1 && overlap > -(w.Right - w.Left));
                if (covers && echo && Weight(w) < Weight(v))
                {
                    dropped.Add(w);
                    break;
                }
            }
        }

        return words.Where(w => !dropped.Contains(w)).ToList();
    }

    /// <summary>Whether <paramref name="w"/> can be a repeat of part of <paramref name="v"/>: its letters are part of v's, it is a guess (almost no confidence), a short unsure word, or one character standing alone under or over a long word (a descender read as '9').</summary>
    /// <remarks>
    /// Words of real lines can come this close where the recogniser gave a line running through both columns one
    /// baseline, and some of them are read unsure ('percentage' at 0.54): only short ones are taken for pieces. A
    /// figure among the words of its sentence ('van 4 maanden') is not alone.
    /// </remarks>
    private static bool Echo(PdfWord w, PdfWord v, IReadOnlyList<PdfWord> page) =>
        Part(w, v, 3)
        || w.Confidence < 0.3
        || (w.Confidence < 0.7 && w.Text.Length <= 3 && !w.Text.Any(char.IsDigit))
        || (w.Text.Length == 1 && v.Right - v.Left >= (w.Right - w.Left) * 3 && Alone(w, page));

    /// <summary>Whether w reads as a piece of v (of <paramref name="least"/> characters or more, past its first letter if <paramref name="inner"/>) and stands where that piece stands in v.</summary>
    /// <remarks>Short words ('de', 'is') are pieces of many words; where the piece stands tells a repeat from a word of the line above.</remarks>
    private static bool Part(PdfWord w, PdfWord v, int least, bool inner = false)
    {
        var piece = w.Text.TrimEnd('.', ',');
        if (piece.Length < least || w.Text.Length >= v.Text.Length)
        {
            return false;
        }

        var width = v.Right - v.Left;
        for (var at = v.Text.IndexOf(piece, inner ? 1 : 0, StringComparison.OrdinalIgnoreCase); at >= 0; at = v.Text.IndexOf(piece, at + 1, StringComparison.OrdinalIgnoreCase) is var next and >= 0 ? Advance.Past(at, next) : -1)
        {
            if (Math.Abs(v.Left + (width * at / v.Text.Length) - w.Left) <= (w.Right - w.Left) * 0.5)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the word stands before the words of a list item: the next word on its line, within three sizes, is a word of three letters or more, or a capitalised one ('In', 'De').</summary>
    private static bool Marker(PdfWord word, IReadOnlyList<PdfWord> page) =>
        page.Where(o => SameLine(o, word) && o.Left > word.Right && o.Left - word.Right < word.Size * 3).MinBy(o => o.Left) is { } next
        && (next.Text.Count(char.IsLetter) >= 3 || (next.Text.Length >= 2 && char.IsUpper(next.Text[0]) && next.Text.All(char.IsLetter)));

    /// <summary>No other word of the recogniser's line within more than a wide word space (four fifths of the size) of it.</summary>
    private static bool Alone(PdfWord word, IReadOnlyList<PdfWord> page, double sizes = 0.8) =>
        !page.Any(o => !ReferenceEquals(o, word) && SameLine(o, word) && Math.Max(o.Left - word.Right, word.Left - o.Right) < word.Size * sizes);

    private static readonly HashSet<char> Splinters = ['|', '¦', '\\', '_', '‗'];

    private static readonly HashSet<char> Dots = ['.', ',', ':', ';', '\'', '‘', '’', '‚', '„', '"', '“', '”', '…', '°', '·', '`', '^', '~', '¨', '´'];

    private static readonly HashSet<char> DigitLike = ['o', 'O', 'l', 'I', 'S', 'B'];

    private static readonly HashSet<char> NarrowLetters = ['i', 'l', 'I', 'j', 'í', 'ì', 'ï', 'î', 'Ì', 'Í', 'Ï', 'Î', 'f', 't', 'r'];
}
