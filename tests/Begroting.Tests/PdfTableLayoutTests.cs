using Begroting.Model.Layout;
using Begroting.Readers.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Begroting.Tests;

/// <summary>Unruled and partly ruled tables as producers lay them out: shading, boxes, tight leading, padded wrapped labels.</summary>
public sealed class PdfTableLayoutTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("begroting-pdf-tables-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>A cell: its left or right edge (right-aligned when <see cref="Right"/>), its baseline from the top of an A4 page, and its text.</summary>
    private readonly record struct Text(double X, double Y, string Value, bool Right = false);

    /// <summary>Rectangles from the top of the page: filled (a background) or framed by four rules (a box).</summary>
    private readonly record struct Box(double Left, double Top, double Width, double Height, bool Fill);

    private Table ReadSingleTable(string name, IEnumerable<Text> texts, IEnumerable<Box>? boxes = null) =>
        Assert.Single(Read(name, texts, boxes).Blocks.OfType<Table>());

    private LayoutDocument Read(string name, IEnumerable<Text> texts, IEnumerable<Box>? boxes = null)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var height = page.PageSize.Height;
        foreach (var box in boxes ?? [])
        {
            var (left, bottom, right, top) = (box.Left, height - box.Top - box.Height, box.Left + box.Width, height - box.Top);
            if (box.Fill)
            {
                page.SetTextAndFillColor(220, 220, 220);
                page.DrawRectangle(new PdfPoint(left, bottom), box.Width, box.Height, 0.5, fill: true);
            }
            else
            {
                // A frame as producers draw borders: four rules.
                page.DrawLine(new PdfPoint(left, top), new PdfPoint(right, top), 0.5);
                page.DrawLine(new PdfPoint(left, bottom), new PdfPoint(right, bottom), 0.5);
                page.DrawLine(new PdfPoint(left, bottom), new PdfPoint(left, top), 0.5);
                page.DrawLine(new PdfPoint(right, bottom), new PdfPoint(right, top), 0.5);
            }
        }

        page.SetTextAndFillColor(0, 0, 0);
        page.AddText("Programmakosten", 12, new PdfPoint(50, height - 60), font);
        foreach (var text in texts)
        {
            var x = text.Right ? text.X - page.MeasureText(text.Value, 10, PdfPoint.Origin, font).Max(l => l.BoundingBox.Right) : text.X;
            page.AddText(text.Value, 10, new PdfPoint(x, height - text.Y), font);
        }

        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, builder.Build());
        return PdfReader.Read(path, name);
    }

    private static IEnumerable<Text> Budget(double top, double pitch)
    {
        string[][] rows = [["Lasten", "16.575", "11.608"], ["Baten", "-175", "-115"], ["Saldo", "16.400", "11.493"], ["Lasten", "12.853", "9.357"], ["Baten", "-2.878", "-2.450"], ["Saldo", "9.975", "6.907"]];
        yield return new Text(260, top, "Rekening 2016", Right: true);
        yield return new Text(360, top, "Begroting 2017", Right: true);
        for (var r = 0; r < rows.Length; r++)
        {
            var y = top + 20 + (r * pitch);
            yield return new Text(50, y, rows[r][0]);
            yield return new Text(260, y, rows[r][1], Right: true);
            yield return new Text(360, y, rows[r][2], Right: true);
        }
    }

    [Fact]
    public void Shaded_header_and_zebra_rows_are_not_taken_for_cell_grids()
    {
        // A background behind the header and behind every second row, each across the whole table: the rules they
        // make cut no columns, and the unshaded rows between them belong to the same table.
        Box[] shading = [new(45, 88, 320, 16, true), .. Enumerable.Range(0, 3).Select(k => new Box(45, 107 + (k * 36), 320, 18, true))];
        var table = ReadSingleTable("zebra.pdf", Budget(100, 18), shading);
        Assert.Equal(7, table.Rows.Count);
        Assert.Equal(["", "Rekening 2016", "Begroting 2017"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["Baten", "-2.878", "-2.450"], table.Rows[5].Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_box_round_an_unruled_table_is_no_grid_of_one_cell()
    {
        var table = ReadSingleTable("boxed.pdf", Budget(100, 18), [new Box(45, 86, 320, 130, false)]);
        Assert.Equal(7, table.Rows.Count);
        Assert.Equal(3, table.Width);
        Assert.Equal(["Saldo", "9.975", "6.907"], table.Rows[6].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Rows_set_at_the_leading_of_their_text_do_not_merge_where_a_figure_follows_a_figure()
    {
        // 10 pt text at 10.5 pt: no padding tells the rows apart, but an amount never wraps onto a second line.
        var table = ReadSingleTable("tight.pdf", Budget(100, 10.5));
        Assert.Equal(7, table.Rows.Count);
        Assert.Equal(["Baten", "-175", "-115"], table.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_wrapped_label_set_further_apart_than_the_pitch_is_one_row_also_at_the_end_of_the_table()
    {
        // Padding sets the rows 19 pt apart and rounding the wrapped lines 15.5 pt: more than the pitch the table's
        // lines allow, but the words that went down would not have fitted on the line above.
        Text[] texts =
        [
            new(50, 100, "Effectindicator"), new(260, 100, "Realisatie"), new(340, 100, "Streefwaarde"),
            new(50, 120, "9D1.a Aantal feitelijk daklozen"), new(260, 120, "294 (2011)"), new(340, 120, "125"),
            new(50, 139, "9D1.b Aantal huisuitzettingen uit"), new(260, 139, "36 (2013)"), new(340, 139, "12"),
            new(50, 154.5, "corporatiewoningen in Leiden"),
            new(50, 173.5, "9D1.c Gemiddelde verblijfsduur in de"), new(260, 173.5, "308 (2016)"), new(340, 173.5, "-"),
            new(50, 189, "vrouwenopvang in maanden"),
        ];
        var table = ReadSingleTable("wrapped.pdf", texts);
        Assert.Equal(
            ["Effectindicator", "9D1.a Aantal feitelijk daklozen", "9D1.b Aantal huisuitzettingen uit corporatiewoningen in Leiden", "9D1.c Gemiddelde verblijfsduur in de vrouwenopvang in maanden"],
            table.Rows.Select(r => r.Cells[0].Text));
    }

    [Fact]
    public void Rows_padded_further_apart_than_twice_the_height_of_their_letters_are_one_table()
    {
        // 10 pt text every 25 pt: the space between rows is over twice the height of capitals and figures (about
        // 7 pt) but well within a row's height at the text's size.
        var table = ReadSingleTable("padded.pdf", Budget(100, 25));
        Assert.Equal(7, table.Rows.Count);
        Assert.Equal(["Saldo", "9.975", "6.907"], table.Rows[6].Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_name_whose_figures_stand_between_its_lines_keeps_its_last_line_also_in_the_last_row()
    {
        // Figures set in the middle of a row of two name lines: the name's second line follows a line of figures.
        Text[] texts =
        [
            new(50, 100, "Effectindicator"), new(260, 100, "Realisatie"), new(340, 100, "Bron"),
            new(50, 120, "9B1.a Percentage inwoners dat zich"), new(260, 126, "89%"), new(340, 126, "CBS"),
            new(50, 132, "kan redden"),
            new(50, 150, "9B1.b Percentage mantelzorgers dat"), new(260, 156, "22%"), new(340, 156, "CBS"),
            new(50, 162, "zich zwaar belast voelt"),
        ];
        var layout = Read("middle.pdf", texts);
        var table = Assert.Single(layout.Blocks.OfType<Table>());
        Assert.Empty(layout.Blocks.OfType<Paragraph>());
        Assert.Equal(["9B1.b Percentage mantelzorgers dat zich zwaar belast voelt", "22%", "CBS"], table.Rows[^1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_figure_set_right_and_a_source_set_left_half_a_size_apart_are_two_cells()
    {
        // Cell padding of 2 pt on either side of the rule between the last streefwaarde and the bron: 0.55 of the
        // size, twice a word space.
        Text[] texts =
        [
            new(50, 100, "Effectindicator"), new(300, 100, "2021", Right: true), new(305.5, 100, "Bron"),
            new(50, 118, "9D1.a Aantal feitelijk daklozen"), new(300, 118, "125", Right: true), new(305.5, 118, "GGD"),
            new(50, 136, "9D1.b Aantal huisuitzettingen"), new(300, 136, "12", Right: true), new(305.5, 136, "Binnenvest"),
        ];
        var table = ReadSingleTable("padding.pdf", texts);
        Assert.Equal(3, table.Width);
        Assert.Equal(["9D1.b Aantal huisuitzettingen", "12", "Binnenvest"], table.Rows[^1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_header_line_over_one_column_above_the_header_row_is_the_tables_not_a_paragraph()
    {
        // 'Begroting' over '2017 na wijziging': the header's first line has one cell, which cannot start a table.
        Text[] texts =
        [
            new(360, 100, "Begroting", Right: true),
            new(260, 112, "Rekening 2016", Right: true), new(360, 112, "2017 na wijziging", Right: true),
            new(50, 132, "Lasten"), new(260, 132, "16.575", Right: true), new(360, 132, "11.608", Right: true),
            new(50, 150, "Baten"), new(260, 150, "-175", Right: true), new(360, 150, "-115", Right: true),
        ];
        var layout = Read("header-line.pdf", texts);
        var table = Assert.Single(layout.Blocks.OfType<Table>());
        Assert.DoesNotContain(layout.Blocks.OfType<Paragraph>(), p => p.Lines.Contains("Begroting"));
        Assert.Equal(["", "Rekening 2016", "Begroting 2017 na wijziging"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["Baten", "-175", "-115"], table.Rows[^1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Group_names_left_of_a_header_set_further_right_stay_in_the_table_under_a_corner_over_two_label_columns()
    {
        // The corner's unit spans the names' column and the Lasten/Baten column; the header above the first group
        // starts right of the names, and each group's name stands on a padded row of its own.
        var texts = new List<Text>
        {
            new(130, 100, "bedragen x 1.000 euro"), new(340, 100, "Rekening 2016", Right: true), new(420, 100, "Begroting 2017", Right: true),
        };
        var y = 118.0;
        foreach (var (name, lasten, baten, saldo) in new[] { ("Openbaar water", "7.632", "-6.558", "Saldo"), ("Programma", "7.628", "-1.061", "Saldo van baten en lasten") })
        {
            texts.Add(new(50, y, name));
            texts.Add(new(180, y + 18, "Lasten"));
            texts.Add(new(340, y + 18, lasten, Right: true));
            texts.Add(new(420, y + 18, lasten, Right: true));
            texts.Add(new(180, y + 36, "Baten"));
            texts.Add(new(340, y + 36, baten, Right: true));
            texts.Add(new(420, y + 36, baten, Right: true));
            texts.Add(new(50, y + 54, saldo));
            texts.Add(new(340, y + 54, "1.074", Right: true));
            texts.Add(new(420, y + 54, "1.043", Right: true));
            y += 72;
        }

        var table = ReadSingleTable("groups.pdf", texts);
        Assert.Equal(4, table.Width);
        Assert.Equal(["Programma", "", "", ""], table.Rows[5].Cells.Select(c => c.Text));
        Assert.Equal(["", "Baten", "-1.061", "-1.061"], table.Rows[7].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Ligatures_drawn_as_one_glyph_read_as_their_letters()
    {
        Assert.Equal("Effectindicator", PdfWords.Unligated("E\uFB00ectindicator"));
        Assert.Equal("financiële afloop", PdfWords.Unligated("\uFB01nanciële a\uFB02oop"));
        Assert.Equal("ffi ffl st", PdfWords.Unligated("\uFB03 \uFB04 \uFB06"));
    }
}
