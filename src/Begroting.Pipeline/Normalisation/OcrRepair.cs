using System.Text.RegularExpressions;
using Begroting.Model.Canonical;

namespace Begroting.Pipeline.Normalisation;

/// <summary>Repairs the OCR confusions of Dutch text that stand in the way of names and sources (full repair with a lexicon is a later stage).</summary>
public static partial class OcrRepair
{
    /// <summary>Digits an OCR engine reads for one another (closed or open loops, a missing or extra stroke), both ways.</summary>
    public static readonly IReadOnlyDictionary<char, string> DigitConfusions = new Dictionary<char, string>
    {
        ['0'] = "689",
        ['1'] = "47",
        ['2'] = "7",
        ['3'] = "589",
        ['4'] = "19",
        ['5'] = "368",
        ['6'] = "058",
        ['7'] = "12",
        ['8'] = "03569",
        ['9'] = "0348",
    };

    public static string Apply(string text, List<Repair> repairs, string? provenance = null)
    {
        var result = text;
        result = Replace(result, LedereenPattern(), m => "I" + m.Value[1..], "l read for I at a word start (ledereen)", repairs, provenance);
        result = Replace(result, DiaeresisPattern(), m => m.Value.Replace('é', 'ë'), "é read for ë (financiële, cliënten)", repairs, provenance);
        result = Replace(result, CircumflexPattern(), m => m.Value.Replace('é', 'ê'), "é read for ê (enquête)", repairs, provenance);
        return result;
    }

    private static string Replace(string text, Regex pattern, Func<Match, string> fix, string reason, List<Repair> repairs, string? provenance) =>
        pattern.Replace(text, m =>
        {
            var repaired = fix(m);
            repairs.Add(new Repair(m.Value, repaired, reason, provenance));
            return repaired;
        });

    [GeneratedRegex(@"\bleder(?:een|e|s)\b")]
    private static partial Regex LedereenPattern();

    [GeneratedRegex(@"\p{L}*i[é](?:n|l|e)\p{L}*")]
    private static partial Regex DiaeresisPattern();

    [GeneratedRegex(@"\p{L}*enqu[é]te\p{L}*", RegexOptions.IgnoreCase)]
    private static partial Regex CircumflexPattern();
}
