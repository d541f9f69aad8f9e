using System.Text.RegularExpressions;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Begroting.Readers.Pdf;

/// <summary>Options of the PDF reader.</summary>
public sealed record PdfReaderOptions
{
    /// <summary>Password of an encrypted PDF.</summary>
    public string? Password { get; init; }

    /// <summary>Reads pages that have no text layer; without it such pages are reported and skipped.</summary>
    public IPageRecogniser? Recogniser { get; init; }
}

/// <summary>Reads born-digital PDF into the layout model with PdfPig, one page at a time.</summary>
/// <remarks>
/// Words come from PdfPig; lines, paragraphs, headings, lists and tables are built here from positions. Running
/// headers and footers are found because they repeat in the margins of nearby pages, not by fixed coordinates: a page
/// is laid out once the next page has been read. Pages are processed one by one and released: memory holds two pages
/// and the blocks made so far, not the document.
/// </remarks>
public static partial class PdfReader
{
    internal const double MarginBand = 0.08;

    /// <param name="path">The file to read.</param>
    /// <param name="file">The name the layout and its provenance give the file.</param>
    /// <param name="options">Password and recogniser.</param>
    /// <param name="cancellationToken">Checked at every page: a document past its time budget stops here.</param>
    public static LayoutDocument Read(string path, string file, PdfReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PdfReaderOptions();
        var diagnostics = new List<Diagnostic>();
        var blocks = new List<Block>();

        // Signatures of margin lines on the pages before the one being laid out: with the next page's, they tell
        // running headers and footers from body text that happens to stand high or low on a page.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var document = Open(path, file, options);

        // Pages read but not yet laid out: one, so that the next page's margins are known; when pages go to OCR, as
        // many as there are cores, so that they are recognised side by side.
        var window = options.Recogniser is null ? 1 : Math.Max(1, Environment.ProcessorCount);
        var queue = new Queue<PendingPage>();
        var pagesWithoutText = 0;
        var recognised = 0;
        void LayOutOldest()
        {
            var page = queue.Dequeue().Text();
            var next = queue.Count > 0 ? queue.Peek().Text().Signatures : [];
            LayOut(page, file, s => seen.Contains(s) || next.Contains(s), blocks, diagnostics);
            seen.UnionWith(page.Signatures);
        }

        var pageCount = document.NumberOfPages;
        var unreadable = 0;
        string? firstFault = null;
        for (var n = 1; n <= pageCount; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var where = $"{file}#p{n}";
            var number = n;
            if (FromLibrary(where, diagnostics, ref firstFault, () => Content(document.GetPage(number))) is not { } content)
            {
                unreadable++;
                continue;
            }

            var letters = PageLetters.Of(content.Letters, content.Width, content.Height);
            Report(letters, where, diagnostics);
            var frame = letters.Frame;
            var words = PdfWords.Of(letters);
            if (words.Count > 0)
            {
                var text = WithLines(n, frame, words, PdfLattice.Grids(PdfLattice.Find(content.Shapes, frame), words, frame.Height));
                queue.Enqueue(new PendingPage(() => text));
            }
            else if (letters.AtAngle > 0)
            {
                // Its text is all set at an angle: the warning above says so, and OCR would read it no better.
                pagesWithoutText++;
            }
            else
            {
                // A page without text goes to OCR when it shows an image; an image PdfPig cannot read makes the page unreadable.
                var renderable = PageLetters.Plausible(frame.Box);
                var key = options.Recogniser is not null && renderable ? FromLibrary(where, diagnostics, ref firstFault, () => ContentKey(content.Page) ?? string.Empty) : string.Empty;
                if (key is null)
                {
                    unreadable++;
                    continue;
                }

                if (options.Recogniser is { } recogniser && key.Length > 0)
                {
                    recognised++;
                    var task = recogniser.RecogniseAsync(new PageImage(path, file, n, frame.Width, frame.Height, key), cancellationToken);
                    queue.Enqueue(new PendingPage(() => FromRecognised(number, frame, task.GetAwaiter().GetResult())));
                }
                else
                {
                    pagesWithoutText++;
                    diagnostics.Add(options.Recogniser is null
                        ? new Diagnostic("no-text-layer", Severity.Warning, "page has no text layer (a scan?) and no OCR was asked for, so its content is not read", where)
                        : renderable
                            ? new Diagnostic("blank-page", Severity.Info, "page has neither text nor images", where)
                            : new Diagnostic("page-box", Severity.Warning, $"page has no text layer and its box ({Size(letters.Declared)}) cannot be rendered for OCR, so its content is not read", where));
                }
            }

            // Each round lays out one page: the queue shrinks to the window.
            for (var excess = queue.Count - window; excess > 0; excess--)
            {
                cancellationToken.ThrowIfCancellationRequested();
                LayOutOldest();
            }
        }

        for (var left = queue.Count; left > 0; left--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LayOutOldest();
        }

        if (unreadable > 0 && unreadable == pageCount)
        {
            throw new DocumentException("corrupt", $"none of its {pageCount} pages could be read (page 1: {firstFault})", file);
        }

        if (pagesWithoutText + unreadable == pageCount)
        {
            var rest = unreadable == 0 ? string.Empty : $" (and the other {unreadable} could not be read)";
            throw new DocumentException("no-text-layer", (options.Recogniser is null, unreadable == 0) switch
            {
                (true, true) => $"none of its {pageCount} pages has a text layer (a scan?) and no OCR was asked for",
                (true, false) => $"{pagesWithoutText} of its {pageCount} pages have no text layer (a scan?){rest} and no OCR was asked for",
                (false, true) => $"none of its {pageCount} pages has text or an image to read",
                _ => $"{pagesWithoutText} of its {pageCount} pages have neither text nor an image to read{rest}",
            }, file);
        }

        if (recognised > 0)
        {
            diagnostics.Add(new Diagnostic("ocr", Severity.Info, $"{recognised} of {pageCount} pages have no text layer and were read by OCR", file));
        }

        var layout = new LayoutDocument(file, "pdf", blocks, diagnostics);
        return recognised > 0 && options.Recogniser is { } reader ? reader.RepairText(layout) : layout;
    }

    /// <summary>A page waiting to be laid out: its text at once, or once its OCR is done.</summary>
    private sealed class PendingPage(Func<PageText> read)
    {
        private PageText? text;

        public PageText Text() => text ??= read();
    }

    /// <summary>What a page holds before it is laid out: its frame, words, ruled tables, lines and the lines in its margins.</summary>
    private sealed record PageText(int Number, PageFrame Frame, List<PdfWord> Words, List<Lattice> Lattices, List<PdfLine> Lines, List<PdfLine> Margins, HashSet<string> Signatures);

    /// <summary>A scanned page's recognised words and rules, in the same stream as a text layer's.</summary>
    private static PageText FromRecognised(int n, PageFrame frame, RecognisedPage recognised)
    {
        var words = recognised.Words
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .Select(w => new PdfWord(w.Text, w.Left, w.Right, w.Top, w.Bottom, w.Size, false, w.Confidence))
            .ToList();
        return WithLines(n, frame, RecognisedWords.Clean(words), PdfLattice.FromRules(recognised.Rules));
    }

    private static PageText WithLines(int n, PageFrame frame, List<PdfWord> words, List<Lattice> lattices)
    {
        var lines = PdfLines.Group(words.Where(w => !lattices.Any(l => l.Contains(w))));
        var (top, bottom) = MarginLines(lines, frame.Height);
        var margins = top.Concat(bottom).ToList();
        return new PageText(n, frame, words, lattices, lines, margins, margins.Select(l => Signature(l.Text)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>A key for what a page shows when it has no text: a hash of its images' bytes and its size; null when it has no image (a blank page).</summary>
    private static string? ContentKey(Page page)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var any = false;
        foreach (var image in page.GetImages())
        {
            hash.AppendData(image.RawBytes);
            any = true;
        }

        if (!any)
        {
            return null;
        }

        hash.AppendData(System.Text.Encoding.ASCII.GetBytes(FormattableString.Invariant($"{page.Width}x{page.Height}")));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A page's blocks in reading order: running margin lines dropped, ruled tables in their place among the text.</summary>
    private static void LayOut(PageText page, string file, Func<string, bool> repeated, List<Block> blocks, List<Diagnostic> diagnostics)
    {
        // A margin line found on another page near it (digits ignored) is a running header or footer; a lone page number is too.
        var running = page.Margins.Where(l => repeated(Signature(l.Text)) || PageNumber().IsMatch(l.Text.Trim())).ToHashSet();
        var bodyLines = PdfColumns.InReadingOrder(page.Lines.Where(l => !running.Contains(l)).ToList(), page.Frame.Width);
        var pieces = bodyLines.Select(l => (Top: l.Top, Line: (PdfLine?)l, Lattice: (Lattice?)null)).ToList();
        foreach (var table in page.Lattices)
        {
            var at = pieces.FindIndex(p => p.Top > table.Top);
            pieces.Insert(at < 0 ? pieces.Count : at, (table.Top, null, table));
        }

        var first = blocks.Count;
        var run = new List<PdfLine>();
        foreach (var piece in pieces)
        {
            if (piece.Line is { } line)
            {
                run.Add(line);
                continue;
            }

            PdfPageLayout.Blocks(run, file, page.Number, page.Frame.Height, blocks);
            run = [];
            var lattice = piece.Lattice!;
            var inside = page.Words.Where(lattice.Contains).ToList();
            if (inside.Count > 0)
            {
                blocks.Add(PdfLattice.Build(lattice, inside, file, page.Number, page.Frame.Height));
            }
        }

        PdfPageLayout.Blocks(run, file, page.Number, page.Frame.Height, blocks);
        if (blocks.Count > first && page.Number > 1)
        {
            // A page break is a small gap: a table continued with its header repeated stays mergeable.
            blocks[first] = blocks[first] with { GapBefore = 1 };
        }

        if (page.Frame.Turned)
        {
            diagnostics.Add(new Diagnostic("page-turned", Severity.Info, $"text runs {page.Frame.Description}; the page is read turned, and boxes are given in that orientation", $"{file}#p{page.Number}"));
        }
    }

    /// <summary>Lines that may be running headers and footers: in the top or bottom band of the page, set off from the body by a gap wider than the line pitch.</summary>
    /// <remarks>Body text that starts high on the page stays body text: it follows the line above at the line pitch.</remarks>
    private static (List<PdfLine> Top, List<PdfLine> Bottom) MarginLines(List<PdfLine> lines, double height)
    {
        bool Apart(PdfLine upper, PdfLine lower) => lower.Bottom - upper.Bottom > Math.Max(upper.Size, lower.Size) * 1.5;
        var topCount = 0;
        for (var i = 0; i < lines.Count && lines[i].Bottom < height * MarginBand; i++)
        {
            if (i + 1 == lines.Count || Apart(lines[i], lines[i + 1]))
            {
                topCount = i + 1;
            }
        }

        var bottomCount = 0;
        for (var i = lines.Count - 1; i >= topCount && lines[i].Top > height * (1 - MarginBand); i--)
        {
            if (i == 0 || Apart(lines[i - 1], lines[i]))
            {
                bottomCount = lines.Count - i;
            }
        }

        return (lines.Take(topCount).ToList(), lines.Skip(lines.Count - bottomCount).ToList());
    }

    /// <summary>What the reader takes from PdfPig for a page: its size, letters and shapes, read while the page is at hand.</summary>
    private sealed record PageContent(Page Page, double Width, double Height, IReadOnlyList<Letter> Letters, IReadOnlyList<Shape> Shapes);

    private static PageContent Content(Page page) => new(page, page.Width, page.Height, page.Letters, PdfLattice.Shapes(page));

    /// <summary>Runs a read from PdfPig for one page; a fault in it (a font without widths, a broken stream, a /Rotate of 45) is that page's warning, and null.</summary>
    /// <remarks>PdfPig throws many kinds of exception on damaged content, and a page it cannot read must not take the rest of the document with it; cancellation is no fault.</remarks>
    private static T? FromLibrary<T>(string where, List<Diagnostic> diagnostics, ref string? firstFault, Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // The kind of fault with the library's message: PdfPig's messages do not always name it.
            var fault = $"{e.GetType().Name}: {e.Message}";
            firstFault ??= fault;
            diagnostics.Add(new Diagnostic("page-unreadable", Severity.Warning, $"page could not be read and is left out: {fault}", where));
            return null;
        }
    }

    /// <summary>One warning per kind of letter left out, and one for a page box that is not a page's.</summary>
    private static void Report(PageLetters letters, string where, List<Diagnostic> diagnostics)
    {
        if (letters.BoxFromText)
        {
            diagnostics.Add(new Diagnostic("page-box", Severity.Warning, $"the page's box ({Size(letters.Declared)}) cannot be the page its text is set on; the page is read within its text's extent", where));
        }

        if (letters.OffPage > 0)
        {
            diagnostics.Add(new Diagnostic("text-off-page", Severity.Warning, $"{letters.OffPage} letters lie far outside the page and are not read", where));
        }

        if (letters.AtAngle > 0)
        {
            diagnostics.Add(new Diagnostic("text-at-angle", Severity.Warning, $"{letters.AtAngle} letters are set at an angle other than a right angle and are not read", where));
        }
    }

    private static string Size(PageBox box) => FormattableString.Invariant($"{box.Width:0.##} x {box.Height:0.##} pt");

    public static int PageCount(string path)
    {
        using var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true });
        return document.NumberOfPages;
    }

    /// <summary>Only PdfPig's word extraction of every page: the baseline the reader is measured against.</summary>
    public static int WordsOnly(string path)
    {
        using var document = PdfDocument.Open(path);
        var words = 0;
        for (var n = 1; n <= document.NumberOfPages; n++)
        {
            words += document.GetPage(n).GetWords().Count();
        }

        return words;
    }

    private static PdfDocument Open(string path, string file, PdfReaderOptions options)
    {
        try
        {
            var parsing = new ParsingOptions { UseLenientParsing = true };
            if (options.Password is { } password)
            {
                parsing.Password = password;
            }

            return PdfDocument.Open(path, parsing);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentException("encrypted", options.Password is null ? "the PDF is encrypted; give its password with --password" : "the PDF is encrypted and the password given does not open it", file);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or UnauthorizedAccessException) && (e is not IOException || e is EndOfStreamException))
        {
            // Whatever PdfPig throws on the file's content (an end of stream included) is a damaged file; a file that
            // cannot be opened or read from disk is the batch's 'unreadable'.
            throw new DocumentException("corrupt", $"not a readable PDF ({e.Message})", file);
        }
    }

    private static string Signature(string text) => Digits().Replace(text, "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:(?:pagina|blz\.?|page)\s*)?\d{1,4}(?:\s*(?:/|van|of)\s*\d{1,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
