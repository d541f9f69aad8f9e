using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Begroting.Readers.Pdf;

namespace Begroting.Readers.Ocr;

/// <summary>Tesseract's hOCR output to words with boxes in points.</summary>
/// <remarks>
/// hOCR gives each line an estimated text size (<c>x_size</c>, in pixels) and each word its box and confidence
/// (<c>x_wconf</c>, 0 to 100); the size lets headings and table text be told apart as on a text layer.
/// </remarks>
internal static partial class Hocr
{
    // Tesseract's x_size runs a little under the font size in points at the rendered resolution.
    private const double SizeFactor = 1.07;

    public static List<RecognisedWord> Parse(string hocr, int dpi)
    {
        var scale = 72.0 / dpi;
        var document = new HtmlParser().ParseDocument(hocr);
        var words = new List<RecognisedWord>();
        foreach (var line in document.QuerySelectorAll(".ocr_line, .ocr_header, .ocr_caption, .ocr_textfloat"))
        {
            var lineTitle = line.GetAttribute("title") ?? string.Empty;
            var xSize = Number(XSize().Match(lineTitle));
            foreach (var word in line.QuerySelectorAll(".ocrx_word"))
            {
                var title = word.GetAttribute("title") ?? string.Empty;
                var box = Box().Match(title);
                var text = word.TextContent.Trim();
                if (!box.Success || text.Length == 0)
                {
                    continue;
                }

                var (x0, y0, x1, y1) = (Number(box, 1), Number(box, 2), Number(box, 3), Number(box, 4));
                var size = (xSize > 0 ? xSize : y1 - y0) * scale * SizeFactor;
                var confidence = WordConfidence().Match(title) is { Success: true } c ? Number(c) / 100 : 0;
                words.Add(new RecognisedWord(text, x0 * scale, y0 * scale, x1 * scale, y1 * scale, Math.Round(size, 2), Math.Clamp(confidence, 0, 1)));
            }
        }

        return words;
    }

    private static double Number(Match match, int group = 1) =>
        match.Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"bbox (\d+) (\d+) (\d+) (\d+)")]
    private static partial Regex Box();

    [GeneratedRegex(@"x_size ([\d.]+)")]
    private static partial Regex XSize();

    [GeneratedRegex(@"x_wconf ([\d.]+)")]
    private static partial Regex WordConfidence();
}
