using System.Diagnostics;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using Begroting.Readers.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Begroting.Tests;

/// <summary>The PDF reader on PDFs made here with PdfPig's builder, so every position is known.</summary>
public sealed class PdfReaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("begroting-pdf-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A4 pages with a running header, a page number and body lines given as (x, y-from-top, text).</summary>
    private static byte[] Build(int pages, Func<int, IEnumerable<(double X, double Y, string Text)>> body, bool chrome = true)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var n = 1; n <= pages; n++)
        {
            var page = builder.AddPage(PageSize.A4);
            var height = page.PageSize.Height;
            if (chrome)
            {
                page.AddText("Programmabegroting 2018 Maatschappelijke Ondersteuning", 8, new PdfPoint(50, height - 30), font);
                page.AddText($"{n}", 8, new PdfPoint(290, 25), font);
            }

            foreach (var (x, y, text) in body(n))
            {
                page.AddText(text, 10, new PdfPoint(x, height - y), font);
            }
        }

        return builder.Build();
    }

    private static IEnumerable<(double, double, string)> Table(double top)
    {
        string[][] rows =
        [
            ["Effectindicator", "Realisatie", "Streefwaarde", "Bron"],
            ["9A1.a Schaalscore sociale cohesie", "6,1 (2021)", "6,1", "Veiligheidsmonitor"],
            ["9A1.b Percentage vrijwilligers", "33% (2021)", "35%", "CBS"],
            ["9A1.c Percentage mantelzorgers", "14% (2021)", "22%", "CBS"],
        ];
        double[] xs = [50, 250, 350, 450];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < xs.Length; c++)
            {
                yield return (xs[c], top + (r * 18), rows[r][c]);
            }
        }
    }

    [Fact]
    public void Running_headers_and_page_numbers_are_dropped_and_body_kept()
    {
        var path = Write("chrome.pdf", Build(3, n => [(50, 100, $"Alinea op pagina {n} over wijkgericht werken."), (50, 113, "Tweede regel van de alinea.")]));
        var layout = PdfReader.Read(path, "chrome.pdf");
        var texts = layout.Blocks.OfType<Paragraph>().Select(p => p.Text).ToList();
        Assert.Equal(["Alinea op pagina 1 over wijkgericht werken. Tweede regel van de alinea.", "Alinea op pagina 2 over wijkgericht werken. Tweede regel van de alinea.", "Alinea op pagina 3 over wijkgericht werken. Tweede regel van de alinea."], texts);
        Assert.DoesNotContain(layout.Blocks, b => b is Heading or Paragraph && Begroting.Pipeline.Normalisation.NormaliserCore.TextsOf(b).Any(t => t.Contains("Programmabegroting", StringComparison.Ordinal)));
        Assert.Equal(2, layout.Blocks[1].Source.Page);
        Assert.NotNull(layout.Blocks[1].Source.Box);
    }

    [Fact]
    public void Aligned_lines_become_a_table_with_cells_in_their_columns()
    {
        var path = Write("table.pdf", Build(1, _ => [(50, 100, "Effectindicatoren bij 9A Sociale binding"), .. Table(130)]));
        var layout = PdfReader.Read(path, "table.pdf");
        var table = Assert.Single(layout.Blocks.OfType<Table>());
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal(["Effectindicator", "Realisatie", "Streefwaarde", "Bron"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["9A1.b Percentage vrijwilligers", "33% (2021)", "35%", "CBS"], table.Rows[2].Cells.Select(c => c.Text));
        var box = table.Rows[1].Cells[1].Source.Box!;
        Assert.InRange(box.Left, 249, 251);
        Assert.Equal(1, table.Rows[1].Cells[1].Source.Page);
    }

    [Fact]
    public void A_page_without_text_is_reported_and_a_pdf_of_only_such_pages_refused()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(50, 50), 100, 100);
        var path = Write("scan.pdf", builder.Build());
        var e = Assert.Throws<DocumentException>(() => PdfReader.Read(path, "scan.pdf"));
        Assert.Equal("no-text-layer", e.Code);
        Assert.Contains("scan.pdf", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Fixtures/encrypted-aes256.pdf is the 2017 LibreOffice fixture encrypted by qpdf (AES-256, user password 'begroting').</summary>
    [Fact]
    public void An_encrypted_pdf_asks_for_its_password_and_opens_with_it()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "encrypted-aes256.pdf");
        var locked = Assert.Throws<DocumentException>(() => PdfReader.Read(path, "encrypted.pdf"));
        Assert.Equal("encrypted", locked.Code);
        Assert.Contains("--password", locked.Message, StringComparison.Ordinal);
        var wrong = Assert.Throws<DocumentException>(() => PdfReader.Read(path, "encrypted.pdf", new PdfReaderOptions { Password = "fout" }));
        Assert.Contains("does not open it", wrong.Message, StringComparison.Ordinal);
        var open = PdfReader.Read(path, "encrypted.pdf", new PdfReaderOptions { Password = "begroting" });
        Assert.Contains(open.Blocks.OfType<Table>(), t => t.Rows.Any(r => r.Cells.Any(c => c.Text.StartsWith("9D1.a", StringComparison.Ordinal))));
    }

    /// <summary>Fixtures/turned-table-chromium.pdf: Fixtures/turned-table.html printed by headless Chromium, the table turned a quarter (CSS rotate) on a portrait page.</summary>
    [Fact]
    public void A_table_set_sideways_is_read_in_its_own_orientation()
    {
        var layout = PdfReader.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "turned-table-chromium.pdf"), "turned.pdf");
        var table = Assert.Single(layout.Blocks.OfType<Table>());
        Assert.Equal(["Effectindicator", "Realisatie", "Streefwaarde 2024", "Bron"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["7A1.b Aantal vacatures", "50 (2021)", "40", "UWV"], table.Rows[2].Cells.Select(c => c.Text));
        Assert.Equal("Effectindicatoren bij 7A Werk", Assert.IsType<Heading>(layout.Blocks[0]).Text);
        Assert.Contains(layout.Diagnostics, d => d.Code == "page-turned");
    }

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Catalog")]
    [InlineData("Dit is geen PDF maar heeft wel die naam.")]
    public void Corrupt_or_truncated_files_get_a_clear_error(string content)
    {
        var path = Write("bad.pdf", System.Text.Encoding.ASCII.GetBytes(content));
        var e = Assert.Throws<DocumentException>(() => PdfReader.Read(path, "bad.pdf"));
        Assert.Contains(e.Code, new[] { "corrupt", "no-text-layer" });
        Assert.StartsWith("bad.pdf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_copy_of_a_good_pdf_is_read_leniently_or_refused_clearly()
    {
        var good = Build(2, _ => Table(130));
        var path = Write("cut.pdf", good[..(good.Length * 2 / 3)]);
        try
        {
            var layout = PdfReader.Read(path, "cut.pdf");
            Assert.NotEmpty(layout.Blocks);
        }
        catch (DocumentException e)
        {
            Assert.StartsWith("cut.pdf", e.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Pages are read one at a time: a thousand pages stay under a fixed bound of managed memory.</summary>
    [Fact]
    public void A_thousand_pages_are_read_within_a_fixed_memory_bound()
    {
        const long Bound = 256L * 1024 * 1024;
        var path = Write("long.pdf", Build(1000, n => [(50, 100, $"Pagina {n}: tekst over het sociaal domein."), .. Table(130)]));
        GC.Collect();
        var peak = 0L;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.IsSet)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                Thread.Sleep(2);
            }
        });
        sampler.Start();
        var watch = Stopwatch.StartNew();
        var layout = PdfReader.Read(path, "long.pdf");
        done.Set();
        sampler.Join();
        Assert.Equal(1000, layout.Blocks.OfType<Table>().Count());
        Assert.True(peak < Bound, $"peak managed memory {peak / (1024 * 1024)} MB over {Bound / (1024 * 1024)} MB after {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
