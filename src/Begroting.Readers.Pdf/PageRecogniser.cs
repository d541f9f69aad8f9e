namespace Begroting.Readers.Pdf;

/// <summary>A word recognised on a page image: its text, its box in points from the page's top left, its size and the recogniser's confidence (0 to 1).</summary>
public sealed record RecognisedWord(string Text, double Left, double Top, double Right, double Bottom, double Size, double Confidence);

/// <summary>A page to recognise: the PDF, the page number, its size in points and a key for its content (the same images give the same key).</summary>
public sealed record PageImage(string Path, string File, int Number, double Width, double Height, string ContentKey);

/// <summary>Reads the words of a page that has no text layer (a scan).</summary>
/// <remarks>
/// The PDF reader knows only this contract: what it gets back enters the same word stream as PdfPig's words, so
/// lines, tables and columns are found the same way on a scan. Failures are <see cref="Model.Diagnostics.DocumentException"/>s naming the page.
/// </remarks>
public interface IPageRecogniser
{
    Task<IReadOnlyList<RecognisedWord>> RecogniseAsync(PageImage page, CancellationToken cancellationToken = default);
}
