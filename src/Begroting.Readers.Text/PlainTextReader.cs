using System.Text.RegularExpressions;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;

namespace Begroting.Readers.Text;

/// <summary>Reads plain-text renderings of documents (PDF text exports, crawled pages, OCR text) into the layout model.</summary>
/// <remarks>
/// Recognises tab-separated table rows, pipe rows with markdown rules, list items and paragraphs. It knows nothing of budgets:
/// a table serialised one cell per line cannot be told from short paragraphs without the budget vocabulary, so those come out
/// as paragraphs with their gaps and the normaliser rebuilds them.
/// </remarks>
public static partial class PlainTextReader
{
    public static LayoutDocument Read(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new DocumentException("unreadable", e.Message, name);
        }

        return Read(bytes, name);
    }

    /// <param name="bytes">The file's content.</param>
    /// <param name="file">The name the layout and its provenance give the file.</param>
    /// <param name="cancellationToken">Checked at every line: a document past its time budget stops here.</param>
    public static LayoutDocument Read(ReadOnlySpan<byte> bytes, string file, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<Diagnostic>();
        var text = TextDecoding.Decode(bytes, file, diagnostics);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var endsWithNewline = text.EndsWith('\n');
        if (endsWithNewline)
        {
            lines = lines[..^1];
        }

        var core = new PlainTextReaderCore(file, lines, cancellationToken);
        return new LayoutDocument(file, "text", core.Run(), diagnostics, endsWithNewline);
    }

    [GeneratedRegex(@"</?(?:i|b|em|strong|u|sup|sub|span|br)(?:\s[^>]*)?/?>", RegexOptions.IgnoreCase)]
    internal static partial Regex InlineTag();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    internal static partial Regex PipeRule();

    [GeneratedRegex(@"^(?<indent>\s*)(?<marker>[-–•·▪◦]|\d{1,2}[.)])\s+(?<text>\S.*)$")]
    internal static partial Regex ListLine();
}

internal sealed class PlainTextReaderCore(string file, string[] lines, CancellationToken cancellationToken)
{
    private readonly List<Block> blocks = [];
    private readonly bool unwrapped = IsUnwrapped(lines);
    private int gap;

    public List<Block> Run()
    {
        var i = 0;
        while (i < lines.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = Clean(lines[i]);
            if (line.Trim().Length == 0)
            {
                gap++;
                i++;
            }
            else if (line.Contains('\t', StringComparison.Ordinal))
            {
                i = Advance.Past(i, ReadTabTable(i));
            }
            else if (IsPipeRow(line))
            {
                i = Advance.Past(i, ReadPipeTable(i));
            }
            else if (PlainTextReader.ListLine().Match(line) is { Success: true } m)
            {
                var depth = m.Groups["indent"].Value.Length > 0 ? 1 : 0;
                Add(new ListItem(m.Groups["text"].Value.Trim(), depth, m.Groups["marker"].Value, Ref(i, i)));
                i++;
            }
            else
            {
                i = Advance.Past(i, ReadParagraph(i));
            }
        }

        return blocks;
    }

    private static string Clean(string line) => PlainTextReader.InlineTag().Replace(line, string.Empty).Replace('\u00A0', ' ');

    /// <summary>Web and PDF-export text puts a whole block on one line; OCR and wrapped text break lines at the margin.</summary>
    private static bool IsUnwrapped(string[] lines)
    {
        var nonBlank = lines.Count(l => l.Trim().Length > 0);
        var longLines = lines.Count(l => l.Length > 160);
        return nonBlank > 0 && (longLines * 20 >= nonBlank || lines.Any(l => l.Length > 300));
    }

    private static bool IsPipeRow(string line)
    {
        var t = line.Trim();
        return t.StartsWith('|') || t.EndsWith('|') || t.Contains(" | ", StringComparison.Ordinal) || PlainTextReader.PipeRule().IsMatch(t);
    }

    private SourceRef Ref(int from, int to) => new SourceRef(file).WithLines(from + 1, to + 1);

    private void Add(Block block)
    {
        blocks.Add(block with { GapBefore = gap });
        gap = 0;
    }

    private int ReadTabTable(int start)
    {
        var rows = new List<TableRow>();
        var i = start;
        for (; i < lines.Length && (IsTabRow(Clean(lines[i])) || IsOneCellRow(i, IsTabRow)); i++)
        {
            var row = i;
            var cells = Clean(lines[row]).Split('\t').Select(c => new Cell([c.Trim()], Ref(row, row))).ToList();
            rows.Add(new TableRow(cells, Ref(row, row)));
        }

        Add(new Table(rows, TableForm.Grid, Ref(start, i - 1)));
        return i;
    }

    /// <summary>
    /// A serialiser that drops the separators after a row's last cell (tab exports; pipe rows without outer pipes) leaves a
    /// row of one cell ('bedragen x € 1.000', a group's name, a header cell's second line) with none: a short line that is
    /// no sentence or footnote, between two rows of the same kind with no blank line around it, is a row of the table.
    /// </summary>
    private bool IsOneCellRow(int i, Func<string, bool> isRow)
    {
        bool Cell(int k)
        {
            var t = Clean(lines[k]).Trim();
            return t.Length is > 0 and <= 120 && !IsTabRow(t) && !IsPipeRow(t) && t[^1] is not ('.' or ':' or ';' or '!' or '?') && !t.StartsWith('*');
        }

        if (!Cell(i))
        {
            return false;
        }

        // Several such rows may follow each other (the unit's row, then a group's name).
        var before = i - 1;
        while (before >= 0 && i - before <= 3 && Cell(before))
        {
            before--;
        }

        var after = i + 1;
        while (after < lines.Length && after - i <= 3 && Cell(after))
        {
            after++;
        }

        return before >= 0 && after < lines.Length && isRow(Clean(lines[before])) && isRow(Clean(lines[after]));
    }

    private static bool IsTabRow(string line) => line.Contains('\t', StringComparison.Ordinal);

    private int ReadPipeTable(int start)
    {
        var end = start;
        while (end < lines.Length && ((Clean(lines[end]).Trim().Length > 0 && IsPipeRow(Clean(lines[end]))) || IsOneCellRow(end, IsPipeRow)))
        {
            end++;
        }

        // Markdown frames every row in pipes ('| a | b |'): the outer pipes are borders. Where rows only end in a pipe
        // ('a | b |'), a row that also begins with one has an empty first cell.
        var framed = Enumerable.Range(start, end - start).Select(k => Clean(lines[k]).Trim())
            .Where(l => IsPipeRow(l) && !PlainTextReader.PipeRule().IsMatch(l))
            .All(l => l.Length > 1 && l.StartsWith('|') && l.EndsWith('|'));
        var rows = new List<TableRow>();
        var tableStart = start;
        var i = start;
        for (; i < end; i++)
        {
            var line = Clean(lines[i]).Trim();
            if (PlainTextReader.PipeRule().IsMatch(line))
            {
                // A markdown rule marks the row above it as a header; a header after body rows starts the next table.
                if (rows.Count > 0)
                {
                    var header = rows[^1];
                    rows.RemoveAt(rows.Count - 1);
                    if (rows.Any(r => !r.IsHeader))
                    {
                        Add(new Table(rows, TableForm.Grid, Ref(tableStart, i - 2)));
                        rows = [];
                        tableStart = i - 1;
                    }

                    rows.Add(header with { IsHeader = true, Cells = header.Cells.Select(c => c with { IsHeader = true }).ToList() });
                }

                continue;
            }

            rows.Add(new TableRow(SplitPipes(line, i, framed), Ref(i, i)));
        }

        // Markdown rules with no row above them ('|---|---|' alone) are no table.
        if (rows.Count > 0)
        {
            Add(new Table(rows, TableForm.Grid, Ref(tableStart, i - 1)));
        }

        return i;
    }

    private List<Cell> SplitPipes(string line, int index, bool framed)
    {
        var parts = line.Split('|').Select(p => p.Trim()).ToList();
        if (line.StartsWith('|'))
        {
            parts.RemoveAt(0);
        }

        // Trailing empty cells are the serialiser's padding, not data.
        var kept = parts.FindLastIndex(p => p.Length > 0) + 1;
        parts.RemoveRange(kept, parts.Count - kept);

        // In an unframed table a row that began with '|' had an empty first cell.
        if (line.StartsWith('|') && !framed)
        {
            parts.Insert(0, string.Empty);
        }

        return parts.Select(p => new Cell([p], Ref(index, index))).ToList();
    }

    private int ReadParagraph(int start)
    {
        var para = new List<string> { Clean(lines[start]).TrimEnd() };
        var i = start + 1;
        for (; i < lines.Length; i++)
        {
            var next = Clean(lines[i]);
            if (next.Trim().Length == 0 || next.Contains('\t', StringComparison.Ordinal) || IsPipeRow(next) || PlainTextReader.ListLine().IsMatch(next))
            {
                break;
            }

            if (unwrapped && !LooksLikeCellContinuation(para[^1], next))
            {
                break;
            }

            para.Add(next.TrimEnd());
        }

        var source = Ref(start, i - 1);
        if (para.Count == 1 && IsHeadingLine(para[0]))
        {
            Add(new Heading(2, para[0].Trim(), source));
        }
        else
        {
            Add(new Paragraph(para, source));
        }

        return i;
    }

    /// <summary>In unwrapped text each line is a block, except short value lines that share one cell ("294 (2011)" over "212 (2013)").</summary>
    private static bool LooksLikeCellContinuation(string previous, string next) =>
        previous.Trim().Length <= 40 && next.Trim().Length <= 40 && char.IsDigit(previous.Trim()[0]) && char.IsDigit(next.Trim()[0]);

    private static bool IsHeadingLine(string line)
    {
        var t = line.Trim();
        if (t.Length is 0 or > 100 || t[^1] is '.' or ':' or ';' or ',' or '!' or '?')
        {
            return false;
        }

        return (char.IsUpper(t[0]) || char.IsDigit(t[0])) && t.Any(char.IsLetter) && !t.StartsWith('*');
    }
}
