using System.Text;
using Begroting.Model.Diagnostics;

namespace Begroting.Readers.Text;

/// <summary>Turns file bytes into text, refusing what is not text.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string file, List<Diagnostic> diagnostics)
    {
        if (bytes.IsEmpty)
        {
            throw new DocumentException("empty", "the file is empty", file);
        }

        var controls = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == 0)
            {
                throw new DocumentException("binary", $"not a text document: NUL byte at offset {i}", $"{file}:{LineAt(bytes, i)}");
            }

            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                controls++;
            }
        }

        if (controls > 8 && controls * 100 > bytes.Length)
        {
            throw new DocumentException("binary", $"not a text document: {controls} control bytes in {bytes.Length}", file);
        }

        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Older exports are windows-1252; Latin-1 keeps every byte and the warning says what was assumed.
            diagnostics.Add(new Diagnostic("encoding-fallback", Severity.Warning, "not valid UTF-8; read as Latin-1", file));
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
