using Begroting.Model.Canonical;

namespace Begroting.Pipeline.Normalisation;

/// <summary>The words that identify tables, columns and lines, with spelling variants and known typos; a new year's wording is one line here.</summary>
public static class Vocabulary
{
    /// <summary>First-cell words that open a table serialised one cell per line.</summary>
    public static readonly string[] CellStreamOpeners = ["Doel", "Doelen", "Effectindicator", "Effectindicatoren", "Indicator"];

    public static readonly string[] GoalHeaders = ["doel", "doelen"];
    public static readonly string[] PerformanceHeaders = ["prestatie", "prestaties", "wat gaan we daarvoor doen"];
    public static readonly string[] IndicatorNameHeaders = ["effectindicator", "effectindicatoren", "indicator", "indicatoren"];
    public static readonly string[] RealisationHeaders = ["realisatie", "realisaties", "gerealiseerd", "nulmeting"];
    public static readonly string[] TargetHeaders = ["streefwaarde", "streefwaarden", "streefwaarde(n)", "doelstelling"];
    public static readonly string[] SourceHeaders = ["bron", "bronnen"];

    /// <summary>Header words a narrow cell may break in two without a hyphen ('Streef' over 'waarde'): joined again before they are looked up.</summary>
    private static readonly HashSet<string> Breakable =
    [
        .. GoalHeaders, .. PerformanceHeaders.Where(w => !w.Contains(' ', StringComparison.Ordinal)), .. IndicatorNameHeaders, .. RealisationHeaders, .. TargetHeaders, .. SourceHeaders,
        "meerjarenraming", "meerjarenbegroting", "jaarrekening",
    ];

    /// <summary>Two neighbouring words that together make a header word of the vocabulary are that word: 'streef waarde 2017' is 'streefwaarde 2017'.</summary>
    public static string JoinBrokenWords(string header)
    {
        if (!header.Contains(' ', StringComparison.Ordinal))
        {
            return header;
        }

        var words = header.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (Breakable.Contains(words[i] + words[i + 1]) && !Breakable.Contains(words[i]))
            {
                words[i] += words[i + 1];
                words.RemoveAt(i + 1);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>Row labels of financial tables and the line they denote. Longest first, matched on the whole label.</summary>
    public static readonly (string Label, string Line)[] FinancialLines =
    [
        ("saldo van baten en lasten", "saldo"),
        ("saldo baten en lasten", "saldo"),
        ("saldo van lasten en baten", "saldo"),
        ("mutaties reserves", "mutaties"),
        ("mutaties in reserves", "mutaties"),
        ("mutatie reserves", "mutaties"),
        ("gerealiseerd resultaat", "resultaat"),
        ("geraamd resultaat", "resultaat"),
        ("resultaat", "resultaat"),
        ("lasten", "lasten"),
        ("baten", "baten"),
        ("saldo", "saldo"),
        ("toevoeging", "toevoeging"),
        ("toevoegingen", "toevoeging"),
        ("onttrekking", "onttrekking"),
        ("onttrekkingen", "onttrekking"),
    ];

    /// <summary>Lines that start a row group of their own.</summary>
    public static readonly string[] GroupStartingLines = ["resultaat"];

    /// <summary>Row groups that total the groups above them ('Programma' in programmakosten, 'Totaal' and 'Reserves programma 9' under reserves); a word at the start of the group name.</summary>
    public static readonly string[] TotalGroups = ["programma", "totaal", "reserves programma"];

    /// <summary>Column header words for money columns, most specific first.</summary>
    public static readonly (string Phrase, ColumnKind Kind)[] MoneyColumns =
    [
        ("na wijziging", ColumnKind.BegrotingNaWijziging),
        ("wijziging", ColumnKind.Wijziging),
        ("verschil", ColumnKind.Verschil),
        ("meerjarenraming", ColumnKind.Meerjarenraming),
        ("meerjarenbegroting", ColumnKind.Meerjarenraming),
        ("raming", ColumnKind.Meerjarenraming),
        ("rekening", ColumnKind.Rekening),
        ("realisatie", ColumnKind.Rekening),
        ("jaarrekening", ColumnKind.Rekening),
        ("begroting", ColumnKind.Begroting),
    ];

    /// <summary>Every word of <see cref="MoneyColumns"/>: a header made of these and years only is a header read whole.</summary>
    public static readonly IReadOnlySet<string> MoneyColumnWords = MoneyColumns.SelectMany(c => c.Phrase.Split(' ')).ToHashSet(StringComparer.Ordinal);

    /// <summary>The money columns of a jaarstukken table in the order they are printed, each with its year as an offset from the year of the jaarstukken: Rekening Y-1 | Begroting Y | Wijziging | Begroting Y na wijziging | Rekening Y | Verschil Y.</summary>
    public static readonly (ColumnKind Kind, int YearOffset)[] JaarstukkenMoneyColumns =
    [
        (ColumnKind.Rekening, -1),
        (ColumnKind.Begroting, 0),
        (ColumnKind.Wijziging, 0),
        (ColumnKind.BegrotingNaWijziging, 0),
        (ColumnKind.Rekening, 0),
        (ColumnKind.Verschil, 0),
    ];

    /// <summary>Programme header rows (document metadata, not figures).</summary>
    public static readonly string[] ProgrammeHeaderLabels = ["programmanummer", "programma", "commissie", "portefeuille", "portefeuille(s)", "portefeuilles", "portefeuillehouder"];

    /// <summary>Indicator units by words in the name, checked in order.</summary>
    public static readonly (string Phrase, string Unit)[] UnitPhrases =
    [
        ("per 10.000", "per_10000"),
        ("per 1.000", "per_1000"),
        ("per 100.000", "per_100000"),
        ("schaal", "score"),
        ("score", "score"),
        ("rapportcijfer", "score"),
        ("in dagen", "days"),
        ("in weken", "weeks"),
        ("in maanden", "months"),
        ("in jaren", "years"),
    ];

    /// <summary>Units named after a number in prose ('90 dagen', '4 maanden').</summary>
    public static readonly (string Word, string Unit)[] ProseUnits =
    [
        ("dagen", "days"), ("dag", "days"), ("weken", "weeks"), ("maanden", "months"), ("maand", "months"),
        ("jaar", "years"), ("jaren", "years"), ("personen", "count"), ("deelnemers", "count"),
    ];
}
