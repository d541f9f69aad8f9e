using System.Text;

namespace Begroting.Linking;

/// <summary>Indicator names as comparable text: lower case, diacritics folded, numbers and Dutch stop words dropped.</summary>
public static class TextSimilarity
{
    // Words that say nothing about what is measured; numbers are dropped too (a 2013 plan writes its target into the name).
    private static readonly HashSet<string> StopWords = new(
        [
            "de", "het", "een", "dat", "die", "in", "van", "voor", "op", "tot", "en", "met", "zich", "is", "als", "men", "of", "te",
            "bij", "naar", "om", "door", "uit", "aan", "dan", "ook", "er", "wat", "we", "wij", "ik", "mijn", "ben", "heb", "resp",
            "neemt", "blijft", "af", "toe", "niet", "verder", "worden", "wordt", "zijn", "per", "inwoners",
        ],
        StringComparer.Ordinal);

    // Words that drift between years for the same thing (domain.md: names drift); kept as data, one pair a line.
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["samenhang"] = "cohesie",
        ["overbelast"] = "belast",
        ["heel"] = "zeer",
        ["clienten"] = "client",
    };

    // The build is InvariantGlobalization, where string.Normalize cannot decompose: the Latin letters with diacritics Dutch uses, by hand.
    private const string Accented = "àáâãäåèéêëìíîïòóôõöùúûüýÿçñ";
    private const string Plain = "aaaaaaeeeeiiiiooooouuuuyycn";

    /// <summary>Lower case without diacritics ('cliënten' is 'clienten', 'Stadsenquête' is 'stadsenquete').</summary>
    public static string Fold(string text)
    {
        var chars = text.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = Accented.IndexOf(chars[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                chars[i] = Plain[at];
            }
        }

        return new string(chars);
    }

    public static IReadOnlyList<string> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in Fold(text) + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                continue;
            }

            if (sb.Length > 0)
            {
                var word = sb.ToString();
                sb.Clear();
                if (!StopWords.Contains(word) && !word.All(char.IsDigit) && word.Length > 1)
                {
                    tokens.Add(Synonyms.GetValueOrDefault(word, word));
                }
            }
        }

        return tokens;
    }

    public static double Jaccard(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var sa = a.ToHashSet(StringComparer.Ordinal);
        var sb = b.ToHashSet(StringComparer.Ordinal);
        var inter = sa.Count(sb.Contains);
        return inter / (double)(sa.Count + sb.Count - inter);
    }

    /// <summary>Shared tokens over the smaller set: a long sentence of a plan that contains a short table name scores high.</summary>
    public static double Containment(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var sa = a.ToHashSet(StringComparer.Ordinal);
        var sb = b.ToHashSet(StringComparer.Ordinal);
        return sa.Count(sb.Contains) / (double)Math.Min(sa.Count, sb.Count);
    }

    /// <summary>Cosine of token sets weighted by inverse document frequency: rare words ('vrouwenopvang') count more than common ones ('percentage').</summary>
    public static double IdfCosine(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b, Func<string, double> idf)
    {
        var sa = a.ToHashSet(StringComparer.Ordinal);
        var sb = b.ToHashSet(StringComparer.Ordinal);
        if (sa.Count == 0 || sb.Count == 0)
        {
            return 0;
        }

        double dot = 0, na = 0, nb = 0;
        foreach (var t in sa)
        {
            var w = idf(t);
            na += w * w;
            if (sb.Contains(t))
            {
                dot += w * w;
            }
        }

        foreach (var t in sb)
        {
            var w = idf(t);
            nb += w * w;
        }

        return dot / Math.Sqrt(na * nb);
    }

    /// <summary>Cosine of character-trigram counts of the joined tokens: catches spelling drift ('VeiligThuis', 'Veilig Thuis').</summary>
    public static double TrigramCosine(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var ca = Trigrams(a);
        var cb = Trigrams(b);
        if (ca.Count == 0 || cb.Count == 0)
        {
            return 0;
        }

        double dot = 0;
        foreach (var (g, n) in ca)
        {
            if (cb.TryGetValue(g, out var m))
            {
                dot += n * m;
            }
        }

        return dot / Math.Sqrt(ca.Values.Sum(n => (double)n * n) * cb.Values.Sum(n => (double)n * n));
    }

    private static Dictionary<string, int> Trigrams(IReadOnlyList<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            var padded = " " + token + " ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                var g = padded.Substring(i, 3);
                counts[g] = counts.GetValueOrDefault(g) + 1;
            }
        }

        return counts;
    }
}
