using System.Text.Json.Serialization;

namespace Begroting.Model.Canonical;

/// <summary>One source document as canonical data: what it says, where each value came from, and what could not be placed.</summary>
public sealed record CanonicalDocument(
    string SchemaVersion,
    DocumentInfo Document,
    Programme? Programme,
    IReadOnlyList<PolicyArea> PolicyAreas,
    IReadOnlyList<Goal> Goals,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<FinancialTable> FinancialTables,
    IReadOnlyList<OtherTable> OtherTables,
    IReadOnlyList<ResidueItem> Residue,
    IReadOnlyList<Repair> Repairs,
    IReadOnlyList<Warning> Warnings)
{
    public const string CurrentSchemaVersion = "1.0";
}

public enum DocumentKind
{
    [JsonStringEnumMemberName("programmabegroting")] Programmabegroting,
    [JsonStringEnumMemberName("jaarstukken")] Jaarstukken,
    [JsonStringEnumMemberName("beleidsplan")] Beleidsplan,
}

/// <summary>Where a piece of document identity came from.</summary>
public enum IdentitySource
{
    [JsonStringEnumMemberName("content")] Content,
    [JsonStringEnumMemberName("manifest")] Manifest,
    [JsonStringEnumMemberName("option")] Option,

    /// <summary>The content names the programme only by name; its number is the programme register's.</summary>
    [JsonStringEnumMemberName("register")] Register,
}

public sealed record DocumentInfo(
    string Id,
    string? Municipality,
    DocumentKind? Kind,
    int? Year,
    string? Title,
    string SourceFile,
    string Sha256,
    string Format,
    IReadOnlyDictionary<string, IdentitySource> IdentitySources);

public sealed record Programme(string? Number, string? Name, string? Mission, string? Commissie, IReadOnlyList<string> Portefeuilles, string Provenance);

/// <summary>Beleidsterrein.</summary>
public sealed record PolicyArea(string? Code, string Name, string Provenance);

/// <summary>Doel, with its prestaties.</summary>
public sealed record Goal(string? Code, string? PolicyArea, string Title, IReadOnlyList<string> OtherTitles, IReadOnlyList<Performance> Performances, string Provenance);

/// <summary>Prestatie.</summary>
public sealed record Performance(string Code, string Title, string Provenance);

public sealed record Footnote(string Marker, string Text);

/// <summary>Effectindicator.</summary>
public sealed record Indicator(
    string? Code,
    string? GoalCode,
    string? PolicyArea,
    string Name,
    string? Unit,
    string? Source,
    IReadOnlyList<Footnote> Footnotes,
    IReadOnlyList<Observation> Observations,
    string Provenance);

public enum ObservationKind
{
    [JsonStringEnumMemberName("realisatie")] Realisatie,
    [JsonStringEnumMemberName("streefwaarde")] Streefwaarde,
    [JsonStringEnumMemberName("prognose")] Prognose,
}

/// <summary>One value of an indicator: the number, the text as printed and what the text said about it.</summary>
/// <remarks>
/// Flags: footnote, not_yet_known (nnb), no_value (-), trailing_dash (80%-), period_inferred, column_inferred, qualitative,
/// one_of_several, ocr (read from a scan), repaired (an OCR repair changed it). Confidence (0 to 1) is set only for
/// values read by OCR: the recogniser's confidence in the words, lowered by repairs.
/// </remarks>
public sealed record Observation(
    ObservationKind Kind,
    int? Year,
    int? Quarter,
    string Column,
    decimal? Value,
    string? Unit,
    string Raw,
    IReadOnlyList<string> Flags,
    IReadOnlyList<Footnote> Footnotes,
    string Provenance,
    double? Confidence = null);

public enum FinancialTableKind
{
    [JsonStringEnumMemberName("budget")] Budget,
    [JsonStringEnumMemberName("reserves")] Reserves,
}

public enum ColumnKind
{
    [JsonStringEnumMemberName("rekening")] Rekening,
    [JsonStringEnumMemberName("begroting")] Begroting,
    [JsonStringEnumMemberName("wijziging")] Wijziging,
    [JsonStringEnumMemberName("begroting_na_wijziging")] BegrotingNaWijziging,
    [JsonStringEnumMemberName("meerjarenraming")] Meerjarenraming,
    [JsonStringEnumMemberName("verschil")] Verschil,
}

/// <summary>Programmakosten, reserves or any table of amounts by line and column.</summary>
public sealed record FinancialTable(
    FinancialTableKind Kind,
    string? Title,
    decimal? Scale,
    IReadOnlyList<FinancialColumn> Columns,
    IReadOnlyList<FinancialRow> Rows,
    string Provenance);

public sealed record FinancialColumn(int Index, int? Year, ColumnKind Kind, string Header);

/// <summary>A line (lasten, baten, saldo, ...) of a row group (a policy area, a reserve, the programme).</summary>
public sealed record FinancialRow(string Group, string? PolicyArea, string Line, string Label, IReadOnlyList<Amount> Amounts, string Provenance);

/// <summary>An amount in euros (the printed figure times the table's scale), with the text as printed.</summary>
/// <remarks>
/// Confidence (0 to 1) is set only for amounts read by OCR: the recogniser's confidence, lowered by a repair or a
/// failed arithmetic check, raised to at least 0.99 when the table's sums agree.
/// </remarks>
public sealed record Amount(int Column, decimal? Euros, string Raw, IReadOnlyList<string> Flags, string Provenance, double? Confidence = null);

/// <summary>A table that matches no known kind, kept as a grid, with the cells that are figures read out.</summary>
public sealed record OtherTable(string? Title, IReadOnlyList<IReadOnlyList<string>> Grid, IReadOnlyList<OtherValue> Values, string Provenance);

public sealed record OtherValue(string RowLabel, string ColumnHeader, int? Year, int? Quarter, decimal? Value, string? Unit, string Raw, string Provenance);

/// <summary>Something seen in the document that could not be placed, and why.</summary>
public sealed record ResidueItem(string Text, string Reason, string Provenance);

public sealed record Warning(string Code, string Message, string? Provenance);

/// <summary>A change made to text read by OCR: what was read, what it became, why, and where.</summary>
public sealed record Repair(string Original, string Repaired, string Reason, string? Provenance);
