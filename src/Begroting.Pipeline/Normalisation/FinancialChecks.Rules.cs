using Begroting.Model.Canonical;

namespace Begroting.Pipeline.Normalisation;

/// <summary>A row of a run of tables, with where it sits.</summary>
internal sealed record RowRef(int Table, int Row, FinancialRow Data);

/// <summary>Consecutive rows of one group label: a policy area, a reserve, the programme total.</summary>
internal sealed class RowGroup(string name, string? policyArea)
{
    private readonly List<RowRef> rows = [];
    private readonly List<string> lineNames = [];
    private readonly Dictionary<string, RowRef?> lines = new(StringComparer.Ordinal);

    public string Name => name;

    public IReadOnlyList<RowRef> Rows => rows;

    /// <summary>The lines in the order of their first row.</summary>
    public IReadOnlyList<string> LineNames => lineNames;

    public bool IsTotal { get; } = policyArea is null && Vocabulary.TotalGroups.Any(w => StartsWithWord(name, w));

    public bool HasLastenOrBaten => Has("lasten") || Has("baten");

    public bool Has(string line) => lines.ContainsKey(line);

    /// <summary>The one row of a line; none when the group has no such line or more than one.</summary>
    public RowRef? Line(string line) => lines.GetValueOrDefault(line);

    public void Add(RowRef row)
    {
        rows.Add(row);
        if (lines.TryAdd(row.Data.Line, row))
        {
            lineNames.Add(row.Data.Line);
        }
        else
        {
            lines[row.Data.Line] = null;
        }
    }

    private static bool StartsWithWord(string name, string word) =>
        name.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (name.Length == word.Length || !char.IsLetter(name[word.Length]));
}

/// <summary>Which sums are checked: the rules of the programmakosten and reserves tables.</summary>
internal sealed partial class FinancialChecksCore
{
    /// <summary>Tables that follow each other with the same kind, title, scale and columns are one table broken over pages.</summary>
    private IEnumerable<List<int>> Runs()
    {
        var run = new List<int>();
        for (var t = 0; t < tables.Count; t++)
        {
            if (run.Count > 0 && !Continues(tables[run[^1]], tables[t]))
            {
                yield return run;
                run = [];
            }

            run.Add(t);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static bool Continues(FinancialTable a, FinancialTable b) =>
        a.Kind == b.Kind && a.Title == b.Title && a.Scale == b.Scale
        && a.Columns.Select(c => (c.Year, c.Kind)).SequenceEqual(b.Columns.Select(c => (c.Year, c.Kind)));

    private List<RowGroup> Groups(List<int> run)
    {
        var groups = new List<RowGroup>();
        foreach (var t in run)
        {
            for (var r = 0; r < tables[t].Rows.Count; r++)
            {
                var row = tables[t].Rows[r];
                if (groups.Count == 0 || groups[^1].Name != row.Group)
                {
                    groups.Add(new RowGroup(row.Group, row.PolicyArea));
                }

                groups[^1].Add(new RowRef(t, r, row));
            }
        }

        return groups;
    }

    private void AddChecks(List<int> run)
    {
        var groups = Groups(run);
        var totals = Enumerable.Range(0, groups.Count).Where(i => groups[i].IsTotal).Select(i => (Total: groups[i], Parts: PartsOf(groups, i))).Where(t => t.Parts.Count > 0).ToList();
        var results = Results(groups);
        foreach (var column in tables[run[0]].Columns)
        {
            foreach (var g in groups)
            {
                var scope = $"{g.Name}, {column.Header}";
                if (g.HasLastenOrBaten)
                {
                    Add("Saldo = Lasten + Baten", scope, (Cell(g.Line("saldo"), column), "saldo"), (Cell(g.Line("lasten"), column), 1, "lasten"), (Cell(g.Line("baten"), column), 1, "baten"));
                }
                else
                {
                    Add("Saldo = Toevoeging + Onttrekking", scope, (Cell(g.Line("saldo"), column), "saldo"), (Cell(g.Line("toevoeging"), column), 1, "toevoeging"), (Cell(g.Line("onttrekking"), column), 1, "onttrekking"));
                }

                Add("Mutaties = Toevoeging + Onttrekking", scope, (Cell(g.Line("mutaties"), column), "mutaties"), (Cell(g.Line("toevoeging"), column), 1, "toevoeging"), (Cell(g.Line("onttrekking"), column), 1, "onttrekking"));
            }

            foreach (var (total, parts) in totals)
            {
                foreach (var line in total.LineNames)
                {
                    Add($"{total.Name} = sum of the groups above", $"{line}, {column.Header}", (Cell(total.Line(line), column), $"{total.Name} {line}"),
                        [.. parts.Select(p => (Cell(p.Line(line), column), 1, $"{p.Name} {line}"))]);
                }
            }

            foreach (var (group, result, saldo, mutaties) in results)
            {
                Add("Resultaat = Saldo van baten en lasten + Mutaties reserves", $"{group.Name}, {column.Header}", (Cell(result, column), "resultaat"),
                    (Cell(saldo, column), 1, $"{saldo.Data.Group} saldo"), (Cell(mutaties, column), 1, $"{mutaties.Data.Group} mutaties"));
            }
        }

        AddColumnChecks(groups, tables[run[0]].Columns);
    }

    /// <summary>The groups a total group adds up: those above it since the previous total or Resultaat.</summary>
    private static List<RowGroup> PartsOf(List<RowGroup> groups, int index)
    {
        var parts = new List<RowGroup>();
        for (var j = index - 1; j >= 0 && !groups[j].IsTotal && !groups[j].Has("resultaat"); j--)
        {
            parts.Insert(0, groups[j]);
        }

        return parts;
    }

    /// <summary>Each Resultaat row with the programme's Saldo van baten en lasten and the Mutaties reserves nearest above it.</summary>
    private static List<(RowGroup Group, RowRef Result, RowRef Saldo, RowRef Mutaties)> Results(List<RowGroup> groups)
    {
        var rows = groups.SelectMany(g => g.Rows.Select(r => (Group: g, Row: r))).ToList();
        var found = new List<(RowGroup, RowRef, RowRef, RowRef)>();
        for (var k = 0; k < rows.Count; k++)
        {
            if (rows[k].Row.Data.Line != "resultaat")
            {
                continue;
            }

            RowRef? saldo = null;
            RowRef? mutaties = null;
            for (var j = k - 1; j >= 0 && rows[j].Row.Data.Line != "resultaat" && saldo is null; j--)
            {
                var (group, row) = rows[j];
                if (row.Data.Line == "mutaties")
                {
                    mutaties ??= row;
                }
                else if (row.Data.Line == "saldo" && group.IsTotal && group.HasLastenOrBaten)
                {
                    saldo = row;
                }
            }

            if (saldo is not null && mutaties is not null)
            {
                found.Add((rows[k].Group, rows[k].Row, saldo, mutaties));
            }
        }

        return found;
    }

    /// <summary>Jaarstukken: Begroting na wijziging = Begroting + Wijziging, Verschil = Begroting na wijziging - Rekening, all of one year.</summary>
    private void AddColumnChecks(List<RowGroup> groups, IReadOnlyList<FinancialColumn> columns)
    {
        foreach (var amended in columns.Where(c => c.Kind == ColumnKind.BegrotingNaWijziging && c.Year is not null))
        {
            FinancialColumn? Single(ColumnKind kind)
            {
                var found = columns.Where(c => c.Kind == kind && c.Year == amended.Year).Take(2).ToList();
                return found.Count == 1 ? found[0] : null;
            }

            var budget = Single(ColumnKind.Begroting);
            var change = Single(ColumnKind.Wijziging);
            var actual = Single(ColumnKind.Rekening);
            var difference = Single(ColumnKind.Verschil);
            foreach (var g in groups)
            {
                foreach (var row in g.Rows)
                {
                    var scope = $"{g.Name} {row.Data.Line}";
                    if (budget is not null && change is not null)
                    {
                        Add("Begroting na wijziging = Begroting + Wijziging", scope, (Cell(row, amended), amended.Header), (Cell(row, budget), 1, budget.Header), (Cell(row, change), 1, change.Header));
                    }

                    if (actual is not null && difference is not null)
                    {
                        // The documents print Verschil as budgeted minus spent (positive: underspent), not the other way round.
                        Add("Verschil = Begroting na wijziging - Rekening", scope, (Cell(row, difference), difference.Header), (Cell(row, amended), 1, amended.Header), (Cell(row, actual), -1, actual.Header));
                    }
                }
            }
        }
    }

    /// <summary>The amount of a row in a column, if it holds a figure.</summary>
    private static CellRef? Cell(RowRef? row, FinancialColumn column)
    {
        if (row is null)
        {
            return null;
        }

        var amounts = row.Data.Amounts;
        for (var i = 0; i < amounts.Count; i++)
        {
            if (amounts[i].Column == column.Index)
            {
                return amounts[i].Euros is null ? null : new CellRef(row.Table, row.Row, i);
            }
        }

        return null;
    }

    /// <summary>Adds a sum only when the target and every term hold a figure: a shape without them skips it.</summary>
    private void Add(string rule, string scope, (CellRef? Cell, string Label) target, params (CellRef? Cell, int Sign, string Label)[] terms)
    {
        if (target.Cell is not { } t || terms.Length == 0 || terms.Any(x => x.Cell is null))
        {
            return;
        }

        checks.Add(new Check(rule, scope, t, target.Label, [.. terms.Select(x => new Term(x.Cell!.Value, x.Sign, x.Label))]));
    }
}
