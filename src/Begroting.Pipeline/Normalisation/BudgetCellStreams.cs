using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

/// <summary>Rebuilds a table of amounts serialised one cell per line (a crawled programmakosten page) into a grid, from its header words and the shape of its cells.</summary>
/// <remarks>
/// The header is the run of money-column cells ('Rekening' over '2016', 'Wijziging Begroting', 'Begroting 2017 na
/// wijziging', 'Meerjarenraming' over bare years), which gives the number of columns. The body is rows of at most two
/// text cells (a row label such as 'Ruimte om te ondernemen' or 'Saldo', then a line word such as 'Lasten') followed
/// by exactly one amount per column. The table ends where that shape does: a run of amounts of another length, a
/// third text cell, a wide gap, a block that is no cell. Nothing is guessed: a stream that does not fill its
/// columns row for row is left as it was, for the residue.
/// </remarks>
internal static class BudgetCellStreams
{
    /// <summary>A grid table from the cells starting at <paramref name="start"/>, and the index past its last cell; null when they are no table of amounts.</summary>
    public static (Table Table, int End)? TryRead(IReadOnlyList<Block> blocks, int start)
    {
        var headers = new List<Cell>();
        var i = start;
        string? group = null;
        Cell? scale = null;
        for (; i < blocks.Count && Cell(blocks[i], first: i == start) is { } cell; i++)
        {
            var text = cell.Text;
            if (headers.Count > 0 && scale is null && NormaliserCore.IsScale(text))
            {
                // The unit printed in a row of its own under the column headers ('Bedragen x € 1.000,-') is the corner's.
                scale = cell;
            }
            else if (DutchValue.IsYear(text) && group is not null)
            {
                // A bare year under a group word ('Meerjarenraming' over 2019, 2020, 2021) is a column of that group.
                headers.Add(cell with { Lines = [group, text] });
            }
            else if (MoneyPhrase(text))
            {
                if (HeaderModel.YearOf(text) is null && !text.Contains("wijziging", StringComparison.OrdinalIgnoreCase))
                {
                    group = text;
                    continue;
                }

                headers.Add(cell);
            }
            else
            {
                break;
            }
        }

        var width = headers.Count;
        if (width < 2 || i == start)
        {
            return null;
        }

        var rows = new List<TableRow>
        {
            new([scale ?? Empty(headers[0]), Empty(headers[0]), .. headers], blocks[start].Source, IsHeader: true),
        };
        var end = i;
        while (end < blocks.Count)
        {
            var labels = new List<Cell>();
            var k = end;
            for (; k < blocks.Count && labels.Count < 3 && Cell(blocks[k], first: false) is { } cell && !IsAmount(cell.Text); k++)
            {
                labels.Add(cell);
            }

            var amounts = new List<Cell>();
            for (; k < blocks.Count && amounts.Count < width && Cell(blocks[k], first: false) is { } cell && IsAmount(cell.Text); k++)
            {
                amounts.Add(cell);
            }

            // A row is one or two text cells and exactly one amount per column, and is followed by no further amount.
            var followedByAmount = k < blocks.Count && Cell(blocks[k], first: false) is { } after && IsAmount(after.Text);
            if (labels.Count is 0 or > 2 || amounts.Count != width || followedByAmount)
            {
                break;
            }

            var (label, line) = labels.Count == 2 ? (labels[0], labels[1])
                : NormaliserCore.LineOf(labels[0].Text) is "lasten" or "baten" or "toevoeging" or "onttrekking" ? (Empty(labels[0]), labels[0])
                : (labels[0], Empty(labels[0]));
            rows.Add(new TableRow([label, line, .. amounts], labels[0].Source with { EndLine = amounts[^1].Source.EndLine ?? amounts[^1].Source.Line }));
            end = k;
        }

        if (rows.Count < 2)
        {
            return null;
        }

        var source = blocks[start].Source with { EndLine = blocks[end - 1].Source.EndLine ?? blocks[end - 1].Source.Line };
        return (new Table(rows, TableForm.Grid, source) { GapBefore = blocks[start].GapBefore }, end);
    }

    private static bool MoneyPhrase(string text) => Vocabulary.MoneyColumns.Any(m => text.Contains(m.Phrase, StringComparison.OrdinalIgnoreCase));

    private static bool IsAmount(string text) => text.Length > 0 && !DutchValue.IsYear(text) && DutchValue.ParseCell(text) is { } v && !v.Percent;

    private static Cell Empty(Cell at) => new([], at.Source);

    /// <summary>A block that can be one cell: a short heading or paragraph right after the one before it (a wide gap ends a table).</summary>
    private static Cell? Cell(Block block, bool first)
    {
        if (block is not (Heading or Paragraph) || (!first && block.GapBefore > 1))
        {
            return null;
        }

        var lines = CellStreamTables.LinesOf(block).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return lines.Count is > 0 and <= 3 && lines.All(l => l.Length <= 120) ? new Cell(lines, block.Source) : null;
    }
}
