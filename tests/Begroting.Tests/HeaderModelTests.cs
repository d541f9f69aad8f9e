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
}
