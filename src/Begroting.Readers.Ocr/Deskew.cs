namespace Begroting.Readers.Ocr;

/// <summary>Turns a page image that was scanned askew back upright before its rules are taken off and it is recognised.</summary>
/// <remarks>
/// A table is read in rows by the height of its words. A page fed into the scanner a degree askew is, across a
/// table 16 cm wide, one row lower at its right edge than at its left: the figures of one row then fall into the
/// next, and the rules are too slanted to be found as runs of dark pixels. The angle is the one at which the dark
/// pixels line up best in rows (the projection profile: the sum of the squares of the row counts is largest when
/// lines of text and rules fall each into as few rows as possible), looked for within a few degrees, first
/// coarsely, then finely. Below a twentieth of a degree the page is left as it is: the turn would move no pixel
/// by more than about one across the width of a page.
/// </remarks>
internal static class Deskew
{
    private const byte Dark = 200;

    /// <summary>The largest skew looked for, in degrees; a page turned further than this is not a scan askew but a page laid sideways.</summary>
    public const double MaxDegrees = 4.0;

    /// <summary>The page's skew in degrees: positive when lines run down to the right (in image rows, which go down).</summary>
    public static double Angle(byte[] pixels, int offset, int width, int height)
    {
        // The dark pixels of every other column are enough to tell the angle, and half the work. Every row: with every
        // other row, upright would fill only the even rows of the profile and seem twice as sharp as any angle.
        var points = new List<(int X, int Y)>();
        for (var y = 0; y < height; y++)
        {
            var row = offset + (y * width);
            for (var x = 0; x < width; x += 2)
            {
                if (pixels[row + x] < Dark)
                {
                    points.Add((x, y));
                }
            }
        }

        if (points.Count < 100)
        {
            return 0;
        }

        var counts = new int[height + (2 * width) + 2];
        double Sharpness(double degrees)
        {
            Array.Clear(counts);
            var slope = Math.Tan(degrees * Math.PI / 180);
            var shift = width + 1;
            foreach (var (x, y) in points)
            {
                counts[(int)Math.Round(y - (x * slope)) + shift]++;
            }

            double sum = 0;
            foreach (var c in counts)
            {
                sum += (double)c * c;
            }

            return sum;
        }

        double Best(double from, double to, double step)
        {
            var (best, score) = (0.0, double.MinValue);
            // A whole number of steps: the loop ends whatever the rounding of the bounds.
            var steps = (int)Math.Round((to - from) / step);
            for (var i = 0; i <= steps; i++)
            {
                var angle = from + (i * step);
                var s = Sharpness(angle);
                // Ties go to the angle nearest upright.
                if (s > score || (s == score && Math.Abs(angle) < Math.Abs(best)))
                {
                    (best, score) = (angle, s);
                }
            }

            return best;
        }

        var coarse = Best(-MaxDegrees, MaxDegrees, 0.1);
        return Best(coarse - 0.1, coarse + 0.1, 0.01);
    }

    /// <summary>Turns the page by <paramref name="degrees"/> against its skew, in place, about its centre; what comes in from outside the page is white. Returns whether it was turned.</summary>
    public static bool Straighten(byte[] pixels, int offset, int width, int height, double degrees)
    {
        if (Math.Abs(degrees) < 0.05)
        {
            return false;
        }

        var source = pixels.AsSpan(offset, width * height).ToArray();
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        var (cx, cy) = ((width - 1) / 2.0, (height - 1) / 2.0);
        for (var y = 0; y < height; y++)
        {
            var dy = y - cy;
            var row = offset + (y * width);
            for (var x = 0; x < width; x++)
            {
                // The grey of the askew pixel nearest to where the upright one lies: a rule a pixel or two thick keeps its
                // darkness (blended with the paper beside it, it would turn too light to be found as a rule).
                var dx = x - cx;
                var sx = (int)Math.Round(cx + (dx * cos) - (dy * sin));
                var sy = (int)Math.Round(cy + (dx * sin) + (dy * cos));
                pixels[row + x] = sx < 0 || sy < 0 || sx >= width || sy >= height ? (byte)255 : source[(sy * width) + sx];
            }
        }

        return true;
    }
}
