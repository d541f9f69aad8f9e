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

    public static RecognisedPage Parse(string hocr, IReadOnlyList<RuleRemoval.Segment> rules, int dpi)
    {
        var scale = 72.0 / dpi;
        var document = new HtmlParser().ParseDocument(hocr);
        var pageBox = Box().Match(document.QuerySelector(".ocr_page")?.GetAttribute("title") ?? string.Empty);
        var (pageWidth, pageHeight) = pageBox.Success ? (Number(pageBox, 3), Number(pageBox, 4)) : (0.0, 0.0);
        var lines = document.QuerySelectorAll(".ocr_line, .ocr_header, .ocr_caption, .ocr_textfloat")
            .Select(line =>
            {
                var title = line.GetAttribute("title") ?? string.Empty;
                var box = Box().Match(title);
                var baseline = Baseline().Match(title);
                return (
                    Left: Number(box, 1),
                    Right: Number(box, 3),
                    Bottom: Number(box, 4),
                    Slope: baseline.Success ? Number(baseline, 1) : 0,
                    Offset: baseline.Success ? Number(baseline, 2) : 0,
                    XSize: Number(XSize().Match(title)),
                    Words: line.QuerySelectorAll(".ocrx_word").ToList());
            })
            .ToList();

        // The page's skew, from the baselines of lines of several words: words are turned back by it, so that a
        // slightly skewed scan gives level lines and straight columns.
        var slopes = lines.Where(l => l.Words.Count >= 3).Select(l => l.Slope).Order().ToList();
        var skew = slopes.Count > 0 ? slopes[slopes.Count / 2] : 0;

        var words = new List<RecognisedWord>();
        foreach (var line in lines)
        {
            foreach (var word in line.Words)
            {
                var title = word.GetAttribute("title") ?? string.Empty;
                var box = Box().Match(title);
                var text = word.TextContent.Trim();
                if (!box.Success || text.Length == 0)
                {
                    continue;
                }

                var (x0, x1) = (Number(box, 1), Number(box, 3));
                var size = (line.XSize > 0 ? line.XSize : Number(box, 4) - Number(box, 2)) * SizeFactor;

                // The word stands on its line's baseline (a dash or a comma is not lower or higher than the figures
                // beside it), as a text layer's words stand on theirs.
                // All words of a line share its baseline, taken at the line's middle and turned back by the page's skew.
                var lineMiddle = (line.Left + line.Right) / 2;
                var baseline = line.Bottom + line.Offset + (line.Slope * (lineMiddle - line.Left));
                var level = baseline - (skew * (lineMiddle - (pageWidth / 2)));
                var shift = skew * (baseline - (pageHeight / 2));
                var confidence = WordConfidence().Match(title) is { Success: true } c ? Number(c) / 100 : 0;
                words.Add(new RecognisedWord(
                    text,
                    (x0 + shift) * scale,
                    (level - (size * 0.7)) * scale,
                    (x1 + shift) * scale,
                    level * scale,
                    Math.Round(size * scale, 2),
                    Math.Clamp(confidence, 0, 1)));
            }
        }

        // Rules are turned back by the same skew, so that they enclose the words they enclosed on the page.
        (double X, double Y) Level(double x, double y) => (x + (skew * (y - (pageHeight / 2))), y - (skew * (x - (pageWidth / 2))));
        var segments = new List<RuleSegment>();
        foreach (var rule in rules)
        {
            var (ax, ay) = Level(rule.X1, rule.Y1);
            var (bx, by) = Level(rule.X2, rule.Y2);
            segments.Add(rule.Y1 == rule.Y2
                ? new RuleSegment(ax * scale, (ay + by) / 2 * scale, bx * scale, (ay + by) / 2 * scale)
                : new RuleSegment((ax + bx) / 2 * scale, ay * scale, (ax + bx) / 2 * scale, by * scale));
        }

        return new RecognisedPage(words, segments);
    }

    /// <summary>Rules as kept in the cache beside the hOCR: one per line, 'h' or 'v' and four numbers in pixels.</summary>
    public static string WriteRules(IEnumerable<RuleRemoval.Segment> rules) =>
        string.Concat(rules.Select(r => FormattableString.Invariant($"{(r.Y1 == r.Y2 ? 'h' : 'v')} {r.X1:0.##} {r.Y1:0.##} {r.X2:0.##} {r.Y2:0.##}\n")));

    public static List<RuleRemoval.Segment> ReadRules(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .Select(f => new RuleRemoval.Segment(
                double.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture),
                double.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();

    private static double Number(Match match, int group = 1) =>
        match.Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"bbox (\d+) (\d+) (\d+) (\d+)")]
    private static partial Regex Box();

    [GeneratedRegex(@"baseline (-?[\d.]+) (-?[\d.]+)")]
    private static partial Regex Baseline();

    [GeneratedRegex(@"x_size ([\d.]+)")]
    private static partial Regex XSize();

    [GeneratedRegex(@"x_wconf ([\d.]+)")]
    private static partial Regex WordConfidence();
}
