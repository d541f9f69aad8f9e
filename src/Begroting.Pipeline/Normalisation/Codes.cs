using System.Text.RegularExpressions;

namespace Begroting.Pipeline.Normalisation;

/// <summary>The code shapes of the programme structure: policy area 9A, goal 9A1, performance 9A1.1, indicator 9A1.a.</summary>
public static partial class Codes
{
    [GeneratedRegex(@"^(?:Doel\s+)?(?<code>\d{1,2}[A-Z]\d{1,2})\s+(?<title>\S.*)$")]
    public static partial Regex GoalLine();

    [GeneratedRegex(@"^(?<code>\d{1,2}[A-Z]\d{1,2}\.\d{1,2})\s+(?<title>\S.*)$")]
    public static partial Regex PerformanceLine();

    [GeneratedRegex(@"^(?<code>\d{1,2}[A-Z]\d{1,2}\.[a-z]{1,2})\s+(?<name>\S.*)$")]
    public static partial Regex IndicatorLine();

    /// <summary>'Beleidsterrein 9A Sociale binding', 'Beleidssterrein 9B Preventie' (a real typo), 'Effectindicatoren bij 9C Ondersteuning', '9D Kwetsbare groepen'.</summary>
    [GeneratedRegex(@"^(?:(?:Beleidss?terrein|Beleidsveld|Taakveld|(?:Doelen en prestaties|Effectindicatoren|Indicatoren|Doelen) bij)\s+)?(?<code>\d{1,2}[A-Z])\s+(?<name>\p{Lu}[^.:;]{2,80})$")]
    public static partial Regex AreaLine();

    /// <summary>'Beleidsterrein Sociale binding en participatie' without a code (2024 and later).</summary>
    [GeneratedRegex(@"^Beleidss?terrein\s+(?<name>\p{Lu}[^.:;]{2,80})$")]
    public static partial Regex AreaLineWithoutCode();

    [GeneratedRegex(@"^(?<programme>\d{1,2})[A-Z]")]
    public static partial Regex ProgrammePrefix();

    [GeneratedRegex(@"^(?<area>\d{1,2}[A-Z])")]
    public static partial Regex AreaPrefix();

    [GeneratedRegex(@"\*+$")]
    public static partial Regex TrailingMarker();

    [GeneratedRegex(@"^\*+\s*")]
    public static partial Regex LeadingMarker();

    public static string? AreaOf(string? code) => code is null ? null : AreaPrefix().Match(code) is { Success: true } m ? m.Groups["area"].Value : null;

    public static string? ProgrammeOf(string? code) => code is null ? null : ProgrammePrefix().Match(code) is { Success: true } m ? m.Groups["programme"].Value : null;

    /// <summary>Name key for matching an area name across headings and table rows.</summary>
    public static string NameKey(string name) => DutchValue.Collapse(TrailingMarker().Replace(name, string.Empty)).ToLowerInvariant();

    /// <summary>Splits a trailing footnote marker off a name or source: 'dagen*' gives ('dagen', '*').</summary>
    public static (string Text, string Marker) SplitMarker(string text)
    {
        var t = DutchValue.Collapse(text);
        var m = TrailingMarker().Match(t);
        if (m.Success)
        {
            return (t[..m.Index].TrimEnd(), m.Value);
        }

        // 'GMSD*** (wsjg - BBV)': a marker glued to a word inside the text.
        var inner = GluedMarker().Match(t);
        return inner.Success ? (DutchValue.Collapse(t.Remove(inner.Index, inner.Length)), inner.Value) : (t, string.Empty);
    }

    [GeneratedRegex(@"(?<=[\p{L}\d%)])\*+(?=\s)")]
    private static partial Regex GluedMarker();
}
