using Begroting.Model.Canonical;
using Begroting.Model.Layout;
using Begroting.Readers.Ocr;
using Begroting.Readers.Ocr.TextRepair;
using Begroting.Readers.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Begroting.Tests;

/// <summary>Scanned pages: the hand-off to OCR, hOCR, ruling lines in the image, and the repair of recognised text.</summary>
public sealed class OcrTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("begroting-ocr-test-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // A 4 x 4 grey PNG: enough for a page that has an image and no text.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAAAAACMmsGiAAAAEUlEQVR4nGM8wcDAwMSAQgAADzwA0OMOX98AAAAASUVORK5CYII=");

    private string ImageOnlyPdf(int pages)
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            builder.AddPage(PageSize.A4).AddPng(Png, new PdfRectangle(0, 0, 595, 842));
        }

        var path = Path.Combine(dir, "scan.pdf");
        File.WriteAllBytes(path, builder.Build());
        return path;
    }

    /// <summary>Gives every page the same words: a ruled table of two rows, read with confidence 0.8, and a line of text.</summary>
    private sealed class FakeRecogniser : IPageRecogniser
    {
        public List<PageImage> Asked { get; } = [];

        public Task<RecognisedPage> RecogniseAsync(PageImage page, CancellationToken cancellationToken = default)
        {
            lock (Asked)
            {
                Asked.Add(page);
            }

            RecognisedWord W(string text, double left, double baseline, double width) => new(text, left, baseline - 6, left + width, baseline, 8, 0.8);
            List<RecognisedWord> words =
            [
                W("Een", 60, 80, 16), W("alinea", 80, 80, 26), W("boven", 110, 80, 24), W("de", 138, 80, 9), W("tabel.", 150, 80, 24),
                W("Lasten", 60, 120, 30), W("6.596", 200, 120, 22),
                W("Baten", 60, 140, 26), W("-2", 210, 140, 9),
            ];
            List<RuleSegment> rules =
            [
                new(50, 110, 250, 110), new(50, 130, 250, 130), new(50, 150, 250, 150),
                new(50, 110, 50, 150), new(150, 110, 150, 150), new(250, 110, 250, 150),
            ];
            return Task.FromResult(new RecognisedPage(words, rules));
        }
    }

    [Fact]
    public void Pages_without_text_go_to_the_recogniser_and_come_back_as_text_and_ruled_tables_with_confidence()
    {
        var path = ImageOnlyPdf(2);
        var recogniser = new FakeRecogniser();
        var layout = PdfReader.Read(path, "scan.pdf", new PdfReaderOptions { Recogniser = recogniser });

        Assert.Equal([1, 2], recogniser.Asked.Select(p => p.Number).Order());
        Assert.Single(recogniser.Asked.Select(p => p.ContentKey).Distinct());
        var tables = layout.Blocks.OfType<Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(["Lasten", "6.596"], tables[0].Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["Baten", "-2"], tables[0].Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(0.8, tables[0].Rows[1].Cells[1].Source.Confidence);
        var paragraph = layout.Blocks.OfType<Paragraph>().First();
        Assert.Equal("Een alinea boven de tabel.", paragraph.Text);
        Assert.Equal(0.8, paragraph.Source.Confidence);
        Assert.Contains(layout.Diagnostics, d => d.Code == "ocr" && d.Message.Contains("2 of 2 pages", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_recogniser_a_scan_is_refused_with_a_clear_message()
    {
        var path = ImageOnlyPdf(1);
        var e = Assert.Throws<Begroting.Model.Diagnostics.DocumentException>(() => PdfReader.Read(path, "scan.pdf"));
        Assert.Equal("no-text-layer", e.Code);
        Assert.Contains("no OCR was asked for", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hocr_words_stand_on_their_line_and_a_skewed_page_is_levelled()
    {
        // Two lines on a page skewed by 0.01 (about half a degree): the second word of each line sits lower on the image.
        const string Text = """
            <html><body><div class='ocr_page' title='bbox 0 0 2480 3508'>
            <span class='ocr_line' title="bbox 200 1000 1400 1040; baseline 0.01 -8; x_size 33">
              <span class='ocrx_word' title='bbox 200 1000 400 1032; x_wconf 91'>Lasten</span>
              <span class='ocrx_word' title='bbox 1200 1010 1400 1040; x_wconf 62'>6.596</span>
            </span>
            <span class='ocr_line' title="bbox 200 1100 1400 1140; baseline 0.01 -8; x_size 33">
              <span class='ocrx_word' title='bbox 200 1100 400 1132; x_wconf 95'>Baten</span>
              <span class='ocrx_word' title='bbox 1200 1110 1400 1140; x_wconf 90'>-2</span>
            </span>
            </div></body></html>
            """;
        var page = Hocr.Parse(Text, [], 300);
        var lasten = page.Words.Single(w => w.Text == "Lasten");
        var figure = page.Words.Single(w => w.Text == "6.596");
        Assert.InRange(Math.Abs(lasten.Bottom - figure.Bottom), 0, 0.05);
        Assert.InRange(figure.Size, 8, 9);
        Assert.Equal(0.62, figure.Confidence, 3);
        Assert.True(page.Words.Single(w => w.Text == "Baten").Bottom - lasten.Bottom > 20);
    }

    /// <summary>A white page as a binary PGM file, and a pen that makes one pixel of it black.</summary>
    private static (byte[] File, Action<int, int> Dark) WhitePage(int width, int height)
    {
        var header = System.Text.Encoding.ASCII.GetBytes($"P5\n{width} {height}\n255\n");
        var file = new byte[header.Length + (width * height)];
        header.CopyTo(file, 0);
        Array.Fill(file, (byte)255, header.Length, width * height);
        return (file, (x, y) => file[header.Length + (y * width) + x] = 0);
    }

    [Fact]
    public void Ruling_lines_are_erased_from_the_image_and_returned_while_letters_stay()
    {
        const int Width = 600;
        var (file, dark) = WhitePage(Width, 400);
        for (var x = 20; x < 580; x++)
        {
            dark(x, 50);
            dark(x, 51);
            dark(x, 90);
            dark(x, 200);
        }

        // The outer borders run the table's height; the middle one only through the low header row (40 pixels,
        // shorter than a capital), in line with a border below it.
        for (var y = 50; y <= 200; y++)
        {
            dark(20, y);
            dark(580, y);
        }

        for (var y = 50; y <= 90; y++)
        {
            dark(300, y);
        }

        for (var y = 90; y <= 200; y++)
        {
            dark(301, y);
        }

        // A letter-sized stroke (30 pixels, a capital at 300 dpi) between the rules.
        for (var y = 55; y < 85; y++)
        {
            dark(100, y);
        }

        var (pixels, width, height, offset) = RuleRemoval.ReadPgm(file);
        var rules = RuleRemoval.Erase(pixels, offset, width, height, horizontal: 300, vertical: 60);

        Assert.Equal(3, rules.Count(r => r.Y1 == r.Y2));
        Assert.Equal(3, rules.Count(r => r.X1 == r.X2));
        Assert.Equal(255, pixels[offset + (50 * Width) + 200]);
        Assert.Equal(255, pixels[offset + (70 * Width) + 300]);
        Assert.Equal(0, pixels[offset + (70 * Width) + 100]);
    }

    [Fact]
    public void A_low_border_that_steps_sideways_between_skewed_rules_is_a_rule()
    {
        const int Width = 600;
        var (file, dark) = WhitePage(Width, 300);

        // Rules three pixels thick at half a degree: the bottom of the header row is at 86 on the left and 91 on
        // the right, so its mean line lies six pixels above where it meets the border at x = 500.
        for (var x = 20; x < 580; x++)
        {
            for (var t = 0; t < 3; t++)
            {
                dark(x, 50 + (x / 112) + t);
                dark(x, 86 + (x / 112) + t);
                dark(x, 200 + (x / 112) + t);
            }
        }

        for (var y = 50; y <= 205; y++)
        {
            dark(20, y);
            dark(580, y);
        }

        // The header row's border, 44 pixels, steps one pixel sideways halfway; the border below it is long.
        for (var y = 54; y <= 75; y++)
        {
            dark(500, y);
            dark(501, y);
        }

        for (var y = 76; y <= 91; y++)
        {
            dark(501, y);
            dark(502, y);
        }

        for (var y = 91; y <= 204; y++)
        {
            dark(499, y);
            dark(500, y);
        }

        var (pixels, width, height, offset) = RuleRemoval.ReadPgm(file);
        var rules = RuleRemoval.Erase(pixels, offset, width, height, horizontal: 300, vertical: 60);

        Assert.Contains(rules, r => r.X1 == r.X2 && r.X1 > 495 && r.X1 < 505 && r.Y1 <= 56 && r.Y2 >= 88);
        Assert.Equal(255, pixels[offset + (65 * Width) + 500]);
        Assert.Equal(255, pixels[offset + (80 * Width) + 502]);
    }

    [Fact]
    public void Shaded_cells_become_white_and_ink_keeps_its_grey()
    {
        var pixels = new byte[1000];
        Array.Fill(pixels, (byte)250);
        Array.Fill(pixels, (byte)215, 0, 300);
        Array.Fill(pixels, (byte)40, 100, 60);
        Array.Fill(pixels, (byte)90, 400, 20);

        Background.Whiten(pixels, 0, 100, 10);

        Assert.Equal(255, pixels[0]);
        Assert.Equal(255, pixels[999]);
        Assert.Equal(40, pixels[120]);
        Assert.Equal(90, pixels[410]);
    }

    [Fact]
    public void Markers_code_stops_and_codes_between_two_codes_are_repaired()
    {
        var ocr = new SourceRef("scan.pdf", Page: 5, Confidence: 0.9);
        Cell C(string text) => new([text], ocr);
        var table = new Table(
            [
                new TableRow([C("“ Effectindicator"), C("Realisatie"), C("2018")], ocr),
                new TableRow([C("9C1.b Percentage mantelzorgers"), C("19% (2017)'"), C("13%")], ocr),
                new TableRow([C("Cic Percentage medewerkers SWT's"), C("83% (2017)"), C("-")], ocr),
                new TableRow([C("9C1.d Percentage medewerkers"), C("93% (2017)"), C("-")], ocr),
                new TableRow([C("9B2,1 Uitvoeren van wettelijke taken"), C("Taakstelting"), C("-")], ocr),
                new TableRow([C("Reserve soc.-maatsch. En cult, Voorz P9"), C("„60"), C("stelling: 'De medewerker nam mij serieus!")], ocr),
                new TableRow([C("Saldo van batenen lasten"), C("wijkteamen"), C("-A41")], ocr),
                new TableRow([C("9A1"), C("1.A02"), C("9A")], ocr),
                new TableRow([C("Reserve zachte landing Po"), C("Reserve P9"), C("Reserve wijken P9")], ocr),
                new TableRow([C("9A1.a Schaalscore"), C("5,8 (2014) 5.9 (2016)"), C("6,1")], ocr),
            ],
            TableForm.Grid,
            ocr);
        var repairs = new List<Repair>();

        var rows = ((Table)RecognisedText.Repair([table], repairs)[0]).Rows;

        Assert.Equal("* Effectindicator", rows[0].Cells[0].Text);
        Assert.Equal("19% (2017)*", rows[1].Cells[1].Text);
        Assert.Equal("9C1.c Percentage medewerkers SWT's", rows[2].Cells[0].Text);
        Assert.Equal("9B2.1 Uitvoeren van wettelijke taken", rows[4].Cells[0].Text);
        Assert.Contains(repairs, r => r.Original == "Cic" && r.Repaired == "9C1.c");
        Assert.Equal("Taakstelling", rows[4].Cells[1].Text);
        Assert.Equal("Reserve soc.-maatsch. En cult. Voorz P9", rows[5].Cells[0].Text);
        Assert.Equal("-60", rows[5].Cells[1].Text);
        Assert.Equal("Saldo van baten en lasten", rows[6].Cells[0].Text);
        Assert.Equal("wijkteamen", rows[6].Cells[1].Text);
        Assert.Equal("-441", rows[6].Cells[2].Text);
        Assert.Equal(["9A1", "1.402", "9A"], rows[7].Cells.Select(c => c.Text));
        Assert.Equal("Reserve zachte landing P9", rows[8].Cells[0].Text);
        Assert.Equal("5,8 (2014) 5,9 (2016)", rows[9].Cells[1].Text);
        Assert.Equal("stelling: 'De medewerker nam mij serieus'", rows[5].Cells[2].Text);
    }

    [Fact]
    public void Recognised_text_is_repaired_and_every_repair_recorded()
    {
        var ocr = new SourceRef("scan.pdf", Page: 3, Confidence: 0.9);
        Cell C(string text) => new([text], ocr);
        var table = new Table(
            [
                new TableRow([C("Effectindicator"), C("Realisatie"), C("2018"), C("2019"), C("Bron")], ocr),
                new TableRow([C("9A1.a Schaalscore “sociale cohesie”"), C("5,8 (2014)"), C("6,0"), C("60"), C("Veiligheidsmonitor")], ocr),
                new TableRow([C("9A1.b Aantal in dagen\""), C("12 (2015)"), C("10"), C("10"), C("GGD")], ocr),
            ],
            TableForm.Grid,
            ocr);
        var money = new Table(
            [
                new TableRow([C("Lasten"), C("6.596"), C("10.166")], ocr),
                new TableRow([C("Baten"), C("9428"), C("2019")], ocr),
                new TableRow([C("Saldo"), C("6.594"), C("10.012")], ocr),
                new TableRow([C("Toevoeging"), C("o"), C("0")], ocr),
            ],
            TableForm.Grid,
            ocr);
        var given = new Paragraph(["ledereen telt mee"], new SourceRef("plan.txt", Line: 4));
        var repairs = new List<Repair>();

        var blocks = RecognisedText.Repair([table, money, given, new Paragraph(["ledereen telt mee"], ocr)], repairs);

        var indicators = (Table)blocks[0];
        Assert.Equal("9A1.a Schaalscore \"sociale cohesie\"", indicators.Rows[1].Cells[0].Text);
        Assert.Equal("6,0", indicators.Rows[1].Cells[3].Text);
        Assert.Equal("10", indicators.Rows[2].Cells[3].Text);
        Assert.Equal("9A1.b Aantal in dagen*", indicators.Rows[2].Cells[0].Text);
        Assert.Equal("2018", indicators.Rows[0].Cells[2].Text);
        var amounts = (Table)blocks[1];
        Assert.Equal("9.428", amounts.Rows[1].Cells[1].Text);
        Assert.Equal("2019", amounts.Rows[1].Cells[2].Text);
        Assert.True(amounts.Rows[1].Cells[1].Source.Confidence < 0.9);
        Assert.Equal("0", amounts.Rows[3].Cells[1].Text);
        Assert.Equal("Toevoeging", amounts.Rows[3].Cells[0].Text);

        // Text that was given, not recognised, is never touched.
        Assert.Equal("ledereen telt mee", ((Paragraph)blocks[2]).Text);
        Assert.Equal("Iedereen telt mee", ((Paragraph)blocks[3]).Text);

        Assert.Contains(repairs, r => r is { Original: "60", Repaired: "6,0" } && r.Reason.Contains("decimal comma", StringComparison.Ordinal));
        Assert.Contains(repairs, r => r is { Original: "9428", Repaired: "9.428" } && r.Provenance!.Contains("scan.pdf#p3", StringComparison.Ordinal));
        Assert.Contains(repairs, r => r is { Original: "ledereen", Repaired: "Iedereen" });
        Assert.Contains(repairs, r => r.Reason.Contains("footnote marker", StringComparison.Ordinal));
        Assert.All(repairs, r => Assert.NotNull(r.Provenance));
    }

    [Fact]
    public void A_hyphen_the_recogniser_left_off_a_line_end_is_taken_from_its_shape_and_nothing_else_is()
    {
        const int Width = 400;
        var (file, dark) = WhitePage(Width, 200);
        void Fill(int x0, int y0, int x1, int y1) => Block(dark, x0, y0, x1, y1);

        // Line 1: 'succes' (x 20-120, x-height 40-60) and a bar at mid height just after it: a hyphen.
        // Line 2: 'factor' with a bar at its foot (an underscore, not a hyphen).
        // Line 3: 'een' with a bar after it and another word close behind (a dash between words).
        Fill(126, 49, 134, 51);
        Fill(126, 118, 134, 120);
        Fill(126, 169, 134, 171);
        var offset = file.Length - (Width * 200);
        string Line(int n, int y0, int y1, string text, int x1 = 120, string more = "") =>
            $"<span class='ocr_line' id='line_1_{n}' title=\"bbox 20 {y0} 300 {y1}; baseline 0 0; x_size 30\">" +
            $"<span class='ocrx_word' id='word_1_{n}' title='bbox 20 {y0} {x1} {y1}; x_wconf 96'>{text}</span>{more}</span>\n";
        var hocr = "<div class='ocr_page'>\n" + Line(1, 40, 60, "succes") + Line(2, 100, 120, "factor")
            + Line(3, 160, 180, "een", more: "<span class='ocrx_word' id='word_1_9' title='bbox 150 160 220 180; x_wconf 96'>ander</span>") + "</div>";

        var read = TesseractRecogniser.LineEndHyphens(hocr, file, offset, Width, 200);

        Assert.Contains("title='bbox 20 40 134 60; x_wconf 96'>succes-<", read, StringComparison.Ordinal);
        Assert.Contains(">factor<", read, StringComparison.Ordinal);
        Assert.Contains(">een<", read, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(read, "-<"));
    }

    private static void Block(Action<int, int> dark, int x0, int y0, int x1, int y1)
    {
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                dark(x, y);
            }
        }
    }

    [Fact]
    public void Footnote_marks_raised_after_a_figure_or_a_dash_are_read_from_their_shape_and_a_splinter_of_a_border_is_not()
    {
        const int Width = 400;
        var (file, dark) = WhitePage(Width, 200);
        void Fill(int x0, int y0, int x1, int y1) => Block(dark, x0, y0, x1, y1);

        // '23' as two glyphs 12 x 24 on the line 40-64, a mark 6 x 6 raised after it: '23*'.
        Fill(20, 40, 31, 64);
        Fill(35, 40, 46, 64);
        Fill(50, 36, 55, 41);
        // A dash at mid height (x 20-28, y 112-114) and two raised marks: '-**'.
        Fill(20, 112, 28, 114);
        Fill(31, 96, 37, 102);
        Fill(40, 96, 46, 102);
        // '57' with a thin upright splinter after it (what is left of a cell border): no mark.
        Fill(20, 150, 31, 174);
        Fill(35, 150, 46, 174);
        Fill(51, 150, 52, 158);
        var offset = file.Length - (Width * 200);
        string Line(int n, string box, string text) =>
            $"<span class='ocr_line' id='line_1_{n}' title=\"bbox 20 0 300 200; baseline 0 0; x_size 30\"><span class='ocrx_word' id='word_1_{n}' title='bbox {box}; x_wconf 90'>{text}</span></span>\n";
        var hocr = "<div class='ocr_page'>\n" + Line(1, "20 40 47 64", "23") + Line(2, "20 112 28 114", "-") + Line(3, "20 150 47 174", "57") + "</div>";

        var read = TesseractRecogniser.RaisedMarks(hocr, file, offset, Width, 200);

        Assert.Contains("title='bbox 20 40 55 64; x_wconf 90'>23*<", read, StringComparison.Ordinal);
        Assert.Contains(">-**<", read, StringComparison.Ordinal);
        Assert.Contains(">57<", read, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pieces_of_a_word_broken_at_a_line_end_are_judged_whole_and_not_repaired_alone()
    {
        var ocr = new SourceRef("scan.pdf", Page: 26, Confidence: 0.9);
        var repairs = new List<Repair>();

        var blocks = RecognisedText.Repair([new Paragraph(["deelname aan activi-", "teiten buitenshuis", "en aan activiteilen in de Begroüng"], ocr)], repairs);

        // 'teiten' alone is one confusion from 'teilen'; with its head it is 'activiteiten', a word.
        // 'Begroüng' is the ligature 'ti' read as one letter.
        Assert.Equal("deelname aan activiteiten buitenshuis en aan activiteiten in de Begroting", Begroting.Model.Text.Hyphenation.JoinLines(((Paragraph)blocks[0]).Lines));
        Assert.Equal([("activiteilen", "activiteiten"), ("Begroüng", "Begroting")], repairs.Select(r => (r.Original, r.Repaired)));
    }

    [Fact]
    public void A_year_that_lost_its_first_digit_at_a_cell_border_is_read_from_the_year_beside_it_and_only_in_a_row_of_years()
    {
        var ocr = new SourceRef("scan.pdf", Page: 6, Confidence: 0.9);
        Cell C(string text) => new([text], ocr);
        var table = new Table(
            [
                new TableRow([C("Effectindicator"), C("Realisatie"), C(""), C(""), C(""), C("Streefwaarde 2024")], ocr),
                new TableRow([C(""), C("2021"), C("022"), C("023"), C("024"), C("")], ocr),
                new TableRow([C("9D1.a Aantal"), C("2000"), C("999"), C("12"), C("8"), C("23")], ocr),
            ],
            TableForm.Grid,
            ocr);
        var repairs = new List<Repair>();

        var rows = ((Table)RecognisedText.Repair([table], repairs)[0]).Rows;

        Assert.Equal(["", "2021", "2022", "2023", "2024", ""], rows[1].Cells.Select(c => c.Text));
        Assert.Equal("999", rows[2].Cells[2].Text);
        Assert.Equal(3, repairs.Count(r => r.Reason.Contains("first digit of a year", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_column_a_line_in_the_scan_cut_in_two_is_one_column_again_and_columns_that_share_a_row_stay_apart()
    {
        var ocr = new SourceRef("scan.pdf", Page: 5, Confidence: 0.9);
        Cell C(string text) => new(text.Length == 0 ? [] : [text], ocr);
        var table = new Table(
            [
                new TableRow([C("Effectindicator"), C("Realisatie"), C(""), C(""), C(""), C("Streefwaarde 2024")], ocr),
                new TableRow([C(""), C("2021"), C(""), C("022"), C("2023"), C("")], ocr),
                new TableRow([C("9B1.a Percentage"), C("89%"), C("-"), C(""), C("86%"), C("97%")], ocr),
                new TableRow([C("9B1.b Percentage"), C("22%"), C("-"), C(""), C("28%"), C("24%")], ocr),
            ],
            TableForm.Grid,
            ocr);
        var repairs = new List<Repair>();

        var rows = ((Table)RecognisedText.Repair([table], repairs)[0]).Rows;

        Assert.Equal(["", "2021", "2022", "2023", ""], rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["9B1.a Percentage", "89%", "-", "86%", "97%"], rows[2].Cells.Select(c => c.Text));
        Assert.Equal(5, rows[0].Cells.Count);
        Assert.Contains(repairs, r => r.Reason.Contains("one column cut in two", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_the_scan_ran_together_or_thinned_and_a_comma_read_as_a_stop_in_a_cell_are_repaired_and_abbreviations_and_pieces_are_not()
    {
        var ocr = new SourceRef("scan.pdf", Page: 8, Confidence: 0.9);
        var repairs = new List<Repair>();
        var goals = new Table([new TableRow([new Cell(["9D2.1 Voorkómen van geweld in huiselijke kring. het stoppen van geweld"], ocr)], ocr)], TableForm.Grid, ocr);

        var blocks = RecognisedText.Repair(
            [
                goals,
                new Paragraph(["geweld in het huishouden ofgezin, zorginhou delijk, incl. de ouderen"], ocr),
                new Paragraph(["ondersteuning van vrijwiligerswerk voor uitkeringsgerechtigden. afsluit bij"], ocr),
                new Paragraph(["heid van mensen die huip nodig hebben"], ocr),
            ],
            repairs);

        Assert.Equal("9D2.1 Voorkómen van geweld in huiselijke kring, het stoppen van geweld", ((Table)blocks[0]).Rows[0].Cells[0].Text);
        Assert.Equal("geweld in het huishouden of gezin, zorginhou delijk, incl. de ouderen", ((Paragraph)blocks[1]).Text);
        Assert.Equal("ondersteuning van vrijwilligerswerk voor uitkeringsgerechtigden. afsluit bij", ((Paragraph)blocks[2]).Text);

        // A short word gets i/l only between words: at a line's start 'heid' may be the end of a word broken elsewhere.
        Assert.Equal("heid van mensen die hulp nodig hebben", ((Paragraph)blocks[3]).Text);
        Assert.Equal(4, repairs.Count);
    }

    [Fact]
    public void A_hyphen_lost_at_a_line_end_is_put_back_only_where_the_next_piece_is_no_word()
    {
        var repairs = new List<Repair>();

        var broken = RecognisedText.LostHyphens(["passende ondersteu", "ning van mensen"], "scan.pdf#p2", repairs);
        var phrase = RecognisedText.LostHyphens(["dat cliënten blijven thuis", "wonen en dat"], "scan.pdf#p2", repairs);

        Assert.Equal(["passende ondersteu-", "ning van mensen"], broken);
        Assert.Equal("passende ondersteuning van mensen", Begroting.Model.Text.Hyphenation.JoinLines(broken));
        Assert.Equal(["dat cliënten blijven thuis", "wonen en dat"], phrase);
        Assert.Single(repairs);
        Assert.Equal(("ondersteu", "ondersteu-"), (repairs[0].Original, repairs[0].Repaired));
        Assert.Contains("hyphen lost", repairs[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_hyphens_closing_an_amount_read_as_a_long_dash_are_put_back_in_recognised_text_only()
    {
        var ocr = new SourceRef("scan.pdf", Page: 27, Confidence: 0.9);
        var given = new SourceRef("plan.txt", Line: 12);
        var repairs = new List<Repair>();

        var blocks = RecognisedText.Repair(
            [
                new Paragraph(["Programma 9 omvat in 2013 een bedrag van", "afgerond € 43.500.000,— Dit bestaat voor bijna"], ocr),
                new Paragraph(["afgerond € 43.500.000,— Dit bestaat"], given),
                new Paragraph(["een gedachte — niet meer"], ocr),
            ],
            repairs);

        Assert.Equal("afgerond € 43.500.000,-- Dit bestaat voor bijna", ((Paragraph)blocks[0]).Lines[1]);
        Assert.True(blocks[0].Source.Confidence < 0.9);
        Assert.Equal("afgerond € 43.500.000,— Dit bestaat", ((Paragraph)blocks[1]).Lines[0]);
        Assert.Equal("een gedachte — niet meer", ((Paragraph)blocks[2]).Lines[0]);
        Assert.Contains(repairs, r => r is { Original: ",—", Repaired: ",--" } && r.Provenance!.Contains("scan.pdf#p27", StringComparison.Ordinal));
    }
}
