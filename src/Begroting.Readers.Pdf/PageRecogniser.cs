using Begroting.Model.Layout;

namespace Begroting.Readers.Pdf;

/// <summary>A word recognised on a page image: its text, its box in points from the page's top left, its size and the recogniser's confidence (0 to 1).</summary>
public sealed record RecognisedWord(string Text, double Left, double Top, double Right, double Bottom, double Size, double Confidence);

/// <summary>A ruling line seen on a page image, in points from the page's top left: horizontal when Y1 equals Y2, vertical when X1 equals X2.</summary>
public sealed record RuleSegment(double X1, double Y1, double X2, double Y2);

/// <summary>What was read on a page image: its words and the ruling lines of its tables.</summary>
public sealed record RecognisedPage(IReadOnlyList<RecognisedWord> Words, IReadOnlyList<RuleSegment> Rules);

/// <summary>A page to recognise: the PDF, the page number, its size in points and a key for its content (the same images give the same key).</summary>
public sealed record PageImage(string Path, string File, int Number, double Width, double Height, string ContentKey);

/// <summary>Reads the words of a page that has no text layer (a scan).</summary>
/// <remarks>
/// The PDF reader knows only this contract: what it gets back enters the same word stream as PdfPig's words, and
/// the ruling lines the same lattice finder as a text layer's drawn rules, so lines, ruled and unruled tables and
/// columns are found the same way on a scan. Failures are <see cref="Model.Diagnostics.DocumentException"/>s naming the page.
/// </remarks>
public interface IPageRecogniser
{
    Task<RecognisedPage> RecogniseAsync(PageImage page, CancellationToken cancellationToken = default);

    /// <summary>The layout of a document some of whose pages it recognised, with the recognised text repaired; called once the layout is made.</summary>
    /// <remarks>Repairs need the layout: a column of figures says how a figure in it is grouped, the codes of the rows around one say which code it is.</remarks>
    LayoutDocument RepairText(LayoutDocument layout) => layout;
}
