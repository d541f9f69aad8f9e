using Begroting.Model.Canonical;
using Begroting.Pipeline.Normalisation;

namespace Begroting.Tests;

/// <summary>The sums of programmakosten and reserves tables, and the OCR digits they may correct.</summary>
public class FinancialChecksTests
{
    private static readonly FinancialColumn[] BudgetColumns =
    [
        new(1, 2016, ColumnKind.Rekening, "Rekening 2016"),
        new(2, 2017, ColumnKind.Begroting, "Begroting 2017"),
    ];

    private static readonly FinancialColumn[] AnnualColumns =
    [
        new(1, 2023, ColumnKind.Rekening, "Rekening 2023"),
        new(2, 2024, ColumnKind.Begroting, "Begroting 2024"),
        new(3, 2024, ColumnKind.Wijziging, "Wijziging Begroting"),
        new(4, 2024, ColumnKind.BegrotingNaWijziging, "Begroting 2024 na wijziging"),
        new(5, 2024, ColumnKind.Rekening, "Rekening 2024"),
        new(6, 2024, ColumnKind.Verschil, "Verschil 2024"),
    ];

    /// <summary>Two policy areas of Begroting 2018 with their programme total, reserves and result (x € 1.000).</summary>
    private static readonly string[] Programmakosten =
    [
        "Sociale binding en participatie|9A|lasten|6.596|7.542",
        "Sociale binding en participatie|9A|baten|-2|0",
        "Sociale binding en participatie|9A|saldo|6.594|7.542",
        "Preventie|9B|lasten|9.295|10.166",
        "Preventie|9B|baten|-531|-579",
        "Preventie|9B|saldo|8.764|9.587",
        "Programma||lasten|15.891|17.708",
        "Programma||baten|-533|-579",
        "Programma||saldo|15.358|17.129",
        "Reserves||toevoeging|5.386|6.127",
        "Reserves||onttrekking|-2.094|-7.985",
        "Reserves||mutaties|3.292|-1.858",
        "Resultaat||resultaat|18.650|15.271",
    ];

    /// <summary>9A of Jaarstukken 2024 as printed: Verschil 301 where 13.058 - 12.758 is 300 (rounding), 81 where it is 82.</summary>
    private static readonly string[] Jaarstukken =
    [
        "Sociale binding en participatie|9A|lasten|12.385|12.884|174|13.058|12.758|301",
        "Sociale binding en participatie|9A|baten|-441|-12|-527|-539|-621|81",
        "Sociale binding en participatie|9A|saldo|11.944|12.872|-353|12.519|12.137|382",
    ];

    [Fact]
    public void A_table_whose_sums_agree_gives_no_warning_and_raises_ocr_confidence()
    {
        var result = FinancialChecks.Run([Table(BudgetColumns, Programmakosten)]);
        Assert.Empty(result.Warnings);
        Assert.Empty(result.Repairs);

        // Per column: three saldi, one mutaties, the programme's three lines, one resultaat.
        Assert.Equal(16, result.Checks);

        var read = FinancialChecks.Run([Ocr(Table(BudgetColumns, Programmakosten), 0.8)]);
        Assert.Empty(read.Warnings);
        Assert.All(Amounts(read.Tables), a => Assert.Equal(0.99, a.Confidence));
        Assert.All(Amounts(FinancialChecks.Run([Table(BudgetColumns, Programmakosten)]).Tables), a => Assert.Null(a.Confidence));
    }

    [Fact]
    public void A_wrong_saldo_is_an_arithmetic_warning_naming_the_cell_its_value_and_the_expected_value()
    {
        var table = With(Table(BudgetColumns, Programmakosten), "9A saldo 1", "6.694");
        var result = FinancialChecks.Run([table]);
        Assert.Empty(result.Repairs);
        var saldo = Cell(table, "9A saldo 1");
        var warnings = result.Warnings.Where(w => w.Code == FinancialChecks.FailureCode).ToList();

        // The area's saldo and the programme's total saldo both fail, and both name the cell.
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains($"'6.694' at {saldo.Provenance}", w.Message, StringComparison.Ordinal));
        var own = Assert.Single(warnings, w => w.Message.StartsWith("Saldo = Lasten + Baten", StringComparison.Ordinal));
        Assert.Equal(saldo.Provenance, own.Provenance);
        Assert.Contains("Sociale binding en participatie, Rekening 2016", own.Message, StringComparison.Ordinal);
        Assert.Contains($"saldo '6.694' at {saldo.Provenance} should be 6.594", own.Message, StringComparison.Ordinal);
        Assert.Contains($"lasten '6.596' at {Cell(table, "9A lasten 1").Provenance}", own.Message, StringComparison.Ordinal);
        Assert.Contains($"+ baten '-2' at {Cell(table, "9A baten 1").Provenance}", own.Message, StringComparison.Ordinal);
        Assert.Contains("a difference of 100", own.Message, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Message.StartsWith("Programma = sum of the groups above (saldo, Rekening 2016)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_difference_of_one_printed_unit_is_rounding_and_passes()
    {
        var result = FinancialChecks.Run([With(Table(BudgetColumns, Programmakosten), "9A saldo 1", "6.595")]);
        Assert.Empty(result.Warnings);
        var two = FinancialChecks.Run([With(Table(BudgetColumns, Programmakosten), "9A saldo 1", "6.596")]);
        Assert.Contains(two.Warnings, w => w.Code == FinancialChecks.FailureCode);
    }

    [Fact]
    public void A_single_misread_ocr_digit_is_corrected_and_the_repair_recorded()
    {
        var table = With(Ocr(Table(BudgetColumns, Programmakosten), 0.8), "9A lasten 1", "6.536");
        var result = FinancialChecks.Run([table]);

        var repair = Assert.Single(result.Repairs);
        var read = Cell(table, "9A lasten 1");
        Assert.Equal(("6.536", "6.596", read.Provenance), (repair.Original, repair.Repaired, repair.Provenance));
        Assert.Contains("Saldo = Lasten + Baten (Sociale binding en participatie, Rekening 2016)", repair.Reason, StringComparison.Ordinal);
        Assert.Contains("Programma = sum of the groups above (lasten, Rekening 2016)", repair.Reason, StringComparison.Ordinal);

        var corrected = Cell(result.Tables[0], "9A lasten 1");
        Assert.Equal(("6.596", 6_596_000m, 0.9), (corrected.Raw, corrected.Euros, corrected.Confidence));
        Assert.Equal(["ocr", "repaired"], corrected.Flags);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((FinancialChecks.RepairCode, read.Provenance), (warning.Code, warning.Provenance));
        Assert.Contains("OCR read '6.536', corrected to '6.596'", warning.Message, StringComparison.Ordinal);

        // The sums now agree, so every other amount is trusted.
        Assert.All(Amounts(result.Tables).Where(a => a.Provenance != read.Provenance), a => Assert.Equal(0.99, a.Confidence));
    }

    [Fact]
    public void Misread_digits_in_sums_that_share_no_cell_are_each_corrected()
    {
        var table = With(With(Ocr(Table(BudgetColumns, Programmakosten), 0.8), "9A lasten 1", "6.536"), "9B baten 2", "-519");
        var result = FinancialChecks.Run([table]);
        Assert.Equal([("6.536", "6.596"), ("-519", "-579")], result.Repairs.Select(r => (r.Original, r.Repaired)));
        Assert.DoesNotContain(result.Warnings, w => w.Code == FinancialChecks.FailureCode);
    }

    [Fact]
    public void A_minus_sign_the_OCR_lost_is_put_back_when_the_sums_single_it_out()
    {
        var table = With(Ocr(Table(BudgetColumns, Programmakosten), 0.8), "9B baten 2", "579");
        var result = FinancialChecks.Run([table]);
        var repair = Assert.Single(result.Repairs);
        Assert.Equal(("579", "-579"), (repair.Original, repair.Repaired));
        Assert.Equal(-579_000m, Cell(result.Tables[0], "9B baten 2").Euros);
    }

    [Fact]
    public void Two_misread_cells_that_only_one_pair_of_changes_explains_are_both_corrected()
    {
        // Lasten and baten of 9B both misread: no single change makes the row and both columns add up.
        var table = With(With(Ocr(Table(BudgetColumns, Programmakosten), 0.8), "9B lasten 1", "9.235"), "9B baten 1", "531");
        var result = FinancialChecks.Run([table]);
        Assert.Equal([("531", "-531"), ("9.235", "9.295")], result.Repairs.Select(r => (r.Original, r.Repaired)).OrderBy(r => r.Original));
        Assert.All(result.Repairs, r => Assert.Contains("the only two changes", r.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Warnings, w => w.Code == FinancialChecks.FailureCode);
    }

    [Fact]
    public void Two_cells_that_would_each_do_are_not_corrected()
    {
        // Only Saldo = Lasten + Baten holds these cells: '6.694' as 6.594 fits, and so does '6.596' as 6.696.
        var table = Ocr(Table(BudgetColumns, "Sociale binding en participatie|9A|lasten|6.596|7.542", "Sociale binding en participatie|9A|baten|-2|0", "Sociale binding en participatie|9A|saldo|6.694|7.542"), 0.8);
        var result = FinancialChecks.Run([table]);
        Assert.Empty(result.Repairs);
        Assert.Equal("6.694", Cell(result.Tables[0], "9A saldo 1").Raw);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(FinancialChecks.FailureCode, warning.Code);
        Assert.Contains("not corrected: 2 one-digit OCR corrections", warning.Message, StringComparison.Ordinal);

        // A failed sum halves the confidence of the amounts in it; those of the column that adds up are raised.
        Assert.All(new[] { "9A lasten 1", "9A baten 1", "9A saldo 1" }, k => Assert.Equal(0.4, Cell(result.Tables[0], k).Confidence));
        Assert.Equal(0.99, Cell(result.Tables[0], "9A saldo 2").Confidence);
    }

    [Fact]
    public void Two_corrections_of_one_cell_that_would_each_do_are_not_made()
    {
        // 6.601 - 2 = 6.599: '6.590' read with its last digit as 8 or 9 is within rounding of it either way.
        var table = Table(BudgetColumns, "Sociale binding en participatie|9A|lasten|6.601|7.542", "Sociale binding en participatie|9A|baten|-2|0", "Sociale binding en participatie|9A|saldo|6.590|7.542");
        var result = FinancialChecks.Run([With(table, "9A saldo 1", "6.590", ocr: true)]);
        Assert.Empty(result.Repairs);
        Assert.Contains("('6.590' as '6.598'", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_without_the_ocr_flag_is_never_corrected()
    {
        var given = With(Table(BudgetColumns, Programmakosten), "9A lasten 1", "6.536");
        var result = FinancialChecks.Run([given]);
        Assert.Empty(result.Repairs);
        Assert.Equal(("6.536", 6_536_000m), (Cell(result.Tables[0], "9A lasten 1").Raw, Cell(result.Tables[0], "9A lasten 1").Euros));
        Assert.Equal(2, result.Warnings.Count(w => w.Code == FinancialChecks.FailureCode && w.Message.Contains(Cell(given, "9A lasten 1").Provenance, StringComparison.Ordinal)));

        // Also when every other amount was read by OCR: the sums single out the one given figure, which stays as printed.
        var mixed = With(Ocr(Table(BudgetColumns, Programmakosten), 0.8), "9A lasten 1", "6.536", ocr: false);
        var mixedResult = FinancialChecks.Run([mixed]);
        Assert.Empty(mixedResult.Repairs);
        Assert.Equal("6.536", Cell(mixedResult.Tables[0], "9A lasten 1").Raw);
        Assert.Null(Cell(mixedResult.Tables[0], "9A lasten 1").Confidence);
    }

    [Fact]
    public void Jaarstukken_amended_budget_and_difference_are_checked_with_the_documents_sign()
    {
        var table = Table(AnnualColumns, Jaarstukken);
        var result = FinancialChecks.Run([table]);
        Assert.Empty(result.Warnings);

        // Six saldi, three Begroting na wijziging, three Verschil.
        Assert.Equal(12, result.Checks);

        // Verschil printed as Rekening - Begroting na wijziging would be the opposite sign: all three fail.
        var flipped = With(With(With(table, "9A lasten 6", "-301"), "9A baten 6", "-81"), "9A saldo 6", "-382");
        var flippedWarnings = FinancialChecks.Run([flipped]).Warnings;
        Assert.Equal(3, flippedWarnings.Count);
        Assert.All(flippedWarnings, w => Assert.StartsWith("Verschil = Begroting na wijziging - Rekening", w.Message, StringComparison.Ordinal));

        // A wrong amended budget fails its own column sum, its saldo and the difference, all naming the cell.
        var wrong = With(table, "9A lasten 4", "13.158");
        var warnings = FinancialChecks.Run([wrong]).Warnings;
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Contains(Cell(wrong, "9A lasten 4").Provenance, w.Message, StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.StartsWith("Begroting na wijziging = Begroting + Wijziging (Sociale binding en participatie lasten)", StringComparison.Ordinal)
            && w.Message.Contains("should be 13.058", StringComparison.Ordinal));

        // Read by OCR, the same cell is put back.
        var read = FinancialChecks.Run([With(Ocr(table, 0.7), "9A lasten 4", "13.658")]);
        Assert.Equal(("13.658", "13.058"), (Assert.Single(read.Repairs).Original, read.Repairs[0].Repaired));
    }

    [Fact]
    public void A_table_broken_over_pages_is_checked_as_one_and_dashes_skip_their_sums()
    {
        var reserves = new[] { new FinancialColumn(1, 2016, ColumnKind.Rekening, "Rekening 2016"), new FinancialColumn(2, 2017, ColumnKind.Begroting, "Begroting 2017") };
        var first = Table(reserves, "Reserve gemeentelijk deel GSB OGGZ||toevoeging|0|-", "Reserve gemeentelijk deel GSB OGGZ||onttrekking|-249|-150", "Reserve gemeentelijk deel GSB OGGZ||saldo|-249|-150") with { Kind = FinancialTableKind.Reserves };
        var second = Table(reserves, "Reserve zachte landing 3D's P9||toevoeging|5.386|6.091", "Reserve zachte landing 3D's P9||onttrekking|-1.699|-5.588", "Reserve zachte landing 3D's P9||saldo|3.687|503", "Reserves programma 9||saldo|3.438|353") with { Kind = FinancialTableKind.Reserves };
        var result = FinancialChecks.Run([first, second]);
        Assert.Empty(result.Warnings);

        // Saldo = Toevoeging + Onttrekking: three of four ('-' skips one); the total over both parts: two.
        Assert.Equal(5, result.Checks);

        // Told apart (another title), the second part's total sees only its own reserve, and no longer adds up.
        var apart = FinancialChecks.Run([first, second with { Title = "Andere reserves" }]);
        Assert.Equal(2, apart.Warnings.Count);
        Assert.All(apart.Warnings, w => Assert.StartsWith("Reserves programma 9 = sum of the groups above (saldo, ", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_normaliser_checks_the_tables_it_reads()
    {
        var doc = TestDocuments.Normalise(
            "Programmabegroting 2018\n\nProgrammanummer\t9\n\nProgrammakosten\n\n" +
            "Maatschappelijke ondersteuning bedragen x € 1.000,-\t\tRekening 2016\tBegroting 2017\n" +
            "Sociale binding en participatie\tLasten\t6.596\t7.542\n" +
            "\tBaten\t-2\t0\n" +
            "Saldo\t\t6.694\t7.542\n");
        var saldo = doc.FinancialTables.Single().Rows.Single(r => r.Line == "saldo").Amounts[0];
        var warning = Assert.Single(doc.Warnings, w => w.Code == FinancialChecks.FailureCode);
        Assert.Equal(saldo.Provenance, warning.Provenance);
        Assert.Contains($"saldo '6.694' at {saldo.Provenance} should be 6.594", warning.Message, StringComparison.Ordinal);
        Assert.Empty(doc.Repairs);
    }

    /// <summary>A table from lines 'group|area|line|raw|raw...' in thousands; the provenance of a cell is its line and column.</summary>
    private static FinancialTable Table(IReadOnlyList<FinancialColumn> columns, params string[] lines)
    {
        var rows = lines.Select((line, i) =>
        {
            var parts = line.Split('|');
            var prov = $"t.txt#L{i + 1};table=1;row={i + 1}";
            var amounts = parts.Skip(3).Select((raw, c) => new Amount(c + 1, DutchValue.ParseCell(raw)!.Number * 1000m, raw, [], $"{prov};col={c + 3}")).ToList();
            return new FinancialRow(parts[0], parts[1].Length > 0 ? parts[1] : null, parts[2], parts[2], amounts, prov);
        }).ToList();
        return new FinancialTable(FinancialTableKind.Budget, "Maatschappelijke ondersteuning", 1000m, columns, rows, "t.txt#L1;table=1");
    }

    private static FinancialTable Ocr(FinancialTable table, double confidence) =>
        Map(table, a => a with { Flags = [.. a.Flags, "ocr"], Confidence = confidence });

    /// <summary>The cell 'area line column' ('9A saldo 1') read as another text; with ocr set, flagged (or not) as read by OCR.</summary>
    private static FinancialTable With(FinancialTable table, string key, string raw, bool? ocr = null)
    {
        var target = Cell(table, key);
        return Map(table, a => a.Provenance != target.Provenance ? a : a with
        {
            Raw = raw,
            Euros = DutchValue.ParseCell(raw)!.Number * table.Scale,
            Flags = ocr switch { true => [.. a.Flags.Where(f => f != "ocr"), "ocr"], false => [.. a.Flags.Where(f => f != "ocr")], null => a.Flags },
            Confidence = ocr switch { true => a.Confidence ?? 0.8, false => null, null => a.Confidence },
        });
    }

    private static Amount Cell(FinancialTable table, string key)
    {
        var parts = key.Split(' ');
        var row = table.Rows.Single(r => (r.PolicyArea ?? r.Group) == parts[0] && r.Line == parts[1]);
        return row.Amounts.Single(a => a.Column == int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static FinancialTable Map(FinancialTable table, Func<Amount, Amount> map) =>
        table with { Rows = table.Rows.Select(r => r with { Amounts = r.Amounts.Select(map).ToList() }).ToList() };

    private static IEnumerable<Amount> Amounts(IEnumerable<FinancialTable> tables) => tables.SelectMany(t => t.Rows).SelectMany(r => r.Amounts);
}
