namespace Begroting.Linking;

/// <summary>
/// The features of a pair of indicators from two publications: how alike their names, codes, units, sources, goals and
/// values are, and whether each is the other's best match by name among the indicators of the other publication.
/// </summary>
/// <remarks>
/// The context (word frequencies, best matches) comes from all indicators being linked, never from labels, so the same
/// features are computed at training time and when linking a corpus.
/// </remarks>
public sealed class PairFeatures
{
    public const int Count = 18;

    public static readonly string[] Names =
    [
        "token_jaccard", "token_idf_cosine", "trigram_cosine", "token_containment",
        "same_code", "same_goal_code", "same_policy_area", "code_missing",
        "unit_equal", "unit_compatible", "unit_conflict",
        "source_similarity", "source_missing", "goal_title_similarity",
        "values_shared", "values_agree", "values_disagree", "mutual_best_name",
    ];

    private readonly Dictionary<string, LinkIndicator> byKey;
    private readonly Dictionary<string, IReadOnlyList<string>> tokens;
    private readonly Dictionary<string, double> idf;
    private readonly Dictionary<(string Key, string Publication), string> bestIn = [];

    public PairFeatures(IReadOnlyList<LinkIndicator> indicators)
    {
        byKey = indicators.ToDictionary(i => i.Key, StringComparer.Ordinal);
        tokens = indicators.ToDictionary(i => i.Key, i => TextSimilarity.Tokens(i.Name), StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tokens.Values.SelectMany(t => t.Distinct()))
        {
            df[t] = df.GetValueOrDefault(t) + 1;
        }

        idf = df.ToDictionary(kv => kv.Key, kv => Math.Log(1 + (indicators.Count / (double)kv.Value)), StringComparer.Ordinal);
        foreach (var publication in indicators.GroupBy(i => i.Publication, StringComparer.Ordinal))
        {
            foreach (var indicator in indicators.Where(i => i.Publication != publication.Key))
            {
                var best = publication.MaxBy(other => NameSimilarity(indicator.Key, other.Key));
                if (best is not null)
                {
                    bestIn[(indicator.Key, publication.Key)] = best.Key;
                }
            }
        }
    }

    public IReadOnlyCollection<LinkIndicator> Indicators => byKey.Values;

    public LinkIndicator this[string key] => byKey.TryGetValue(key, out var i) ? i : throw new KeyNotFoundException($"no indicator '{key}' among the documents being linked");

    public bool Contains(string key) => byKey.ContainsKey(key);

    private double Idf(string token) => idf.GetValueOrDefault(token, Math.Log(1 + byKey.Count));

    private double NameSimilarity(string a, string b) =>
        TextSimilarity.IdfCosine(tokens[a], tokens[b], Idf) + (0.5 * TextSimilarity.TrigramCosine(tokens[a], tokens[b]));

    public float[] Of(string keyA, string keyB)
    {
        var a = this[keyA];
        var b = this[keyB];
        var ta = tokens[keyA];
        var tb = tokens[keyB];
        var f = new float[Count];
        f[0] = (float)TextSimilarity.Jaccard(ta, tb);
        f[1] = (float)TextSimilarity.IdfCosine(ta, tb, Idf);
        f[2] = (float)TextSimilarity.TrigramCosine(ta, tb);
        f[3] = (float)TextSimilarity.Containment(ta, tb);
        var coded = a.Code is not null && b.Code is not null;
        f[4] = coded && a.Code == b.Code ? 1 : 0;
        f[5] = a.GoalCode is not null && a.GoalCode == b.GoalCode ? 1 : 0;
        f[6] = a.PolicyArea is not null && a.PolicyArea == b.PolicyArea ? 1 : 0;
        f[7] = coded ? 0 : 1;
        var units = a.Unit is not null && b.Unit is not null;
        f[8] = units && a.Unit == b.Unit ? 1 : 0;
        f[9] = !units || Units.Compatible(a.Unit, b.Unit) ? 1 : 0;
        f[10] = units && !Units.Compatible(a.Unit, b.Unit) ? 1 : 0;
        var sources = a.Source is not null && b.Source is not null;
        f[11] = sources ? (float)Math.Max(TextSimilarity.Jaccard(TextSimilarity.Tokens(a.Source), TextSimilarity.Tokens(b.Source)), TextSimilarity.TrigramCosine(TextSimilarity.Tokens(a.Source), TextSimilarity.Tokens(b.Source))) : 0;
        f[12] = sources ? 0 : 1;
        f[13] = (float)TextSimilarity.Jaccard(TextSimilarity.Tokens(a.GoalTitle), TextSimilarity.Tokens(b.GoalTitle));
        var (shared, agree) = Values(a, b);
        f[14] = Math.Min(shared, 3) / 3f;
        f[15] = shared == 0 ? 0 : agree / (float)shared;
        f[16] = shared == 0 ? 0 : (shared - agree) / (float)shared;
        f[17] = bestIn.GetValueOrDefault((keyA, b.Publication)) == keyB && bestIn.GetValueOrDefault((keyB, a.Publication)) == keyA ? 1 : 0;
        return f;
    }

    /// <summary>Values both report for the same kind and year (a 2015 realisatie in the 2017 and 2018 begroting), and how many agree.</summary>
    private static (int Shared, int Agree) Values(LinkIndicator a, LinkIndicator b)
    {
        var scaleA = Units.PerInhabitants(a.Unit);
        var scaleB = Units.PerInhabitants(b.Unit);
        int shared = 0, agree = 0;
        foreach (var va in a.Values.GroupBy(v => (v.Kind, v.Year)))
        {
            var vb = b.Values.Where(v => v.Kind == va.Key.Kind && v.Year == va.Key.Year).ToList();
            if (vb.Count == 0)
            {
                continue;
            }

            shared++;
            if (va.Any(x => vb.Any(y => Close(x.Value / scaleA, y.Value / scaleB))))
            {
                agree++;
            }
        }

        return (shared, agree);
    }

    private static bool Close(decimal x, decimal y) => Math.Abs(x - y) <= Math.Max(0.05m, Math.Abs(x) * 0.005m);
}

/// <summary>Units that are the same measure at another scale (clients per 10.000 inhabitants in 2018, per 1.000 in 2024).</summary>
public static class Units
{
    public static decimal PerInhabitants(string? unit) => unit switch
    {
        "per_1000" => 1000m,
        "per_10000" => 10000m,
        _ => 1m,
    };

    public static bool Compatible(string? a, string? b) =>
        a is null || b is null || a == b || (a.StartsWith("per_", StringComparison.Ordinal) && b.StartsWith("per_", StringComparison.Ordinal));

    /// <summary>Whether a series changes unit between its members: shown to the reader, never converted silently.</summary>
    public static bool Changes(IEnumerable<string?> units) => units.Where(u => u is not null).Distinct(StringComparer.Ordinal).Skip(1).Any();
}

/// <summary>A labelled pair for training: same series or not, with the hand-written reason.</summary>
public sealed record LabelledPair(string A, string B, bool Same, string Reason)
{
    public string PublicationPair => string.CompareOrdinal(Publication(A), Publication(B)) < 0 ? Publication(A) + " | " + Publication(B) : Publication(B) + " | " + Publication(A);

    public static string Publication(string key) => key[..key.IndexOf('/', StringComparison.Ordinal)];
}
