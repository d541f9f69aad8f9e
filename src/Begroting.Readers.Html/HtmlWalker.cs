using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;

namespace Begroting.Readers.Html;

/// <summary>Walks a page's DOM in document order, emitting layout blocks; per-page state of one read.</summary>
/// <remarks>
/// The walk recurses, so it is bounded: an element nested deeper than <see cref="MaxDepth"/> (a thousand tables one
/// inside the other) is read as the plain lines of its text, with a warning, instead of overflowing the stack.
/// </remarks>
internal sealed class HtmlWalker(string file, CancellationToken cancellationToken)
{
    /// <summary>Far deeper than any page's layout nests (the old table-layout pages reach about 15); shallow enough for any thread's stack.</summary>
    internal const int MaxDepth = 100;

    /// <summary>The most columns and rows a cell spans, as HTML limits them (colspan 1000, rowspan 65534).</summary>
    private const int MaxColumnSpan = 1000;
    private const int MaxRowSpan = 65534;

    private static readonly HashSet<string> Skipped = ["script", "style", "noscript", "template", "head", "iframe", "svg", "nav", "header", "footer", "aside", "form", "button", "select"];
    private static readonly HashSet<string> BlockTags =
    [
        "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "tbody",
        "thead", "tfoot", "tr", "td", "th", "body", "html", "caption",
    ];

    private int tables;
    private bool flattened;

    public List<Block> Blocks { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Emit(Block block) => Blocks.Add(block);

    public void Walk(IElement element) => Walk(element, 0);

    private void Walk(IElement element, int depth)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tag = element.LocalName;
        if (Skipped.Contains(tag) || IsChrome(element))
        {
            return;
        }

        if (depth > MaxDepth)
        {
            Flatten(element, tag);
            return;
        }

        switch (tag)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                var heading = HtmlPageReader.Clean(element.TextContent);
                if (heading.Length > 0)
                {
                    Emit(new Heading(tag[1] - '0', heading, Ref(element, tag)));
                }

                return;
            case "ul" or "ol":
                WalkList(element, 0, depth);
                return;
            case "table" when element is IHtmlTableElement table:
                if (IsLayoutTable(table))
                {
                    foreach (var cell in table.Rows.SelectMany(r => r.Cells).Where(c => !IsMenuCell(c)))
                    {
                        WalkChildren(cell, depth + 1);
                    }
                }
                else
                {
                    Emit(ReadTable(table));
                }

                return;
            case "figure" when element.Children.FirstOrDefault(c => c.LocalName == "figcaption") is { } figcaption:
                var first = Blocks.Count;
                WalkChildren(element, depth);
                CaptionFigure(first, figcaption);
                return;
            case "p" or "pre" or "blockquote" when !HasBlockDescendant(element):
                EmitParagraph(LinesOf(element), element, tag);
                return;
            default:
                WalkChildren(element, depth);
                return;
        }
    }

    /// <summary>A figure of one table: its figcaption is the table's caption (unless the table has one), not a paragraph beside it.</summary>
    private void CaptionFigure(int first, IElement figcaption)
    {
        var tables = Enumerable.Range(first, Blocks.Count - first).Where(i => Blocks[i] is Table).ToList();
        if (tables.Count != 1 || Blocks[tables[0]] is not Table { Caption: null } table || LinesOf(figcaption) is not { Count: > 0 } lines)
        {
            return;
        }

        Blocks[tables[0]] = table with { Caption = new TableCaption(lines, Ref(figcaption, "figcaption")) };
        for (var i = Blocks.Count - 1; i >= first; i--)
        {
            if (Blocks[i] is not Table && Blocks[i].Source.Path == "figcaption")
            {
                Blocks.RemoveAt(i);
            }
        }
    }

    /// <summary>Content below the depth bound: its text as lines (blocks and line breaks still break lines), one paragraph.</summary>
    private void Flatten(IElement element, string tag)
    {
        if (!flattened)
        {
            flattened = true;
            Diagnostics.Add(new Diagnostic("html-depth", Severity.Warning, $"elements nested deeper than {MaxDepth} levels are read as plain lines, not as tables or lists", Ref(element, tag).ToString()));
        }

        EmitParagraph(Split(FlatText(element)), element, "p");
    }

    /// <summary>Every text in document order, a line break at each block element and &lt;br&gt;: AngleSharp lists the descendants without recursing.</summary>
    private static string FlatText(IElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.GetDescendants())
        {
            switch (node)
            {
                case IText text when text.ParentElement is not { } parent || !Skipped.Contains(parent.LocalName):
                    sb.Append(text.Data);
                    break;
                case IElement e when BlockTags.Contains(e.LocalName) || e.LocalName == "br":
                    sb.Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Children in order: block elements are walked, runs of inline content between them become a paragraph.</summary>
    private void WalkChildren(IElement element, int depth)
    {
        var inline = new StringBuilder();
        IElement? inlineStart = null;
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child && (BlockTags.Contains(child.LocalName) || HasBlockDescendant(child)))
            {
                FlushInline(inline, inlineStart ?? element);
                inlineStart = null;
                Walk(child, depth + 1);
            }
            else if (node is IElement { LocalName: var t } skipped && (Skipped.Contains(t) || IsChrome(skipped)))
            {
                continue;
            }
            else
            {
                inlineStart ??= node as IElement ?? element;
                AppendInline(node, inline, 0);
            }
        }

        FlushInline(inline, inlineStart ?? element);
    }

    private void FlushInline(StringBuilder inline, IElement at)
    {
        var lines = Split(inline.ToString());
        inline.Clear();
        if (lines.Count > 0)
        {
            EmitParagraph(lines, at, at.LocalName);
        }
    }

    private void EmitParagraph(List<string> lines, IElement element, string tag)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var source = Ref(element, tag);
        if (lines.Count == 1 && lines[0].Length <= 100 && tag is not "p" && !lines[0].EndsWith('.') && !lines[0].EndsWith(':') && char.IsUpper(lines[0][0]))
        {
            Emit(new Heading(4, lines[0], source));
        }
        else
        {
            Emit(new Paragraph(lines, source));
        }
    }

    private void WalkList(IElement list, int depth, int domDepth)
    {
        var ordered = list.LocalName == "ol";
        var n = 0;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            n++;
            var text = new StringBuilder();
            foreach (var node in item.ChildNodes.Where(c => c is not IElement { LocalName: "ul" or "ol" }))
            {
                AppendInline(node, text, 0);
            }

            var line = HtmlPageReader.Clean(text.ToString());
            if (line.Length > 0)
            {
                Emit(new ListItem(line, depth, ordered ? $"{n}." : "-", Ref(item, "li")));
            }

            foreach (var nested in item.Children.Where(c => c.LocalName is "ul" or "ol"))
            {
                if (domDepth + 2 > MaxDepth)
                {
                    Flatten(nested, nested.LocalName);
                    continue;
                }

                WalkList(nested, depth + 1, domDepth + 2);
            }
        }
    }

    /// <summary>The grid of a data table with row and column spans expanded; a spanned slot is an empty cell.</summary>
    private Table ReadTable(IHtmlTableElement table)
    {
        var n = ++tables;
        var rows = table.Rows.ToList();
        var grid = new List<List<Cell?>>();
        for (var r = 0; r < rows.Count; r++)
        {
            Grow(grid, r + 1, () => []);
            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                c = FirstFree(grid[r], c);

                var rowSpan = Math.Clamp(cell.RowSpan, 1, MaxRowSpan);
                var colSpan = Math.Clamp(cell.ColumnSpan, 1, MaxColumnSpan);
                var isHeader = cell.LocalName == "th";
                var source = new SourceRef(file, Line(cell), Path: $"table[{n}]/tr[{r + 1}]/{cell.LocalName}[{c + 1}]");
                for (var dr = 0; dr < rowSpan && r + dr < rows.Count; dr++)
                {
                    Grow(grid, r + dr + 1, () => []);
                    var row = grid[r + dr];
                    Grow(row, c + colSpan, () => null);
                    for (var dc = 0; dc < colSpan; dc++)
                    {
                        row[c + dc] = dr == 0 && dc == 0 ? new Cell(LinesOf(cell), source, isHeader) : new Cell([], source, isHeader);
                    }
                }

                c += colSpan;
            }
        }

        var tableRows = grid.Select((cells, r) =>
        {
            var filled = cells.Select((cell, c) => cell ?? new Cell([], new SourceRef(file, Path: $"table[{n}]/tr[{r + 1}]/td[{c + 1}]"))).ToList();
            var header = r < rows.Count && rows[r].Cells.Length > 0 && rows[r].Cells.All(x => x.LocalName == "th") && rows[r].ParentElement?.LocalName != "tbody"
                || (r < rows.Count && rows[r].ParentElement?.LocalName == "thead");
            return new TableRow(filled, new SourceRef(file, r < rows.Count ? Line(rows[r]) : null, Path: $"table[{n}]/tr[{r + 1}]"), header);
        }).ToList();
        var caption = table.Caption is { } captionElement && LinesOf(captionElement) is { Count: > 0 } captionLines
            ? new TableCaption(captionLines, new SourceRef(file, Line(captionElement), Path: $"table[{n}]/caption"))
            : null;
        return new Table(tableRows, TableForm.Grid, new SourceRef(file, Line(table), Path: $"table[{n}]")) { Caption = caption };
    }

    /// <summary>The first slot from <paramref name="from"/> on that no span from a row above has taken.</summary>
    private static int FirstFree(List<Cell?> row, int from)
    {
        for (var c = from; c < row.Count; c++)
        {
            if (row[c] is null)
            {
                return c;
            }
        }

        return row.Count;
    }

    private static void Grow<T>(List<T> list, int count, Func<T> make)
    {
        for (var i = list.Count; i < count; i++)
        {
            list.Add(make());
        }
    }

    /// <summary>Tables that hold headings, lists or other tables are page layout (older sites), not data.</summary>
    private static bool IsLayoutTable(IHtmlTableElement table) =>
        table.Descendants<IElement>().Any(d => d.LocalName is "table" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol");

    /// <summary>A layout cell of links only is the site menu.</summary>
    private static bool IsMenuCell(IElement cell)
    {
        var all = HtmlPageReader.Clean(cell.TextContent).Length;
        var links = cell.QuerySelectorAll("a").Sum(a => HtmlPageReader.Clean(a.TextContent).Length);
        return cell.QuerySelectorAll("a").Length >= 2 && links * 10 >= all * 9;
    }

    private static bool IsChrome(IElement element)
    {
        var role = element.GetAttribute("role");
        // Only the element itself: the walk never enters a container it has dropped, so ancestors were checked on the way down.
        return role is "navigation" or "banner" or "contentinfo" or "search" || HtmlPageReader.IsBreadcrumbItself(element)
            || (element.LocalName == "a" && HtmlPageReader.Clean(element.TextContent).Equals("Ga naar boven", StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasBlockDescendant(IElement element) => element.Descendants<IElement>().Any(d => BlockTags.Contains(d.LocalName));

    private static List<string> LinesOf(IElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            AppendInline(node, sb, 0);
        }

        return Split(sb.ToString());
    }

    /// <summary>Inline text with &lt;br&gt; (and block boundaries inside cells) as line breaks; &lt;sup&gt; markers glued to the word before.</summary>
    /// <remarks>Below the depth bound an element gives its text flat (<see cref="FlatText"/>).</remarks>
    private static void AppendInline(INode node, StringBuilder sb, int depth)
    {
        if (depth > MaxDepth && node is IElement deep)
        {
            sb.Append('\n').Append(FlatText(deep)).Append('\n');
            return;
        }

        switch (node)
        {
            case IText text:
                sb.Append(text.Data);
                break;
            case IElement { LocalName: "br" }:
                sb.Append('\n');
                break;
            case IElement e when Skipped.Contains(e.LocalName) && e.LocalName is not ("nav" or "header" or "footer"):
                break;
            case IElement { LocalName: "sup" } sup:
                sb.Length = sb.ToString().TrimEnd(' ').Length;
                sb.Append(HtmlPageReader.Clean(sup.TextContent));
                break;
            case IElement e:
                var block = BlockTags.Contains(e.LocalName);
                if (block)
                {
                    sb.Append('\n');
                }

                foreach (var child in e.ChildNodes)
                {
                    AppendInline(child, sb, depth + 1);
                }

                if (block)
                {
                    sb.Append('\n');
                }

                break;
        }
    }

    private static List<string> Split(string text) =>
        text.Split('\n').Select(HtmlPageReader.Clean).Where(l => l.Length > 0).ToList();

    private static int? Line(IElement element) => element.SourceReference?.Position.Line;

    private SourceRef Ref(IElement element, string tag) => new(file, Line(element), Path: tag);
}
