using Begroting.Model.Canonical;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using Begroting.Pipeline.Export;

namespace Begroting.Tests;

/// <summary>The traps of domain.md, each on a small inline table.</summary>
public class NormaliserTests
{
    private const string BudgetHeader = "Programmabegroting 2018\n\nProgrammanummer\t7\n\nBeleidsterrein 7A Werk\n\n";

    [Fact]
    public void Two_row_indicator_header_with_goal_rows_and_several_realisations()
    {
        var doc = TestDocuments.Normalise(BudgetHeader +
            "Effectindicator\tRealisatie\tStreefwaarden\t\t\t\tBron\n" +
            "\t\t2018\t2019\t2020\t2021\t\n" +
            "Doel 7A1 Meer mensen aan het werk\t\t\t\t\t\t\n" +
            "7A1.a Percentage werkenden\t60% (2015) 62% (2016)*\t-\t80%-\t-\t65%\tCBS\n\n" +
            "* Voorlopig cijfer.\n");
        var ind = Assert.Single(doc.Indicators);
        Assert.Equal("7A1.a", ind.Code);
        Assert.Equal("7A1", ind.GoalCode);
        Assert.Equal("percent", ind.Unit);
        Assert.Equal("CBS", ind.Source);
        Assert.Equal(6, ind.Observations.Count);
        var tagged = ind.Observations.Where(o => o.Kind == ObservationKind.Realisatie).ToList();
        Assert.Equal([2015, 2016], tagged.Select(o => o.Year!.Value));
        Assert.Equal("Voorlopig cijfer.", Assert.Single(tagged[1].Footnotes).Text);
        var typo = ind.Observations.Single(o => o.Year == 2019);
        Assert.Equal(80m, typo.Value);
        Assert.Contains("trailing_dash", typo.Flags);
        Assert.Null(ind.Observations.Single(o => o.Year == 2018).Value);
        Assert.Equal("7", doc.Programme!.Number);
        Assert.Equal(DocumentKind.Programmabegroting, doc.Document.Kind);
        Assert.Equal(2018, doc.Document.Year);
    }

    [Fact]
    public void A_table_cut_by_a_page_break_without_its_header_repeated_goes_on_on_the_next_page()
    {
        // A paged layout (PDF): the header only on page 1, the rest of each table at the top of page 2.
        static Table Grid(int page, params string[][] rows) => new(
            rows.Select(r => new TableRow(r.Select(t => new Cell(t.Length > 0 ? [t] : [], new SourceRef("split.pdf", Page: page))).ToList(), new SourceRef("split.pdf", Page: page))).ToList(),
            TableForm.Grid,
            new SourceRef("split.pdf", Page: page));
        Block[] blocks =
        [
            new Heading(1, "Programmabegroting 2018", new SourceRef("split.pdf", Page: 1)),
            new Paragraph(["Programma 9 Maatschappelijke ondersteuning"], new SourceRef("split.pdf", Page: 1)),
            new Heading(2, "Effectindicatoren", new SourceRef("split.pdf", Page: 1)),
            Grid(1, ["Effectindicator", "Realisatie", "Streefwaarde 2018", "Bron"], ["Doel 9A1 Inwoners doen mee", "", "", ""], ["9A1.a Percentage vrijwilligers", "30% (2015)", "32%", "Stadsenquête"]),
            Grid(2, ["9A1.b Percentage mantelzorgers", "20% (2015)", "21%", "Stadsenquête"]) with { GapBefore = 1 },
            new Heading(2, "Programmakosten", new SourceRef("split.pdf", Page: 2)),
            new Paragraph(["Bedragen x € 1.000,-"], new SourceRef("split.pdf", Page: 2)),
            Grid(2, ["", "", "Rekening 2016", "Begroting 2017"], ["Preventie", "", "", ""], ["", "Lasten", "1.200", "1.300"], ["", "Baten", "-100", "-200"]),
            Grid(3, ["Ondersteuning", "", "", ""], ["", "Lasten", "5.000", "6.000"], ["", "Baten", "-300", "-400"]) with { GapBefore = 1 },
        ];
        var doc = Begroting.Pipeline.Normalisation.Normaliser.Normalise(new LayoutDocument("split.pdf", "pdf", blocks, []), new Begroting.Pipeline.Normalisation.DocumentContext("split", "split.pdf", new string('0', 64)));

        var mantelzorg = Assert.Single(doc.Indicators, i => i.Code == "9A1.b");
        Assert.Equal([(ObservationKind.Realisatie, 2015), (ObservationKind.Streefwaarde, 2018)], mantelzorg.Observations.Select(o => (o.Kind, o.Year!.Value)));
        var money = Assert.Single(doc.FinancialTables);
        Assert.Equal(["Preventie", "Preventie", "Ondersteuning", "Ondersteuning"], money.Rows.Select(r => r.Group));
        Assert.Equal(-400_000m, Facts.Of(doc).Single(f => f.Subject == "Ondersteuning" && f.Measure == "baten" && f.Period == "2017").Value is { } v ? decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : 0m);
    }

    [Fact]
    public void A_line_that_reads_like_another_programmes_policy_area_is_no_area_of_this_one()
    {
        // A footnote '3' with a bullet read as 'C' before a list of towns, in programme 7; 7B has an area and no goals.
        var doc = TestDocuments.Normalise(BudgetHeader + "Beleidsterrein 7B Inkomen\n\n3C Kaag en Braasem, Leiden, Leiderdorp, Oegstgeest\n\n" +
            "Doel\tPrestatie\n7A1 Inwoners werken\t7A1.1 Bemiddelen\n\n");

        Assert.Equal(["7A", "7B"], doc.PolicyAreas.Select(a => a.Code).Order());
        Assert.Contains(doc.Residue, r => r.Text.StartsWith("3C Kaag en Braasem", StringComparison.Ordinal) && r.Reason.Contains("programme 7", StringComparison.Ordinal));
    }

    [Fact]
    public void An_indicator_line_no_table_read_goes_to_residue_not_away()
    {
        // A page whose table could not be laid out: its rows are left as lines of prose.
        var doc = TestDocuments.Normalise("Programmabegroting 2018\n\nProgramma 9 Maatschappelijke ondersteuning\n\nEffectindicatoren\n\n" +
            "9B1.a Percentage inwoners dat zich kan redden in het dagelijks leven 94% (2017) - 95% - 97% Stadsenquete\n\n" +
            "Doel\tPrestatie\n9A1 Inwoners doen mee\t9A1.1 Ontmoeten\n\n");

        Assert.Contains(doc.Residue, r => r.Text.StartsWith("9B1.a Percentage inwoners", StringComparison.Ordinal) && r.Reason.Contains("no table read", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.Residue, r => r.Text.Contains("9A1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bare_code_before_a_list_of_towns_does_not_give_the_programme_when_the_text_names_it()
    {
        // The 2013 plan read by OCR: a footnote '3' and a bullet read as '3C' before the towns, and 'programma 9' in the text.
        var doc = TestDocuments.Normalise("Beleidsplan Maatschappelijke Ontwikkeling 2013-2017\n\n3C Kaag en Braasem, Leiden, Leiderdorp, Oegstgeest,\nVoorschoten, Zoeterwoude\n\n" +
            "Het grootste deel van de kosten valt onder programma 9.\nProgramma 9 omvat in 2013 een bedrag van € 43.500.000.\n");

        Assert.Equal("9", doc.Programme?.Number);
        Assert.Empty(doc.PolicyAreas);
    }

    [Fact]
    public void Another_programmes_area_whose_goals_the_document_holds_stays()
    {
        var doc = TestDocuments.Normalise(BudgetHeader + "Beleidsterrein 3C Ondernemen\n\n" +
            "Doel\tPrestatie\n7A1 Inwoners werken\t7A1.1 Bemiddelen\n7A2 Meer werk\t7A2.1 Scholen\n3C1 Ondernemers groeien\t3C1.1 Loket\n\n");

        Assert.Contains(doc.PolicyAreas, a => a.Code == "3C");
    }

    [Fact]
    public void A_row_one_value_short_goes_to_residue_not_to_a_guessed_column()
    {
        var doc = TestDocuments.Normalise(
            "Effectindicator | Realisatie | Streefwaarde 2024 | Bron | |||\n---|---|---|---|---|---|---|\n2021 | 2022 | 2023 | 2024 | |||\n" +
            "Doel 4B1 Veilige buurten | ||||||\n" +
            "4B1.a Aantal inbraken | 12 | 8 | 23 | nnb | 12 | Politie |\n" +
            "4B1.b Gemiddelde wachttijd in maanden | 6 | 9 | 8 | 6 | Politie | |\n");
        var full = doc.Indicators.Single(i => i.Code == "4B1.a");
        Assert.Equal(5, full.Observations.Count);
        Assert.Contains(full.Observations, o => o.Year == 2024 && o.Kind == ObservationKind.Realisatie && o.Flags.Contains("not_yet_known"));
        Assert.Equal(12m, full.Observations.Single(o => o.Kind == ObservationKind.Streefwaarde).Value);
        var shortRow = doc.Indicators.Single(i => i.Code == "4B1.b");
        Assert.Empty(shortRow.Observations);
        Assert.Contains(doc.Residue, r => r.Text.Contains("4B1.b", StringComparison.Ordinal) && r.Reason.Contains("without guessing", StringComparison.Ordinal));
    }

    [Fact]
    public void One_cell_per_line_rows_are_rebuilt_from_codes_and_value_shapes()
    {
        var doc = TestDocuments.Normalise(
            "Home / Beleidsbegroting / Programmaplan / Werk / Beleidsterrein 7A Werk\n\nEffectindicatoren bij 7A Werk\n\n" +
            "Effectindicator\n\nRealisatie\n\nStreefwaarden\n\nBron\n\n2017\n\n2018\n\n" +
            "Doel 7A1 Meer werk\n\n7A1.a Aantal banen\n\n100 (2014)\n\n110 (2015)\n120 (2016)\n\n130\n\n140\n\nCBS\n\n" +
            "7A1.b Aantal vacatures\n\n50 (progn. 2016)\n\n-\n\n-\n\nUWV\n");
        Assert.Equal(DocumentKind.Programmabegroting, doc.Document.Kind);
        Assert.Equal(2017, doc.Document.Year);
        var a = doc.Indicators.Single(i => i.Code == "7A1.a");
        Assert.Equal([2014, 2015, 2016, 2017, 2018], a.Observations.Select(o => o.Year!.Value));
        Assert.Equal("CBS", a.Source);
        var b = doc.Indicators.Single(i => i.Code == "7A1.b");
        Assert.Equal(ObservationKind.Prognose, b.Observations[0].Kind);
        Assert.Equal(3, b.Observations.Count);
    }

    [Fact]
    public void A_table_continued_after_a_repeated_header_shares_its_footnotes()
    {
        var header = "Effectindicator\tRealisatie\tStreefwaarden\t\tBron\n\t\t2018\t2019\t\n";
        var doc = TestDocuments.Normalise(BudgetHeader + header + "7A1.a Aantal banen*\t1 (2016)\t2\t3\tCBS\n\n" + header + "7A1.b Aantal vacatures**\t4 (2016)\t5\t6\tUWV\n\n* Eerste noot.\n** Tweede noot.\n");
        Assert.Equal(2, doc.Indicators.Count);
        Assert.Equal("Tweede noot.", Assert.Single(doc.Indicators[1].Footnotes).Text);
        Assert.Equal("Aantal vacatures", doc.Indicators[1].Name);
    }

    [Fact]
    public void A_goal_titled_differently_in_an_indicator_table_is_kept_and_noted()
    {
        var doc = TestDocuments.Normalise(BudgetHeader + "Doel\tPrestatie\n7A1 Inwoners werken\t7A1.1 Bemiddelen\n\n" +
            "Effectindicator\tRealisatie\tStreefwaarden\t\tBron\n\t\t2018\t2019\t\n7A1 Burgers werken\t\t\t\t\n7A1.a Aantal banen\t1 (2016)\t2\t3\tCBS\n");
        var goal = Assert.Single(doc.Goals);
        Assert.Equal("Inwoners werken", goal.Title);
        Assert.Equal(["Burgers werken"], goal.OtherTitles);
        Assert.Contains(doc.Warnings, w => w.Code == "goal-title-differs");
    }

    [Fact]
    public void Budget_rows_carry_area_names_down_and_scale_to_euros()
    {
        var doc = TestDocuments.Normalise(BudgetHeader +
            "Werk bedragen x € 1.000,-\t\tRekening 2016\tBegroting 2017\tBegroting 2018\tMeerjarenraming\t\n" +
            "\t\t\t\t\t2019\t2020\n" +
            "Werk\tLasten\t1.000\t2.000\t3.000\t4.000\t5.000\n\tBaten\t-1\t0\t-0\t-\t-2\nSaldo\t\t999\t2.000\t3.000\t4.000\t4.998\n" +
            "Resultaat\t\t1\t2\t3\t4\t5\n");
        var table = Assert.Single(doc.FinancialTables);
        Assert.Equal(1000m, table.Scale);
        Assert.Equal([ColumnKind.Rekening, ColumnKind.Begroting, ColumnKind.Begroting, ColumnKind.Meerjarenraming, ColumnKind.Meerjarenraming], table.Columns.Select(c => c.Kind));
        Assert.Equal([2016, 2017, 2018, 2019, 2020], table.Columns.Select(c => c.Year!.Value));
        Assert.Equal(["lasten", "baten", "saldo", "resultaat"], table.Rows.Select(r => r.Line));
        Assert.All(table.Rows.Take(3), r => Assert.Equal("7A", r.PolicyArea));
        Assert.Equal(-1000m, table.Rows[1].Amounts[0].Euros);
        Assert.Null(table.Rows[1].Amounts[3].Euros);
        Assert.Equal("Resultaat", table.Rows[3].Group);
    }

    [Fact]
    public void A_group_named_on_a_row_of_its_own_opens_the_lines_below_it()
    {
        // Framed pipe rows; the first group's row sits right under the header, above the first amount.
        var doc = TestDocuments.Normalise("Programmabegroting 2018\n\nProgramma 7 Werk\n\nbedragen x € 1.000\n\n" +
            "|  |  | Rekening 2016 | Begroting 2017 |\n|---|---|---|---|\n| Werk |\n|  | Lasten | 1 | 2 |\n|  | Baten | -1 | 0 |\n| Saldo |  | 0 | 2 |\n" +
            "| Inkomen |\n|  | Lasten | 3 | 4 |\n|  | Baten | -3 | -4 |\n");
        var table = Assert.Single(doc.FinancialTables);
        Assert.Equal(FinancialTableKind.Budget, table.Kind);
        Assert.Equal([2016, 2017], table.Columns.Select(c => c.Year!.Value));
        Assert.Equal(["Werk", "Werk", "Werk", "Inkomen", "Inkomen"], table.Rows.Select(r => r.Group));
        Assert.Equal(["lasten", "baten", "saldo", "lasten", "baten"], table.Rows.Select(r => r.Line));
        Assert.Equal(3000m, table.Rows[3].Amounts[0].Euros);
        Assert.DoesNotContain(doc.Residue, r => r.Text.Contains("Lasten", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tab_export_keeps_rows_without_tabs_and_runs_on_past_a_page_number_and_running_title()
    {
        // Trailing tabs dropped: the scale row and the group rows have none. The page break repeats the title and header.
        const string header = "\t\tRekening 2016\tBegroting 2017\nbedragen x € 1.000\n";
        var doc = TestDocuments.Normalise("Programmabegroting 2018\n\nProgramma 7 Werk\n\n" + header +
            "Werk\n\tLasten\t1\t2\n\tBaten\t-1\t0\nInkomen\n\tLasten\t3\t4\n\n12\n\nProgrammabegroting 2018\n\n" +
            header + "\tBaten\t-3\t-4\n\tSaldo\t0\t0\n\n13\n\nProgrammabegroting 2018\n\n" + header + "Zorg\n\tLasten\t5\t6\n");
        var table = Assert.Single(doc.FinancialTables);
        Assert.Equal(1000m, table.Scale);
        Assert.Equal(["Werk", "Werk", "Inkomen", "Inkomen", "Inkomen", "Zorg"], table.Rows.Select(r => r.Group));
        Assert.Equal(-4000m, table.Rows[3].Amounts[1].Euros);
    }

    [Fact]
    public void A_crawled_table_of_amounts_with_its_unit_under_the_headers_is_rebuilt()
    {
        var cells = new[] { "Rekening 2016", "Begroting 2017", "Bedragen x € 1.000,-", "Werk", "Lasten", "1.000", "2.000", "Baten", "-1", "0", "Saldo", "999", "2.000" };
        var doc = TestDocuments.Normalise("Programmabegroting 2018\n\nProgramma 7 Werk\n\nProgrammakosten\n\n" + string.Join("\n\n", cells) + "\n");
        var table = Assert.Single(doc.FinancialTables);
        Assert.Equal(1000m, table.Scale);
        Assert.Equal(["lasten", "baten", "saldo"], table.Rows.Select(r => r.Line));
        Assert.Equal(2_000_000m, table.Rows[0].Amounts[1].Euros);
    }

    [Fact]
    public void Tables_apart_by_more_than_page_chrome_stay_apart()
    {
        const string header = "\t\tRekening 2016\tBegroting 2017\nbedragen x € 1.000\n";
        var doc = TestDocuments.Normalise("Programmabegroting 2018\n\nProgramma 7 Werk\n\n" + header + "Werk\tLasten\t1\t2\n\n12\n\nProgramma 8 Inkomen\n\n" +
            header + "Inkomen\tLasten\t3\t4\n");
        Assert.Equal(2, doc.FinancialTables.Count);
    }

    [Fact]
    public void Jaarstukken_columns_are_read_whatever_the_serialisation_did_to_the_spans()
    {
        var doc = TestDocuments.Normalise(
            "Werk | Rekening 2023 | Begroting 2024 | Wijziging Begroting | Begroting 2024 na wijziging | Rekening 2024 | Verschil 2024 | |\n---|---|---|---|---|---|---|---|\nBedragen x € 1.000,- | |||||||\n" +
            "Werk | Lasten | 1 | 2 | 3 | 5 | 4 | 1 |\nBaten | -1 | -2 | 0 | -2 | -1 | -1 |\nSaldo | 0 | 0 | 3 | 3 | 3 | 0 |\n\n9A Werk\n");
        Assert.Equal(DocumentKind.Jaarstukken, doc.Document.Kind);
        Assert.Equal(2024, doc.Document.Year);
        var table = Assert.Single(doc.FinancialTables);
        Assert.Equal([ColumnKind.Rekening, ColumnKind.Begroting, ColumnKind.Wijziging, ColumnKind.BegrotingNaWijziging, ColumnKind.Rekening, ColumnKind.Verschil], table.Columns.Select(c => c.Kind));
        Assert.Equal(2024, table.Columns[2].Year);
        Assert.Equal(["lasten", "baten", "saldo"], table.Rows.Select(r => r.Line));
        Assert.Equal(-2000m, table.Rows[1].Amounts[1].Euros);
    }

    [Fact]
    public void A_header_whose_lines_a_scan_put_out_of_order_keeps_its_kind_and_a_lone_wijziging_stays_wijziging()
    {
        var doc = TestDocuments.Normalise(
            "Werk | Rekening 2023 | Begroting 2024 | Wijziging | Begroting 2024 wijziging na | Rekening 2024 | Verschil 2024 | |\n---|---|---|---|---|---|---|---|\nBedragen x € 1.000,- | |||||||\n" +
            "Werk | Lasten | 1 | 2 | 3 | 5 | 4 | 1 |\nBaten | -1 | -2 | 0 | -2 | -1 | -1 |\nSaldo | 0 | 0 | 3 | 3 | 3 | 0 |\n\n9A Werk\n");
        var table = Assert.Single(doc.FinancialTables);
        Assert.Equal([ColumnKind.Rekening, ColumnKind.Begroting, ColumnKind.Wijziging, ColumnKind.BegrotingNaWijziging, ColumnKind.Rekening, ColumnKind.Verschil], table.Columns.Select(c => c.Kind));
    }

    [Fact]
    public void A_table_continued_with_its_header_cut_into_other_rows_is_one_table()
    {
        // Page 1 has the header in two rows ('Begroting' over '2024'), page 2 in one; the last reserve's Saldo row
        // is on page 2.
        var doc = TestDocuments.Normalise(
            "Jaarstukken 2024\n\nProgrammanummer\t7\n\n" +
            "Reserves programma 7\t\tRekening 2023\tBegroting\tVerschil 2024\n\t\t\t2024\t\nBedragen x € 1.000,-\t\t\t\t\n" +
            "Reserve Werk P7\tToevoeging\t10\t20\t0\n\tOnttrekking\t-5\t-5\t0\n\n" +
            "Reserves programma 7\t\tRekening 2023\tBegroting 2024\tVerschil 2024\nBedragen x € 1.000,-\t\t\t\t\n" +
            "\tSaldo\t5\t15\t0\nReserve Inkomen P7\tToevoeging\t1\t2\t0\n\tOnttrekking\t-1\t-2\t0\n\tSaldo\t0\t0\t0\n");
        var table = Assert.Single(doc.FinancialTables);
        Assert.Equal(["toevoeging", "onttrekking", "saldo", "toevoeging", "onttrekking", "saldo"], table.Rows.Select(r => r.Line));
        Assert.Equal(["Reserve Werk P7", "Reserve Werk P7", "Reserve Werk P7", "Reserve Inkomen P7", "Reserve Inkomen P7", "Reserve Inkomen P7"], table.Rows.Select(r => r.Group));
    }

    [Fact]
    public void A_policy_plan_states_indicators_in_sentences()
    {
        var doc = TestDocuments.Normalise(
            "Het Beleidsplan 2013 - 2017 zet de doelen.\n\n5.1 Indicatoren\n\ne Sociale samenhang: In 2011 werd hierop\neen 5,8 gemeten. Ambitie 6,1 in 2017.\nBron: Veiligheidsmonitor\n\n" +
            "De gemiddelde verblijfsduur in de crisis-\nopvang neemt af tot 90\ndagen. In 2006 werd een gemiddelde\nverblijfsduur van 4 maanden gemeten.\nBron: De Binnenvest\n\n5.2 Evaluatie\n\nProgramma 9 omvat in 2013 een bedrag van\nafgerond € 43.500.000,--.\n");
        Assert.Equal(DocumentKind.Beleidsplan, doc.Document.Kind);
        var cohesion = doc.Indicators.Single(i => i.Name == "Sociale samenhang");
        Assert.Equal("Veiligheidsmonitor", cohesion.Source);
        Assert.Equal([(ObservationKind.Realisatie, 2011, 5.8m), (ObservationKind.Streefwaarde, 2017, 6.1m)], cohesion.Observations.Select(o => (o.Kind, o.Year!.Value, o.Value!.Value)));
        var stay = doc.Indicators.Single(i => i.Name.StartsWith("De gemiddelde verblijfsduur in de crisisopvang", StringComparison.Ordinal));
        var target = stay.Observations.Single(o => o.Kind == ObservationKind.Streefwaarde);
        Assert.Equal((2017, "days"), (target.Year!.Value, target.Unit!));
        Assert.Contains("period_inferred", target.Flags);
        Assert.Equal("months", stay.Observations.Single(o => o.Kind == ObservationKind.Realisatie).Unit);
        var money = Assert.Single(Facts.Of(doc), f => f.TableKind == "budget");
        Assert.Equal(("43500000", "2013"), (money.Value, money.Period));
    }

    [Fact]
    public void A_document_without_any_programme_is_refused_at_line_one()
    {
        var e = Assert.Throws<DocumentException>(() => TestDocuments.Normalise("Boodschappenlijst\n\nmelk, brood en kaas voor het weekend, en nog wat fruit voor de kinderen die komen logeren bij ons.\n", "lijst.txt"));
        Assert.Equal("no-programme", e.Code);
        Assert.Contains("lijst.txt:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_off_inside_a_table_is_refused_at_its_last_row()
    {
        var e = Assert.Throws<DocumentException>(() => TestDocuments.Normalise(BudgetHeader + "Doel\tPrestatie\n7A1 Werk\t7A1.1 Bemiddelen\n7A2 Meer werk\t7A2.1 Bemi", "cut.txt"));
        Assert.Equal("truncated", e.Code);
        Assert.Contains("cut.txt:9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_of_amounts_one_cell_per_line_is_rebuilt_from_its_header_words_and_value_shapes()
    {
        static string Cells(params string[] cells) => string.Join("\n\n", cells) + "\n\n";
        var doc = TestDocuments.Normalise("Jaarstukken 2017\n\nProgrammakosten\n\n" + Cells(
            "Bestuur en dienstverlening\nbedragen x € 1.000,-",
            "Rekening\n2016", "Begroting\n2017", "Wijziging Begroting", "Begroting 2017 na wijziging", "Rekening\n2017", "Verschil\n2017",
            "Bestuur", "Lasten", "16.575", "11.608", "16.334", "27.942", "27.614", "328",
            "Baten", "-175", "-115", "-236", "-352", "-335", "-17",
            "Saldo", "16.399", "11.493", "16.097", "27.590", "27.279", "311",
            "Resultaat", "16.399", "11.493", "16.097", "27.590", "27.279", "311",
            "Deze tekst volgt de tabel en hoort er niet bij."));

        var table = Assert.Single(doc.FinancialTables);
        Assert.Equal(
            ["2016 Rekening", "2017 Begroting", "2017 Wijziging", "2017 BegrotingNaWijziging", "2017 Rekening", "2017 Verschil"],
            table.Columns.Select(c => $"{c.Year} {c.Kind}"));
        Assert.Equal(["Bestuur lasten", "Bestuur baten", "Bestuur saldo", "Resultaat resultaat"], table.Rows.Select(r => $"{r.Group} {r.Line}"));
        Assert.Equal([-175_000m, -115_000m, -236_000m, -352_000m, -335_000m, -17_000m], table.Rows[1].Amounts.Select(a => a.Euros!.Value));
        Assert.Equal("1", doc.Programme!.Number);
    }

    [Fact]
    public void A_cell_stream_whose_amounts_do_not_fill_the_columns_is_not_made_a_table()
    {
        static string Cells(params string[] cells) => string.Join("\n\n", cells) + "\n\n";
        var doc = TestDocuments.Normalise("Programmabegroting 2018\n\nProgramma 3 Economie\n\n" + Cells(
            "bedragen x € 1.000,-", "Rekening\n2016", "Begroting\n2017", "Ruimte om te ondernemen", "Lasten", "1.100"));

        Assert.Empty(doc.FinancialTables);
    }

    [Fact]
    public void An_indicator_stream_whose_name_column_has_no_header_opens_at_its_first_realisatie()
    {
        static string Cells(params string[] cells) => string.Join("\n\n", cells) + "\n\n";
        var doc = TestDocuments.Normalise("Jaarstukken 2017\n\nEffectindicatoren bij 7B Peuterspeelopvang en kinderopvang\n\n" + Cells(
            "Jeugd en onderwijs", "Realisatie 2014", "Realisatie 2015", "Streefwaarde 2017",
            "7B1.a Percentage 2- en 3-jarigen met opvang", "80%", "92%", "95%", "Smallsteps"));

        var indicator = Assert.Single(doc.Indicators);
        Assert.Equal("7B1.a", indicator.Code);
        Assert.Equal(["realisatie 2014 80", "realisatie 2015 92", "streefwaarde 2017 95"], indicator.Observations.Select(o => $"{o.Column} {o.Year} {o.Value}"));
        Assert.Equal("Smallsteps", indicator.Source);
    }
}
