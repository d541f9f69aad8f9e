using System.Globalization;
using Begroting.Model.Canonical;
using Begroting.Model.Text;
using Begroting.Pipeline.Normalisation;

namespace Begroting.Pipeline.Export;

/// <summary>One value as a flat row: the open-data form of the canonical model.</summary>
public sealed record FactRow(
    string DocumentId,
    string DocumentKind,
    string DocumentYear,
    string Programme,
    string PolicyArea,
    string TableKind,
    string SubjectCode,
    string Subject,
    string Measure,
    string Period,
    string ColumnKind,
    string Value,
    string Unit,
    string Raw,
    string Provenance,
    string Confidence = "")
{
    public static readonly string[] Header =
    [
        "document_id", "document_kind", "document_year", "programme", "policy_area", "table_kind", "subject_code", "subject",
        "measure", "period", "column_kind", "value", "unit", "raw", "provenance", "confidence",
    ];

    /// <summary>Files written before OCR (and the hand-made gold, which records what a document says, not how sure a reader was) end at provenance.</summary>
    public static readonly string[] HeaderWithoutConfidence = Header[..^1];

    public string[] Fields() =>
        [DocumentId, DocumentKind, DocumentYear, Programme, PolicyArea, TableKind, SubjectCode, Subject, Measure, Period, ColumnKind, Value, Unit, Raw, Provenance, Confidence];

    public static FactRow FromFields(IReadOnlyList<string> f) => new(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13], f[14], f.Count > 15 ? f[15] : string.Empty);
}

/// <summary>Reshapes canonical documents into fact rows; never re-parses.</summary>
public static class Facts
{
    public static IEnumerable<FactRow> Of(CanonicalDocument doc)
    {
        var d = doc.Document;
        var kind = d.Kind is { } k ? Word(k) : string.Empty;
        var year = d.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var programme = doc.Programme?.Number ?? string.Empty;
        FactRow Row(string area, string tableKind, string code, string subject, string measure, string period, string column, string value, string unit, string raw, string prov, double? confidence = null) =>
            new(d.Id, kind, year, programme, area, tableKind, code, subject, measure, period, column, value, unit, raw, prov, Confidence(confidence));

        foreach (var goal in doc.Goals)
        {
            yield return Row(goal.PolicyArea ?? string.Empty, "goals", goal.Code ?? string.Empty, goal.Title, "doel", string.Empty, string.Empty, string.Empty, string.Empty, goal.Title, goal.Provenance);
            foreach (var p in goal.Performances)
            {
                yield return Row(goal.PolicyArea ?? string.Empty, "goals", p.Code, p.Title, "prestatie", string.Empty, string.Empty, string.Empty, string.Empty, p.Title, p.Provenance);
            }
        }

        foreach (var ind in doc.Indicators)
        {
            foreach (var o in ind.Observations)
            {
                yield return Row(ind.PolicyArea ?? string.Empty, "indicators", ind.Code ?? string.Empty, ind.Name, Word(o.Kind), Period(o.Year, o.Quarter), o.Column,
                    Number(o.Value), o.Unit ?? ind.Unit ?? string.Empty, o.Raw, o.Provenance, o.Confidence);
            }
        }

        foreach (var table in doc.FinancialTables)
        {
            var tableKind = table.Kind == FinancialTableKind.Budget ? "budget" : "reserves";
            foreach (var row in table.Rows)
            {
                foreach (var amount in row.Amounts)
                {
                    var column = table.Columns.First(c => c.Index == amount.Column);
                    yield return Row(row.PolicyArea ?? string.Empty, tableKind, row.PolicyArea ?? string.Empty, row.Group, row.Line, Period(column.Year, null), Word(column.Kind),
                        Number(amount.Euros), table.Scale is null ? string.Empty : "EUR", amount.Raw, amount.Provenance, amount.Confidence);
                }
            }
        }

        foreach (var table in doc.OtherTables)
        {
            foreach (var v in table.Values)
            {
                yield return Row(string.Empty, "other", string.Empty, v.RowLabel, "value", Period(v.Year, v.Quarter), HeaderModel.WithoutYear(v.ColumnHeader), Number(v.Value), v.Unit ?? string.Empty, v.Raw, v.Provenance);
            }
        }
    }

    public static string Period(int? year, int? quarter) =>
        year is null ? string.Empty : quarter is null ? year.Value.ToString(CultureInfo.InvariantCulture) : $"{year.Value.ToString(CultureInfo.InvariantCulture)}-Q{quarter.Value.ToString(CultureInfo.InvariantCulture)}";

    private static string Number(decimal? value) => value is { } v ? DutchValue.Format(v) : string.Empty;

    private static string Confidence(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The Dutch word an enum stands for, as in the JSON.</summary>
    public static string Word<T>(T value)
        where T : struct, Enum => EnumWords<T>.Of[value];

    /// <summary>Enum words read once per type: the facts export asks for one per value.</summary>
    private static class EnumWords<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Of = Enum.GetValues<T>().ToDictionary(
            v => v,
            v => typeof(T).GetField(v.ToString())?.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false)
                .OfType<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>().FirstOrDefault()?.Name ?? v.ToString().ToLowerInvariant());
    }

    public static string ToCsv(IEnumerable<FactRow> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteCsv(writer, rows, header: true);
        return writer.ToString();
    }

    /// <summary>
    /// The columns of a batch's facts.csv: a row's own, then the publication its document renders and whether that
    /// document is the publication's best rendition, so that one filter (<c>best_rendition = true</c>) counts each value once.
    /// </summary>
    public static readonly string[] BatchHeader = [.. FactRow.Header, "publication", "best_rendition"];

    /// <summary>Writes rows as CSV (RFC 4180, LF), with the header first when asked.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<FactRow> rows, bool header)
    {
        if (header)
        {
            WriteLine(writer, FactRow.Header);
        }

        foreach (var row in rows)
        {
            WriteLine(writer, row.Fields());
        }
    }

    /// <summary>One document's rows of a batch's facts.csv (<see cref="BatchHeader"/>): a batch is written a document at a time.</summary>
    public static void WriteBatchCsv(TextWriter writer, IEnumerable<FactRow> rows, string publication, bool bestRendition)
    {
        var best = bestRendition ? "true" : "false";
        foreach (var row in rows)
        {
            WriteLine(writer, [.. row.Fields(), publication, best]);
        }
    }

    public static void WriteBatchHeader(TextWriter writer) => WriteLine(writer, BatchHeader);

    private static void WriteLine(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Csv.Field(fields[i]));
        }

        writer.Write('\n');
    }

    /// <summary>Reads a facts CSV (RFC 4180): gold, a document's facts, or a batch's facts.csv (whose publication columns are not part of a row).</summary>
    public static List<FactRow> ReadCsv(string text, string file)
    {
        var records = Csv.Parse(text);
        if (records.Count == 0 || !(records[0].SequenceEqual(FactRow.Header) || records[0].SequenceEqual(FactRow.HeaderWithoutConfidence) || records[0].SequenceEqual(BatchHeader)))
        {
            throw new InvalidDataException($"{file}:1: not a facts file: the header must be {string.Join(",", FactRow.Header)}");
        }

        var rows = new List<FactRow>();
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Count != records[0].Count)
            {
                throw new InvalidDataException($"{file}:{i + 1}: {records[i].Count} fields, expected {records[0].Count}");
            }

            rows.Add(FactRow.FromFields(records[i]));
        }

        return rows;
    }
}
