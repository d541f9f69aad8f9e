using System.Text.RegularExpressions;

namespace Begroting.Pipeline.Normalisation;

/// <summary>One OCR repair: what was read, what it became, and why.</summary>
public sealed record Repair(string Original, string Repaired, string Reason);

/// <summary>Repairs the OCR confusions of Dutch text that stand in the way of names and sources (full repair with a lexicon is a later stage).</summary>
public static partial class OcrRepair
{
    public static string Apply(string text, List<Repair> repairs)
    {
        var result = text;
        result = Replace(result, LedereenPattern(), m => "I" + m.Value[1..], "l read for I at a word start (ledereen)", repairs);
        result = Replace(result, DiaeresisPattern(), m => m.Value.Replace('é', 'ë'), "é read for ë (financiële, cliënten)", repairs);
        result = Replace(result, CircumflexPattern(), m => m.Value.Replace('é', 'ê'), "é read for ê (enquête)", repairs);
        return result;
    }

    private static string Replace(string text, Regex pattern, Func<Match, string> fix, string reason, List<Repair> repairs) =>
        pattern.Replace(text, m =>
        {
            var repaired = fix(m);
            repairs.Add(new Repair(m.Value, repaired, reason));
            return repaired;
        });

    [GeneratedRegex(@"\bleder(?:een|e|s)\b")]
    private static partial Regex LedereenPattern();

    [GeneratedRegex(@"\p{L}*i[é](?:n|l|e)\p{L}*")]
    private static partial Regex DiaeresisPattern();

    [GeneratedRegex(@"\p{L}*enqu[é]te\p{L}*", RegexOptions.IgnoreCase)]
    private static partial Regex CircumflexPattern();
}
