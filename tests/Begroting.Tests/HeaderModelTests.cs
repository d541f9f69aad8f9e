using Begroting.Pipeline.Normalisation;

namespace Begroting.Tests;

public class HeaderModelTests
{
    private static bool Group(string h) => h.StartsWith("Streef", StringComparison.Ordinal) || h.StartsWith("Realisatie", StringComparison.Ordinal) || h.StartsWith("Meerjaren", StringComparison.Ordinal);

    [Theory]
    [InlineData(2)] // the group word in the first spanned cell (tabs, expanded HTML spans)
    [InlineData(3)] // centred over its years (a printed PDF)
    public void A_spanning_group_word_names_every_year_column_under_it(int at)
    {
        var top = new[] { "Effectindicator", "Realisatie", string.Empty, string.Empty, string.Empty, string.Empty, "Bron" };
        top[at] = "Streefwaarden";
        string[] years = [string.Empty, string.Empty, "2018", "2019", "2020", "2021", string.Empty];
        var columns = HeaderModel.Read([top, years], 7, Group, out var positional);
        Assert.True(positional);
        Assert.Equal(["Effectindicator", "Realisatie", "Streefwaarden 2018", "Streefwaarden 2019", "Streefwaarden 2020", "Streefwaarden 2021", "Bron"], columns.Select(c => c.Text));
        Assert.Equal([null, null, 2018, 2019, 2020, 2021, null], columns.Select(c => c.Year));
    }

    [Fact]
    public void Years_in_a_narrower_row_expand_the_last_group_without_a_year()
    {
        var columns = HeaderModel.Read([["Effectindicator", "Realisatie", "Streefwaarde 2024", "Bron"], ["2021", "2022", "2023", "2024"]], 7, Group, out var positional);
        Assert.False(positional);
        Assert.Equal(["Effectindicator", "Realisatie 2021", "Realisatie 2022", "Realisatie 2023", "Realisatie 2024", "Streefwaarde 2024", "Bron"], columns.Select(c => c.Text));
    }

    [Fact]
    public void A_group_word_printed_over_its_first_year_only_names_the_bare_years_after_it()
    {
        var columns = HeaderModel.Read([["", "", "Rekening 2016", "Begroting 2017", "Meerjarenraming 2019", "2020", "2021"]], 7, Group, out _);
        Assert.Equal(["Meerjarenraming 2019", "Meerjarenraming 2020", "Meerjarenraming 2021"], columns.Skip(4).Select(c => c.Text));
        var notAGroup = HeaderModel.Read([["", "Rekening 2016", "2017"]], 3, Group, out _);
        Assert.Equal("2017", notAGroup[2].Text);
    }

    [Fact]
    public void Years_that_lost_their_spans_under_one_word_per_year_name_one_column_each()
    {
        // 'Streefwaarde' over '2018' in each cell, the two lines split into two rows; the year row dropped its empty cells.
        var columns = HeaderModel.Read([["Effectindicator", "Realisatie", "Streefwaarde", "Streefwaarde", "Streefwaarde", "Bron"], ["2018", "2019", "2020"]], 6, Group, out var positional);
        Assert.True(positional);
        Assert.Equal(["Effectindicator", "Realisatie", "Streefwaarde 2018", "Streefwaarde 2019", "Streefwaarde 2020", "Bron"], columns.Select(c => c.Text));
    }

    [Fact]
    public void A_lone_year_under_a_flattened_group_names_its_first_column()
    {
        var columns = HeaderModel.Read([["Effectindicator", "Realisatie", "Streefwaarden", "2019", "2020", "Bron"], ["2018"]], 6, Group, out var positional);
        Assert.True(positional);
        Assert.Equal([null, null, 2018, 2019, 2020, null], columns.Select(c => c.Year));
        Assert.Equal("Streefwaarden 2020", columns[4].Text);
    }

    [Fact]
    public void Years_that_lost_their_spans_name_the_one_year_columns_before_the_group_that_spans_several()
    {
        // 'Rekening' over '2016' ... and 'Meerjarenraming' over three years, every cell's two lines split into rows.
        static bool Money(string h) => h.StartsWith("Rekening", StringComparison.Ordinal) || h.StartsWith("Begroting", StringComparison.Ordinal) || Group(h);
        var columns = HeaderModel.Read([["Bedragen x € 1.000", "Rekening", "Begroting", "Begroting", "Meerjarenraming"], ["2016", "2017", "2018"], ["2019", "2020", "2021"]], 8, Group, out var positional, Money);
        Assert.False(positional);
        Assert.Equal(["Rekening 2016", "Begroting 2017", "Begroting 2018", "Meerjarenraming 2019", "Meerjarenraming 2020", "Meerjarenraming 2021"], columns.Skip(1).Select(c => c.Text));
    }

    [Theory]
    [InlineData("Werk")] // the corner's second line, the unit, before the years
    [InlineData("")]
    public void Each_cell_over_its_own_year_takes_one_year_also_when_its_group_word_repeats(string corner)
    {
        static bool Money(string h) => h.StartsWith("Rekening", StringComparison.Ordinal) || h.StartsWith("Begroting", StringComparison.Ordinal) || Group(h);
        List<string> top = ["Rekening", "Begroting", "Meerjarenraming", "Meerjarenraming"];
        List<string> years = ["2016", "2017", "2019", "2020"];
        if (corner.Length > 0)
        {
            top.Insert(0, corner);
            years.Insert(0, "bedragen x € 1.000");
        }

        var columns = HeaderModel.Read([top, years], 8, Group, out _, Money);
        Assert.Equal(["Rekening 2016", "Begroting 2017", "Meerjarenraming 2019", "Meerjarenraming 2020"], columns.Skip(corner.Length > 0 ? 1 : 0).Select(c => c.Text));
    }

    [Fact]
    public void A_row_as_wide_as_the_row_above_continues_its_cells()
    {
        static bool Money(string h) => h.StartsWith("Rekening", StringComparison.Ordinal) || h.StartsWith("Wijziging", StringComparison.Ordinal) || h.StartsWith("Begroting", StringComparison.Ordinal);
        var columns = HeaderModel.Read([["Rekening", "Wijziging", "Begroting 2017"], ["2016", "Begroting", "na wijziging"]], 5, Group, out _, Money);
        Assert.Equal(["Rekening 2016", "Wijziging Begroting", "Begroting 2017 na wijziging"], columns.Select(c => c.Text));
    }
}
