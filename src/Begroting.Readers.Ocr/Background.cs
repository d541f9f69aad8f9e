namespace Begroting.Readers.Ocr;

/// <summary>Whitens the background of a page image, shaded table cells included, before recognition.</summary>
/// <remarks>
/// Tesseract's page analysis takes a grey-shaded header row (light grey behind the column headers, as in the
/// budget tables) for a picture and reads no text in it; a low-resolution JPEG scan makes the shade blotchy and
/// this worse. Everything lighter than the page's ink/paper threshold (Otsu's, over the grey histogram) becomes
/// white; darker pixels keep their grey, so the edges of letters keep what little shape they have.
/// </remarks>
internal static class Background
{
    public static void Whiten(byte[] pixels, int offset, int width, int height)
    {
        var threshold = Otsu(pixels, offset, width * height);
        for (var i = offset; i < offset + (width * height); i++)
        {
            if (pixels[i] >= threshold)
            {
                pixels[i] = 255;
            }
        }
    }

    /// <summary>The grey level that best splits the pixels into two classes (the largest variance between them).</summary>
    public static int Otsu(byte[] pixels, int offset, int count)
    {
        var histogram = new long[256];
        for (var i = offset; i < offset + count; i++)
        {
            histogram[pixels[i]]++;
        }

        double total = count, sum = 0;
        for (var v = 0; v < 256; v++)
        {
            sum += v * (double)histogram[v];
        }

        double below = 0, sumBelow = 0, best = -1;
        var threshold = 128;
        for (var v = 0; v < 256; v++)
        {
            below += histogram[v];
            sumBelow += v * (double)histogram[v];
            var above = total - below;
            if (below == 0 || above == 0)
            {
                continue;
            }

            var (meanBelow, meanAbove) = (sumBelow / below, (sum - sumBelow) / above);
            var between = below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best)
            {
                (best, threshold) = (between, v + 1);
            }
        }

        return threshold;
    }
}
