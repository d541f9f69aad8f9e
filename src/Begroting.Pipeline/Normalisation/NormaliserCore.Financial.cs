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
        // A header cell a scan misread as a figure ('1.047' for a smudged 'Begroting 2017') leaves its row a header:
        // a body row is mostly amounts.
        var headerCount = grid.FindIndex(r => r.Skip(1).Count(IsAmount) is var n && n > 0 && 2 * n > r.Skip(1).Count(c => c.Length > 0));
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
            previousYear = year ?? previousYear;
            columns.Add((i, new FinancialColumn(columns.Count + 1, year, kind, headers[i].Text)));
        }

        var given = identity.Kind == DocumentKind.Jaarstukken && positional ? InferColumns(grid, headerCount, body, headers, columns, identity.Year) : null;
        if (given is not null)
        {
            Warn("column-inferred", $"column(s) {string.Join(", ", given.Order().Select(p => p + 1))} of amounts have no header that can be read; their kind and year are those of their place in a jaarstukken table (Rekening Y-1 | Begroting Y | Wijziging | Begroting Y na wijziging | Rekening Y | Verschil Y), which the sums of its rows confirm; their amounts are flagged column_inferred", Prov(table.Source, tableNo));
        }

        foreach (var (_, column) in columns.Where(c => c.Column.Year is null))
        {
            Warn("column-year", $"column '{column.Header}' names no year", Prov(table.Source, tableNo));
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
                if (given?.Contains(position) == true)
                {
                    flags = [.. flags, "column_inferred"];
                }

                amounts.Add(new Amount(columns[i].Column.Index, euros, parsed.Raw, flags, cellProv, confidence));
            }

            var area = AreaCodeForName(group);
            rows.Add(new FinancialRow(group, area, line, label, amounts, rowProv));
        }

        financialTables.Add(new FinancialTable(kindOfTable, title, scale, columns.Select(c => c.Column).ToList(), rows, tableProv));
    }

    /// <summary>Gives the columns of amounts that have no readable header their kind by the order of a jaarstukken table (<see cref="StandardColumns"/>); the places of the columns so given, or null when the order does not hold.</summary>
    private static HashSet<int>? InferColumns(List<IReadOnlyList<string>> grid, int headerCount, List<int> body, IReadOnlyList<ColumnHeader> headers, List<(int Position, FinancialColumn Column)> columns, int? documentYear)
    {
        var rows = body.Where(r => grid[r].Count == headers.Count).Select(r => grid[r]).ToList();
        var places = Enumerable.Range(0, headers.Count).Where(p => rows.Any(cells => IsAmount(cells[p]))).ToList();
        // A column counts as read only by its own header cells, and only when every word in them is a word of a money
        // header or a year: the header model lends a bare year's column the word of its left neighbour ('Rekening'
        // over '2016 | 2017'), right for a group but not here, and a smudge of cells printed over each other may hold
        // the words of the cell beside it ('BegMWtjriBegrBägmp4047 na wijziging').
        ColumnKind? Own(int p)
        {
            var text = string.Join(" ", grid.Take(headerCount).Select(r => p < r.Count ? r[p] : string.Empty));
            var words = text.ToLowerInvariant().Split([' ', '\n', '/'], StringSplitOptions.RemoveEmptyEntries);
            return words.All(w => DutchValue.IsYear(w) || Vocabulary.MoneyColumnWords.Contains(w)) ? MoneyKind(text) : null;
        }

        var read = places.Select(p => columns.FirstOrDefault(c => c.Position == p).Column is { } c && Own(p) == c.Kind
            ? new StandardColumns.Read(p, c.Kind, c.Year)
            : new StandardColumns.Read(p, null, headers[p].Year)).ToList();
        var amounts = rows.Select(cells => (IReadOnlyDictionary<int, decimal>)places
            .Where(p => IsAmount(cells[p]))
            .Select(p => (Place: p, DutchValue.ParseCell(cells[p])?.Number))
            .Where(a => a.Number is not null)
            .ToDictionary(a => a.Place, a => a.Number!.Value)).ToList();
        if (StandardColumns.Infer(read, amounts, documentYear) is not { } inferred)
        {
            return null;
        }

        var header = places.ToDictionary(p => p, p => headers[p].Text);
        columns.Clear();
        columns.AddRange(inferred.Columns.Select((c, i) => (c.Position, new FinancialColumn(i + 1, c.Year, c.Kind, header[c.Position]))));
        return inferred.Given.ToHashSet();
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
