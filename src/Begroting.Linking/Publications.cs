using Begroting.Model.Canonical;

namespace Begroting.Linking;

/// <summary>Which publication a document renders, and how good a rendition it is.</summary>
/// <remarks>
/// The corpus holds several renditions of one publication (text, HTML, born-digital PDF, scans). A series shows one line
/// per publication, taken from its best rendition: given text, then web pages, then born-digital PDF, then scans
/// (values read by OCR carry the flag ocr and are the least sure).
/// </remarks>
public static class Publications
{
    /// <summary>The publication of a document nobody described: municipality, year, kind and programme.</summary>
    public static string Derive(CanonicalDocument document)
    {
        var d = document.Document;
        if (d.Kind is null || d.Year is null)
        {
            return d.Id;
        }

        var kind = d.Kind switch
        {
            DocumentKind.Programmabegroting => "programmabegroting",
            DocumentKind.Jaarstukken => "jaarstukken",
            _ => "beleidsplan",
        };
        var municipality = (d.Municipality ?? "onbekend").ToLowerInvariant();
        var programme = document.Programme?.Number is { } p ? "-p" + p.ToLowerInvariant() : string.Empty;
        return $"{municipality}-{d.Year}-{kind}{programme}";
    }

    /// <summary>Lower is better: 0 text, 1 HTML, 2 born-digital PDF, 3 anything read by OCR.</summary>
    public static int RenditionRank(CanonicalDocument document)
    {
        var ocr = document.Indicators.SelectMany(i => i.Observations).Any(o => o.Flags.Contains("ocr"))
            || document.FinancialTables.SelectMany(t => t.Rows).SelectMany(r => r.Amounts).Any(a => a.Flags.Contains("ocr"));
        return ocr ? 3 : document.Document.Format switch
        {
            "text" => 0,
            "html" => 1,
            _ => 2,
        };
    }

    /// <summary>A short readable title: 'Programmabegroting 2018'.</summary>
    public static string Label(DocumentKind? kind, int? year) =>
        (kind switch
        {
            DocumentKind.Programmabegroting => "Programmabegroting",
            DocumentKind.Jaarstukken => "Jaarstukken",
            DocumentKind.Beleidsplan => "Beleidsplan",
            _ => "Document",
        }) + (year is { } y ? " " + y : string.Empty);
}
