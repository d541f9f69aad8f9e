namespace Begroting.Readers.Ocr;

/// <summary>Erases the ruling lines of tables from a page image before recognition.</summary>
/// <remarks>
/// Tesseract reads a cell border as '|', '[' or '/' and glues it to the figure beside it ('6,0|'), or drops the
/// comma next to it. A rule is a run of dark pixels far longer than any stroke of a letter: horizontal runs
/// longer than an inch (no letter, dash or underline of a budget table comes near), vertical runs longer
/// than a fifth of an inch (the tallest capital of a large heading stays under it). Slightly skewed rules still
/// give such runs: at half a degree a rule two pixels thick steps sideways only once in a hundred pixels.
/// </remarks>
internal static class RuleRemoval
{
    private const byte Dark = 140;

    /// <summary>Reads a binary greyscale PGM (P5), as pdftoppm writes it with -gray.</summary>
    public static (byte[] Pixels, int Width, int Height, int Offset) ReadPgm(byte[] file)
    {
        var position = 0;
        string Token()
        {
            while (position < file.Length && (char.IsWhiteSpace((char)file[position]) || file[position] == '#'))
            {
                if (file[position] == '#')
                {
                    while (position < file.Length && file[position] != '\n')
                    {
                        position++;
                    }
                }

                position++;
            }

            var start = position;
            while (position < file.Length && !char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            return System.Text.Encoding.ASCII.GetString(file, start, position - start);
        }

        if (Token() != "P5")
        {
            throw new InvalidDataException("not a binary greyscale PGM");
        }

        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        if (Token() != "255")
        {
            throw new InvalidDataException("only 8-bit PGM is read");
        }

        position++;
        return (file, width, height, position);
    }

    /// <summary>Whitens, in place, every horizontal run of dark pixels of at least <paramref name="horizontal"/> and every vertical run of at least <paramref name="vertical"/>.</summary>
    public static int Erase(byte[] pixels, int offset, int width, int height, int horizontal, int vertical)
    {
        var erase = new bool[width * height];
        var marked = 0;
        for (var y = 0; y < height; y++)
        {
            var run = 0;
            for (var x = 0; x <= width; x++)
            {
                if (x < width && pixels[offset + (y * width) + x] < Dark)
                {
                    run++;
                    continue;
                }

                if (run >= horizontal)
                {
                    for (var k = x - run; k < x; k++)
                    {
                        erase[(y * width) + k] = true;
                    }

                    marked += run;
                }

                run = 0;
            }
        }

        for (var x = 0; x < width; x++)
        {
            var run = 0;
            for (var y = 0; y <= height; y++)
            {
                if (y < height && pixels[offset + (y * width) + x] < Dark)
                {
                    run++;
                    continue;
                }

                if (run >= vertical)
                {
                    for (var k = y - run; k < y; k++)
                    {
                        erase[(k * width) + x] = true;
                    }

                    marked += run;
                }

                run = 0;
            }
        }

        // The grey edge pixels of a rule go too, or they come back as a stray ',' beside a figure.
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (erase[(y * width) + x])
                {
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var (yy, xx) = (y + dy, x + dx);
                            if (yy >= 0 && yy < height && xx >= 0 && xx < width)
                            {
                                pixels[offset + (yy * width) + xx] = 255;
                            }
                        }
                    }
                }
            }
        }

        return marked;
    }
}
