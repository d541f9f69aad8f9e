using UglyToad.PdfPig.Content;

namespace Begroting.Readers.Pdf;

/// <summary>One of the four directions along the page's axes.</summary>
internal enum Axis
{
    PlusX,
    MinusX,
    PlusY,
    MinusY,
}

/// <summary>A rectangle of the displayed page in PDF points (y up).</summary>
internal readonly record struct PageBox(double X0, double Y0, double X1, double Y1)
{
    public double Width => X1 - X0;

    public double Height => Y1 - Y0;

    /// <summary>Whether a point lies within the box grown by <paramref name="margin"/> on every side.</summary>
    public bool Holds(double x, double y, double margin) => x >= X0 - margin && x <= X1 + margin && y >= Y0 - margin && y <= Y1 + margin;
}

/// <summary>A page seen in the orientation its text is written in: a page turned or mirrored, or a table set sideways, is read as if it were upright.</summary>
/// <remarks>
/// PdfPig gives letters in the displayed page's coordinates (y up, the page's /Rotate applied). Text set at a right
/// angle reads along one of the four axis directions and stands up along one of the two across it: eight frames,
/// the upright one, three turned (a quarter, a half or three quarters, by /Rotate or by the text matrix) and four
/// mirrored (a text matrix that flips one axis). A frame gives a point as its distance along the reading direction
/// and along the up direction from the corner of the page's box where such text starts, so the layout sees every
/// page upright, with y up as on an upright PDF page.
/// </remarks>
internal sealed record PageFrame(Axis Reading, Axis Up, PageBox Box)
{
    public static PageFrame Upright(PageBox box) => new(Axis.PlusX, Axis.PlusY, box);

    public bool Turned => Reading != Axis.PlusX || Up != Axis.PlusY;

    public double Width => Extent(Reading);

    public double Height => Extent(Up);

    /// <summary>How the page is turned, in words, for the note that says it is read turned.</summary>
    public string Description => (Reading, Up) switch
    {
        (Axis.PlusX, Axis.PlusY) => "upright",
        (Axis.MinusX, Axis.MinusY) => "upside down",
        (Axis.MinusY, Axis.PlusX) => "downwards (turned a quarter clockwise)",
        (Axis.PlusY, Axis.MinusX) => "upwards (turned a quarter anticlockwise)",
        _ => $"mirrored (reading {Name(Reading)}, standing {Name(Up)})",
    };

    /// <summary>A point of the page in this frame: (distance along the text, distance up from the frame's bottom).</summary>
    public (double X, double Y) Point(double x, double y) => (Along(Reading, x, y), Along(Up, x, y));

    /// <summary>A point of this frame back on the page.</summary>
    public (double X, double Y) ToPage(double fx, double fy)
    {
        var (x, y) = (0.0, 0.0);
        Place(Reading, fx, ref x, ref y);
        Place(Up, fy, ref x, ref y);
        return (x, y);
    }

    /// <summary>A rectangle of the page (PDF points, y up) in this frame (y up): (left, bottom, right, top).</summary>
    public (double Left, double Bottom, double Right, double Top) Map(double minX, double minY, double maxX, double maxY)
    {
        var (ax, ay) = Point(minX, minY);
        var (bx, by) = Point(maxX, maxY);
        return (Math.Min(ax, bx), Math.Min(ay, by), Math.Max(ax, bx), Math.Max(ay, by));
    }

    /// <summary>A rectangle of another frame on the same box in this frame, as <see cref="Map"/> gives it.</summary>
    public (double Left, double Bottom, double Right, double Top) From(PageFrame other, double left, double bottom, double right, double top)
    {
        if (other.Reading == Reading && other.Up == Up)
        {
            return (left, bottom, right, top);
        }

        var (ax, ay) = other.ToPage(left, bottom);
        var (bx, by) = other.ToPage(right, top);
        return Map(Math.Min(ax, bx), Math.Min(ay, by), Math.Max(ax, bx), Math.Max(ay, by));
    }

    /// <summary>The direction a letter reads in and the one it stands up in, or null for a letter at another angle.</summary>
    /// <remarks>
    /// The reading direction is PdfPig's orientation (that of the letter's baseline). Up is the side of the baseline
    /// its glyph's box lies on (the loose box, from descent to ascent, which even a dash or a stop has): to the left of
    /// the reading direction for text as written, to the right where the text matrix mirrors it.
    /// </remarks>
    public static (Axis Reading, Axis Up)? KindOf(Letter letter)
    {
        Axis? reading = letter.TextOrientation switch
        {
            TextOrientation.Horizontal => Axis.PlusX,
            TextOrientation.Rotate180 => Axis.MinusX,
            TextOrientation.Rotate90 => Axis.MinusY,
            TextOrientation.Rotate270 => Axis.PlusY,
            _ => null,
        };
        if (reading is not { } r)
        {
            return null;
        }

        // The direction a quarter turn anticlockwise from the reading direction: up for text as written.
        var (lx, ly) = r switch
        {
            Axis.PlusX => (0, 1),
            Axis.MinusX => (0, -1),
            Axis.PlusY => (-1, 0),
            _ => (1, 0),
        };
        var side = Side(letter.GlyphRectangleLoose, lx, ly);
        if (Math.Abs(side) < 1e-6)
        {
            side = Side(letter.BoundingBox, lx, ly);
        }

        var up = side < 0 ? (-lx, -ly) : (lx, ly);
        return (r, up switch
        {
            (1, 0) => Axis.PlusX,
            (-1, 0) => Axis.MinusX,
            (0, 1) => Axis.PlusY,
            _ => Axis.MinusY,
        });
    }

    private static double Side(UglyToad.PdfPig.Core.PdfRectangle box, int lx, int ly) =>
        ((box.TopLeft.X - box.BottomLeft.X) * lx) + ((box.TopLeft.Y - box.BottomLeft.Y) * ly);

    private double Along(Axis axis, double x, double y) => axis switch
    {
        Axis.PlusX => x - Box.X0,
        Axis.MinusX => Box.X1 - x,
        Axis.PlusY => y - Box.Y0,
        _ => Box.Y1 - y,
    };

    private void Place(Axis axis, double value, ref double x, ref double y)
    {
        switch (axis)
        {
            case Axis.PlusX:
                x = Box.X0 + value;
                break;
            case Axis.MinusX:
                x = Box.X1 - value;
                break;
            case Axis.PlusY:
                y = Box.Y0 + value;
                break;
            default:
                y = Box.Y1 - value;
                break;
        }
    }

    private double Extent(Axis axis) => axis is Axis.PlusX or Axis.MinusX ? Box.Width : Box.Height;

    private static string Name(Axis axis) => axis switch
    {
        Axis.PlusX => "rightwards",
        Axis.MinusX => "leftwards",
        Axis.PlusY => "upwards",
        _ => "downwards",
    };
}
