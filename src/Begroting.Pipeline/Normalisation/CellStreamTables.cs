using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

/// <summary>Rebuilds tables that were serialised one cell per line (crawled pages) from runs of short blocks opened by a header word.</summary>
/// <remarks>
/// Goal and indicator tables keep their cells in one stream: the table readers rebuild their rows from codes and
/// value shapes. A table of amounts is rebuilt into its grid here (<see cref="BudgetCellStreams"/>): its rows are
/// text cells followed by one amount per column.
/// </remarks>
public static class CellStreamTables
{
    private const int MaxCellLine = 250;

    public static IReadOnlyList<Block> Rebuild(IReadOnlyList<Block> blocks)
    {
        var result = new List<Block>(blocks.Count);
        var i = 0;
        while (i < blocks.Count)
        {
            if (BudgetCellStreams.TryRead(blocks, i) is { } budget)
            {
                result.Add(budget.Table);
                i = Advance.Past(i, budget.End);
                continue;
            }

            if (IsOpener(blocks[i]) || OpensIndicatorColumns(blocks, i))
            {
                var cells = new List<Cell>();
                var j = i;
                for (; j < blocks.Count && IsCell(blocks[j], first: j == i); j++)
                {
                    cells.Add(ToCell(blocks[j]));
                }

                // A table needs at least a header pair and a row; otherwise the word was prose.
                if (cells.Count >= 4)
                {
                    var source = blocks[i].Source with { EndLine = blocks[j - 1].Source.EndLine ?? blocks[j - 1].Source.Line };
                    result.Add(new Table([new TableRow(cells, source)], TableForm.CellStream, source) { GapBefore = blocks[i].GapBefore });
                    i = Advance.Past(i, j);
                    continue;
                }
            }

            result.Add(blocks[i]);
            i++;
        }

        return result;
    }

    /// <summary>An indicator table whose name column has no header of its own (a crawled jaarstukken page: the programme's name, then 'Realisatie 2014'): it opens at its first realisatie or streefwaarde header, and only where an indicator code follows.</summary>
    private static bool OpensIndicatorColumns(IReadOnlyList<Block> blocks, int i)
    {
        if (LinesOf(blocks[i]) is not [var line] || !IsValueHeader(line) || (i > 0 && LinesOf(blocks[i - 1]) is [var before] && IsValueHeader(before)))
        {
            return false;
        }

        for (var j = i + 1; j < blocks.Count && j <= i + 24 && IsCell(blocks[j], first: false); j++)
        {
            if (LinesOf(blocks[j]) is [var cell, ..] && Codes.IndicatorLine().IsMatch(cell.Trim()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValueHeader(string line)
    {
        var word = HeaderModel.WithoutYear(line).Trim();
        return Vocabulary.RealisationHeaders.Contains(word) || Vocabulary.TargetHeaders.Contains(word);
    }

    private static bool IsOpener(Block block) =>
        LinesOf(block) is [var line] && Vocabulary.CellStreamOpeners.Any(w => string.Equals(line.Trim(), w, StringComparison.OrdinalIgnoreCase));

    private static bool IsCell(Block block, bool first)
    {
        if (block is not (Heading or Paragraph) || (!first && block.GapBefore > 1))
        {
            return false;
        }

        var lines = LinesOf(block);
        return lines.Count > 0 && lines.All(l => l.Length <= MaxCellLine) && !lines[0].TrimStart().StartsWith('*');
    }

    private static Cell ToCell(Block block) => new(LinesOf(block).Select(l => l.Trim()).ToList(), block.Source);

    internal static IReadOnlyList<string> LinesOf(Block block) => block switch
    {
        Heading h => [h.Text],
        Paragraph p => p.Lines,
        ListItem li => [li.Text],
        _ => [],
    };
}
