using Begroting.Model.Canonical;
using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

internal sealed partial class NormaliserCore
{
    /// <summary>Doel / Prestatie tables. Cells are read in order and placed by their codes, so a dropped empty cell or a one-cell-per-line serialisation does not matter.</summary>
    private void ReadGoals(Table table, int tableNo)
    {
        var cells = new List<(Cell Cell, int Row, int Column)>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Rows[r].Cells.Count; c++)
            {
                cells.Add((table.Rows[r].Cells[c], r + 1, c + 1));
            }
        }

        Goal? current = null;
        foreach (var (cell, row, column) in cells)
        {
            var text = DutchValue.Collapse(cell.Text);
            var prov = Prov(cell.Source, tableNo, row, column);
            if (text.Length == 0 || (Vocabulary.GoalHeaders.Contains(HeaderWord(text)) || Vocabulary.PerformanceHeaders.Contains(HeaderWord(text))))
            {
                continue;
            }

            if (Codes.PerformanceLine().Match(text) is { Success: true } p)
            {
                var code = p.Groups["code"].Value;
                var goalCode = code[..code.IndexOf('.', StringComparison.Ordinal)];
                var goal = goals.FindLast(g => g.Code == goalCode);
                if (goal is null)
                {
                    Warn("performance-without-goal", $"performance {code} has no goal {goalCode} in the table", prov);
                    goal = AddGoal(goalCode, goalCode, prov);
                }

                var updated = goal with { Performances = [.. goal.Performances, new Performance(code, p.Groups["title"].Value, prov)] };
                goals[goals.IndexOf(goal)] = updated;
                current = updated;
            }
            else if (Codes.GoalLine().Match(text) is { Success: true } g)
            {
                current = goals.FindLast(x => x.Code == g.Groups["code"].Value) ?? AddGoal(g.Groups["code"].Value, g.Groups["title"].Value, prov);
            }
            else
            {
                Residue(text, current is null ? "text in a goals table before any goal code" : $"text in a goals table without a code (after {current.Code})", prov);
            }
        }
    }

    private Goal AddGoal(string code, string title, string provenance)
    {
        var area = Codes.AreaOf(code);
        NoteArea(area, provenance);
        var goal = new Goal(code, area, title, [], [], provenance);
        goals.Add(goal);
        return goal;
    }

    /// <summary>A goal row inside an indicator table: the goal is known already, or it is new; a different title is kept and noted.</summary>
    private void NoteGoalFromIndicatorTable(string code, string title, string provenance)
    {
        var goal = goals.FindLast(g => g.Code == code);
        if (goal is null)
        {
            AddGoal(code, title, provenance);
        }
        else if (goal.Title != title && !goal.OtherTitles.Contains(title))
        {
            goals[goals.IndexOf(goal)] = goal with { OtherTitles = [.. goal.OtherTitles, title] };
            Warn("goal-title-differs", $"goal {code} is '{goal.Title}' in its goals table and '{title}' in an indicator table", provenance);
        }
    }
}
