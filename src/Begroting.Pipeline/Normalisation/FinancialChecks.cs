using Begroting.Model.Canonical;

namespace Begroting.Pipeline.Normalisation;

/// <summary>What the arithmetic checks made of a document's tables of amounts.</summary>
/// <param name="Tables">The tables, with OCR digits corrected and the confidence of OCR amounts adjusted.</param>
/// <param name="Warnings">One <c>arithmetic</c> warning per sum that does not add up, one <c>arithmetic-repair</c> per corrected digit.</param>
/// <param name="Repairs">The corrected OCR amounts: what was read, what it became and which sums decided it.</param>
/// <param name="Checks">How many sums had every cell present and were checked.</param>
public sealed record FinancialCheckResult(IReadOnlyList<FinancialTable> Tables, IReadOnlyList<Warning> Warnings, IReadOnlyList<Repair> Repairs, int Checks);

/// <summary>Checks that the sums of every table of amounts add up, and corrects a digit that OCR misread when the sums leave no doubt.</summary>
/// <remarks>
/// <para>
/// Checked per column, and only where every cell of a sum holds a figure (a '-', a missing line or a table shape without
/// the lines skips the sum, silently): in each row group Saldo = Lasten + Baten (baten are printed negative), or
/// Saldo = Toevoeging + Onttrekking in a reserve; Mutaties reserves = Toevoeging + Onttrekking; a total group
/// ('Programma', 'Totaal', 'Reserves programma 9') = the sum of the groups above it, line by line; Resultaat = the
/// programme's Saldo van baten en lasten + Mutaties reserves; and across the columns of jaarstukken
/// Begroting na wijziging = Begroting + Wijziging and Verschil = Begroting na wijziging - Rekening. The documents print
/// Verschil that way round (positive where less was spent than budgeted: Jaarstukken 2024, 9A lasten 13.058 - 12.758 = 301
/// after rounding), so that sign is the one checked. Figures are rounded to the table's unit, so a difference within the
/// rounding of the terms passes (one printed unit for two or three terms, two for four or five, and so on). Tables of the same kind, title and columns that follow each
/// other are one table broken over pages, and are checked as one.
/// </para>
/// <para>
/// An amount read by OCR (flag <c>ocr</c>) is corrected only when the failing sums that touch one another all share
/// exactly one such amount for which exactly one change of one digit into a digit OCR confuses it with
/// (<see cref="Readers.Ocr.TextRepair.Confusions.Digits"/>) makes every sum it is part of add up. Two amounts or two changes that
/// would do leave everything as read, with the warnings. Text that was given (no <c>ocr</c> flag) is never changed.
/// Confidence of an OCR amount: at least 0.99 when every sum it is part of adds up, halved when one does not, 0.9 after
/// a correction; amounts without a confidence keep none.
/// </para>
/// </remarks>
public static class FinancialChecks
{
    /// <summary>The warning code of a sum that does not add up.</summary>
    public const string FailureCode = "arithmetic";

    /// <summary>The warning code of an OCR digit corrected because the sums singled it out.</summary>
    public const string RepairCode = "arithmetic-repair";

    public static FinancialCheckResult Run(IReadOnlyList<FinancialTable> tables) => new FinancialChecksCore(tables).Run();
}

/// <summary>An amount of a document's tables: table, row and position in the row's amounts.</summary>
internal readonly record struct CellRef(int Table, int Row, int Amount) : IComparable<CellRef>
{
    public int CompareTo(CellRef other) => (Table, Row, Amount).CompareTo((other.Table, other.Row, other.Amount));
}

/// <summary>One term of a sum: the cell, its sign, and how a message names it.</summary>
internal sealed record Term(CellRef Cell, int Sign, string Label);

/// <summary>A sum to check: the target cell should equal the signed sum of the terms.</summary>
internal sealed record Check(string Rule, string Scope, CellRef Target, string TargetLabel, IReadOnlyList<Term> Terms)
{
    public IReadOnlyList<CellRef> Cells { get; } = [.. Terms.Select(t => t.Cell).Prepend(Target).Distinct()];

    public string Name => $"{Rule} ({Scope})";
}

/// <summary>Per-call state of one run of the arithmetic checks.</summary>
internal sealed partial class FinancialChecksCore(IReadOnlyList<FinancialTable> tables)
{
    private readonly List<Check> checks = [];
    private readonly Dictionary<CellRef, List<Check>> checksOf = [];
    private readonly SortedDictionary<CellRef, Correction> corrections = [];
    private readonly Dictionary<Check, string> notes = new(ReferenceEqualityComparer.Instance);

    public FinancialCheckResult Run()
    {
        foreach (var run in Runs())
        {
            AddChecks(run);
        }

        foreach (var check in checks)
        {
            foreach (var cell in check.Cells)
            {
                if (!checksOf.TryGetValue(cell, out var list))
                {
                    checksOf[cell] = list = [];
                }

                list.Add(check);
            }
        }

        CorrectOcrDigits();

        var warnings = new List<Warning>();
        var repairs = new List<Repair>();
        foreach (var (cell, fix) in corrections)
        {
            var amount = At(cell);
            repairs.Add(new Repair(amount.Raw, fix.Raw, fix.Reason, amount.Provenance));
            warnings.Add(new Warning(FinancialChecks.RepairCode, $"OCR read '{amount.Raw}', corrected to '{fix.Raw}': {fix.Reason}", amount.Provenance));
        }

        foreach (var check in checks.Where(c => !Passes(c)).OrderBy(c => c.Target))
        {
            var message = Describe(check) + (notes.TryGetValue(check, out var note) ? "; " + note : string.Empty);
            warnings.Add(new Warning(FinancialChecks.FailureCode, message, At(check.Target).Provenance));
        }

        var result = tables.Select((t, ti) => t with
        {
            Rows = t.Rows.Select((r, ri) => r with { Amounts = r.Amounts.Select((a, ai) => Adjust(new CellRef(ti, ri, ai), a)).ToList() }).ToList(),
        }).ToList();
        return new FinancialCheckResult(result, warnings, repairs, checks.Count);
    }

    private Amount At(CellRef cell) => tables[cell.Table].Rows[cell.Row].Amounts[cell.Amount];

    private string RawOf(CellRef cell) => corrections.TryGetValue(cell, out var fix) ? fix.Raw : At(cell).Raw;

    /// <summary>The euros of a cell: a trial value, else a correction made, else as read (checks are built only on cells with a figure).</summary>
    private decimal Value(CellRef cell, params ReadOnlySpan<(CellRef Cell, decimal Euros)> trial)
    {
        foreach (var t in trial)
        {
            if (t.Cell == cell)
            {
                return t.Euros;
            }
        }

        return corrections.TryGetValue(cell, out var fix) ? fix.Euros : At(cell).Euros!.Value;
    }

    private decimal Expected(Check check, params ReadOnlySpan<(CellRef Cell, decimal Euros)> trial)
    {
        var sum = 0m;
        foreach (var t in check.Terms)
        {
            sum += t.Sign * Value(t.Cell, trial);
        }

        return sum;
    }

    /// <summary>
    /// Figures are rounded to the printed unit, each by less than half a unit, so a sum of n printed terms may miss its
    /// printed total by less than (n + 1) / 2 units: one unit for two or three terms, two for four or five (Begroting 2017,
    /// programma 4: five saldi add up to 2.359, the total prints 2.361).
    /// </summary>
    private bool Passes(Check check, params ReadOnlySpan<(CellRef Cell, decimal Euros)> trial) =>
        Math.Abs(Expected(check, trial) - Value(check.Target, trial)) <= Math.Max(1, check.Terms.Count / 2) * Scale(check.Target);

    private decimal Scale(CellRef cell) => tables[cell.Table].Scale ?? 1m;

    private string Describe(Check check)
    {
        var scale = Scale(check.Target);
        var expected = Expected(check);
        var terms = string.Join(" ", check.Terms.Select((t, i) => (t.Sign < 0 ? "- " : i == 0 ? string.Empty : "+ ") + Cite(t.Label, t.Cell)));
        return $"{check.Name} does not add up: {Cite(check.TargetLabel, check.Target)} should be {DutchValue.FormatDutch(expected / scale)} = {terms}"
            + $" (a difference of {DutchValue.FormatDutch(Math.Abs(Value(check.Target) - expected) / scale)})";
    }

    private string Cite(string label, CellRef cell) => $"{label} '{RawOf(cell)}' at {At(cell).Provenance}";

    /// <summary>Confidence of an OCR amount after the checks; amounts without one (given text) keep none.</summary>
    private Amount Adjust(CellRef cell, Amount amount)
    {
        if (corrections.TryGetValue(cell, out var fix))
        {
            return amount with
            {
                Euros = fix.Euros,
                Raw = fix.Raw,
                Flags = amount.Flags.Contains(RepairedFlag) ? amount.Flags : [.. amount.Flags, RepairedFlag],
                Confidence = amount.Confidence is null ? null : CorrectedConfidence,
            };
        }

        if (amount.Confidence is not { } confidence || !checksOf.TryGetValue(cell, out var involved))
        {
            return amount;
        }

        return amount with { Confidence = involved.All(c => Passes(c)) ? Math.Max(confidence, AgreedConfidence) : confidence * 0.5 };
    }

    private const string OcrFlag = "ocr";
    private const string RepairedFlag = "repaired";
    private const double AgreedConfidence = 0.99;
    private const double CorrectedConfidence = 0.9;

    /// <summary>A digit corrected: the amount as it should read, in euros, and the sums that decided it.</summary>
    private sealed record Correction(string Raw, decimal Euros, string Reason);
}
