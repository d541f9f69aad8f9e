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

    /// <summary>The parts of a provenance: file, page, lines, DOM path, table, row, column (null where absent); null when it is not of that form.</summary>
    public sealed record Reference(string File, int? Page, int? Line, int? EndLine, string? Path, int? Table, int? Row, int? Column);

    public static Reference? Parse(string provenance)
    {
        var m = ReferencePattern().Match(provenance);
        int? Number(string group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        return m.Success
            ? new Reference(m.Groups["file"].Value, Number("page"), Number("line"), Number("end"), m.Groups["path"].Success ? m.Groups["path"].Value : null, Number("table"), Number("row"), Number("col"))
            : null;
    }

    /// <summary>The place alone: 'corpus/x.txt line 97, table 3, row 4, column 2'.</summary>
    public static string Place(string provenance)
    {
        if (Parse(provenance) is not { } r)
        {
            return provenance;
        }

        var text = new StringBuilder(r.File);
        if (r.Page is { } page)
        {
            text.Append(" page ").Append(page);
        }

        if (r.Line is { } line)
        {
            text.Append(r.EndLine is { } end ? $" lines {line}-{end}" : $" line {line}");
        }

        if (r.Path is { } path)
        {
            text.Append(" at ").Append(path);
        }

        foreach (var (value, word) in new[] { (r.Table, "table"), (r.Row, "row"), (r.Column, "column") })
        {
            if (value is { } n)
            {
                text.Append(", ").Append(word).Append(' ').Append(n);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(?<file>[^#@;]+)(?:#p(?<page>\d+))?(?:#L(?<line>\d+)(?:-(?<end>\d+))?)?(?:[#@](?<path>[^;]+))?(?:;table=(?<table>\d+))?(?:;row=(?<row>\d+))?(?:;col=(?<col>\d+))?$")]
    private static partial Regex ReferencePattern();
}
