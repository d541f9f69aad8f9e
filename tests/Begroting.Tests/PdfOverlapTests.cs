using Begroting.Readers.Pdf;

namespace Begroting.Tests;

/// <summary>Cells whose strings a producer drew over each other (a header too wide for its column, a row label run on into the next cell) stay cells of their own.</summary>
public sealed class PdfOverlapTests
{
    private static PdfWord Word(string text, double left, double right, double bottom, int run) => new(text, left, right, bottom - 6, bottom, 8, false, Run: run);

    [Fact]
    public void Header_strings_drawn_over_each_other_are_three_cells_not_one()
    {
        // Jaarstukken 2017 (ReportLab, shared/foreign): 'Begroting', 'Wijziging Begroting' and 'Begroting 2017 na wijziging'
        // set flush right in narrow columns, each run on leftwards over the one before.
        var line = PdfLines.Group(
        [
            Word("Begroting", 292.5, 331.6, 137, run: 3),
            Word("Wijziging", 308.7, 344.9, 137, run: 4),
            Word("Begroting", 347.5, 386.6, 137, run: 4),
            Word("Begroting", 329.6, 368.8, 137, run: 5),
            Word("2017", 371.2, 391.5, 137, run: 5),
            Word("na", 394.3, 404.2, 137, run: 5),
            Word("wijziging", 406.8, 441.6, 137, run: 5),
        ])[0];

        var chunks = PdfTables.Chunks(line);

        Assert.Equal(["Begroting", "Wijziging Begroting", "Begroting 2017 na wijziging"], chunks.Select(c => PdfLine.TextOf(c.Words)));
    }

    [Fact]
    public void Strings_that_follow_each_other_are_one_cell_whatever_their_runs()
    {
        // A bold code and its name drawn as two strings, as most producers do.
        var line = PdfLines.Group([Word("9A1.a", 100, 122, 200, run: 1), Word("Schaalscore", 124.5, 170, 200, run: 2), Word("6,1", 300, 312, 200, run: 2)])[0];

        Assert.Equal(["9A1.a Schaalscore", "6,1"], PdfTables.Chunks(line).Select(c => PdfLine.TextOf(c.Words)));
    }
}
