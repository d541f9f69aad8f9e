using System.Globalization;
using Begroting.Model.Canonical;

namespace Begroting.Linking;

/// <summary>One value of an indicator as the linker sees it.</summary>
public sealed record LinkValue(ObservationKind Kind, int Year, decimal Value);

/// <summary>An indicator of one publication, with what the linker compares: names, codes, unit, source, goal and values.</summary>
/// <remarks>The key is the publication id, '/', and the indicator's key within it (see <see cref="IndicatorKeys"/>).</remarks>
public sealed record LinkIndicator(
    string Key,
    string Publication,
    int? PublicationYear,
    string? Code,
    string? GoalCode,
    string? PolicyArea,
    string Name,
    string? Unit,
    string? Source,
    string? GoalTitle,
    IReadOnlyList<LinkValue> Values);

/// <summary>Keys of indicators within a document: their code, '#n' when a code occurs more than once, '#n' among uncoded ones.</summary>
/// <remarks>
/// Codes are not identities across documents, but within one publication they name an indicator; a code printed twice
/// (two rows coded 9C1.c in the 2024 jaarstukken) or no code at all (a beleidsplan in prose) is told apart by order.
/// </remarks>
public static class IndicatorKeys
{
    public static IReadOnlyList<string> Of(IReadOnlyList<Indicator> indicators)
    {
        var counts = indicators.GroupBy(i => i.Code ?? string.Empty, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>(indicators.Count);
        foreach (var indicator in indicators)
        {
            var code = indicator.Code ?? string.Empty;
            var n = seen[code] = seen.GetValueOrDefault(code) + 1;
            keys.Add(code.Length > 0 && counts[code] == 1 ? code : code + "#" + n.ToString(CultureInfo.InvariantCulture));
        }

        return keys;
    }

    /// <summary>The linker's view of a document's indicators, as members of the given publication.</summary>
    public static IReadOnlyList<LinkIndicator> ForLinking(CanonicalDocument document, string publication)
    {
        var keys = Of(document.Indicators);
        var goals = document.Goals.Where(g => g.Code is not null).GroupBy(g => g.Code!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        return document.Indicators.Select((indicator, i) => new LinkIndicator(
            publication + "/" + keys[i],
            publication,
            document.Document.Year,
            indicator.Code,
            indicator.GoalCode,
            indicator.PolicyArea,
            indicator.Name,
            indicator.Unit,
            indicator.Source,
            indicator.GoalCode is { } g ? goals.GetValueOrDefault(g) : null,
            indicator.Observations.Where(o => o.Year is not null && o.Value is not null && o.Quarter is null)
                .Select(o => new LinkValue(o.Kind, o.Year!.Value, o.Value!.Value)).ToList())).ToList();
    }
}
