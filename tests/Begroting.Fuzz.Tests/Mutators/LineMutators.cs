namespace Begroting.Fuzz.Tests.Mutators;

/// <summary>Mutations of lines, for text and markup: shuffled, duplicated, deleted and joined lines, markdown rules, tabs, blank and very long lines.</summary>
/// <remarks>Text is handled as Latin-1, one char per byte, so a mutation changes only the bytes it means to.</remarks>
public static class LineMutators
{
    public static readonly string[] Ops = ["shuffle-lines", "duplicate-lines", "delete-lines", "pipe-rule", "tabs", "blank-lines", "join-lines", "crlf", "long-line"];

    private static readonly string[] Rules = ["|---|---|---|", "---|---", "|---|", "| --- | :---: | ---: |", "|-|-|", "---|---|---|---|---|---|---|---|", "|"];

    public static string Apply(string text, string op, int a, int b, int c)
    {
        var lines = text.Split('\n').ToList();
        var at = a % lines.Count;
        switch (op)
        {
            case "shuffle-lines":
            {
                var count = Math.Min(lines.Count - at, 2 + (b % 20));
                var window = lines.GetRange(at, count);
                var random = new Random(c);
                lines.RemoveRange(at, count);
                lines.InsertRange(at, window.OrderBy(_ => random.Next()));
                break;
            }

            case "duplicate-lines":
            {
                var count = Math.Min(lines.Count - at, 1 + (b % 10));
                var copies = 1 + (c % 3);
                var block = lines.GetRange(at, count);
                for (var i = 0; i < copies; i++)
                {
                    lines.InsertRange(at + count, block);
                }

                break;
            }

            case "delete-lines":
                lines.RemoveRange(at, Math.Min(lines.Count - at, 1 + (b % 10)));
                break;
            case "pipe-rule":
                lines.Insert(at, Rules[b % Rules.Length]);
                break;
            case "tabs":
            {
                // Spaces of one line become tabs: prose turns into a tab row.
                var line = lines[at];
                var n = 1 + (b % 6);
                for (var i = 0; i < n && line.Contains(' ', StringComparison.Ordinal); i++)
                {
                    var space = line.IndexOf(' ', (c * (i + 1)) % Math.Max(1, line.Length));
                    space = space < 0 ? line.IndexOf(' ', StringComparison.Ordinal) : space;
                    line = string.Concat(line.AsSpan(0, space), "\t", line.AsSpan(space + 1));
                }

                lines[at] = c % 5 == 0 ? "\t" + line + "\t" : line;
                break;
            }

            case "blank-lines":
                lines.InsertRange(at, Enumerable.Repeat(b % 4 == 0 ? " \t " : string.Empty, 1 + (b % 5)));
                break;
            case "join-lines":
                if (at + 1 < lines.Count)
                {
                    lines[at] += (b % 2 == 0 ? " " : string.Empty) + lines[at + 1];
                    lines.RemoveAt(at + 1);
                }

                break;
            case "crlf":
                return b % 2 == 0 ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text.Replace('\n', '\r');
            case "long-line":
            {
                var words = lines[at].Length > 0 ? lines[at] : "9A1.a 5,8 (2014) ";
                var length = 300 + (b % 5000);
                var sb = new System.Text.StringBuilder();
                while (sb.Length < length)
                {
                    sb.Append(words).Append(' ');
                }

                lines[at] = sb.ToString();
                break;
            }

            default:
                throw new ArgumentException($"no line mutation '{op}'", nameof(op));
        }

        return string.Join('\n', lines);
    }
}
