using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace Begroting.Readers.Pdf;

/// <summary>A page seen in the orientation its text is written in: a table set sideways on a portrait page is read as if the page were turned.</summary>
internal sealed record PageFrame(TextOrientation Orientation, double Width, double Height)
{
    /// <summary>The orientation most letters have; upright unless most are turned a quarter.</summary>
    public static PageFrame Of(Page page)
    {
        var counts = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).GroupBy(l => l.TextOrientation).ToDictionary(g => g.Key, g => g.Count());
        var total = counts.Values.Sum();
        foreach (var turned in new[] { TextOrientation.Rotate90, TextOrientation.Rotate270 })
        {
            if (total > 0 && counts.GetValueOrDefault(turned) * 2 > total)
            {
                return new PageFrame(turned, page.Height, page.Width);
            }
        }

        return new PageFrame(TextOrientation.Horizontal, page.Width, page.Height);
    }

    public bool Turned => Orientation != TextOrientation.Horizontal;

    /// <summary>A rectangle of the page (PDF points, y up) in this frame (y up): (left, bottom, right, top).</summary>
    public (double Left, double Bottom, double Right, double Top) Map(double minX, double minY, double maxX, double maxY) => Orientation switch
    {
        // Text reading upwards: the page's y is the frame's x, and lines stack to the right.
        TextOrientation.Rotate270 => (minY, Height - maxX, maxY, Height - minX),

        // Text reading downwards: lines stack to the left.
        TextOrientation.Rotate90 => (Width - maxY, minX, Width - minY, maxX),
        _ => (minX, minY, maxX, maxY),
    };

    /// <summary>Words of the page in this frame: PdfPig's default extractor for upright text, its nearest-neighbour extractor for turned text.</summary>
    public IEnumerable<(string Text, double MinX, double MinY, double MaxX, double MaxY, double Size, string? Font)> Words(Page page)
    {
        var words = Turned
            ? NearestNeighbourWordExtractor.Instance.GetWords(page.Letters.Where(l => l.TextOrientation == Orientation).ToList())
            : page.GetWords();
        foreach (var w in words)
        {
            if (string.IsNullOrWhiteSpace(w.Text))
            {
                continue;
            }

            if (!Turned)
            {
                yield return (w.Text, w.BoundingBox.Left, w.BoundingBox.Bottom, w.BoundingBox.Right, w.BoundingBox.Top, w.Letters.Count > 0 ? w.Letters[0].PointSize : w.BoundingBox.Height, w.Letters.Count > 0 ? w.Letters[0].FontName : null);
                continue;
            }

            var minX = w.Letters.Min(l => Math.Min(l.BoundingBox.Left, l.BoundingBox.Right));
            var maxX = w.Letters.Max(l => Math.Max(l.BoundingBox.Left, l.BoundingBox.Right));
            var minY = w.Letters.Min(l => Math.Min(l.BoundingBox.Bottom, l.BoundingBox.Top));
            var maxY = w.Letters.Max(l => Math.Max(l.BoundingBox.Bottom, l.BoundingBox.Top));
            var (left, bottom, right, top) = Map(minX, minY, maxX, maxY);
            yield return (w.Text, left, bottom, right, top, w.Letters[0].PointSize, w.Letters[0].FontName);
        }
    }
}
