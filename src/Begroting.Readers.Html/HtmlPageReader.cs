using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using Begroting.Model.Text;

namespace Begroting.Readers.Html;

/// <summary>One page of a begroting website: its content blocks and the context the site chrome gives (title, breadcrumb, menu order).</summary>
public sealed record HtmlPage(string File, string? Title, IReadOnlyList<string> Breadcrumb, IReadOnlyList<string> MenuLinks, IReadOnlyList<Block> Blocks, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Reads HTML pages with AngleSharp's HTML5 parser into the layout model: spans expanded into the grid, line breaks kept in cells, chrome dropped.</summary>
public static partial class HtmlPageReader
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    // A parser builds a browsing context when made; one per thread is enough (it keeps no state between documents).
    [ThreadStatic]
    private static HtmlParser? parser;

    private static HtmlParser Parser => parser ??= new HtmlParser(Options);

    /// <summary>Only the parse, for measuring what the reader adds to it.</summary>
    public static int ParseOnly(byte[] bytes)
    {
        var text = HtmlDecoding.Decode(bytes, "bench", []);
        return Parser.ParseDocument(text).All.Length;
    }

    /// <param name="bytes">The page's bytes, decoded by its BOM or meta charset.</param>
    /// <param name="file">The name the layout and its provenance give the page.</param>
    /// <param name="cancellationToken">Checked at every element walked: a document past its time budget stops here.</param>
    public static HtmlPage Read(byte[] bytes, string file, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<Diagnostic>();
        var text = HtmlDecoding.Decode(bytes, file, diagnostics);
        if (!AnyMarkup().IsMatch(text))
        {
            throw new DocumentException("not-html", "not an HTML page: no HTML elements found", $"{file}:1");
        }

        CheckTruncation(text, file, diagnostics);
        var document = Parser.ParseDocument(text);
        var title = Clean(document.Title ?? string.Empty);
        var crumbs = ReadBreadcrumb(document);
        var menu = document.QuerySelectorAll("nav a[href], [role=navigation] a[href]")
            .Where(a => !IsBreadcrumb(a))
            .Select(a => a.GetAttribute("href")!)
            .ToList();
        var walker = new HtmlWalker(file, cancellationToken);
        if (title.Length > 0)
        {
            walker.Emit(new Paragraph(TitleParts().Split(title).Select(p => p.Trim()).Where(p => p.Length > 0).ToList(), new SourceRef(file, Path: "title")));
        }

        if (crumbs.Count > 0)
        {
            walker.Emit(new Paragraph([string.Join(" / ", crumbs)], new SourceRef(file, Path: "nav.breadcrumb")));
        }

        if (document.Body is { } body)
        {
            walker.Walk(body);
        }

        diagnostics.AddRange(walker.Diagnostics);

        if (walker.Blocks.Count <= (title.Length > 0 ? 1 : 0) + (crumbs.Count > 0 ? 1 : 0))
        {
            throw new DocumentException("no-content", "the page has no content outside its navigation", $"{file}:1");
        }

        return new HtmlPage(file, title.Length > 0 ? title : null, crumbs, menu, walker.Blocks, diagnostics);
    }

    /// <summary>A file that ends inside an open table was cut off; a missing &lt;/html&gt; alone is only noted.</summary>
    private static void CheckTruncation(string text, string file, List<Diagnostic> diagnostics)
    {
        if (ClosingHtml().IsMatch(text))
        {
            return;
        }

        var lines = text.Count(c => c == '\n') + 1;
        var open = OpenTable().Count(text);
        var closed = CloseTable().Count(text);
        if (open > closed)
        {
            throw new DocumentException("truncated", $"the page ends inside a table ({open} <table> opened, {closed} closed) and has no </html>", $"{file}:{lines}");
        }

        diagnostics.Add(new Diagnostic("no-closing-html", Severity.Warning, "the page has no </html>; its tables are complete", $"{file}:{lines}"));
    }

    private static List<string> ReadBreadcrumb(IDocument document)
    {
        var nav = document.QuerySelectorAll("nav, ol, ul, div, p").FirstOrDefault(IsBreadcrumb);
        if (nav is null)
        {
            return [];
        }

        var items = nav.QuerySelectorAll("li");
        var parts = items.Length > 0
            ? items.Select(li => Clean(li.TextContent)).ToList()
            : Clean(nav.TextContent).Split(['/', '>', '»'], StringSplitOptions.TrimEntries).ToList();
        return parts.Where(p => p.Length > 0 && p != "/" && p != ">").ToList();
    }

    /// <summary>The element or one of its ancestors is marked as breadcrumb (aria-label, class or id).</summary>
    /// <summary>The element or one of its ancestors is marked as breadcrumb (aria-label, class or id).</summary>
    internal static bool IsBreadcrumb(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (IsBreadcrumbItself(e))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsBreadcrumbItself(IElement e) =>
        Marks(e.GetAttribute("aria-label"), "kruimel", "breadcrumb") || Marks(e.ClassName, "kruimel", "breadcrumb") || Marks(e.Id, "kruimel", "breadcrumb");

    private static bool Marks(string? value, string a, string b) =>
        value is not null && (value.Contains(a, StringComparison.OrdinalIgnoreCase) || value.Contains(b, StringComparison.OrdinalIgnoreCase));

    internal static string Clean(string text) => Whitespace.Collapse(text);

    [GeneratedRegex(@"<\s*(?:html|head|body|p|div|table|h[1-6]|ul|ol|section|main|span|a|br)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyMarkup();

    [GeneratedRegex(@"</\s*html\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingHtml();

    [GeneratedRegex(@"<\s*table\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpenTable();

    [GeneratedRegex(@"</\s*table\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex CloseTable();

    [GeneratedRegex(@"\s+[-|–]\s+")]
    private static partial Regex TitleParts();

}
