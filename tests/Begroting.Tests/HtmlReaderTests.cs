using System.Text;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using Begroting.Readers.Html;

namespace Begroting.Tests;

public class HtmlReaderTests
{
    private const string Chrome =
        "<header>Programmabegroting 2018</header><nav aria-label=\"Hoofdmenu\"><a href=\"b.html\">B</a><a href=\"a.html\">A</a></nav>" +
        "<nav class=\"breadcrumb\"><ol><li>Home</li><li>Programmabegroting 2018</li><li>Programmaplan</li><li>Werk</li></ol></nav>";

    private static HtmlPage Read(string body, string head = "<meta charset=\"utf-8\"><title>Werk - Programmabegroting 2018</title>", string file = "p.html") =>
        HtmlPageReader.Read(Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"), file);

    [Fact]
    public void Spans_are_expanded_into_the_grid_and_line_breaks_kept_in_cells()
    {
        var page = Read(Chrome + "<main><table><thead><tr><th rowspan=2>Effectindicator</th><th rowspan=2>Realisatie</th><th colspan=2>Streefwaarden</th></tr><tr><th>2018</th><th>2019</th></tr></thead>" +
            "<tbody><tr><td>7A1.a Ba&shy;nen<sup>*</sup></td><td>1 (2015)<br>2&nbsp;(2016)</td><td>3</td><td>4</td></tr></tbody></table></main>");
        var table = Assert.Single(page.Blocks.OfType<Table>());
        Assert.Equal(["Effectindicator", "Realisatie", "Streefwaarden", ""], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["", "", "2018", "2019"], table.Rows[1].Cells.Select(c => c.Text));
        Assert.True(table.Rows[0].IsHeader);
        Assert.Equal("7A1.a Banen*", table.Rows[2].Cells[0].Text);
        Assert.Equal(["1 (2015)", "2 (2016)"], table.Rows[2].Cells[1].Lines);
        Assert.Equal("table[1]/tr[3]/td[2]", table.Rows[2].Cells[1].Source.Path);
        Assert.NotNull(table.Rows[2].Cells[1].Source.Line);
    }

    [Fact]
    public void Chrome_is_dropped_and_breadcrumb_title_and_menu_are_read_as_context()
    {
        var page = Read(Chrome + "<main><h1>Werk</h1><p>Tekst.</p></main><footer><a href=\"#\">Ga naar boven</a> © Gemeente</footer>");
        Assert.Equal(["Home", "Programmabegroting 2018", "Programmaplan", "Werk"], page.Breadcrumb);
        Assert.Equal(["b.html", "a.html"], page.MenuLinks);
        var texts = page.Blocks.SelectMany(b => b is Paragraph p ? p.Lines : b is Heading h ? [h.Text] : []).ToList();
        Assert.Equal(["Werk", "Programmabegroting 2018", "Home / Programmabegroting 2018 / Programmaplan / Werk", "Werk", "Tekst."], texts);
    }

    [Fact]
    public void Malformed_markup_is_repaired_as_browsers_do()
    {
        var page = Read("<table><tr><th>Doel<th>Prestatie<tr><td>7A1 Werk<td>7A1.1 Bemiddelen<p>Losse alinea</table>");
        var table = Assert.Single(page.Blocks.OfType<Table>());
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("7A1.1 Bemiddelen", table.Rows[1].Cells[1].Lines[0]);
    }

    [Fact]
    public void Old_layout_tables_are_walked_and_their_menu_column_dropped()
    {
        var page = Read("<TABLE><TR><TD><A HREF=a.html>Programma 1</A><BR><A HREF=b.html>Programma 2</A></TD><TD><FONT FACE=Arial><H2>Beleidsterrein 7A Werk</H2>" +
            "<TABLE BORDER=1><TR><TD><B>Doel</B></TD><TD><B>Prestatie</B></TD></TR><TR><TD>7A1 Werk</TD><TD>7A1.1 Bemiddelen</TD></TR></TABLE></FONT></TD></TR></TABLE>");
        Assert.Equal("Beleidsterrein 7A Werk", Assert.IsType<Heading>(page.Blocks.First(b => b is Heading)).Text);
        var table = Assert.Single(page.Blocks.OfType<Table>());
        Assert.Equal(["Doel", "Prestatie"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.DoesNotContain(page.Blocks, b => b is Paragraph p && p.Text.Contains("Programma 1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_meta_charset_decides_the_encoding()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>Stadsenqu\u00eate € 1.000</p></body></html>";
        var page = HtmlPageReader.Read(Encoding.Latin1.GetBytes(html.Replace("€", "\u0080", StringComparison.Ordinal)), "cp.html");
        Assert.Equal("Stadsenquête € 1.000", Assert.IsType<Paragraph>(page.Blocks[^1]).Text);
        Assert.Empty(page.Diagnostics);
    }

    [Fact]
    public void Without_a_declared_charset_the_assumption_is_a_warning()
    {
        var page = HtmlPageReader.Read(Encoding.UTF8.GetBytes("<html><body><p>Stadsenquête</p></body></html>"), "nometa.html");
        Assert.Contains(page.Diagnostics, d => d.Code == "encoding-assumed" && d.Severity == Severity.Warning);
        var latin = HtmlPageReader.Read([.. Encoding.ASCII.GetBytes("<html><body><p>caf"), 0xE9, .. Encoding.ASCII.GetBytes("</p></body></html>")], "latin.html");
        Assert.Contains(latin.Diagnostics, d => d.Code == "encoding-fallback");
        Assert.Equal("café", Assert.IsType<Paragraph>(latin.Blocks[^1]).Text);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Dit is gewone tekst zonder opmaak, met een .html-naam.", "not-html")]
    [InlineData("<html><body><nav><a href=\"a\">Menu</a></nav></body></html>", "no-content")]
    [InlineData("<html><body><table><tr><td>7A1 Werk</td><td>7A1.1 Bem", "truncated")]
    public void Bad_pages_are_refused_with_the_file_named(string html, string code)
    {
        var e = Assert.Throws<DocumentException>(() => HtmlPageReader.Read(Encoding.UTF8.GetBytes(html), "bad.html"));
        Assert.Equal(code, e.Code);
        Assert.StartsWith("bad.html", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_pages_are_ordered_by_the_menu_and_read_as_one_document()
    {
        var a = Read(Chrome + "<main><h1>Pagina A</h1></main>", file: "a.html");
        var b = Read(Chrome + "<main><h1>Pagina B</h1></main>", file: "b.html");
        Assert.Equal(HtmlSite.DocumentKey(a), HtmlSite.DocumentKey(b));
        var doc = HtmlSite.Combine("site/", [a, b]);
        var headings = doc.Blocks.OfType<Heading>().Select(h => h.Text).ToList();
        Assert.Equal(["Pagina B", "Pagina A"], headings);
        Assert.Single(doc.Blocks, blk => blk.Source.Path == "nav.breadcrumb");
    }

    [Fact]
    public void A_caption_is_the_tables_title_with_its_own_provenance()
    {
        var page = Read(Chrome + "<main><table><caption>Economie<br>bedragen x &euro; 1.000,-</caption><tr><th></th><th>Rekening 2016</th></tr><tr><th>Lasten</th><td>1.100</td></tr></table></main>");

        var table = Assert.Single(page.Blocks.OfType<Table>());
        Assert.Equal(["Economie", "bedragen x € 1.000,-"], table.Caption!.Lines);
        Assert.Equal("table[1]/caption", table.Caption.Source.Path);
        Assert.NotNull(table.Caption.Source.Line);
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public void A_figcaption_of_a_figure_of_one_table_is_its_caption_and_no_paragraph()
    {
        var page = Read(Chrome + "<main><figure><figcaption>Economie (bedragen x € 1.000)</figcaption><table><tr><th></th><th>Rekening 2016</th></tr><tr><th>Lasten</th><td>1.100</td></tr></table></figure><p>Na de tabel.</p></main>");

        var table = Assert.Single(page.Blocks.OfType<Table>());
        Assert.Equal("Economie (bedragen x € 1.000)", table.Caption!.Text);
        Assert.Equal("figcaption", table.Caption.Source.Path);
        Assert.DoesNotContain(page.Blocks, b => b is Paragraph p && p.Text.StartsWith("Economie", StringComparison.Ordinal));
        Assert.Contains(page.Blocks, b => b is Paragraph p && p.Text == "Na de tabel.");
    }
}
