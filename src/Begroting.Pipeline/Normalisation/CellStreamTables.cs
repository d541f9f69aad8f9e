using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

/// <summary>Rebuilds tables that were serialised one cell per line (crawled pages) from runs of short blocks opened by a header word.</summary>
/// <remarks>Rows are not known here; the table readers rebuild them from codes and value shapes.</remarks>
public static class CellStreamTables
{
    private const int MaxCellLine = 250;

    public static IReadOnlyList<Block> Rebuild(IReadOnlyList<Block> blocks)
    {
        var result = new List<Block>(blocks.Count);
        var i = 0;
        while (i < blocks.Count)
        {
            if (IsOpener(blocks[i]))
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
