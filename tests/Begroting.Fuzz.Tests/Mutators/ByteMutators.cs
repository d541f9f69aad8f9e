namespace Begroting.Fuzz.Tests.Mutators;

/// <summary>Mutations of raw bytes, for every format: bit flips, truncation, deleted, inserted and duplicated ranges.</summary>
public static class ByteMutators
{
    public static readonly string[] Ops = ["flip", "truncate", "delete", "insert", "duplicate"];

    private static readonly byte[][] Inserts =
    [
        [0x00], [0xFF], [0xEF, 0xBB, 0xBF], [(byte)'\r'], [(byte)'\n'], [(byte)'\t'], [(byte)'|'], [(byte)'<'], [(byte)'>'],
        [0xC3], [0xE2, 0x82], [0x80], [(byte)'-'], [(byte)'*'], "<table>"u8.ToArray(), "</td>"u8.ToArray(), "endobj"u8.ToArray(), "stream\n"u8.ToArray(),
    ];

    public static byte[] Apply(byte[] input, string op, int a, int b, int c)
    {
        if (input.Length == 0)
        {
            return op == "insert" ? [.. Inserts[b % Inserts.Length]] : input;
        }

        var at = a % input.Length;
        switch (op)
        {
            case "flip":
            {
                // c + 1 flips, spread by a fixed stride so the case stays a function of its numbers.
                var output = (byte[])input.Clone();
                for (var i = 0; i <= c % 8; i++)
                {
                    var offset = (int)((at + ((long)i * 7919 * (b + 1))) % input.Length);
                    output[offset] ^= (byte)(1 << ((b + i) % 8));
                }

                return output;
            }

            case "truncate":
                return input[..at];
            case "delete":
            {
                // Up to 1% of the file, or a few bytes of a small one.
                var length = 1 + (b % Math.Max(4, input.Length / 100));
                return [.. input[..at], .. input[Math.Min(input.Length, at + length)..]];
            }

            case "insert":
            {
                var bytes = Inserts[b % Inserts.Length];
                var repeat = 1 + (c % 16);
                return [.. input[..at], .. Enumerable.Repeat(bytes, repeat).SelectMany(x => x), .. input[at..]];
            }

            case "duplicate":
            {
                var length = 1 + (b % Math.Max(4, input.Length / 50));
                var end = Math.Min(input.Length, at + length);
                return [.. input[..end], .. input[at..end], .. input[end..]];
            }

            default:
                throw new ArgumentException($"no byte mutation '{op}'", nameof(op));
        }
    }
}
