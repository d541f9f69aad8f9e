using System.Text;
using System.Text.RegularExpressions;

namespace Begroting.Fuzz.Tests.Mutators;

/// <summary>Mutations that know HTML: tables made empty, caption-only, nested, closed where none is open; spans, header cells, row groups, captions, figures, charsets.</summary>
/// <remarks>
/// Edits are made on the markup as text (Latin-1, one char per byte), not on a parsed tree, so that they can produce what
/// no serialiser would: a stray end tag, a span of -1, a thousand open tables.
/// </remarks>
public static partial class HtmlMutators
{
    public static readonly string[] Ops =
    [
        "empty-table", "caption-table", "nest-tables", "nest-divs", "stray-close", "span", "lose-spans", "swap-cells", "row-groups", "caption", "figure",
        "charset", "drop-closers", "entity",
    ];

    /// <summary>Depths of nesting: a few, some, and past any recursion a thread's stack allows.</summary>
    public static readonly int[] Depths = [2, 10, 100, 1000, 1200, 3000];

    /// <summary>Span values: none, zero, negative, ordinary, past the HTML limits (1000 columns, 65534 rows), overflowing, not numbers.</summary>
    public static readonly string[] SpanValues = ["0", "-1", "-5", "1", "2", "3", "1000", "1001", "65534", "65535", "2147483647", "99999999999", "x", "", "2.5", " 4 "];

    /// <summary>Charset labels: the WHATWG standard's own, ones it does not know (utf-7, utf-32), ones it maps elsewhere (utf-16 in an ASCII page), nonsense.</summary>
    public static readonly string[] Charsets =
    [
        "utf-7", "utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32be", "bogus", "windows-1252", "iso-8859-1", "latin1", "us-ascii", "x-user-defined",
        "replacement", "iso-2022-kr", "unicode-1-1-utf-7", "ucs-2", "cp037", "ibm1047", "koi8-r", "shift_jis", "gb18030", "big5", "iso-8859-16", "utf8", "UTF-8", "",
    ];

    private static readonly string[] Entities = ["&nbsp;", "&shy;", "&#0;", "&#xD800;", "&#x10FFFF;", "&#65535;", "&amp;", "&bogus;", "&#x2028;", "&lt;table&gt;", "&#173;"];

    public static string Apply(string html, string op, int a, int b, int c)
    {
        var tables = Tables(html);
        (int Start, int End) Table(int i) => tables.Count == 0 ? (0, 0) : tables[i % tables.Count];
        switch (op)
        {
            case "empty-table":
                return html.Insert(Table(a).Start, b % 2 == 0 ? "<table></table>" : "<table><tbody></tbody></table>");
            case "caption-table":
                return html.Insert(Table(a).Start, "<table><caption>Programmakosten (bedragen x &euro; 1.000)</caption></table>");
            case "nest-tables":
            {
                var depth = Depths[b % Depths.Length];
                var (start, end) = Table(a);
                var open = c % 2 == 0 ? "<table><tr><td>" : "<table><tbody><tr><td>x";
                var close = c % 2 == 0 ? "</td></tr></table>" : "</td></tr></tbody></table>";
                return html[..start] + Repeat(open, depth) + html[start..end] + Repeat(close, depth) + html[end..];
            }

            case "nest-divs":
            {
                var depth = Depths[b % Depths.Length];
                var tags = new[] { "div", "span", "section", "li", "p", "blockquote", "b" };
                var tag = tags[c % tags.Length];
                var at = BodyPosition(html, a);
                return html[..at] + Repeat($"<{tag}>", depth) + "Wat gaan we doen in 2018" + Repeat($"</{tag}>", c % 3 == 0 ? 0 : depth) + html[at..];
            }

            case "stray-close":
            {
                var at = (b % 3) switch
                {
                    0 => Table(a).Start,
                    1 => Table(a).End,
                    _ => BodyPosition(html, a),
                };
                return html.Insert(at, Repeat("</table>", 1 + (c % 3)));
            }

            case "span":
            {
                var cells = CellOpen().Matches(html);
                if (cells.Count == 0)
                {
                    return html;
                }

                var cell = cells[a % cells.Count];
                var attribute = b % 2 == 0 ? "rowspan" : "colspan";
                var value = SpanValues[c % SpanValues.Length];
                return html.Insert(cell.Index + cell.Length - 1, $" {attribute}=\"{value}\"");
            }

            case "lose-spans":
                return SpanAttribute().Replace(html, string.Empty);
            case "swap-cells":
            {
                var (start, end) = Table(a);
                var inner = html[start..end];
                var swapped = b % 2 == 0
                    ? CellTag().Replace(inner, m => m.Value.Replace(m.Groups["t"].Value, m.Groups["t"].Value.Equals("th", StringComparison.OrdinalIgnoreCase) ? "td" : "th", StringComparison.Ordinal))
                    : CellTag().Replace(inner, m => m.Value.Replace(m.Groups["t"].Value, "th", StringComparison.Ordinal));
                return html[..start] + swapped + html[end..];
            }

            case "row-groups":
                return RowGroups(html, Table(a), b);
            case "caption":
            {
                var (start, _) = Table(a);
                var open = html.IndexOf('>', start);
                var captions = new[] { "Programmakosten", "bedragen x &euro; 1.000", "Effectindicatoren", string.Empty, "<caption>nested</caption>", "Lasten" };
                return open < 0 ? html : html.Insert(open + 1, $"<caption>{captions[b % captions.Length]}</caption>");
            }

            case "figure":
            {
                var (start, end) = Table(a);
                var caption = b % 3 == 0 ? string.Empty : b % 3 == 1 ? "<figcaption>Tabel 1 Programmakosten</figcaption>" : "<figcaption><table><tr><td>x</td></tr></table></figcaption>";
                return html[..start] + "<figure>" + caption + html[start..end] + "</figure>" + html[end..];
            }

            case "charset":
                return Charset(html, Charsets[a % Charsets.Length], b);
            case "drop-closers":
            {
                var (start, end) = Table(a);
                var closers = new[] { "</td>", "</tr>", "</th>", "</tbody>", "</thead>" };
                var closer = closers[b % closers.Length];
                return html[..start] + html[start..end].Replace(closer, string.Empty, StringComparison.OrdinalIgnoreCase) + html[end..];
            }

            case "entity":
            {
                var text = TextPosition().Matches(html);
                var at = text.Count == 0 ? BodyPosition(html, a) : text[a % text.Count].Index + 1;
                return html.Insert(at, Repeat(Entities[b % Entities.Length], 1 + (c % 4)));
            }

            default:
                throw new ArgumentException($"no HTML mutation '{op}'", nameof(op));
        }
    }

    /// <summary>Each table's start and end (after its end tag), nesting counted; an unclosed table ends where the text does.</summary>
    public static List<(int Start, int End)> Tables(string html)
    {
        var result = new List<(int, int)>();
        var open = new Stack<int>();
        foreach (Match m in TableTag().Matches(html))
        {
            if (m.Groups["close"].Success)
            {
                if (open.Count > 0)
                {
                    result.Add((open.Pop(), m.Index + m.Length));
                }
            }
            else
            {
                open.Push(m.Index);
            }
        }

        while (open.Count > 0)
        {
            result.Add((open.Pop(), html.Length));
        }

        return result.OrderBy(t => t.Item1).ToList();
    }

    private static string RowGroups(string html, (int Start, int End) table, int variant)
    {
        var (start, end) = table;
        var inner = html[start..end];
        var rows = RowTag().Matches(inner);
        if (rows.Count == 0)
        {
            return html;
        }

        var first = rows[0];
        var firstRowEnd = inner.IndexOf("</tr>", first.Index, StringComparison.OrdinalIgnoreCase);
        var split = firstRowEnd < 0 ? first.Index + first.Length : firstRowEnd + 5;
        var close = inner.LastIndexOf("</table", StringComparison.OrdinalIgnoreCase);
        close = close < 0 ? inner.Length : close;
        var changed = (variant % 5) switch
        {
            // The first row as the header, the rest as the body.
            0 => inner[..first.Index] + "<thead>" + inner[first.Index..split] + "</thead><tbody>" + inner[split..close] + "</tbody>" + inner[close..],
            // The first row moved to a footer printed before the body, as HTML 4 allowed.
            1 => inner[..first.Index] + "<tfoot>" + inner[first.Index..split] + "</tfoot>" + inner[split..],
            // Row groups with nothing in them.
            2 => inner[..first.Index] + "<thead></thead><tbody></tbody><tfoot></tfoot>" + inner[first.Index..],
            // Row-group tags removed.
            3 => RowGroupTag().Replace(inner, string.Empty),
            // Every row a group of its own.
            _ => RowTag().Replace(inner, m => "<tbody>" + m.Value),
        };
        return html[..start] + changed + html[end..];
    }

    private static string Charset(string html, string label, int variant)
    {
        var without = MetaCharset().Replace(html, string.Empty);
        var meta = variant % 2 == 0 ? $"<meta charset=\"{label}\">" : $"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">";
        var head = HeadOpen().Match(without);
        return head.Success ? without.Insert(head.Index + head.Length, meta) : meta + without;
    }

    private static int BodyPosition(string html, int a)
    {
        var tags = TagStart().Matches(html);
        return tags.Count == 0 ? 0 : tags[a % tags.Count].Index;
    }

    private static string Repeat(string s, int n)
    {
        var sb = new StringBuilder(s.Length * n);
        for (var i = 0; i < n; i++)
        {
            sb.Append(s);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"<(?<close>/)?table\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex TableTag();

    [GeneratedRegex(@"<t[dh]\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex CellOpen();

    [GeneratedRegex(@"</?(?<t>t[dh])\b", RegexOptions.IgnoreCase)]
    private static partial Regex CellTag();

    [GeneratedRegex(@"\s(?:rowspan|colspan)\s*=\s*(?:""[^""]*""|'[^']*'|[^\s>]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SpanAttribute();

    [GeneratedRegex(@"<tr\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RowTag();

    [GeneratedRegex(@"</?(?:thead|tbody|tfoot)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RowGroupTag();

    [GeneratedRegex(@"<meta\b[^>]*charset[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"<head\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HeadOpen();

    [GeneratedRegex(@"<(?!/)[a-zA-Z]")]
    private static partial Regex TagStart();

    [GeneratedRegex(@">[^<\s]")]
    private static partial Regex TextPosition();
}
