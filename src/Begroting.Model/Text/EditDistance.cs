namespace Begroting.Model.Text;

/// <summary>How many edits (insertions, deletions, substitutions) turn one word into another.</summary>
public static class EditDistance
{
    /// <param name="a">One word.</param>
    /// <param name="b">The other.</param>
    /// <param name="ignoreCase">Whether letters that differ only in case are the same (a mistyped command).</param>
    /// <param name="swaps">Whether two neighbours swapped count as one edit, not two (a typist's slip; OCR does not swap).</param>
    public static int Between(string a, string b, bool ignoreCase = false, bool swaps = false)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var same = ignoreCase ? char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) : a[i - 1] == b[j - 1];
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (same ? 0 : 1));
                if (swaps && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
