using UglyToad.PdfPig.Content;

namespace Begroting.Readers.Pdf;

/// <summary>A letter the reader can place: set at a right angle, at a finite position, with its reading and up directions.</summary>
internal sealed record PlacedLetter(Letter Letter, int Index, Axis Reading, Axis Up)
{
    public bool Space => string.IsNullOrWhiteSpace(Letter.Value) && Letter.Value.Length > 0;
}

/// <summary>The letters of one page in the frame most of them are written in, and the page's box to read them in, with what was left out.</summary>
/// <remarks>
/// The box is the displayed page (the crop box, turned by /Rotate) unless it cannot be the page the text was set
/// on: zero, negative (PdfPig then measures it from the wrong corner, and the text lies beside it), beyond the
/// 14,400 points the PDF specification allows a page, or beside most of the page's letters. Then the letters' own
/// extent stands for it, found from the bulk of them so that one letter a bit flip threw a billion points away
/// does not stretch it. Letters far off the box (more than half the page away, where no viewer shows them) are
/// left out and counted, as are letters at an angle other than a right one.
/// </remarks>
internal sealed record PageLetters(PageFrame Frame, IReadOnlyList<PlacedLetter> Letters, int AtAngle, int OffPage, PageBox Declared, bool BoxFromText)
{
    /// <summary>The largest page side the PDF specification allows (ISO 32000-2, annex C: 14,400 units of 1/72 inch).</summary>
    public const double LargestSide = 14_400;

    public static PageLetters Of(IReadOnlyList<Letter> letters, double width, double height)
    {
        var declared = new PageBox(0, 0, width, height);
        var placed = new List<PlacedLetter>();
        var atAngle = 0;
        for (var i = 0; i < letters.Count; i++)
        {
            var letter = letters[i];
            var ink = !string.IsNullOrWhiteSpace(letter.Value);
            if (!Finite(letter))
            {
                continue;
            }

            if (PageFrame.KindOf(letter) is not { } kind)
            {
                atAngle += ink ? 1 : 0;
                continue;
            }

            placed.Add(new PlacedLetter(letter, i, kind.Reading, kind.Up));
        }

        var inked = placed.Where(l => !string.IsNullOrWhiteSpace(l.Letter.Value)).ToList();
        var box = declared;
        var fromText = false;
        if (inked.Count > 0 && (!Plausible(declared) || inked.Count(l => Holds(declared, l, 0)) * 2 < inked.Count))
        {
            box = Bulk(inked);
            fromText = true;
        }

        // Half the page beyond its edge is far: bleed and text a point over the edge stay, a coordinate gone wild does not.
        var margin = fromText ? Math.Max(72, Math.Max(box.Width, box.Height) * 0.25) : Math.Max(box.Width, box.Height) * 0.5;
        var kept = placed.Where(l => Holds(box, l, margin)).ToList();
        var offPage = kept.Count == placed.Count ? 0 : placed.Except(kept).Count(l => !string.IsNullOrWhiteSpace(l.Letter.Value));
        if (fromText)
        {
            box = Extent(kept.Where(l => !string.IsNullOrWhiteSpace(l.Letter.Value)).ToList(), box);
        }

        var (reading, up) = Kind(kept);
        return new PageLetters(new PageFrame(reading, up, box), kept, atAngle, offPage, declared, fromText);
    }

    /// <summary>Whether a box can be a page: sides of a point or more, and within what the specification allows.</summary>
    public static bool Plausible(PageBox box) => box.Width >= 1 && box.Height >= 1 && box.Width <= LargestSide && box.Height <= LargestSide;

    /// <summary>The reading and up direction most inked letters have; upright when none has (or on a tie with upright).</summary>
    private static (Axis Reading, Axis Up) Kind(List<PlacedLetter> letters) =>
        letters.Where(l => !string.IsNullOrWhiteSpace(l.Letter.Value))
            .GroupBy(l => (l.Reading, l.Up))
            .Select(g => (Kind: g.Key, Count: g.Count()))
            .Append((Kind: (Axis.PlusX, Axis.PlusY), Count: 0))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Kind == (Axis.PlusX, Axis.PlusY) ? 0 : 1)
            .ThenBy(g => g.Kind.Item1)
            .ThenBy(g => g.Kind.Item2)
            .First().Kind;

    private static bool Finite(Letter l) =>
        double.IsFinite(l.StartBaseLine.X) && double.IsFinite(l.StartBaseLine.Y) && double.IsFinite(l.EndBaseLine.X) && double.IsFinite(l.EndBaseLine.Y)
        && double.IsFinite(l.BoundingBox.TopLeft.X) && double.IsFinite(l.BoundingBox.TopLeft.Y) && double.IsFinite(l.BoundingBox.BottomRight.X) && double.IsFinite(l.BoundingBox.BottomRight.Y)
        && double.IsFinite(l.PointSize) && double.IsFinite(l.Width);

    private static bool Holds(PageBox box, PlacedLetter l, double margin) => box.Holds(l.Letter.StartBaseLine.X, l.Letter.StartBaseLine.Y, margin);

    /// <summary>Where the bulk of the letters stand: their start points without the outer fiftieth on each side of each axis.</summary>
    private static PageBox Bulk(List<PlacedLetter> letters)
    {
        var xs = letters.Select(l => l.Letter.StartBaseLine.X).Order().ToList();
        var ys = letters.Select(l => l.Letter.StartBaseLine.Y).Order().ToList();
        var k = letters.Count / 50;
        return new PageBox(xs[k], ys[k], xs[^(k + 1)], ys[^(k + 1)]);
    }

    /// <summary>The box of the letters' glyphs; the given box when there are none.</summary>
    private static PageBox Extent(List<PlacedLetter> letters, PageBox fallback)
    {
        if (letters.Count == 0)
        {
            return fallback;
        }

        var corners = letters.SelectMany(l => new[] { l.Letter.GlyphRectangleLoose.TopLeft, l.Letter.GlyphRectangleLoose.BottomRight, l.Letter.StartBaseLine, l.Letter.EndBaseLine })
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))
            .ToList();
        return new PageBox(corners.Min(p => p.X), corners.Min(p => p.Y), corners.Max(p => p.X), corners.Max(p => p.Y));
    }
}
