using System.Diagnostics;
using System.Text.RegularExpressions;
using Begroting.Model.Canonical;
using Begroting.Model.Diagnostics;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Normalisation;
using Begroting.Readers.Html;
using Begroting.Readers.Text;

namespace Begroting.Pipeline;

/// <summary>Identity given on the command line; it overrides both the content and the manifest.</summary>
public sealed record ExtractionOptions
{
    public DocumentKind? Kind { get; init; }

    public int? Year { get; init; }

    public string? Programme { get; init; }

    /// <summary>Password for encrypted PDF files.</summary>
    public string? Password { get; init; }

    /// <summary>Whether pages without a text layer are read by OCR.</summary>
    public bool Ocr { get; init; } = true;

    /// <summary>Where recognised pages are cached: null for the user's cache folder, empty for no cache.</summary>
    public string? OcrCache { get; init; }
}

/// <summary>The outcome for one file: a document, or an error that names the file and the place.</summary>
public sealed record ExtractionResult(string File, CanonicalDocument? Document, string? ErrorCode, string? Error)
{
    public bool Succeeded => Document is not null;

    /// <summary>For an internal error, the exception with its stack trace, shown only when asked for (--verbose).</summary>
    public string? Detail { get; init; }

    /// <summary>A document that could not be made, with the reason.</summary>
    public static ExtractionResult Failed(string file, string code, string message) => new(file, null, code, message);

    /// <summary>An exception nobody foresaw, inside any stage: a bug, reported as the document's error with the place in the code it came from.</summary>
    public static ExtractionResult Internal(string file, Exception exception)
    {
        var frame = new StackTrace(exception, fNeedFileInfo: false).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("Begroting", StringComparison.Ordinal) == true);
        var where = frame is null ? string.Empty : $" in {SourceName(frame)}";
        return new ExtractionResult(file, null, "internal", $"{file}: {exception.GetType().Name}{where}: {exception.Message}") { Detail = exception.ToString() };
    }

    /// <summary>A method as its source names it: a lambda, iterator or local function by the method it stands in ('&lt;Read&gt;b__3_0' is Read).</summary>
    private static string SourceName(System.Reflection.MethodBase method)
    {
        static string Inner(string name) => name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is > 1 and var end ? name[1..end] : name;
        var type = method.DeclaringType!;
        var name = Inner(method.Name);
        while (type.Name.StartsWith('<'))
        {
            // An iterator's or async method's state machine ('<Read>d__4.MoveNext') stands for the method it is named after.
            if (name is "MoveNext")
            {
                name = Inner(type.Name);
            }

            if (type.DeclaringType is not { } outer)
            {
                break;
            }

            type = outer;
        }

        return $"{type.Name}.{name}";
    }
}

/// <summary>One file through reader and normaliser.</summary>
public static partial class Extraction
{
    public static readonly string[] TextExtensions = [".txt", ".text"];
    public static readonly string[] HtmlExtensions = [".html", ".htm"];

    public static bool IsReadable(string path) => TextExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()) || IsHtml(path) || IsPdf(path);

    private static bool IsPdf(string path) => Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase);

    private static bool IsHtml(string path) => HtmlExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>Whether a file is a web page, read with the other pages of its folder.</summary>
    public static bool IsHtmlFile(string path) => IsHtml(path);

    /// <summary>One file as one document (an HTML file as a one-page document).</summary>
    public static ExtractionResult ExtractFile(string path, ExtractionOptions options, ManifestIndex manifests, string? displayPath = null, CancellationToken cancellationToken = default)
    {
        var display = Display(displayPath ?? path);
        return Guard(display, () =>
        {
            var (layout, sha) = Read(path, display, options, cancellationToken);
            return Normalise(layout, display, sha, manifests.Find(path, sha), IdFromFileName(path), options, cancellationToken);
        });
    }

    /// <summary>The layout model of one file, as the normaliser sees it (for `begroting layout`).</summary>
    public static Model.Layout.LayoutDocument Layout(string path, ExtractionOptions options, string display) => Read(path, display, options).Layout;

    /// <summary>The one place a file's format picks its reader; the content hash comes along for the manifest.</summary>
    private static (Model.Layout.LayoutDocument Layout, string Sha256) Read(string path, string display, ExtractionOptions options, CancellationToken cancellationToken = default)
    {
        if (IsPdf(path))
        {
            // A PDF is hashed as a stream and read page by page, never loaded whole.
            var recogniser = options.Ocr ? new Readers.Ocr.TesseractRecogniser(new Readers.Ocr.OcrOptions { CacheDirectory = options.OcrCache }) : null;
            return (Readers.Pdf.PdfReader.Read(path, display, new Readers.Pdf.PdfReaderOptions { Password = options.Password, Recogniser = recogniser }, cancellationToken), ManifestIndex.Sha256OfFile(path));
        }

        if (!IsHtml(path) && !TextExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
        {
            throw new DocumentException("unsupported-format", $"no reader for '{Path.GetExtension(path)}' files (text, HTML and PDF are read)", display);
        }

        var bytes = File.ReadAllBytes(path);
        var layout = IsHtml(path) ? HtmlSite.Combine(display, [HtmlPageReader.Read(bytes, display, cancellationToken)]) : PlainTextReader.Read(bytes, display, cancellationToken);
        return (layout, ManifestIndex.Sha256Of(bytes));
    }

    /// <summary>
    /// Files to documents: a text file is a document; HTML pages are grouped into documents, by the manifest's folder
    /// entries, else by the breadcrumb they share within one folder. A page that cannot be read fails alone.
    /// </summary>
    public static IReadOnlyList<ExtractionResult> ExtractAll(IReadOnlyList<string> files, ExtractionOptions options, ManifestIndex manifests, Func<string, string> display, CancellationToken cancellationToken = default)
    {
        var results = new List<ExtractionResult>();
        foreach (var file in files.Where(f => !IsHtml(f)))
        {
            results.Add(ExtractFile(file, options, manifests, display(file), cancellationToken));
        }

        foreach (var folder in files.Where(IsHtml).GroupBy(f => Path.GetDirectoryName(Path.GetFullPath(f)) ?? string.Empty, StringComparer.Ordinal))
        {
            var groups = new Dictionary<string, List<(string File, HtmlPage Page, string Sha256)>>(StringComparer.Ordinal);
            var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
            foreach (var file in folder.Order(StringComparer.Ordinal))
            {
                HtmlPage page;
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(file);
                    page = HtmlPageReader.Read(bytes, display(file), cancellationToken);
                }
                catch (DocumentException e)
                {
                    results.Add(new ExtractionResult(display(file), null, e.Code, e.Message));
                    continue;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One page that breaks the reader fails alone; the other pages of the folder still make their documents.
                    results.Add(Failure(display(file), e));
                    continue;
                }

                // A page the manifest lists by itself is a document by itself, whatever its breadcrumb shares with its neighbours.
                var sha = ManifestIndex.Sha256Of(bytes);
                var own = manifests.Find(file, sha);
                var entry = own is { IsFolder: false } ? null : manifests.FindFolder(file);
                var key = own is { IsFolder: false } ? "page:" + file : entry is not null ? "manifest:" + entry.Id : HtmlSite.DocumentKey(page) is { } k ? "site:" + k : "page:" + file;
                if (entry is not null)
                {
                    entries[key] = entry;
                }

                (groups.TryGetValue(key, out var list) ? list : groups[key] = []).Add((file, page, sha));
            }

            foreach (var (key, pages) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var entry = entries.GetValueOrDefault(key);
                var first = pages[0].File;
                if (pages.Count == 1 && entry is null)
                {
                    // The page is read already: normalise it as a document of its own.
                    var single = pages[0];
                    var shown = display(first);
                    results.Add(Guard(shown, () => Normalise(HtmlSite.Combine(shown, [single.Page]), shown, single.Sha256, manifests.Find(first, single.Sha256), IdFromFileName(first), options, cancellationToken)));
                    continue;
                }

                var name = display(folder.Key) + "/";
                results.Add(Guard(name, () =>
                {
                    var sha = ManifestIndex.Sha256OfFolder(pages.Select(p => p.File));
                    var layout = HtmlSite.Combine(name, pages.Select(p => p.Page).ToList());
                    return Normalise(layout, name, sha, entry, IdFromFileName(folder.Key), options, cancellationToken);
                }));
            }
        }

        return results;
    }

    /// <summary>Any exception inside one document is that document's error; only cancellation (its time or memory budget) goes up to the batch.</summary>
    private static ExtractionResult Guard(string display, Func<CanonicalDocument> run)
    {
        try
        {
            return new ExtractionResult(display, run(), null, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failure(display, e);
        }
    }

    private static ExtractionResult Failure(string display, Exception e) => e switch
    {
        DocumentException d => ExtractionResult.Failed(display, d.Code, d.Message),
        IOException or UnauthorizedAccessException => ExtractionResult.Failed(display, "unreadable", $"{display}: {e.Message}"),
        _ => ExtractionResult.Internal(display, e),
    };

    private static CanonicalDocument Normalise(Model.Layout.LayoutDocument layout, string display, string sha, ManifestEntry? entry, string fallbackId, ExtractionOptions options, CancellationToken cancellationToken)
    {
        var context = new DocumentContext(entry?.Id ?? fallbackId, display, sha)
        {
            Kind = options.Kind ?? entry?.Kind,
            Year = options.Year ?? entry?.Year,
            Programme = options.Programme ?? entry?.Programme,
            Municipality = entry?.Municipality,
            Title = entry?.Title,
            GivenBy = options.Kind is not null || options.Year is not null || options.Programme is not null ? IdentitySource.Option : IdentitySource.Manifest,
        };
        // A text that is itself the output of an OCR (the manifest says so) is repaired as the OCR reader repairs what it recognises.
        if (entry?.Recognised == true)
        {
            layout = Readers.Ocr.TextRepair.RecognisedText.RepairGiven(layout);
        }

        return Normaliser.Normalise(layout, context, cancellationToken);
    }

    private static string Display(string path) => path.Replace('\\', '/');

    /// <summary>A document nobody described is named after its file.</summary>
    public static string IdFromFileName(string path) =>
        NonSlug().Replace(Path.GetFileNameWithoutExtension(path).ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } id ? id : "document";

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
