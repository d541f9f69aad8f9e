using System.Text;
using System.Text.RegularExpressions;

namespace Begroting.Store;

/// <summary>A value's provenance as a person cites it: publication, file, page or line (or place in the page), table, row and column.</summary>
/// <remarks>
/// Provenance is written <c>file[#pPAGE][#LLINE[-END]][#|@DOMPATH][;table=T][;row=R][;col=C]</c> (the canonical model's
/// SourceRef and the normaliser's cell reference); anything else is cited as it stands.
/// </remarks>
public static partial class Citations
{
    public static string Of(string? publicationLabel, string? provenance)
    {
        var text = new StringBuilder(publicationLabel ?? string.Empty);
        if (provenance is { Length: > 0 })
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(Place(provenance));
        }

        return text.ToString();
    }

    /// <summary>The place alone: 'corpus/x.txt line 97, table 3, row 4, column 2'.</summary>
    public static string Place(string provenance)
    {
        var m = Reference().Match(provenance);
        if (!m.Success)
        {
            return provenance;
        }

        var text = new StringBuilder(m.Groups["file"].Value);
        if (m.Groups["page"].Success)
        {
            text.Append(" page ").Append(m.Groups["page"].Value);
        }

        if (m.Groups["line"].Success)
        {
            text.Append(m.Groups["end"].Success ? $" lines {m.Groups["line"].Value}-{m.Groups["end"].Value}" : $" line {m.Groups["line"].Value}");
        }

        if (m.Groups["path"].Success)
        {
            text.Append(" at ").Append(m.Groups["path"].Value);
        }

        foreach (var (group, word) in new[] { ("table", "table"), ("row", "row"), ("col", "column") })
        {
            if (m.Groups[group].Success)
            {
                text.Append(", ").Append(word).Append(' ').Append(m.Groups[group].Value);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(?<file>[^#@;]+)(?:#p(?<page>\d+))?(?:#L(?<line>\d+)(?:-(?<end>\d+))?)?(?:[#@](?<path>[^;]+))?(?:;table=(?<table>\d+))?(?:;row=(?<row>\d+))?(?:;col=(?<col>\d+))?$")]
    private static partial Regex Reference();
}
