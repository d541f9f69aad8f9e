using Begroting.Model.Canonical;
using Begroting.Model.Layout;
using Begroting.Pipeline.Normalisation;

namespace Begroting.Tests;

/// <summary>Pages that name their programme only by name get its number from the register of Leiden's programmes, kept as data.</summary>
public sealed class ProgrammeRegisterTests
{
    [Theory]
    [InlineData("Economie", 2018, "3")]
    [InlineData("Economie en toerisme", 2015, "3")]
    [InlineData("economie  &  toerisme", 2016, "3")]
    [InlineData("Welzijn en zorg", 2012, "9")]
    [InlineData("Maatschappelijke Ondersteuning", 2024, "9")]
    [InlineData("Cultuur, sport en recreatie", 2019, "8")]
    [InlineData("Werk en inkomen:", null, "10")]
    public void A_name_the_programmes_went_by_gives_their_number(string name, int? year, string number) =>
        Assert.Equal(number, ProgrammeRegister.Find(name, year)?.Number);

    [Theory]
    [InlineData("Programmakosten")]
    [InlineData("Lasten")]
    [InlineData("Economie, Kennis, Sport en Gezondheid")]
    [InlineData("")]
    public void Anything_else_is_no_programme(string name) => Assert.Null(ProgrammeRegister.Find(name, 2018));

    [Fact]
    public void Every_row_of_the_register_names_its_evidence_and_no_name_stands_for_two_numbers()
    {
        Assert.NotEmpty(ProgrammeRegister.All);
        Assert.All(ProgrammeRegister.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Evidence)));
        Assert.All(ProgrammeRegister.All, r => Assert.True(r.From <= r.To, r.Name));
        Assert.All(ProgrammeRegister.All.GroupBy(r => ProgrammeRegister.Key(r.Name)), g => Assert.Single(g.Select(r => r.Number).Distinct()));
    }

    [Fact]
    public void A_new_years_wording_is_one_row_of_data()
    {
        var rows = ProgrammeRegister.Parse("number,name,from,to,evidence\n3,Economie,2018,2018,x\n3,Economie en binnenstad,2026,2026,\"a made-up wording, to show a row is enough\"\n");

        Assert.Equal("3", ProgrammeRegister.Find(rows, "Economie en Binnenstad", 2026)?.Number);
        Assert.Null(ProgrammeRegister.Find("Economie en binnenstad", 2026));
    }

    [Fact]
    public void A_table_whose_caption_names_the_programme_gets_its_number_from_the_register_and_its_scale_from_the_caption()
    {
        static Cell C(string text) => new([text], new SourceRef("p.html", Path: "td"));
        static TableRow R(params string[] cells) => new(cells.Select(C).ToList(), new SourceRef("p.html", Path: "tr"));
        var table = new Table(
            [
                R(string.Empty, string.Empty, "Rekening 2016", "Begroting 2017"),
                R("Ruimte om te ondernemen", "Lasten", "1.100", "1.814"),
                R(string.Empty, "Baten", "-423", "-455"),
                R("Saldo", string.Empty, "678", "1.359"),
            ],
            TableForm.Grid,
            new SourceRef("p.html", Path: "table[1]"))
        {
            Caption = new TableCaption(["Economie", "bedragen x € 1.000,-"], new SourceRef("p.html", Path: "table[1]/caption")),
        };
        var layout = new LayoutDocument("p.html", "html", [new Heading(1, "Programmabegroting 2018", new SourceRef("p.html", Path: "h1")), new Heading(2, "Programmakosten", new SourceRef("p.html", Path: "h2")), table], []);

        var doc = Normaliser.Normalise(layout, new DocumentContext("p", "p.html", "sha"));

        Assert.Equal("3", doc.Programme!.Number);
        Assert.Equal(IdentitySource.Register, doc.Document.IdentitySources["programme"]);
        var lasten = Assert.Single(Assert.Single(doc.FinancialTables).Rows, r => r.Line == "lasten");
        Assert.Equal([1_100_000m, 1_814_000m], lasten.Amounts.Select(a => a.Euros!.Value));
    }
}
