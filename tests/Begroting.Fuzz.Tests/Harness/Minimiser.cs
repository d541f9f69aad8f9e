using System.Diagnostics;

namespace Begroting.Fuzz.Tests.Harness;

/// <summary>Delta debugging (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", 2002) over lines, then over tags.</summary>
/// <remarks>Removes ever smaller chunks while the case still fails, within a time bound: a regression file of a few lines, not a page.</remarks>
public sealed class Minimiser(Func<byte[], bool> fails, TimeSpan bound)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public byte[] Minimise(byte[] input)
    {
        var lines = Split(input, (byte)'\n');
        lines = Reduce(lines);

        // Then the markup of what is left, cut before every '<'.
        var joined = lines.SelectMany(l => l).ToArray();
        var tags = Split(joined, (byte)'<', before: true);
        return Reduce(tags).SelectMany(t => t).ToArray();
    }

    private List<byte[]> Reduce(List<byte[]> parts)
    {
        var n = 2;
        while (parts.Count >= 2 && clock.Elapsed < bound)
        {
            var chunk = (int)Math.Ceiling(parts.Count / (double)n);
            var reduced = false;
            for (var start = 0; start < parts.Count && clock.Elapsed < bound; start += chunk)
            {
                var complement = parts.Take(start).Concat(parts.Skip(start + chunk)).ToList();
                if (complement.Count > 0 && fails(complement.SelectMany(p => p).ToArray()))
                {
                    parts = complement;
                    n = Math.Max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }

            if (!reduced)
            {
                if (n >= parts.Count)
                {
                    break;
                }

                n = Math.Min(n * 2, parts.Count);
            }
        }

        return parts;
    }

    /// <summary>Parts that concatenate to the input: each ends with the separator (or, <paramref name="before"/>, starts with it).</summary>
    private static List<byte[]> Split(byte[] input, byte separator, bool before = false)
    {
        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != separator)
            {
                continue;
            }

            var end = before ? i : i + 1;
            if (end > start)
            {
                parts.Add(input[start..end]);
                start = end;
            }
        }

        if (start < input.Length)
        {
            parts.Add(input[start..]);
        }

        return parts;
    }
}
