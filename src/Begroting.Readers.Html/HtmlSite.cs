using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;

namespace Begroting.Readers.Html;

/// <summary>The pages of one document of a begroting website, put in the site's own order and read as one layout document.</summary>
public static class HtmlSite
{
    /// <summary>The document a page belongs to, from its breadcrumb: the crumb naming the publication and the programme crumb.</summary>
    public static string? DocumentKey(HtmlPage page)
    {
        var crumbs = page.Breadcrumb.Where(c => !c.Equals("Home", StringComparison.OrdinalIgnoreCase)).ToList();
        return crumbs.Count >= 2 ? string.Join(" / ", crumbs.Take(3)).ToLowerInvariant() : null;
    }

    /// <summary>Pages in the order of the site menu where the pages link to each other, else by file name.</summary>
    public static IReadOnlyList<HtmlPage> Order(IReadOnlyList<HtmlPage> pages)
    {
        var menu = pages.SelectMany(p => p.MenuLinks).Select(h => Path.GetFileName(h.Split('#', '?')[0])).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        int Rank(HtmlPage p)
        {
            var i = menu.IndexOf(Path.GetFileName(p.File));
            return i < 0 ? int.MaxValue : i;
        }

        return pages.OrderBy(Rank).ThenBy(p => p.File, StringComparer.Ordinal).ToList();
    }

    public static LayoutDocument Combine(string name, IReadOnlyList<HtmlPage> pages)
    {
        var blocks = new List<Block>();
        var diagnostics = new List<Diagnostic>();
        var first = true;
        foreach (var page in Order(pages))
        {
            var startOfPage = !first;
            foreach (var block in page.Blocks)
            {
                // Later pages repeat the title and breadcrumb; keep them once. A page break is a wide gap.
                if (!first && block.Source.Path is "title" or "nav.breadcrumb")
                {
                    continue;
                }

                blocks.Add(startOfPage ? block with { GapBefore = 3 } : block);
                startOfPage = false;
            }

            diagnostics.AddRange(page.Diagnostics);
            first = false;
        }

        return new LayoutDocument(name, "html", blocks, diagnostics);
    }
}
