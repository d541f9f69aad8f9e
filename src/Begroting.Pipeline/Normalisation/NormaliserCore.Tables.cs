using System.Text.RegularExpressions;
using Begroting.Model.Canonical;
using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

internal enum TableKind
{
    Goals,
    Indicators,
    Financial,
    ProgrammeHeader,
    Other,
}

internal sealed partial class NormaliserCore
{
    private void ReadTables(Identity identity)
    {
        var tableNo = 0;
        string? area = null;
        for (var b = 0; b < blocks.Count; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var block = blocks[b];
            if (block is not Table table)
            {
                foreach (var line in TextsOf(block).Take(1))
                {
                    if (Codes.AreaLine().Match(line) is { Success: true } m)
                    {
                        area = m.Groups["code"].Value;
                    }
                    else if (Codes.AreaLineWithoutCode().Match(line) is { Success: true } n)
                    {
                        area = AreaCodeForName(n.Groups["name"].Value);
                    }
                }

                continue;
            }

            tableNo++;
            switch (Classify(table))
            {
                case TableKind.Goals:
                    ReadGoals(table, tableNo);
                    break;
                case TableKind.Indicators:
                    var parts = new List<(Table Table, int No)> { (table, tableNo) };
                    for (var n = ContinuationOf(b); PartOf(table, n, TableKind.Indicators) is { } next; n = ContinuationOf(b))
                    {
                        // A table continued after a repeated header is one table.
                        parts.Add((next, ++tableNo));
                        b = n;
                    }

                    var footnotes = ReadFootnotes(b + 1, out var consumed);
                    b += consumed;
                    ReadIndicators(parts, footnotes, area);
                    break;
                case TableKind.Financial:
                    var merged = table;
                    var (firstNo, firstBlock) = (tableNo, b);
                    for (var n = ContinuationOf(b); PartOf(table, n, TableKind.Financial) is { } more; n = ContinuationOf(b))
                    {
                        // A table of amounts continued after a repeated header (a page break, a split on a website) is one table.
                        // Its repeated header is dropped; a group's name right under it is the first row of the page.
                        merged = merged with { Rows = [.. merged.Rows, .. more.Rows.SkipWhile(r => !r.Cells.Skip(1).Any(c => IsAmount(c.Text)) && !IsGroupHeading(r.Cells.Select(c => c.Text).ToList()))] };
                        tableNo++;
                        b = n;
                    }

                    ReadFinancial(merged, firstNo, firstBlock, identity);
                    break;
                case TableKind.ProgrammeHeader:
                    break;
                default:
                    ReadOther(table, tableNo);
                    break;
            }
        }
    }

    /// <summary>The table at block <paramref name="n"/> when it continues <paramref name="table"/> (of <paramref name="kind"/>): after its header repeated, or after a page break without it; else null.</summary>
    private Table? PartOf(Table table, int n, TableKind kind) =>
        n < blocks.Count && blocks[n] is Table next && ((Classify(next) == kind && SameHeader(table, next)) || ContinuesOnNextPage(table, next, kind)) ? next : null;

    /// <summary>
    /// The block after the table at <paramref name="b"/>, or, when a page break cut the table, the block after the page's
    /// chrome: a page number, with the running title (a line the document printed before) around it.
    /// </summary>
    private int ContinuationOf(int b)
    {
        var i = b + 1;
        var pageNumber = false;
        for (; i < blocks.Count && blocks[i] is not Table; i++)
        {
            if (TextsOf(blocks[i]).ToList() is not [var line])
            {
                return b + 1;
            }

            var text = line.Trim();
            if (PageNumber().IsMatch(text))
            {
                pageNumber = true;
            }
            else if (!blocks.Take(b).Any(x => x is not Table && TextsOf(x).Any(t => t.Trim() == text)))
            {
                return b + 1;
            }
        }

        return pageNumber && i < blocks.Count ? i : b + 1;
    }

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex PageNumber();

    private readonly Dictionary<Table, TableKind> kinds = new(ReferenceEqualityComparer.Instance);

    private TableKind Classify(Table table)
    {
        if (!kinds.TryGetValue(table, out var kind))
        {
            kinds[table] = kind = ClassifyByContent(table);
        }

        return kind;
    }

    private static bool IsEmpty(Table table) => table.Rows.All(r => r.Cells.Count == 0);

    private static TableKind ClassifyByContent(Table table)
    {
        // Run drops empty tables first (DropEmptyTables); a table without rows has no first row to classify by.
        if (IsEmpty(table))
        {
            return TableKind.Other;
        }

        var first = table.Form == TableForm.CellStream
            ? table.Rows[0].Cells.Take(2).Select(c => HeaderWord(c.Text)).ToList()
            : table.Rows[0].Cells.Select(c => HeaderWord(c.Text)).ToList();
        if (first.Any(Vocabulary.GoalHeaders.Contains) && (first.Any(Vocabulary.PerformanceHeaders.Contains) || table.Form == TableForm.CellStream))
        {
            return TableKind.Goals;
        }

        var top = table.Rows.Take(2).SelectMany(r => r.Cells).Take(table.Form == TableForm.CellStream ? 8 : 64).Select(c => HeaderWord(c.Text)).ToList();
        // The name column may have no header of its own (a cell stream opened at 'Realisatie 2014'): an indicator code in the body names it.
        var named = top.Any(Vocabulary.IndicatorNameHeaders.Contains)
            || (table.Form == TableForm.CellStream && table.Rows.SelectMany(r => r.Cells).Any(c => Codes.IndicatorLine().IsMatch(DutchValue.Collapse(c.Text))));
        if (named && top.Any(w => Vocabulary.RealisationHeaders.Contains(w) || Vocabulary.TargetHeaders.Any(w.StartsWith) || Vocabulary.RealisationHeaders.Any(r => w.StartsWith(r + " ", StringComparison.Ordinal))))
        {
            return TableKind.Indicators;
        }

        if (table.Rows.Count > 0 && table.Rows[0].Cells.FirstOrDefault(c => !c.IsEmpty) is { } label
            && Vocabulary.ProgrammeHeaderLabels.Contains(label.Text.TrimEnd(':').ToLowerInvariant()))
        {
            return TableKind.ProgrammeHeader;
        }

        // A money column's header may be one cell ('Rekening 2016') or stacked in rows ('Rekening' over '2016').
        var headerTexts = table.Rows.Take(3).SelectMany(r => r.Cells.Select(c => c.Text))
            .Concat(Enumerable.Range(0, table.Width).Select(c => string.Join(" ", table.Rows.Take(3).Select(r => c < r.Cells.Count ? r.Cells[c].Text : string.Empty))));
        var hasMoneyHeader = headerTexts.Any(t => HeaderModel.YearOf(t) is not null && Vocabulary.MoneyColumns.Any(m => t.Contains(m.Phrase, StringComparison.OrdinalIgnoreCase)));
        var hasLines = table.Rows.SelectMany(r => r.Cells.Take(3)).Any(c => LineOf(c.Text) is "lasten" or "baten" or "toevoeging" or "onttrekking");
        return hasMoneyHeader && hasLines ? TableKind.Financial : TableKind.Other;
    }

    /// <summary>A header cell as a vocabulary word: footnote markers and case dropped.</summary>
    private static string HeaderWord(string text) => Vocabulary.JoinBrokenWords(Codes.LeadingMarker().Replace(Codes.SplitMarker(text).Text, string.Empty).Trim().ToLowerInvariant());

    internal static string? LineOf(string label)
    {
        var key = HeaderWord(label).TrimEnd(':').Trim();
        foreach (var (word, line) in Vocabulary.FinancialLines)
        {
            if (key == word)
            {
                return line;
            }
        }

        return null;
    }

    private static bool SameHeader(Table a, Table b)
    {
        static string Key(Table t) => string.Join("|", t.Rows.Take(2).SelectMany(r => r.Cells).Select(c => HeaderWord(c.Text)).Where(w => w.Length > 0 && !Codes.GoalLine().IsMatch(w)).Take(10));

        // A scan can cut one header row in two on one page and not on the next ('Begroting' over '2024'): the words
        // of the rows above the first figure are still the same words.
        // A group's name on a row of its own above the first figure is no header.
        static string Words(Table t) => string.Join(" ", t.Rows
            .TakeWhile(r => !r.Cells.Skip(1).Any(c => c.Text.Length > 0 && !DutchValue.IsYear(c.Text) && DutchValue.ParseCell(c.Text) is not null))
            .Take(4)
            .Where(r => !IsGroupHeading(r.Cells.Select(c => c.Text).ToList()))
            .SelectMany(r => r.Cells)
            .SelectMany(c => HeaderWord(c.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Order(StringComparer.Ordinal));
        if (a.Form != b.Form || b.GapBefore > 2)
        {
            return false;
        }

        var words = Words(a);
        return Key(a) == Key(b) || (words.Length > 0 && words == Words(b));
    }

    /// <summary>Whether <paramref name="next"/> is the rest of <paramref name="table"/> after a page break that did not repeat the header: a grid of the same columns at the top of a later page whose first rows are already the body's.</summary>
    /// <remarks>Without a header of its own the rest cannot be classified by itself (it would be 'other'); its first row says what it continues: an indicator or goal code, or (past groups' names) a row of amounts.</remarks>
    private static bool ContinuesOnNextPage(Table table, Table next, TableKind kind)
    {
        if (table.Form != TableForm.Grid || next.Form != TableForm.Grid || next.Width != table.Width
            || table.Source.Page is not { } page || next.Source.Page is not { } nextPage || nextPage <= page || next.GapBefore > 2)
        {
            return false;
        }

        var rows = next.Rows.Select(r => r.Cells.Select(c => c.Text).ToList()).Where(r => r.Any(c => c.Length > 0)).ToList();
        if (rows.Count == 0)
        {
            return false;
        }

        if (kind == TableKind.Indicators)
        {
            var lead = DutchValue.Collapse(rows[0].First(c => c.Length > 0));
            return Codes.IndicatorLine().IsMatch(lead) || Codes.GoalLine().IsMatch(lead);
        }

        var body = rows.SkipWhile(IsGroupHeading).FirstOrDefault();
        return body is not null && body.Skip(1).Any(IsAmount) && rows.Any(r => r.Take(3).Any(c => LineOf(c) is not null));
    }

    /// <summary>Footnotes printed under a table: lines starting with '*', '**', ...; a line without a marker continues the one above.</summary>
    private Dictionary<string, Footnote> ReadFootnotes(int start, out int consumed)
    {
        var notes = new Dictionary<string, Footnote>(StringComparer.Ordinal);
        consumed = 0;
        string? current = null;
        for (var i = start; i < blocks.Count; i++)
        {
            var texts = TextsOf(blocks[i]).ToList();
            if (blocks[i] is Table || texts.Count == 0 || !texts[0].StartsWith('*'))
            {
                break;
            }

            foreach (var line in texts)
            {
                var marker = Codes.LeadingMarker().Match(line);
                if (marker.Success)
                {
                    current = marker.Value.Trim();
                    notes[current] = new Footnote(current, DutchValue.Collapse(line[marker.Length..]));
                }
                else if (current is not null)
                {
                    notes[current] = notes[current] with { Text = notes[current].Text + " " + DutchValue.Collapse(line) };
                }
            }

            consumed++;
        }

        return notes;
    }

    private static List<IReadOnlyList<string>> Grid(Table table) =>
        table.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Text).ToList()).ToList();
}
