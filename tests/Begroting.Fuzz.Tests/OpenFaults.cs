using Begroting.Fuzz.Tests.Harness;

namespace Begroting.Fuzz.Tests;

/// <summary>Fault classes the fuzzer found in the PDF reader, which is being fixed elsewhere: reported by the fuzz test, not failed on, each with its regression file.</summary>
/// <remarks>
/// Every one is PdfPig throwing while a page is opened or its content read (not caught in <c>PdfReader.Read</c>), the
/// reader's own column finder (<c>PdfTables.Columns</c>) overflowing on coordinates far off the page, or a hang in the PDF
/// reader itself (the reader alone, without the normaliser, does not finish in its budget either). Any
/// other class fails the fuzz test. An entry goes when the PDF reader's fix lands; its file then comes under
/// <c>RegressionTests.EveryRegressionFileComesToADocumentOrAnErrorInTime</c> like every other.
/// </remarks>
public static class OpenFaults
{
    /// <summary>A class (a prefix of what <see cref="Campaign.ClassOf"/> names it) and the regression file that shows it.</summary>
    public static readonly IReadOnlyList<(string Class, string File)> Pdf =
    [
        ("crash ArgumentOutOfRangeException@PdfReader.Read via", "pdf-rotation/rotate-45.pdf"),
        ("crash InvalidFontFormatException@PdfReader.Read via", "pdf-font-widths/truetype-font-without-widths.pdf"),
        ("crash InvalidFontFormatException@PdfReader.Read via", "pdf-font-widths/widths-array-with-a-flipped-bit.pdf"),
        ("crash PdfDocumentFormatException@PdfReader.Read via", "pdf-objects/duplicated-bytes-shift-the-xref.pdf"),
        ("crash PdfDocumentFormatException@PdfReader.Read via", "pdf-page-box/mediabox-of-three-numbers.pdf"),
        ("crash InvalidOperationException@PdfReader.Read via", "pdf-content/font-operator-deleted.pdf"),
        ("crash InvalidOperationException@PdfReader.Read via", "pdf-content/page-content-unparsable.pdf"),
        ("crash ArgumentNullException@PdfReader.Read via", "pdf-dictionary/flipped-bit-loses-a-dictionary.pdf"),
        ("crash IndexOutOfRangeException@PdfReader.Read via", "pdf-objects/rotated-then-bytes-deleted.pdf"),
        ("crash OverflowException@PdfTables.Columns", "pdf-tables/text-matrices-overflow-the-columns.pdf"),
        ("crash OutOfMemoryException@PdfTables.Columns", "pdf-tables/flipped-bit-runs-out-of-memory.pdf"),
        ("hang pdf", "pdf-hang/rotated-180.pdf"),
        ("hang pdf", "pdf-hang/rotated-180-with-inserted-bytes.pdf"),
        ("hang pdf", "pdf-hang/text-matrices-scaled-100000.pdf"),
        ("hang pdf", "pdf-hang/2013-plan-content-turned-180.pdf"),
        ("hang pdf", "pdf-hang/2013-plan-mediabox-centred-on-the-origin.pdf"),
    ];

    /// <summary>A PDF reader crash of a listed class, or a hang of a PDF case that its reader alone shows too.</summary>
    public static bool IsOpen(Fault fault) => fault.Kind == OutcomeKind.Hang
        ? fault.First.Seed.Format == SeedFormat.Pdf && fault.Stage == "reader"
        : Pdf.Any(p => fault.Class.StartsWith(p.Class, StringComparison.Ordinal));
}
