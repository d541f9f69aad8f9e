using System.Globalization;
using System.Text.RegularExpressions;

namespace Begroting.Pipeline.Normalisation;

/// <summary>One value as printed in a cell: the number if there is one, its year tag, and what the text says about it.</summary>
public sealed record ParsedValue(decimal? Number, bool Percent, int? Year, int? Quarter, bool Prognosis, string FootnoteMarker, IReadOnlyList<string> Flags, string Raw)
{
    public bool HasNumber => Number.HasValue;
}

/// <summary>Parses Dutch notation: 88.408 is 88408, 5,8 is 5.8, '-' is no value, 'nnb' not yet known, '(2015)' a year tag.</summary>
/// <remarks>Never guesses: text it cannot read as a whole returns null and the caller reports it.</remarks>
public static partial class DutchValue
{
    /// <summary>A single value cell: '6,0', '33%', '-4.570', '80%-', '57*', '-', '-**', 'nnb', '€ 8,9 miljoen'.</summary>
    public static ParsedValue? ParseCell(string text)
    {
        var raw = Collapse(text);
        if (raw.Length == 0)
        {
            return null;
        }

        var m = CellPattern().Match(raw);
        if (!m.Success)
        {
            return null;
        }

        var marker = m.Groups["fn"].Value;
        var flags = new List<string>();
        if (marker.Length > 0)
        {
            flags.Add("footnote");
        }

        if (m.Groups["dash"].Success)
        {
            flags.Add("no_value");
            return new ParsedValue(null, false, null, null, false, marker, flags, raw);
        }

        if (m.Groups["nnb"].Success)
        {
            flags.Add("not_yet_known");
            return new ParsedValue(null, false, null, null, false, marker, flags, raw);
        }

        if (!TryNumber(m.Groups["num"].Value, out var number))
        {
            return null;
        }

        if (m.Groups["typo"].Success)
        {
            flags.Add("trailing_dash");
        }

        if (m.Groups["mln"].Success)
        {
            number *= m.Groups["mln"].Value.StartsWith("mil", StringComparison.OrdinalIgnoreCase) ? 1_000_000m : 1_000_000_000m;
        }

        if (m.Groups["eur"].Success)
        {
            flags.Add("euro");
        }

        if (number == 0 && m.Groups["num"].Value.StartsWith('-'))
        {
            flags.Add("negative_zero");
        }

        return new ParsedValue(number, m.Groups["pct"].Success, null, null, false, marker, flags, raw);
    }

    /// <summary>A cell of year-tagged values: '5,8 (2014) 5,7 (2015)', '308 (progn. 2016)', '19% (2017)*'. Null when any part is not such a value.</summary>
    public static IReadOnlyList<ParsedValue>? ParseTagged(string text)
    {
        var raw = Collapse(text);
        var values = new List<ParsedValue>();
        var position = 0;
        foreach (Match m in TaggedPattern().Matches(raw))
        {
            if (raw[position..m.Index].Trim().Length > 0)
            {
                return null;
            }

            position = m.Index + m.Length;
            if (!TryNumber(m.Groups["num"].Value, out var number))
            {
                return null;
            }

            var marker = m.Groups["fn"].Value;
            var flags = new List<string>();
            if (marker.Length > 0)
            {
                flags.Add("footnote");
            }

            var prognosis = m.Groups["progn"].Success;
            if (prognosis)
            {
                flags.Add("prognosis");
            }

            int? quarter = m.Groups["q"].Success ? int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture) : null;
            values.Add(new ParsedValue(number, m.Groups["pct"].Success, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), quarter, prognosis, marker, flags, m.Value.Trim()));
        }

        return values.Count > 0 && raw[position..].Trim().Length == 0 ? values : null;
    }

    /// <summary>Dutch number: '.' groups thousands, ',' is the decimal mark.</summary>
    public static bool TryNumber(string text, out decimal value)
    {
        var t = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('−', '-');
        value = 0;
        if (!NumberPattern().IsMatch(t))
        {
            return false;
        }

        t = t.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Formats a value as a plain invariant decimal without trailing zeros: 6, 5.8, -4570000.</summary>
    public static string Format(decimal value)
    {
        var s = value.ToString("0.##########", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    /// <summary>Formats a value the way the documents print it: 6.594, -1.857, 5,8.</summary>
    public static string FormatDutch(decimal value)
    {
        var s = value.ToString("#,##0.##########", DutchNumbers);
        return s == "-0" ? "0" : s;
    }

    public static bool IsYear(string text) => YearPattern().IsMatch(text.Trim());

    public static string Collapse(string text) => Model.Text.Whitespace.Collapse(text);

    private static readonly NumberFormatInfo DutchNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    [GeneratedRegex(@"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?:19|20)\d{2}$")]
    private static partial Regex YearPattern();


    [GeneratedRegex(@"^(?:(?<dash>[-–])|(?<nnb>nnb|n\.n\.b\.?)|(?<eur>€\s*)?(?<num>[-−]?\s?\d[\d.]*(?:,\d+)?)\s*(?<pct>%)?\s*(?<mln>miljoen|mln\.?|miljard|mld\.?)?(?:,-{1,2})?(?<typo>-)?)\s*(?<fn>\*+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"(?<num>-?\d[\d.]*(?:,\d+)?)\s*(?<pct>%)?\s*\(\s*(?<progn>progn\.?\s*)?(?<year>(?:19|20)\d{2})(?:-(?<q>[1-4]))?\s*\)\s*(?<fn>\*+)?", RegexOptions.IgnoreCase)]
    private static partial Regex TaggedPattern();
}
