using Begroting.Model.Canonical;

namespace Begroting.Pipeline.Normalisation;

/// <summary>The money columns of a jaarstukken table whose header cannot be read in full, given by the order every such table prints them in, when its sums confirm it.</summary>
/// <remarks>
/// Jaarstukken print their programmakosten as Rekening Y-1 | Begroting Y | Wijziging | Begroting Y na wijziging |
/// Rekening Y | Verschil Y (<see cref="Vocabulary.JaarstukkenMoneyColumns"/>). A scan of a header whose cells were
/// printed over each other ('Begroting 2017', 'Wijziging' and 'Begroting 2017 na wijziging' in one smudge) leaves
/// columns of amounts without a kind. They are given the kind of their place only when everything else holds: as
/// many columns of amounts as the order has, every column that was read standing where the order puts it (with its
/// year), and in the rows the sums that make the order what it is, Begroting + Wijziging = Begroting na wijziging and
/// Begroting na wijziging - Rekening = Verschil, to within rounding. Anything less and nothing is inferred.
/// </remarks>
public static class StandardColumns
{
    /// <summary>A column as its header was read: its place among the table's cells, and the kind and year read, if any.</summary>
    public sealed record Read(int Position, ColumnKind? Kind, int? Year);

    /// <summary>The columns with their kind and year, and the places of those whose kind (or year) the order gave.</summary>
    public sealed record Inferred(IReadOnlyList<(int Position, ColumnKind Kind, int Year)> Columns, IReadOnlySet<int> Given);

    /// <param name="columns">Every column of amounts of the body, in order, as its header was read.</param>
    /// <param name="rows">The body's rows: each row's amounts as printed numbers, by column place (null where none).</param>
    /// <param name="documentYear">The year of the jaarstukken, when no column names one.</param>
    public static Inferred? Infer(IReadOnlyList<Read> columns, IReadOnlyList<IReadOnlyDictionary<int, decimal>> rows, int? documentYear)
    {
        var order = Vocabulary.JaarstukkenMoneyColumns;
        if (columns.Count != order.Length || columns.All(c => c.Kind is not null))
        {
            return null;
        }

        // Every column read stands where the order puts it, and all that name a year name the same Y.
        int? year = null;
        var known = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (columns[i].Kind is { } kind)
            {
                if (kind != order[i].Kind)
                {
                    return null;
                }

                known++;
            }

            // A year under no word that was read may be a smudge too ('2047'): only the columns read give Y.
            if (columns[i].Kind is not null && columns[i].Year is { } y)
            {
                if (year is { } other && other != y - order[i].YearOffset)
                {
                    return null;
                }

                year = y - order[i].YearOffset;
            }
        }

        // Half the header read, one of its columns a kind only jaarstukken have: the table is one of them.
        var distinctive = columns.Any(c => c.Kind is ColumnKind.Wijziging or ColumnKind.BegrotingNaWijziging or ColumnKind.Verschil);
        year ??= documentYear;
        if (known < order.Length / 2 || !distinctive || year is null)
        {
            return null;
        }

        // The sums of the order, in the printed units, in every row that has all six amounts.
        var (checkedRows, agreeing) = (0, 0);
        foreach (var row in rows)
        {
            if (columns.Any(c => !row.ContainsKey(c.Position)))
            {
                continue;
            }

            var a = columns.Select(c => row[c.Position]).ToArray();
            checkedRows++;
            if (Math.Abs(a[1] + a[2] - a[3]) <= 1 && Math.Abs(a[3] - a[4] - a[5]) <= 1)
            {
                agreeing++;
            }
        }

        // A digit misread by OCR may break one row's sums; the order must hold in nearly all of them.
        if (checkedRows < 2 || agreeing * 10 < checkedRows * 9)
        {
            return null;
        }

        var given = new HashSet<int>();
        var result = new List<(int Position, ColumnKind Kind, int Year)>();
        for (var i = 0; i < order.Length; i++)
        {
            if (columns[i].Kind is null || columns[i].Year is null)
            {
                given.Add(columns[i].Position);
            }

            result.Add((columns[i].Position, order[i].Kind, year.Value + order[i].YearOffset));
        }

        return new Inferred(result, given);
    }
}
