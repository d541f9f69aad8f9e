using Begroting.Store;

namespace Begroting.Tests;

public sealed class CitationsTests
{
    [Theory]
    [InlineData("corpus/x.txt#L97;table=3;row=4;col=5", "corpus/x.txt line 97, table 3, row 4, column 5")]
    [InlineData("corpus/x.txt#L144-157;table=2;row=2", "corpus/x.txt lines 144-157, table 2, row 2")]
    [InlineData("corpus/x.pdf#p12;table=1;row=20;col=7", "corpus/x.pdf page 12, table 1, row 20, column 7")]
    [InlineData("site/a.html#/html/body/table[2]/tr[3];table=4;row=3;col=2", "site/a.html at /html/body/table[2]/tr[3], table 4, row 3, column 2")]
    [InlineData("corpus/x.txt", "corpus/x.txt")]
    [InlineData("something else; entirely", "something else; entirely")]
    public void A_provenance_reads_as_a_place_a_person_can_find(string provenance, string place) => Assert.Equal(place, Citations.Place(provenance));

    [Fact]
    public void A_citation_starts_with_the_publication() =>
        Assert.Equal("Programmabegroting 2018, corpus/x.pdf page 2", Citations.Of("Programmabegroting 2018", "corpus/x.pdf#p2"));
}
