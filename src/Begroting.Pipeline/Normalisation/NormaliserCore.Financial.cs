using System.Text.RegularExpressions;
using Begroting.Model.Canonical;
using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

internal sealed partial class NormaliserCore
{
    /// <summary>Programmakosten and reserves: row groups with lines over year columns; amounts scaled to euros.</summary>
    private void ReadFinancial(Table table, int tableNo, int blockIndex, Identity identity)
    {
        var grid = Grid(table);
        // The header is the rows above the first amount.
        var headerCount = grid.FindIndex(r => r.Skip(1).Any(IsAmount));
        headerCount = headerCount < 0 ? grid.Count : headerCount;
        while (headerCount > 1 && IsGroupHeading(grid[headerCount - 1]))
        {
            // The first group's name on a row of its own above its lines is body, not header.
            headerCount--;
        }

        var body = Enumerable.Range(headerCount, grid.Count - headerCount).ToList();
        var bodyWidth = body.Count > 0 ? body.Max(r => grid[r].Count) : 0;
        var headers = HeaderModel.Read(grid.Take(headerCount).ToList(), bodyWidth, h => MoneyKind(h) == ColumnKind.Meerjarenraming, out var positional, h => MoneyKind(h) is not null);
        var columns = new List<(int Position, FinancialColumn Column)>();
        int? previousYear = null;
        for (var i = 0; i < headers.Count; i++)
        {
            if (MoneyKind(headers[i].Text) is not { } kind)
            {
                continue;
            }

            var year = headers[i].Year ?? (kind == ColumnKind.Wijziging ? previousYear ?? identity.Year : null);
            if (year is null)
            {
                Warn("column-year", $"column '{headers[i].Text}' names no year", Prov(table.Source, tableNo));
            }

            previousYear = year ?? previousYear;
            columns.Add((i, new FinancialColumn(columns.Count + 1, year, kind, headers[i].Text)));
        }

        var title = table.Caption?.Text ?? (grid.Count > 0 ? grid[0].FirstOrDefault(c => c.Length > 0) : null);
        var scale = FindScale((table.Caption?.Lines ?? []).Concat(grid.Take(Math.Max(headerCount, 1)).SelectMany(r => r)).Concat(grid.SelectMany(r => r).Where(c => ScalePattern().IsMatch(c))).Append(PrecedingText(blockIndex)));
        var kindOfTable = title is not null && title.StartsWith("reserve", StringComparison.OrdinalIgnoreCase)
            || !body.Any(r => grid[r].Take(2).Any(c => LineOf(c) is "lasten" or "baten"))
            ? FinancialTableKind.Reserves
            : FinancialTableKind.Budget;
        var tableProv = Prov(table.Source, tableNo);
        if (scale is null)
        {
            Warn("scale-unknown", "table of amounts does not say its unit (x € 1.000); amounts are kept as printed and not converted to euros", tableProv);
        }

        var rows = new List<FinancialRow>();
        string? group = null;
        foreach (var r in body)
        {
            var cells = grid[r].ToList();
            var rowSource = table.Rows[r].Source;
            var rowProv = Prov(rowSource, tableNo, r + 1);
            if (!cells.Skip(1).Any(IsAmount))
            {
                if (IsGroupHeading(cells))
                {
                    // A group's name on a row of its own ('Preventie' over its Lasten, Baten and Saldo) opens the group.
                    group = Codes.SplitMarker(cells[0]).Text;
                }
                else if (cells.Any(c => c.Length > 0) && !ScalePattern().IsMatch(string.Join(" ", cells)))
                {
                    Residue(string.Join(" | ", cells.Where(c => c.Length > 0)), "row without amounts inside a table of amounts", rowProv);
                }

                continue;
            }

            // Amounts fill the columns from the right in serialisations that dropped empty label cells; by position otherwise.
            var valueCells = new List<(string Text, int Position)>();
            int labelEnd;
            if (positional && cells.Count == headers.Count)
            {
                valueCells.AddRange(columns.Select(c => (cells[c.Position], c.Position)));
                labelEnd = columns.Count > 0 ? columns[0].Position : cells.Count;
            }
            else
            {
                var trimmed = cells.FindLastIndex(c => c.Length > 0) + 1;
                labelEnd = trimmed - columns.Count;
                if (labelEnd < 0 || cells.Skip(labelEnd).Take(columns.Count).Any(c => !IsAmount(c)))
                {
                    Residue(string.Join(" | ", cells), $"row has {cells.Count(IsAmount)} amounts for {columns.Count} columns; cannot place them without guessing", rowProv);
                    Warn("row-not-aligned", "amounts not placed (see residue)", rowProv);
                    continue;
                }

                valueCells.AddRange(Enumerable.Range(labelEnd, columns.Count).Select(i => (cells[i], i)));
            }

            var labels = cells.Take(labelEnd).Where(c => c.Length > 0).ToList();
            string line;
            string label;
            if (labels.Count == 0)
            {
                Residue(string.Join(" | ", cells), "amounts without a row label", rowProv);
                continue;
            }

            if (LineOf(labels[^1]) is { } l)
            {
                line = l;
                label = labels[^1];
                if (labels.Count > 1)
                {
                    group = Codes.SplitMarker(labels[0]).Text;
                }
                else if (Vocabulary.GroupStartingLines.Contains(l))
                {
                    group = Codes.SplitMarker(labels[0]).Text;
                }
            }
            else
            {
                // A label without a line word is a total row ('Reserves programma 9').
                group = Codes.SplitMarker(labels[0]).Text;
                line = "saldo";
                label = labels[0];
            }

            if (group is null)
            {
                Residue(string.Join(" | ", cells), "line before any row group", rowProv);
                continue;
            }

            var amounts = new List<Amount>();
            for (var i = 0; i < valueCells.Count; i++)
            {
                var (text, position) = valueCells[i];
                var cellSource = position < table.Rows[r].Cells.Count ? table.Rows[r].Cells[position].Source : rowSource;
                var cellProv = Prov(cellSource, tableNo, r + 1, position + 1);
                if (text.Length == 0)
                {
                    continue;
                }

                var parsed = DutchValue.ParseCell(text);
                if (parsed is null || parsed.Percent)
                {
                    Residue(text, "not an amount", cellProv);
                    continue;
                }

                var euros = parsed.Number is { } n && scale is { } s ? n * s : (decimal?)null;
                var (flags, confidence) = Recognition(parsed.Flags, cellProv);
                amounts.Add(new Amount(columns[i].Column.Index, euros, parsed.Raw, flags, cellProv, confidence));
            }

            var area = AreaCodeForName(group);
            rows.Add(new FinancialRow(group, area, line, label, amounts, rowProv));
        }

        financialTables.Add(new FinancialTable(kindOfTable, title, scale, columns.Select(c => c.Column).ToList(), rows, tableProv));
    }

    /// <summary>A row whose only text is a name in the label column that is no line, column header or unit: a row group's heading.</summary>
    private static bool IsGroupHeading(IReadOnlyList<string> cells) =>
        cells.Count > 0 && cells[0].Length > 0 && cells.Skip(1).All(c => c.Length == 0)
        && LineOf(cells[0]) is null && HeaderModel.YearOf(cells[0]) is null && MoneyKind(cells[0]) is null
        && !ScalePattern().IsMatch(cells[0]) && !DutchValue.IsYear(cells[0]) && DutchValue.ParseCell(cells[0]) is null;

    /// <summary>A unit line of a table of amounts: 'bedragen x € 1.000,-'.</summary>
    internal static bool IsScale(string text) => ScalePattern().IsMatch(text);

    private static ColumnKind? MoneyKind(string header)
    {
        // A header of several lines whose lines a scan put out of order ('Begroting 2024 wijziging' over 'na') still
        // has every word of its phrase.
        var words = header.ToLowerInvariant().Split([' ', '\n', '/'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var (phrase, kind) in Vocabulary.MoneyColumns)
        {
            if (header.Contains(phrase, StringComparison.OrdinalIgnoreCase) || (phrase.Contains(' ', StringComparison.Ordinal) && phrase.Split(' ').All(words.Contains)))
            {
                return kind;
            }
        }

        return null;
    }

    private static bool IsAmount(string text) => text.Length > 0 && !DutchValue.IsYear(text) && DutchValue.ParseCell(text) is { } v && !v.Percent;

    private string PrecedingText(int blockIndex) => blockIndex > 0 ? string.Join(" ", TextsOf(blocks[blockIndex - 1])) : string.Empty;

    private static decimal? FindScale(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            if (ScalePattern().Match(text) is { Success: true } m)
            {
                var unit = m.Groups["unit"].Value.Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
                return unit switch
                {
                    "1000" => 1_000m,
                    "1000000" or "1 miljoen" or "miljoen" => 1_000_000m,
                    _ => null,
                };
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:bedragen\s+)?(?<!\p{L})x\s*€?\s*(?<unit>1\.000\.000|1\.000|1 miljoen|miljoen)", RegexOptions.IgnoreCase)]
    private static partial Regex ScalePattern();
}
