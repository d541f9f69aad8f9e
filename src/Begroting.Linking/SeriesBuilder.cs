using System.Globalization;
using System.Text;

namespace Begroting.Linking;

/// <summary>An indicator in a series: how strongly it is linked to the others, and whether an override put it there.</summary>
public sealed record SeriesMember(string Key, double? Score, bool ByOverride);

/// <summary>Indicators of different publications that measure the same thing; at most one per publication.</summary>
public sealed record Series(string Id, string Label, IReadOnlyList<SeriesMember> Members);

/// <summary>From pair scores to series: greedy by descending score, one indicator per publication, overrides always win.</summary>
/// <remarks>
/// Every pair of indicators from different publications is scored; pairs at or above the threshold are merged from the
/// highest score down, unless the merge would put two indicators of one publication in a series or join two indicators an
/// override calls different. Overrides 'same' are merged first, whatever their score. Every indicator is in a series,
/// alone if nothing links it.
/// </remarks>
public static class SeriesBuilder
{
    public static IReadOnlyList<Series> Build(PairFeatures features, LinkModel model, IReadOnlyList<LabelledPair> overrides, float threshold = CrossValidation.Threshold)
    {
        var indicators = features.Indicators.OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
        var pairs = new List<(string A, string B)>();
        for (var i = 0; i < indicators.Count; i++)
        {
            for (var j = i + 1; j < indicators.Count; j++)
            {
                if (indicators[i].Publication != indicators[j].Publication)
                {
                    pairs.Add((indicators[i].Key, indicators[j].Key));
                }
            }
        }

        var scores = model.Score(pairs.Select(p => features.Of(p.A, p.B)).ToList());
        var scored = pairs.Select((p, i) => (p.A, p.B, Score: (double)scores[i])).ToList();
        return Build(indicators, scored, overrides, threshold);
    }

    public static IReadOnlyList<Series> Build(IReadOnlyList<LinkIndicator> indicators, IReadOnlyList<(string A, string B, double Score)> scored, IReadOnlyList<LabelledPair> overrides, double threshold)
    {
        var known = indicators.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var parent = indicators.ToDictionary(i => i.Key, i => i.Key, StringComparer.Ordinal);
        var members = indicators.ToDictionary(i => i.Key, i => new List<string> { i.Key }, StringComparer.Ordinal);
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        var byOverride = new HashSet<string>(StringComparer.Ordinal);
        var different = overrides.Where(o => !o.Same && known.ContainsKey(o.A) && known.ContainsKey(o.B)).Select(o => (o.A, o.B)).ToList();

        string Find(string k) => parent[k] == k ? k : parent[k] = Find(parent[k]);

        bool Forbidden(string ra, string rb) =>
            different.Any(d => (Find(d.A) == ra && Find(d.B) == rb) || (Find(d.A) == rb && Find(d.B) == ra));

        void Union(string ra, string rb)
        {
            parent[rb] = ra;
            members[ra].AddRange(members[rb]);
            members.Remove(rb);
        }

        // Overrides 'same' first: one of them may move an indicator out of the series the classifier would have put it in.
        foreach (var o in overrides.Where(o => o.Same && known.ContainsKey(o.A) && known.ContainsKey(o.B)))
        {
            byOverride.Add(o.A);
            byOverride.Add(o.B);
            var (ra, rb) = (Find(o.A), Find(o.B));
            if (ra != rb)
            {
                Union(ra, rb);
            }
        }

        foreach (var (a, b, score) in scored.Where(s => s.Score >= threshold).OrderByDescending(s => s.Score).ThenBy(s => s.A, StringComparer.Ordinal).ThenBy(s => s.B, StringComparer.Ordinal))
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra == rb)
            {
                continue;
            }

            var pubs = members[ra].Select(k => known[k].Publication).ToHashSet(StringComparer.Ordinal);
            if (members[rb].Any(k => pubs.Contains(known[k].Publication)) || Forbidden(ra, rb))
            {
                continue;
            }

            Union(ra, rb);
            best[a] = Math.Max(best.GetValueOrDefault(a), score);
            best[b] = Math.Max(best.GetValueOrDefault(b), score);
        }

        var series = new List<Series>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in members.Values)
        {
            var ordered = group.Select(k => known[k]).OrderBy(i => i.PublicationYear ?? 0).ThenBy(i => i.Publication, StringComparer.Ordinal).ToList();
            var latest = ordered[^1];
            var id = Id(latest);
            for (var n = 2; !ids.Add(id); n++)
            {
                id = Id(latest) + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            series.Add(new Series(id, latest.Name, ordered.Select(i => new SeriesMember(i.Key, best.TryGetValue(i.Key, out var s) ? s : null, byOverride.Contains(i.Key))).ToList()));
        }

        return series.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A readable, stable id: the latest member's code and the first words of its name ('9d1e-aantal-gehuisveste-statushouders-leiden').</summary>
    private static string Id(LinkIndicator latest)
    {
        var sb = new StringBuilder();
        if (latest.Code is { } code)
        {
            sb.Append(new string(code.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray())).Append('-');
        }

        sb.Append(string.Join('-', TextSimilarity.Tokens(latest.Name).Take(5)));
        return sb.ToString().Trim('-') is { Length: > 0 } id ? id : "series";
    }
}
