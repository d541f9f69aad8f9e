using System.Diagnostics;
using System.Text;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using Begroting.Readers.Ocr.TextRepair;
using Begroting.Readers.Pdf;

namespace Begroting.Readers.Ocr;

/// <summary>Settings of OCR.</summary>
public sealed record OcrOptions
{
    /// <summary>Resolution pages are rendered at for recognition: Tesseract reads best at about 300 dpi.</summary>
    public int Dpi { get; init; } = 300;

    /// <summary>Tesseract languages.</summary>
    public string Languages { get; init; } = "nld";

    /// <summary>Where recognised pages are kept, by content; null for the user's cache folder, empty for none.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>How long one page may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);
}

/// <summary>Reads scanned pages with Tesseract 5: the page is rendered by poppler's pdftoppm and recognised as hOCR, both as processes.</summary>
/// <remarks>
/// As many pages are recognised at once as there are cores (each Tesseract limited to one thread, which is
/// faster than letting them compete). A recognised page is cached by the content of the page's images and the
/// settings, so a second run over the same scans does not call Tesseract again.
/// </remarks>
public sealed partial class TesseractRecogniser : IPageRecogniser
{
    // Page segmentation 4 (one column of text of varying sizes): word boxes are what the layout uses, and it keeps
    // small figures such as '6,0' whole more often than automatic segmentation does.
    private const string PageSegmentation = "4";

    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount));
    private static readonly Lazy<string?> Version = new(() => Run("tesseract", ["--version"], TimeSpan.FromSeconds(30)) is { ExitCode: 0 } r ? (r.Output + r.Error).Split('\n')[0].Trim() : null);

    private readonly OcrOptions options;
    private readonly string? cache;

    public TesseractRecogniser(OcrOptions? options = null)
    {
        this.options = options ?? new OcrOptions();
        cache = this.options.CacheDirectory switch
        {
            null => Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "begroting", "ocr"),
            "" => null,
            var dir => dir,
        };
    }

    /// <summary>Whether Tesseract runs here, and its version.</summary>
    public static string? TesseractVersion => Version.Value;

    /// <summary>Repairs what recognition misread, once the recognised pages are laid out (<see cref="RecognisedText"/>).</summary>
    public LayoutDocument RepairText(LayoutDocument layout) => RecognisedText.Repair(layout);

    public async Task<RecognisedPage> RecogniseAsync(PageImage page, CancellationToken cancellationToken = default)
    {
        var where = $"{page.File}#p{page.Number}";
        var version = Version.Value ?? throw new DocumentException("ocr-unavailable", "the page has no text layer and Tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-nld)", where);
        var key = Key($"{page.ContentKey}|{version}|{options.Languages}|{options.Dpi}|psm{PageSegmentation}|rules-erased-kept-2|figures-reread-80i|h150|dark200|inline|h100|thin|otsu-white|low-borders-joined-2|empty-cells-read|straddlers-split|line-end-hyphens|raised-marks-6|cell-words");
        var cached = cache is null ? null : Path.Combine(cache, key[..2], key + ".hocr");
        if (cached is not null && File.Exists(cached) && File.Exists(cached + ".rules"))
        {
            var rules = Hocr.ReadRules(await File.ReadAllTextAsync(cached + ".rules", cancellationToken).ConfigureAwait(false));
            return Hocr.Parse(await File.ReadAllTextAsync(cached, cancellationToken).ConfigureAwait(false), rules, options.Dpi);
        }

        await Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The tools run on a pool thread: the reader goes on to the next page meanwhile.
            var (hocr, rules) = await Task.Run(() => Recognise(page, where, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (cached is not null)
            {
                // The rules first: an entry counts only when its hOCR is there too.
                Store(cached + ".rules", Hocr.WriteRules(rules));
                Store(cached, hocr);
            }

            return Hocr.Parse(hocr, rules, options.Dpi);
        }
        finally
        {
            Slots.Release();
        }
    }

    /// <summary>Renders the page, takes its ruling lines off and recognises it: the hOCR text and the rules, in pixels.</summary>
    private (string Hocr, List<RuleRemoval.Segment> Rules) Recognise(PageImage page, string where, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("begroting-ocr-");
        try
        {
            var image = Path.Combine(work.FullName, "page");
            var n = page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var render = Run("pdftoppm", ["-r", options.Dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-f", n, "-l", n, "-singlefile", page.Path, image], options.Timeout, cancellationToken);
            if (render is not { ExitCode: 0 } || !File.Exists(image + ".pgm"))
            {
                throw new DocumentException("ocr-failed", render is null ? "the page could not be rendered for OCR: pdftoppm is not installed (Debian: apt-get install poppler-utils)" : $"the page could not be rendered for OCR: {First(render.Error)}", where);
            }

            var (pixels, width, height, offset) = RuleRemoval.ReadPgm(File.ReadAllBytes(image + ".pgm"));
            Background.Whiten(pixels, offset, width, height);
            var rules = RuleRemoval.Erase(pixels, offset, width, height, horizontal: options.Dpi / 3, vertical: options.Dpi / 5);
            File.WriteAllBytes(image + ".pgm", pixels);

            var recognise = Run("tesseract", [image + ".pgm", image, "-l", options.Languages, "--psm", PageSegmentation, "hocr"], options.Timeout, cancellationToken);
            if (recognise is not { ExitCode: 0 } || !File.Exists(image + ".hocr"))
            {
                throw new DocumentException("ocr-failed", $"Tesseract could not read the page: {First(recognise?.Error ?? "did not finish")}", where);
            }

            var hocr = RereadFigures(File.ReadAllText(image + ".hocr"), pixels, offset, width, height, Path.Combine(work.FullName, "figure"), cancellationToken);
            hocr = ReadEmptyCells(hocr, rules, pixels, offset, width, height, Path.Combine(work.FullName, "cell"), cancellationToken);
            // Both look at words of their own kind (ending in a small letter; figures), so one pass over the hOCR serves.
            hocr = EditWords(hocr, (size, words, i) => Hyphen(size, words, i, pixels, offset, width, height) ?? Marks(size, words, i, pixels, offset, width, height));
            return (hocr, rules);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Figures the page read left in doubt are read again alone, as one line of figures; the better reading stays in the hOCR.</summary>
    /// <remarks>
    /// A '95%' read as '5%' with a confidence of 0.26 beside '90%' read at 0.64 is the case: alone, without its
    /// neighbours, it is read whole. Below 80, not 70: a '77%' read as '17%' at 0.77 is read right alone.
    /// </remarks>
    private string RereadFigures(string hocr, byte[] pixels, int offset, int width, int height, string crop, CancellationToken cancellationToken)
    {
        var doubtful = DoubtfulFigure().Matches(hocr).Where(m => int.Parse(m.Groups["conf"].Value, System.Globalization.CultureInfo.InvariantCulture) < 80).Take(60).ToList();
        if (doubtful.Count == 0)
        {
            return hocr;
        }

        var pad = options.Dpi / 30;
        var readings = ReadAlone(
            doubtful.Select(m =>
            {
                int At(string g) => int.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
                var (x0, y0, x1, y1) = (Math.Max(0, At("x0") - pad), Math.Max(0, At("y0") - pad), Math.Min(width, At("x1") + pad), Math.Min(height, At("y1") + pad));
                return (x0, y0, x1 - x0, y1 - y0);
            }).ToList(),
            pixels,
            offset,
            width,
            crop,
            "0123456789%,.-()*",
            cancellationToken);
        var result = new StringBuilder(hocr.Length);
        var last = 0;
        foreach (var (m, best) in doubtful.Zip(readings))
        {
            var conf = int.Parse(m.Groups["conf"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (best.Count == 1 && best[0].Conf > conf && best[0].Text != m.Groups["text"].Value)
            {
                result.Append(hocr, last, m.Index - last);
                result.Append(m.Value.Replace($"x_wconf {m.Groups["conf"].Value}'", FormattableString.Invariant($"x_wconf {(int)best[0].Conf}'"), StringComparison.Ordinal)
                    .Replace(">" + m.Groups["text"].Value + "<", ">" + System.Net.WebUtility.HtmlEncode(best[0].Text) + "<", StringComparison.Ordinal));
                last = m.Index + m.Length;
            }
        }

        result.Append(hocr, last, hocr.Length - last);
        return result.ToString();
    }

    /// <summary>Marks in ruled cells where the page's recognition found no word are read alone; what reads as a figure, a dash or 'nnb' joins the hOCR as a line of its own.</summary>
    private string ReadEmptyCells(string hocr, List<RuleRemoval.Segment> rules, byte[] pixels, int offset, int width, int height, string crop, CancellationToken cancellationToken)
    {
        // A word read with little confidence across a cell border ('saal' for a dash in one cell and '-**' in the
        // next) is two marks run together: it goes, and the cells on either side are read alone.
        var borders = rules.Where(r => r.X1 == r.X2 && r.Y1 != r.Y2).ToList();
        var words = new List<EmptyCells.Box>();
        foreach (var m in WordBox().Matches(hocr).Reverse())
        {
            int At(string g) => int.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
            var box = new EmptyCells.Box(At("x0"), At("y0"), At("x1"), At("y1"));
            var middle = (box.Y0 + box.Y1) / 2.0;
            if (At("conf") < 40 && borders.Any(b => b.Y1 <= middle && b.Y2 >= middle && b.X1 - box.X0 >= 3 && box.X1 - b.X1 >= 3))
            {
                hocr = hocr.Remove(m.Index, m.Length);
                continue;
            }

            words.Add(box);
        }

        var sizes = LineSize().Matches(hocr).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        var size = sizes.Count > 0 ? sizes[sizes.Count / 2] : options.Dpi / 7.0;
        var marks = EmptyCells.Find(rules, words, pixels, offset, width, height, options.Dpi).Take(120).ToList();

        // Tesseract reads a dash alone as nothing at all; its shape says what it is. The other marks are read in
        // one Tesseract run, each alone.
        var dash = marks.Select(m => EmptyCells.IsDash(m.Ink, m.RowHeight, options.Dpi)).ToList();
        var pad = options.Dpi / 20;
        (int X0, int Y0, int Width, int Height) Crop(EmptyCells.Box ink)
        {
            var (x0, y0, x1, y1) = (Math.Max(0, ink.X0 - pad), Math.Max(0, ink.Y0 - pad), Math.Min(width - 1, ink.X1 + pad), Math.Min(height - 1, ink.Y1 + pad));
            return (x0, y0, x1 - x0 + 1, y1 - y0 + 1);
        }

        var others = Enumerable.Range(0, marks.Count).Where(i => !dash[i]).ToList();
        var figures = ReadAlone(others.Select(i => Crop(marks[i].Ink)).ToList(), pixels, offset, width, crop, "0123456789%,.-()*nb", cancellationToken);
        var read = new (string Text, double Confidence)?[marks.Count];
        var unread = new List<int>();
        foreach (var (i, found) in others.Zip(figures))
        {
            var text = string.Join(' ', found.Select(f => f.Text));
            if (found.Count > 0 && CellFigure().IsMatch(text))
            {
                read[i] = (text, found.Min(f => f.Conf) / 100);
            }
            else
            {
                unread.Add(i);
            }
        }

        // A label passed over in its cell ('Onttrekking' at 150 dpi) is read without the figures' letters, and kept
        // only as one word read surely.
        foreach (var (i, found) in unread.Zip(ReadAlone(unread.Select(i => Crop(marks[i].Ink)).ToList(), pixels, offset, width, crop + "-word", null, cancellationToken)))
        {
            if (found is [var word] && word.Conf >= 85 && CellWord().IsMatch(word.Text))
            {
                read[i] = (word.Text, word.Conf / 100);
            }
        }

        var lines = new StringBuilder();
        for (var i = 0; i < marks.Count; i++)
        {
            var ink = marks[i].Ink;
            var (text, confidence) = dash[i] ? ("-", 0.6) : read[i] ?? (string.Empty, 0);
            if (text.Length == 0)
            {
                continue;
            }

            var box = FormattableString.Invariant($"bbox {ink.X0} {ink.Y0} {ink.X1} {ink.Y1}");
            lines.Append(FormattableString.Invariant($"<span class='ocr_line' title='{box}; baseline 0 0; x_size {size}'><span class='ocrx_word' title='{box}; x_wconf {(int)Math.Round(confidence * 100)}'>{System.Net.WebUtility.HtmlEncode(text)}</span></span>\n"));
        }

        if (lines.Length == 0)
        {
            return hocr;
        }

        var end = hocr.LastIndexOf("</div>", StringComparison.Ordinal);
        return end < 0 ? hocr : hocr.Insert(end, lines.ToString());
    }

    /// <summary>A hyphen the page's recognition left off the end of a word that ends a line ('succes' for 'succes-' before 'factor') joins the word when its shape says it is one.</summary>
    /// <remarks>
    /// Without it the broken word's pieces read as two words ('succes factor'), and where both are words no list
    /// can tell that they were one. Only a mark after the last word of a line or of a column is taken (a dash
    /// between words is read as a word of its own), and only a short bar at the height of the small letters.
    /// </remarks>
    internal static string LineEndHyphens(string hocr, byte[] pixels, int offset, int width, int height) =>
        EditWords(hocr, (size, words, i) => Hyphen(size, words, i, pixels, offset, width, height));

    private static (string Text, int X1)? Hyphen(double size, IReadOnlyList<(string Text, EmptyCells.Box Box)> words, int i, byte[] pixels, int offset, int width, int height)
    {
        var (text, box) = words[i];
        if (text.Length < 2 || !char.IsLower(text[^1]) || words.Any(w => w.Box.X0 > box.X1 && w.Box.X0 < box.X1 + (2 * size)))
        {
            return null;
        }

        var region = new EmptyCells.Box(box.X1 + 1, box.Y0, Math.Min(width - 1, box.X1 + (int)Math.Ceiling(0.7 * size)), box.Y1);
        if (EmptyCells.InkIn(region, pixels, offset, width, height, least: 4) is not { } ink)
        {
            return null;
        }

        var middle = (ink.Y0 + ink.Y1) / 2.0;
        var bar = ink.Width >= 2 * ink.Height && ink.Height <= Math.Max(2, size / 5) && ink.Width <= 0.8 * size;
        var clear = ink.X0 - box.X1 <= 0.35 * size && ink.X1 < region.X1 && ink.Y0 > region.Y0 && ink.Y1 < region.Y1;
        var level = middle > box.Y0 + (0.2 * box.Height) && middle < box.Y1 - (0.15 * box.Height);
        return bar && clear && level ? (text + "-", ink.X1) : null;
    }

    /// <summary>Footnote marks raised after a figure ('23*', '-**') that the recogniser took into the word's box but left out of its text are put back, one per mark.</summary>
    /// <remarks>
    /// A mark is a small blob, about as wide as high (not a splinter of a cell border), wholly above the middle of the
    /// figure's glyphs and right of all of them, and the only thing there; a mark the recogniser did read is not
    /// added twice. Only words that are figures, a dash, 'nnb' or a year in brackets are looked at.
    /// </remarks>
    internal static string RaisedMarks(string hocr, byte[] pixels, int offset, int width, int height) =>
        EditWords(hocr, (size, words, i) => Marks(size, words, i, pixels, offset, width, height));

    private static (string Text, int X1)? Marks(double size, IReadOnlyList<(string Text, EmptyCells.Box Box)> words, int i, byte[] pixels, int offset, int width, int height)
    {
        var (text, box) = words[i];
        if (MarkedFigure().Match(text) is not { Success: true } figure)
        {
            return null;
        }

        // A dash stands at the middle of the small letters: marks after it rise above it; after figures, above their middle.
        var dash = figure.Groups["figure"].Value == "-";
        var next = words.Where(w => w.Box.X0 > box.X1).Select(w => w.Box.X0).DefaultIfEmpty(width).Min();
        var region = new EmptyCells.Box(box.X0, Math.Max(0, box.Y0 - (int)((dash ? 0.8 : 0.3) * size)), Math.Min(Math.Min(width - 1, next - 2), box.X1 + (int)(1.2 * size)), Math.Min(height - 1, box.Y1 + (dash ? (int)(0.1 * size) : 0)));
        var blobs = EmptyCells.Blobs(region, pixels, offset, width, height);
        if (blobs.Count == 0)
        {
            return null;
        }

        var tallest = blobs.Max(b => b.Height);
        var glyphs = dash
            ? blobs.Where(b => b.Width >= 2 * b.Height).OrderBy(b => b.X0).Take(1).ToList()
            : blobs.Where(b => b.Height > tallest / 2).ToList();
        if (glyphs.Count == 0)
        {
            return null;
        }

        var right = glyphs.Max(g => g.X1);
        var middle = dash ? glyphs.Min(g => g.Y0) : glyphs.Max(g => g.Y1) - (tallest / 2.0);

        var after = new EmptyCells.Box(right + 2, region.Y0, region.X1, region.Y1);
        var beyond = EmptyCells.Blobs(after, pixels, offset, width, height);
        var marks = beyond
            .Where(b => b.Y1 < middle && b.Height <= 0.45 * size && Math.Min(b.Width, b.Height) >= 0.15 * size && b.Width <= 0.6 * size && b.Y0 > after.Y0 && b.X1 < after.X1)
            .ToList();
        if (marks.Count == 0 || beyond.Count != marks.Count)
        {
            return null;
        }

        // Two marks run together at a low resolution make one blob twice as wide as high.
        var count = marks.Sum(m => m.Width > 1.8 * m.Height ? 2 : 1);
        return count > figure.Groups["marks"].Length ? (figure.Groups["figure"].Value + new string('*', count), Math.Max(box.X1, marks.Max(m => m.X1))) : null;
    }

    /// <summary>Goes through the hOCR's words line by line; where <paramref name="edit"/> gives a new text (and right edge), the word takes it.</summary>
    private static string EditWords(string hocr, Func<double, IReadOnlyList<(string Text, EmptyCells.Box Box)>, int, (string Text, int X1)?> edit)
    {
        var lines = LineTitle().Matches(hocr);
        var edits = new List<(int Index, int Length, string Text)>();
        for (var l = 0; l < lines.Count; l++)
        {
            var end = l + 1 < lines.Count ? lines[l + 1].Index : hocr.Length;
            var size = double.Parse(lines[l].Groups["size"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var matches = WordBox().Matches(hocr[lines[l].Index..end]).ToList();
            var words = matches.Select(m =>
            {
                int At(string g) => int.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
                return (System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value), new EmptyCells.Box(At("x0"), At("y0"), At("x1"), At("y1")));
            }).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                if (edit(size, words, i) is not { } change)
                {
                    continue;
                }

                var m = matches[i];
                var box = words[i].Item2;
                var title = m.Value.Replace(FormattableString.Invariant($"{box.X1} {box.Y1};"), FormattableString.Invariant($"{change.X1} {box.Y1};"), StringComparison.Ordinal);
                edits.Add((lines[l].Index + m.Index, m.Length, title.Replace(">" + m.Groups["text"].Value + "<", ">" + System.Net.WebUtility.HtmlEncode(change.Text) + "<", StringComparison.Ordinal)));
            }
        }

        var result = new StringBuilder(hocr);
        foreach (var (index, length, text) in edits.OrderByDescending(e => e.Index))
        {
            result.Remove(index, length).Insert(index, text);
        }

        return result.ToString();
    }

    /// <summary>Reads each region alone as one line, in one Tesseract run over the list of crops (starting Tesseract once per crop cost more than reading them): the words of each, with their confidence (0 to 100).</summary>
    private List<List<(string Text, double Conf)>> ReadAlone(List<(int X0, int Y0, int Width, int Height)> regions, byte[] pixels, int offset, int width, string crop, string? whitelist, CancellationToken cancellationToken)
    {
        var result = regions.Select(_ => new List<(string Text, double Conf)>()).ToList();
        if (regions.Count == 0)
        {
            return result;
        }

        var list = new StringBuilder();
        for (var i = 0; i < regions.Count; i++)
        {
            var path = FormattableString.Invariant($"{crop}-{i}.pgm");
            WriteCrop(path, pixels, offset, width, regions[i].X0, regions[i].Y0, regions[i].Width, regions[i].Height);
            list.Append(path).Append('\n');
        }

        File.WriteAllText(crop + ".txt", list.ToString());
        string[] only = whitelist is null ? [] : ["-c", "tessedit_char_whitelist=" + whitelist];
        var read = Run("tesseract", [crop + ".txt", "stdout", "-l", options.Languages, "--psm", "7", .. only, "tsv"], options.Timeout, cancellationToken);
        if (read is not { ExitCode: 0 })
        {
            return result;
        }

        foreach (var f in read.Output.Split('\n').Select(l => l.Split('\t')).Where(f => f.Length == 12 && f[0] == "5" && f[11].Trim().Length > 0))
        {
            var page = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture) - 1;
            if (page >= 0 && page < result.Count)
            {
                result[page].Add((f[11].Trim(), double.Parse(f[10], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return result;
    }

    private static void WriteCrop(string path, byte[] pixels, int offset, int width, int x0, int y0, int w, int h)
    {
        var header = Encoding.ASCII.GetBytes(FormattableString.Invariant($"P5\n{w} {h}\n255\n"));
        var bytes = new byte[header.Length + (w * h)];
        header.CopyTo(bytes, 0);
        for (var y = 0; y < h; y++)
        {
            Array.Copy(pixels, offset + ((y0 + y) * width) + x0, bytes, header.Length + (y * w), w);
        }

        File.WriteAllBytes(path, bytes);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<span class='ocrx_word'[^>]*title='bbox (?<x0>\d+) (?<y0>\d+) (?<x1>\d+) (?<y1>\d+); x_wconf (?<conf>\d+)'[^>]*>(?<text>[^<]*)</span>")]
    private static partial System.Text.RegularExpressions.Regex WordBox();

    [System.Text.RegularExpressions.GeneratedRegex(@"<span class='ocr_(?:line|header|caption|textfloat)'[^>]*title=""bbox \d+ \d+ \d+ \d+;[^""]*x_size (?<size>[\d.]+)")]
    private static partial System.Text.RegularExpressions.Regex LineTitle();

    [System.Text.RegularExpressions.GeneratedRegex(@"x_size ([\d.]+)")]
    private static partial System.Text.RegularExpressions.Regex LineSize();

    // A figure, a dash, 'nnb' or a year in brackets that may carry footnote marks already: '23', '57*', '-', '(2015)'.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<figure>-|nnb|-?[\d.,]*\d%?|\(\d{4}\))(?<marks>\**)$")]
    private static partial System.Text.RegularExpressions.Regex MarkedFigure();

    // One word of letters, as a row label is ('Onttrekking', 'Saldo').
    [System.Text.RegularExpressions.GeneratedRegex(@"^\p{L}[\p{L}'-]{2,}\.?$")]
    private static partial System.Text.RegularExpressions.Regex CellWord();

    // What a cell of a budget or indicator table holds when it holds one short thing: a figure, a dash, 'nnb'.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:-?[\d.,]*\d%?|-|nnb)\**$")]
    private static partial System.Text.RegularExpressions.Regex CellFigure();

    // A figure, or something a figure is often misread as: digits and signs with at most the letters that look
    // like digits ('-44T7' for '-4.477', '[e)' or 'ie)' for a lone '0' beside a cell border); codes such as '9A1.b' are not.
    [System.Text.RegularExpressions.GeneratedRegex(@"title='bbox (?<x0>\d+) (?<y0>\d+) (?<x1>\d+) (?<y1>\d+); x_wconf (?<conf>\d+)'[^>]*>(?<text>(?=[^<]*[\d\[\]()])[-\d%,.()*\[\]eioOlITSB]{1,9})<")]
    private static partial System.Text.RegularExpressions.Regex DoubtfulFigure();

    /// <summary>Writes the cache entry through a temporary file: a run cut short leaves no half entry.</summary>
    private static void Store(string path, string text)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException)
        {
            // A cache that cannot be written only costs time on the next run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Key(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string First(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";

    private sealed record ProcessResult(int ExitCode, string Output, string Error);

    /// <summary>Runs a tool; null when it is not installed.</summary>
    private static ProcessResult? Run(string tool, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // One thread per Tesseract: pages are recognised side by side instead, and threads fighting over two cores cost more than they give.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            // The streams are read to their end whatever happens: a killed process closes them.
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            // A document cancelled past its budget takes its Tesseract with it, instead of leaving it to run out its own timeout.
            var clock = Stopwatch.StartNew();
            while (!process.WaitForExit(TimeSpan.FromMilliseconds(100)))
            {
                if (cancellationToken.IsCancellationRequested || clock.Elapsed > timeout)
                {
                    process.Kill(entireProcessTree: true);
                    cancellationToken.ThrowIfCancellationRequested();
                    return new ProcessResult(-1, string.Empty, $"{tool} took longer than {timeout.TotalSeconds:0} s");
                }
            }

            return new ProcessResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
