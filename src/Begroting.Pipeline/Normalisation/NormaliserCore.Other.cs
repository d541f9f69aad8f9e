using Begroting.Model.Canonical;
using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

internal sealed partial class NormaliserCore
{
    /// <summary>A table of no known kind stays a grid; the cells that are figures as a whole are read out with their row label and column header.</summary>
    private void ReadOther(Table table, int tableNo)
    {
        var grid = Grid(table);
        var headerRow = grid.Count > 1 && grid[0].All(c => c.Length == 0 || DutchValue.IsYear(c) || HeaderModel.YearOf(c) is not null || !IsFigure(c)) ? grid[0] : null;
        var values = new List<OtherValue>();
        for (var r = headerRow is null ? 0 : 1; r < grid.Count; r++)
        {
            var row = grid[r];
            if (row.Count < 2)
            {
                continue;
            }

            var label = DutchValue.Collapse(row[0]).TrimEnd(':').Trim();
            for (var c = 1; c < row.Count; c++)
            {
                if (!IsFigure(row[c]) || DutchValue.ParseCell(row[c]) is not { HasNumber: true } v)
                {
                    continue;
                }

                var header = headerRow is not null && c < headerRow.Count ? headerRow[c] : string.Empty;
                var period = HeaderModel.Describe(header);
                if (period.Year is null)
                {
                    period = HeaderModel.Describe(label);
                }

                var unit = v.Percent ? "percent" : v.Flags.Contains("euro") ? "EUR" : null;
                values.Add(new OtherValue(label, DutchValue.Collapse(header), period.Year, period.Quarter, v.Number, unit, v.Raw, Prov(table.Rows[r].Cells[c].Source, tableNo, r + 1, c + 1)));
            }
        }

        var title = headerRow is not null && headerRow.Count(h => h.Length > 0) == 1 ? headerRow.First(h => h.Length > 0) : null;
        otherTables.Add(new OtherTable(title, grid, values, Prov(table.Source, tableNo)));
    }

    /// <summary>A cell that is a number as a whole: '217', '132%', '€ 8,9 miljoen'; not a year in a header, not a dash.</summary>
    private static bool IsFigure(string text) => DutchValue.ParseCell(text) is { HasNumber: true };
}
