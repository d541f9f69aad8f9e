using Begroting.Model.Text;

namespace Begroting.Tests;

public class HyphenationTests
{
    [Theory]
    [InlineData("We versterken sociale binding en stimu-", "leren participatie", "We versterken sociale binding en stimuleren participatie")]
    [InlineData("het voorkomen van dak-", "en thuisloosheid", "het voorkomen van dak- en thuisloosheid")]
    [InlineData("in-", "en uitvoer", "in- en uitvoer")]
    [InlineData("vracht-", "of verzendkosten", "vracht- of verzendkosten")]
    [InlineData("aanbod van algemene Wmo-", "voorzieningen", "aanbod van algemene Wmo-voorzieningen")]
    [InlineData("het VIPP-", "project", "het VIPP-project")]
    [InlineData("een regel", "en nog een", "een regel en nog een")]
    public void Line_end_hyphens_are_repaired_but_suspended_hyphens_stay(string first, string second, string joined) =>
        Assert.Equal(joined, Hyphenation.JoinLines([first, second]));

    [Theory]
    [InlineData("  twee   spaties\u00A0en\u00ADzacht\n", "twee spaties enzacht")]
    [InlineData("al schoon", "al schoon")]
    [InlineData("", "")]
    public void Whitespace_collapses_and_soft_hyphens_vanish(string text, string expected) => Assert.Equal(expected, Whitespace.Collapse(text));
}
