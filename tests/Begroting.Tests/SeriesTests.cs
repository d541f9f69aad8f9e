using Begroting.Store;

namespace Begroting.Tests;

/// <summary>A series' targets with the realisations of their year beside them.</summary>
public class SeriesTests
{
    private static SeriesRow Row(string kind, int year, double? value, string publication, int? quarter = null, string? unit = "count") =>
        new(kind, year, quarter, value, value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nnb", unit, publication, publication, publication + "-doc", "9D1.a", string.Empty, string.Empty);

    [Fact]
    public void A_target_gets_every_realisation_of_its_year_from_any_publication_none_picked_or_averaged()
    {
        var rows = StoreQueries.WithRealised(
        [
            Row("realisatie", 2021, 12, "jaarstukken-2021"),
            Row("realisatie", 2021, 14, "jaarstukken-2022"),
            Row("realisatie", 2021, null, "jaarstukken-2024"),
            Row("realisatie", 2022, 13, "jaarstukken-2022"),
            Row("realisatie", 2021, 3, "jaarstukken-2021", quarter: 1),
            Row("prognose", 2021, 11, "begroting-2021"),
            Row("streefwaarde", 2021, 10, "begroting-2018"),
            Row("streefwaarde", 2023, 10, "begroting-2018"),
        ]);

        var target = Assert.Single(rows, r => r is { Kind: "streefwaarde", Year: 2021 });
        Assert.Equal(["jaarstukken-2021 12", "jaarstukken-2022 14", "jaarstukken-2024 "], target.Realised.Select(r => $"{r.Publication} {r.Value}"));
        Assert.Empty(Assert.Single(rows, r => r is { Kind: "streefwaarde", Year: 2023 }).Realised);
        Assert.All(rows.Where(r => r.Kind != "streefwaarde"), r => Assert.Empty(r.Realised));
        Assert.Equal(8, rows.Count);
    }

    [Fact]
    public void A_quarterly_target_gets_the_realisation_of_its_quarter_only()
    {
        var rows = StoreQueries.WithRealised(
        [
            Row("realisatie", 2025, 40, "jaarstukken-2025"),
            Row("realisatie", 2025, 9, "kwartaal-2025", quarter: 1),
            Row("streefwaarde", 2025, 8, "begroting-2025", quarter: 1),
        ]);

        Assert.Equal([9.0], Assert.Single(rows, r => r.Kind == "streefwaarde").Realised.Select(r => r.Value));
    }
}
