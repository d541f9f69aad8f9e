using System.Text.RegularExpressions;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Begroting.Readers.Pdf;

/// <summary>Options of the PDF reader.</summary>
public sealed record PdfReaderOptions
{
    /// <summary>Password of an encrypted PDF.</summary>
    public string? Password { get; init; }
}

/// <summary>Reads born-digital PDF into the layout model with PdfPig, one page at a time.</summary>
/// <remarks>
/// Words come from PdfPig; lines, paragraphs, headings, lists and tables are built here from positions. Running
/// headers and footers are found because they repeat in the page margins across pages (a first pass reads only the
/// margins), not by fixed coordinates. Pages are processed one by one and released: memory holds the current page and
/// the blocks made so far, not the pages.
/// </remarks>
public static partial class PdfReader
{
    private const double MarginBand = 0.08;

    public static LayoutDocument Read(string path, string file, PdfReaderOptions? options = null)
    {
        var diagnostics = new List<Diagnostic>();
        var pages = new List<PageBlocks>();
        var signatures = new Dictionary<string, int>(StringComparer.Ordinal);
        using var document = Open(path, file, options ?? new PdfReaderOptions());
        var pagesWithoutText = 0;
        for (var n = 1; n <= document.NumberOfPages; n++)
        {
            // One page at a time: its words are laid out and dropped; only the margin lines wait for the end.
            var page = document.GetPage(n);
            var frame = PageFrame.Of(page);
            var words = PdfLines.Words(page, frame);
            var lattices = PdfLattice.Find(page, frame);
            var lines = PdfLines.Group(words.Where(w => !lattices.Any(l => l.Contains(w))));
            if (words.Count == 0)
            {
                pagesWithoutText++;
                diagnostics.Add(new Diagnostic("no-text-layer", Severity.Warning, "page has no text layer (a scan?); OCR is not available yet, so its content is not read", $"{file}#p{n}"));
                continue;
            }

            var (top, bottom) = MarginLines(lines, frame.Height);
            var body = new List<Block>();
            var bodyLines = PdfColumns.InReadingOrder(lines.Where(l => !top.Contains(l) && !bottom.Contains(l)).ToList(), frame.Width);

            // Ruled tables go in their place among the text, ordered by their top.
            var pieces = bodyLines.Select(l => (Top: l.Top, Line: (PdfLine?)l, Lattice: (Lattice?)null)).ToList();
            foreach (var table in lattices)
            {
                var at = pieces.FindIndex(p => p.Top > table.Top);
                pieces.Insert(at < 0 ? pieces.Count : at, (table.Top, null, table));
            }

            var run = new List<PdfLine>();
            foreach (var piece in pieces)
            {
                if (piece.Line is { } line)
                {
                    run.Add(line);
                    continue;
                }

                PdfPageLayout.Blocks(run, file, n, frame.Height, body);
                run = [];
                var lattice = piece.Lattice!;
                var inside = words.Where(lattice.Contains).ToList();
                if (inside.Count > 0)
                {
                    body.Add(PdfLattice.Build(lattice, inside, file, n, frame.Height));
                }
            }

            PdfPageLayout.Blocks(run, file, n, frame.Height, body);
            foreach (var signature in top.Concat(bottom).Select(l => Signature(l.Text)).Distinct())
            {
                signatures[signature] = (signatures.TryGetValue(signature, out var count) ? count : 0) + 1;
            }

            if (frame.Turned)
            {
                diagnostics.Add(new Diagnostic("page-turned", Severity.Info, $"text runs {frame.Orientation}; the page is read turned, and boxes are given in that orientation", $"{file}#p{n}"));
            }

            pages.Add(new PageBlocks(n, frame.Height, top, body, bottom));
        }

        if (pagesWithoutText == document.NumberOfPages)
        {
            throw new DocumentException("no-text-layer", $"none of its {document.NumberOfPages} pages has a text layer (a scan?); OCR is not available yet", file);
        }

        // Margin lines repeated on several pages (digits ignored) are running headers and footers; a lone page number is too.
        bool Running(PdfLine line) => signatures.GetValueOrDefault(Signature(line.Text)) >= 2 || PageNumber().IsMatch(line.Text.Trim());
        var blocks = new List<Block>();
        foreach (var page in pages)
        {
            var first = blocks.Count;
            PdfPageLayout.Blocks(page.Top.Where(l => !Running(l)).ToList(), file, page.Number, page.Height, blocks);
            blocks.AddRange(page.Body);
            PdfPageLayout.Blocks(page.Bottom.Where(l => !Running(l)).ToList(), file, page.Number, page.Height, blocks);
            if (blocks.Count > first && page.Number > 1)
            {
                // A page break is a small gap: a table continued with its header repeated stays mergeable.
                blocks[first] = blocks[first] with { GapBefore = 1 };
            }
        }

        return new LayoutDocument(file, "pdf", blocks, diagnostics);
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

    private sealed record PageBlocks(int Number, double Height, List<PdfLine> Top, List<Block> Body, List<PdfLine> Bottom);

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
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or KeyNotFoundException or FormatException)
        {
            throw new DocumentException("corrupt", $"not a readable PDF ({e.Message})", file);
        }
    }

    private static string Signature(string text) => Digits().Replace(text, "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:(?:pagina|blz\.?|page)\s*)?\d{1,4}(?:\s*(?:/|van|of)\s*\d{1,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
