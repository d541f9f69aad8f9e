using Begroting.Readers.Ocr;

namespace Begroting.Tests;

/// <summary>A page scanned askew is turned upright before its rules are looked for.</summary>
public sealed class DeskewTests
{
    /// <summary>A page of rules and lines of 'text' (dashes of ink), drawn turned by <paramref name="degrees"/> about its centre.</summary>
    private static (byte[] Pixels, int Width, int Height) Page(double degrees, int width = 1200, int height = 900)
    {
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        var (cx, cy) = ((width - 1) / 2.0, (height - 1) / 2.0);
        void Ink(double x, double y)
        {
            var (dx, dy) = (x - cx, y - cy);
            var (px, py) = ((int)Math.Round(cx + (dx * cos) - (dy * sin)), (int)Math.Round(cy + (dx * sin) + (dy * cos)));
            if (px >= 0 && py >= 0 && px < width && py < height)
            {
                pixels[(py * width) + px] = 30;
            }
        }

        for (var row = 0; row < 12; row++)
        {
            var top = 150 + (row * 50);
            for (var x = 100; x < 1100; x++)
            {
                Ink(x, top);
                // Words: runs of ink 8 pixels high, broken every 40 pixels.
                if (x % 40 < 30)
                {
                    for (var t = 15; t < 23; t++)
                    {
                        Ink(x, top + t);
                    }
                }
            }
        }

        return (pixels, width, height);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    [InlineData(-0.55)]
    [InlineData(1.8)]
    public void The_skew_of_a_page_is_found_to_a_twentieth_of_a_degree(double degrees)
    {
        var (pixels, width, height) = Page(degrees);
        Assert.InRange(Deskew.Angle(pixels, 0, width, height), degrees - 0.05, degrees + 0.05);
    }

    [Fact]
    public void A_page_turned_upright_has_its_rules_on_one_row_again()
    {
        var (pixels, width, height) = Page(0.8);
        Assert.True(Deskew.Straighten(pixels, 0, width, height, Deskew.Angle(pixels, 0, width, height)));

        // The first rule, at y = 150 before the turn, is ink from end to end on that row or the next.
        var inked = Enumerable.Range(120, 960).Count(x => pixels[(150 * width) + x] < 128 || pixels[(151 * width) + x] < 128 || pixels[(149 * width) + x] < 128);
        Assert.True(inked > 950, $"{inked} of 960 pixels of the rule are on its row");
        Assert.InRange(Deskew.Angle(pixels, 0, width, height), -0.05, 0.05);
    }

    [Fact]
    public void A_page_that_is_upright_is_left_as_it_is()
    {
        var (pixels, width, height) = Page(0.0);
        var before = (byte[])pixels.Clone();
        Assert.False(Deskew.Straighten(pixels, 0, width, height, Deskew.Angle(pixels, 0, width, height)));
        Assert.Equal(before, pixels);
    }
}
