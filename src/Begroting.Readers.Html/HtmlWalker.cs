using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Begroting.Model.Layout;

namespace Begroting.Readers.Html;

/// <summary>Walks a page's DOM in document order, emitting layout blocks; per-page state of one read.</summary>
internal sealed class HtmlWalker(string file, CancellationToken cancellationToken)
{
    private static readonly HashSet<string> Skipped = ["script", "style", "noscript", "template", "head", "iframe", "svg", "nav", "header", "footer", "aside", "form", "button", "select"];
    private static readonly HashSet<string> BlockTags =
    [
        "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "tbody",
        "thead", "tfoot", "tr", "td", "th", "body", "html", "caption",
    ];

    private int tables;

    public List<Block> Blocks { get; } = [];

    public void Emit(Block block) => Blocks.Add(block);

    public void Walk(IElement element)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tag = element.LocalName;
        if (Skipped.Contains(tag) || IsChrome(element))
        {
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
                WalkList(element, 0);
                return;
            case "table" when element is IHtmlTableElement table:
                if (IsLayoutTable(table))
                {
                    foreach (var cell in table.Rows.SelectMany(r => r.Cells).Where(c => !IsMenuCell(c)))
                    {
                        WalkChildren(cell);
                    }
                }
                else
                {
                    Emit(ReadTable(table));
                }

                return;
            case "p" or "pre" or "blockquote" when !HasBlockDescendant(element):
                EmitParagraph(LinesOf(element), element, tag);
                return;
            default:
                WalkChildren(element);
                return;
        }
    }

    /// <summary>Children in order: block elements are walked, runs of inline content between them become a paragraph.</summary>
    private void WalkChildren(IElement element)
    {
        var inline = new StringBuilder();
        IElement? inlineStart = null;
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child && (BlockTags.Contains(child.LocalName) || HasBlockDescendant(child)))
            {
                FlushInline(inline, inlineStart ?? element);
                inlineStart = null;
                Walk(child);
            }
            else if (node is IElement { LocalName: var t } skipped && (Skipped.Contains(t) || IsChrome(skipped)))
            {
                continue;
            }
            else
            {
                inlineStart ??= node as IElement ?? element;
                AppendInline(node, inline);
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

    private void WalkList(IElement list, int depth)
    {
        var ordered = list.LocalName == "ol";
        var n = 0;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            n++;
            var text = new StringBuilder();
            foreach (var node in item.ChildNodes.Where(c => c is not IElement { LocalName: "ul" or "ol" }))
            {
                AppendInline(node, text);
            }

            var line = HtmlPageReader.Clean(text.ToString());
            if (line.Length > 0)
            {
                Emit(new ListItem(line, depth, ordered ? $"{n}." : "-", Ref(item, "li")));
            }

            foreach (var nested in item.Children.Where(c => c.LocalName is "ul" or "ol"))
            {
                WalkList(nested, depth + 1);
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
            while (grid.Count <= r)
            {
                grid.Add([]);
            }

            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (c < grid[r].Count && grid[r][c] is not null)
                {
                    c++;
                }

                var rowSpan = Math.Max(1, cell.RowSpan);
                var colSpan = Math.Max(1, cell.ColumnSpan);
                var isHeader = cell.LocalName == "th";
                var source = new SourceRef(file, Line(cell), Path: $"table[{n}]/tr[{r + 1}]/{cell.LocalName}[{c + 1}]");
                for (var dr = 0; dr < rowSpan && r + dr < rows.Count; dr++)
                {
                    while (grid.Count <= r + dr)
                    {
                        grid.Add([]);
                    }

                    for (var dc = 0; dc < colSpan; dc++)
                    {
                        var row = grid[r + dr];
                        while (row.Count <= c + dc)
                        {
                            row.Add(null);
                        }

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
        return new Table(tableRows, TableForm.Grid, new SourceRef(file, Line(table), Path: $"table[{n}]"));
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
            AppendInline(node, sb);
        }

        return Split(sb.ToString());
    }

    /// <summary>Inline text with &lt;br&gt; (and block boundaries inside cells) as line breaks; &lt;sup&gt; markers glued to the word before.</summary>
    private static void AppendInline(INode node, StringBuilder sb)
    {
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
                while (sb.Length > 0 && sb[^1] == ' ')
                {
                    sb.Length--;
                }

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
                    AppendInline(child, sb);
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
