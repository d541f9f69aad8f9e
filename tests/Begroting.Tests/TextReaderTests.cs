using System.Text;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using Begroting.Readers.Text;

namespace Begroting.Tests;

public class TextReaderTests
{
    private static LayoutDocument Read(string text) => PlainTextReader.Read(Encoding.UTF8.GetBytes(text), "t.txt");

    [Fact]
    public void Tab_rows_become_one_grid_with_inline_tags_dropped()
    {
        var doc = Read("<i>Programmanummer</i>\t9\n<i>Commissie</i>\tOnderwijs en Samenleving\n");
        var table = Assert.IsType<Table>(Assert.Single(doc.Blocks));
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("Programmanummer", table.Rows[0].Cells[0].Text);
        Assert.Equal(2, table.Rows[1].Source.Line);
    }

    [Fact]
    public void A_markdown_rule_marks_a_header_and_splits_adjacent_tables()
    {
        var doc = Read("A | B | |\n---|---|---|\n1 | 2 |\nC | D |\n---|---|\n3 | 4 |\n");
        var tables = doc.Blocks.OfType<Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.True(tables[0].Rows[0].IsHeader);
        Assert.Equal(["A", "B"], tables[0].Rows[0].Cells.Select(c => c.Text));
        Assert.Equal("C", tables[1].Rows[0].Cells[0].Text);
    }

    [Fact]
    public void A_leading_pipe_keeps_the_empty_first_cell()
    {
        var doc = Read("| 2022 | 2023 |\nTotaal: | 217 | 29 |\n");
        var table = Assert.IsType<Table>(Assert.Single(doc.Blocks));
        Assert.Equal(["", "2022", "2023"], table.Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Pipes_framing_every_row_are_borders_not_empty_cells()
    {
        var doc = Read("|  | | Rekening 2023 |\n---|---|---|\n| Preventie | Lasten | 8.832 |\n|  | Baten | -1.343 |\n");
        var table = Assert.IsType<Table>(Assert.Single(doc.Blocks));
        Assert.Equal(["Preventie", "Lasten", "8.832"], table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["", "Baten", "-1.343"], table.Rows[2].Cells.Select(c => c.Text));
        Assert.Equal(3, table.Rows[0].Cells.Count);
    }

    [Fact]
    public void A_row_of_one_cell_without_separators_stays_in_its_table_but_a_sentence_does_not()
    {
        var doc = Read("Effectindicator | Realisatie | Streefwaarden | 2019\n2018\n9B1.a Redzaamheid | 94% (2015) | - | 95%\nZie de toelichting.\nDoel | Prestatie\n");
        var tables = doc.Blocks.OfType<Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(["2018"], tables[0].Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(3, tables[0].Rows.Count);
        Assert.IsType<Paragraph>(doc.Blocks[1]);
    }

    [Fact]
    public void Lists_headings_and_paragraphs_are_told_apart()
    {
        var doc = Read("Beleidsterrein 9A Sociale binding\n\nIn 2018 blijft wijkgericht werken ons speerpunt om sociale binding en participatie te bevorderen, zoals we in de vorige jaren ook hebben gedaan met veel partners.\n\n- Inzet wijkregisseurs;\n 1. het vertalen\n");
        Assert.IsType<Heading>(doc.Blocks[0]);
        Assert.IsType<Paragraph>(doc.Blocks[1]);
        Assert.Equal(1, doc.Blocks[1].GapBefore);
        Assert.Equal(2, doc.Blocks.OfType<ListItem>().Count());
    }

    [Fact]
    public void Wrapped_text_joins_lines_into_paragraphs()
    {
        var doc = Read("We versterken sociale binding en stimu-\nleren participatie\n\nTweede alinea\nloopt door.\n");
        var p = Assert.IsType<Paragraph>(doc.Blocks[0]);
        Assert.Equal(2, p.Lines.Count);
    }

    [Fact]
    public void Empty_and_binary_files_are_refused_with_the_place()
    {
        var empty = Assert.Throws<DocumentException>(() => PlainTextReader.Read([], "empty.txt"));
        Assert.Equal("empty", empty.Code);
        Assert.Contains("empty.txt", empty.Message, StringComparison.Ordinal);
        var binary = Assert.Throws<DocumentException>(() => PlainTextReader.Read([0x25, 0x50, 0x0A, 0x00, 0x01], "garbage.txt"));
        Assert.Equal("binary", binary.Code);
        Assert.Contains("garbage.txt:2", binary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_latin1_with_a_warning()
    {
        var doc = PlainTextReader.Read([(byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)'\n'], "latin.txt");
        Assert.Contains(doc.Diagnostics, d => d.Code == "encoding-fallback");
        Assert.Equal("Café", Assert.IsType<Heading>(Assert.Single(doc.Blocks)).Text);
    }
}
