using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Begroting.Model.Canonical;
using Begroting.Model.Layout;
using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Export;
using Begroting.Pipeline.Validation;

namespace Begroting.Fuzz.Tests.Harness;

/// <summary>The property of one case, run where a crash cannot take the caller down (the worker): a document or an error result, nothing else.</summary>
/// <remarks>
/// A document must serialise and validate. Its values must have been read: for a text file every raw text of a table cell
/// occurs in the file (whitespace and the inline tags the reader drops aside), and every word of a value read from prose;
/// for a web page the same in the text the reader made of it. A PDF
/// is not checked for invented values: its words are rebuilt from glyph positions (hyphens joined), and its reader
/// again would double the cost of the slowest cases.
/// </remarks>
public static partial class Oracle
{
    public static readonly ExtractionOptions Options = new() { Ocr = false, OcrCache = string.Empty };

    public static Outcome Check(WorkRequest request, SchemaValidator validator, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (request.ReaderOnly)
        {
            foreach (var file in request.Files)
            {
                _ = Extraction.Layout(file, Options, "fuzz/" + Path.GetFileName(file));
            }

            return new Outcome(OutcomeKind.Document, "reader-only", "the reader finished", clock.ElapsedMilliseconds);
        }

        var manifests = new ManifestIndex();
        var root = Path.GetDirectoryName(request.Files[0]) ?? string.Empty;
        IReadOnlyList<ExtractionResult> results = request.Format == SeedFormat.Site
            ? Extraction.ExtractAll(request.Files, Options, manifests, f => "fuzz/" + Path.GetRelativePath(root, f).Replace('\\', '/'), cancellationToken)
            : [Extraction.ExtractFile(request.Files[0], Options, manifests, "fuzz/" + Path.GetFileName(request.Files[0]), cancellationToken)];
        var codes = new List<string>();
        foreach (var result in results)
        {
            if (result.Document is not { } document)
            {
                codes.Add(result.ErrorCode ?? "?");
                continue;
            }

            string json;
            try
            {
                json = CanonicalJson.Serialize(document);
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
            {
                return new Outcome(OutcomeKind.Invalid, "serialise:" + e.GetType().Name, e.Message, clock.ElapsedMilliseconds);
            }

            var errors = validator.Validate(json);
            if (errors.Count > 0)
            {
                return new Outcome(OutcomeKind.Invalid, "schema:" + IndexFree().Replace(errors[0], "[*]"), string.Join("; ", errors.Take(5)), clock.ElapsedMilliseconds);
            }

            var invented = request.Format switch
            {
                SeedFormat.Text => FirstInvented(document, InputText(File.ReadAllBytes(request.Files[0]))),
                SeedFormat.Html => FirstInvented(document, LayoutText(Extraction.Layout(request.Files[0], Options, "fuzz/" + Path.GetFileName(request.Files[0])))),
                _ => null,
            };
            if (invented is { } value)
            {
                return new Outcome(OutcomeKind.Invented, "invented:" + request.Format, $"raw '{value.Raw}' at {value.Provenance} is not in the input", clock.ElapsedMilliseconds);
            }
        }

        return codes.Count == results.Count && codes.Count > 0
            ? new Outcome(OutcomeKind.Error, string.Join(",", codes.Distinct()), results[0].Error ?? string.Empty, clock.ElapsedMilliseconds)
            : new Outcome(OutcomeKind.Document, codes.Count > 0 ? string.Join(",", codes.Distinct()) : string.Empty, $"{results.Count - codes.Count} documents", clock.ElapsedMilliseconds);
    }

    /// <summary>The raws of every value: indicator observations, amounts, figures of other tables.</summary>
    public static IEnumerable<(string Raw, string Provenance)> Raws(CanonicalDocument document) =>
        document.Indicators.SelectMany(i => i.Observations).Select(o => (o.Raw, o.Provenance))
            .Concat(document.FinancialTables.SelectMany(t => t.Rows).SelectMany(r => r.Amounts).Select(a => (a.Raw, a.Provenance)))
            .Concat(document.OtherTables.SelectMany(t => t.Values).Select(v => (v.Raw, v.Provenance)));

    private static (string Raw, string Provenance)? FirstInvented(CanonicalDocument document, string input)
    {
        foreach (var (raw, provenance) in Raws(document))
        {
            // A table value is one cell's text; a value read from prose joins its number and its unit across lines and
            // paragraphs (and whatever the prose reader passes over between them), so each of its words must be there.
            var keys = provenance.Contains(";table=", StringComparison.Ordinal) ? [Squeeze(raw)] : raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Squeeze);
            if (keys.Any(k => k.Length > 0 && !input.Contains(k, StringComparison.Ordinal)))
            {
                return (raw, provenance);
            }
        }

        return null;
    }

    /// <summary>A text file's text as the reader decodes it (strict UTF-8, else Latin-1), its inline tags dropped, squeezed; twice, the second time with line-end hyphens joined.</summary>
    public static string InputText(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[3..];
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(span);
        }

        // The same inline tags the text reader drops (PlainTextReader.InlineTag); and the text again with words broken at
        // a line end joined, as prose is read ('25 deel-' over 'nemers').
        var clean = InlineTag().Replace(text, string.Empty);
        return Squeeze(clean) + '\u0001' + Squeeze(LineEndHyphen().Replace(clean, string.Empty));
    }

    private static string LayoutText(LayoutDocument layout)
    {
        var sb = new StringBuilder();
        foreach (var block in layout.Blocks)
        {
            IEnumerable<string> texts = block switch
            {
                Heading h => [h.Text],
                Paragraph p => [string.Concat(p.Lines)],
                ListItem li => [li.Text],
                Table t => t.Rows.SelectMany(r => r.Cells).Select(c => c.Text),
                _ => [],
            };
            foreach (var text in texts)
            {
                sb.Append(Squeeze(text)).Append('\u0001');
            }
        }

        return sb.ToString();
    }

    /// <summary>Text without whitespace (and the no-break and soft hyphen the readers drop), so line breaks and joins do not matter.</summary>
    private static string Squeeze(string text) => NotPrinted().Replace(text, string.Empty);

    [GeneratedRegex(@"[\s\u00A0\u00AD]+")]
    private static partial Regex NotPrinted();

    [GeneratedRegex(@"</?(?:i|b|em|strong|u|sup|sub|span|br)(?:\s[^>]*)?/?>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"-[ \t]*(?:\r\n|\r|\n)\s*")]
    private static partial Regex LineEndHyphen();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex IndexFree();
}
