using System.Text;
using System.Text.RegularExpressions;
using Begroting.Model.Diagnostics;

namespace Begroting.Readers.Html;

/// <summary>Bytes of a page without HTTP headers to text: BOM, then the meta charset (by its WHATWG label), then UTF-8 or windows-1252 with a warning.</summary>
internal static partial class HtmlDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string file, List<Diagnostic> diagnostics)
    {
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            throw new DocumentException("empty", "the page is empty", file);
        }

        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new DocumentException("not-html", $"not an HTML page: NUL byte at offset {nul}", file);
        }

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        if (MetaCharset().Match(head) is { Success: true } m)
        {
            return Declared(bytes, m.Groups["name"].Value, file, diagnostics);
        }

        diagnostics.Add(new Diagnostic("encoding-assumed", Severity.Warning, "no BOM and no meta charset; encoding assumed", file));
        return Utf8OrFallback(bytes, file, diagnostics);
    }

    /// <summary>A declared charset as a browser takes it: by the WHATWG labels only, UTF-16 in markup that reads as ASCII as UTF-8, x-user-defined as windows-1252.</summary>
    private static string Declared(byte[] bytes, string label, string file, List<Diagnostic> diagnostics)
    {
        switch (EncodingLabels.Find(label))
        {
            case null:
                diagnostics.Add(new Diagnostic("encoding-unknown", Severity.Warning, $"declared charset '{label}' is no label of the WHATWG Encoding Standard; read as UTF-8", file));
                return Utf8OrFallback(bytes, file, diagnostics);
            case { Name: "UTF-8" }:
                return Utf8OrFallback(bytes, file, diagnostics);
            case { Name: "UTF-16BE" or "UTF-16LE" }:
                // The charset was found by reading the bytes as ASCII, so they are not UTF-16 (HTML's prescan rule).
                diagnostics.Add(new Diagnostic("encoding-ignored", Severity.Warning, $"declared charset '{label}' in a page whose markup reads as ASCII; read as UTF-8, as browsers do", file));
                return Utf8OrFallback(bytes, file, diagnostics);
            case { Name: "x-user-defined" }:
                return Encoding.GetEncoding(1252).GetString(bytes);
            case { CodePage: { } codePage } found:
                try
                {
                    return Encoding.GetEncoding(codePage).GetString(bytes);
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException)
                {
                    diagnostics.Add(new Diagnostic("encoding-unsupported", Severity.Warning, $"declared charset '{label}' ({found.Name}) cannot be decoded here; read as UTF-8", file));
                    return Utf8OrFallback(bytes, file, diagnostics);
                }

            case { } unsupported:
                // No decoder here (ISO-8859-10, -14, -16), or the replacement encoding, which would make the page one U+FFFD.
                diagnostics.Add(new Diagnostic("encoding-unsupported", Severity.Warning, $"declared charset '{label}' ({unsupported.Name}) cannot be decoded here; read as UTF-8", file));
                return Utf8OrFallback(bytes, file, diagnostics);
        }
    }

    private static string Utf8OrFallback(byte[] bytes, string file, List<Diagnostic> diagnostics)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic("encoding-fallback", Severity.Warning, "not valid UTF-8; read as windows-1252", file));
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<name>[\w.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
