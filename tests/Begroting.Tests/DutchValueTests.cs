using Begroting.Pipeline.Normalisation;

namespace Begroting.Tests;

public class DutchValueTests
{
    [Theory]
    [InlineData("88.408", "88408", false)]
    [InlineData("-4.570", "-4570", false)]
    [InlineData("5,8", "5.8", false)]
    [InlineData("92,1%", "92.1", true)]
    [InlineData("33%", "33", true)]
    [InlineData("0", "0", false)]
    [InlineData("€ 8,9 miljoen", "8900000", false)]
    public void Reads_dutch_numbers(string text, string expected, bool percent)
    {
        var value = DutchValue.ParseCell(text);
        Assert.NotNull(value);
        Assert.Equal(expected, DutchValue.Format(value.Number!.Value));
        Assert.Equal(percent, value.Percent);
        Assert.Equal(text, value.Raw);
    }

    [Theory]
    [InlineData("-", "no_value")]
    [InlineData("nnb", "not_yet_known")]
    [InlineData("80%-", "trailing_dash")]
    [InlineData("57*", "footnote")]
    [InlineData("-0", "negative_zero")]
    [InlineData("-**", "footnote")]
    public void Flags_what_the_text_says(string text, string flag)
    {
        var value = DutchValue.ParseCell(text);
        Assert.NotNull(value);
        Assert.Contains(flag, value.Flags);
    }

    [Fact]
    public void A_dash_is_no_value_not_zero()
    {
        var value = DutchValue.ParseCell("-");
        Assert.NotNull(value);
        Assert.Null(value.Number);
    }

    [Theory]
    [InlineData("Veiligheidsmonitor")]
    [InlineData("6 9")]
    [InlineData("2025-1x")]
    public void Refuses_what_is_not_one_value(string text) => Assert.Null(DutchValue.ParseCell(text));

    [Fact]
    public void Splits_a_cell_of_year_tagged_values()
    {
        var values = DutchValue.ParseTagged("5,8 (2014) 5,7 (2015) 5,9 (2016)");
        Assert.NotNull(values);
        Assert.Equal([2014, 2015, 2016], values.Select(v => v.Year!.Value));
        Assert.Equal(["5.8", "5.7", "5.9"], values.Select(v => DutchValue.Format(v.Number!.Value)));
        Assert.Equal(["5,8 (2014)", "5,7 (2015)", "5,9 (2016)"], values.Select(v => v.Raw));
    }

    [Fact]
    public void Reads_prognosis_and_glued_footnotes_in_tags()
    {
        var progn = Assert.Single(DutchValue.ParseTagged("308 (progn. 2016)")!);
        Assert.True(progn.Prognosis);
        Assert.Equal(2016, progn.Year);
        var marked = DutchValue.ParseTagged("19% (2013) 14% (2015) 19% (2017)*")!;
        Assert.Equal("*", marked[^1].FootnoteMarker);
        Assert.Equal(string.Empty, marked[0].FootnoteMarker);
    }

    [Fact]
    public void Refuses_a_tagged_cell_with_leftover_text() => Assert.Null(DutchValue.ParseTagged("5,8 (2014) ongeveer"));
}
