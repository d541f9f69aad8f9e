using System.Text.RegularExpressions;
using Begroting.Model.Canonical;
using Begroting.Model.Diagnostics;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Normalisation;

namespace Begroting.Pipeline;

/// <summary>Identity given on the command line; it overrides both the content and the manifest.</summary>
public sealed record ExtractionOptions
{
    public DocumentKind? Kind { get; init; }

    public int? Year { get; init; }

    public string? Programme { get; init; }
}

/// <summary>The outcome for one file: a document, or an error that names the file and the place.</summary>
public sealed record ExtractionResult(string File, CanonicalDocument? Document, string? ErrorCode, string? Error)
{
    public bool Succeeded => Document is not null;
}

/// <summary>One file through reader and normaliser.</summary>
public static partial class Extraction
{
    public static readonly string[] TextExtensions = [".txt", ".text"];

    public static ExtractionResult ExtractFile(string path, ExtractionOptions options, ManifestIndex manifests, string? displayPath = null)
    {
        var display = (displayPath ?? path).Replace('\\', '/');
        try
        {
            if (!TextExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
            {
                throw new DocumentException("unsupported-format", $"no reader for '{Path.GetExtension(path)}' files yet (text only)", display);
            }

            var bytes = File.ReadAllBytes(path);
            var sha = ManifestIndex.Sha256Of(bytes);
            var entry = manifests.Find(path, sha);
            var layout = Readers.Text.PlainTextReader.Read(bytes, display);
            var context = new DocumentContext(entry?.Id ?? IdFromFileName(path), display, sha)
            {
                Kind = options.Kind ?? entry?.Kind,
                Year = options.Year ?? entry?.Year,
                Programme = options.Programme ?? entry?.Programme,
                Municipality = entry?.Municipality,
                Title = entry?.Title,
                GivenBy = options.Kind is not null || options.Year is not null || options.Programme is not null ? IdentitySource.Option : IdentitySource.Manifest,
            };
            return new ExtractionResult(display, Normaliser.Normalise(layout, context), null, null);
        }
        catch (DocumentException e)
        {
            return new ExtractionResult(display, null, e.Code, e.Message);
        }
        catch (IOException e)
        {
            return new ExtractionResult(display, null, "unreadable", $"{display}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return new ExtractionResult(display, null, "unreadable", $"{display}: {e.Message}");
        }
    }

    /// <summary>A document nobody described is named after its file.</summary>
    public static string IdFromFileName(string path) =>
        NonSlug().Replace(Path.GetFileNameWithoutExtension(path).ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } id ? id : "document";

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
