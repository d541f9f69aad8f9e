using Begroting.Linking;
using Begroting.Model.Canonical;

namespace Begroting.Tests;

public class LinkingTests
{
    private static LinkIndicator Ind(string key, string name, string? code = null, string? unit = null, params LinkValue[] values) =>
        new(key, key[..key.IndexOf('/', StringComparison.Ordinal)], int.Parse(key[..4], System.Globalization.CultureInfo.InvariantCulture), code, code?[..3], code?[..2], name, unit, null, null, values);

    [Fact]
    public void Names_are_folded_and_stripped_of_numbers_and_stop_words()
    {
        Assert.Equal(["aantal", "client", "maatwerkarrangement", "wmo"], TextSimilarity.Tokens("Aantal cliënten met een maatwerkarrangement WMO per 10.000 inwoners"));
        Assert.Equal(["stadsenquete"], TextSimilarity.Tokens("Stadsenquête"));
        Assert.Equal(["sociale", "cohesie"], TextSimilarity.Tokens("Sociale samenhang"));
    }

    [Fact]
    public void Keys_tell_a_code_printed_twice_and_uncoded_indicators_apart_by_order()
    {
        Indicator I(string? code) => new(code, null, null, "x", null, null, [], [], "p");
        Assert.Equal(["9C1.b", "9C1.c#1", "9C1.c#2", "#1", "#2"], IndicatorKeys.Of([I("9C1.b"), I("9C1.c"), I("9C1.c"), I(null), I(null)]));
    }

    [Fact]
    public void Per_1000_and_per_10000_are_one_measure_at_another_scale_and_values_are_compared_scaled()
    {
        Assert.True(Units.Compatible("per_1000", "per_10000"));
        Assert.False(Units.Compatible("percent", "count"));
        var a = Ind("2018-a/9C2.b", "Aantal clienten per 10.000 inwoners", "9C2.b", "per_10000", new LinkValue(ObservationKind.Realisatie, 2015, 615));
        var b = Ind("2024-b/9C2.b", "Aantal clienten per 1.000 inwoners", "9C2.b", "per_1000", new LinkValue(ObservationKind.Realisatie, 2015, 61.5m));
        var f = new PairFeatures([a, b]).Of(a.Key, b.Key);
        Assert.Equal(1f, f[Array.IndexOf(PairFeatures.Names, "values_agree")]);
        Assert.Equal(0f, f[Array.IndexOf(PairFeatures.Names, "unit_conflict")]);
    }

    [Fact]
    public void Series_hold_one_indicator_per_publication_and_overrides_win()
    {
        var a = Ind("2017-p/9D1.h", "statushouders", "9D1.h");
        var b = Ind("2018-p/9D1.g", "statushouders", "9D1.g");
        var b2 = Ind("2018-p/9D1.x", "statushouders ook", "9D1.x");
        var c = Ind("2024-p/9D1.e", "statushouders", "9D1.e");
        var scores = new List<(string, string, double)> { (a.Key, b.Key, 0.9), (a.Key, b2.Key, 0.8), (b.Key, c.Key, 0.7), (a.Key, c.Key, 0.6) };

        var plain = SeriesBuilder.Build([a, b, b2, c], scores, [], 0.5);
        var linked = Assert.Single(plain, s => s.Members.Count == 3);
        Assert.Equal([a.Key, b.Key, c.Key], linked.Members.Select(m => m.Key));
        Assert.Contains(plain, s => s.Members.Count == 1 && s.Members[0].Key == b2.Key);

        // 'different' keeps 2018 and 2024 apart whatever the score; 'same' puts the other 2018 indicator in.
        var overridden = SeriesBuilder.Build([a, b, b2, c], scores, [new LabelledPair(b.Key, c.Key, false, "test"), new LabelledPair(a.Key, b2.Key, true, "test"), new LabelledPair(a.Key, c.Key, false, "test")], 0.5);
        var withA = Assert.Single(overridden, s => s.Members.Any(m => m.Key == a.Key));
        Assert.Equal([a.Key, b2.Key], withA.Members.Select(m => m.Key));
        Assert.All(withA.Members, m => Assert.True(m.ByOverride));
        Assert.Contains(overridden, s => s.Members.Count == 1 && s.Members[0].Key == c.Key);
    }

    [Fact]
    public void Link_files_need_their_header_and_a_label_of_same_or_different()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "a,b,label,reason\np/1,q/1,same,\"why, with a comma\"\n");
            var pair = Assert.Single(LinkFiles.Load(path));
            Assert.True(pair.Same);
            Assert.Equal("why, with a comma", pair.Reason);
            File.WriteAllText(path, "a,b,label,reason\np/1,q/1,maybe,x\n");
            var e = Assert.Throws<InvalidDataException>(() => LinkFiles.Load(path));
            Assert.Contains(":2:", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
