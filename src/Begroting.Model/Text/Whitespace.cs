namespace Begroting.Model.Text;

/// <summary>Collapses runs of white space to one space and trims; a no-break space is a space, a soft hyphen is nothing.</summary>
/// <remarks>Called for every cell and line: a hand loop, not a regex, because it dominated reading time.</remarks>
public static class Whitespace
{
    public static string Collapse(string text)
    {
        var span = text.AsSpan();
        var clean = true;
        var previousSpace = true;
        foreach (var ch in span)
        {
            var space = IsSpace(ch);
            if ((space && (previousSpace || ch != ' ')) || ch == '\u00AD')
            {
                clean = false;
                break;
            }

            previousSpace = space;
        }

        if (clean && (span.Length == 0 || span[^1] != ' '))
        {
            return text;
        }

        return Build(span);
    }

    private static string Build(ReadOnlySpan<char> span)
    {
        Span<char> buffer = span.Length <= 512 ? stackalloc char[span.Length] : new char[span.Length];
        var n = 0;
        var pendingSpace = false;
        foreach (var ch in span)
        {
            if (ch == '\u00AD')
            {
                continue;
            }

            if (IsSpace(ch))
            {
                pendingSpace = n > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[n++] = ' ';
                pendingSpace = false;
            }

            buffer[n++] = ch;
        }

        return new string(buffer[..n]);
    }

    private static bool IsSpace(char ch) => ch is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\u00A0' || (ch > 127 && char.IsWhiteSpace(ch));
}
