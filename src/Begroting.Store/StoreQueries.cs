using System.Globalization;
using Begroting.Linking;
using DuckDB.NET.Data;

namespace Begroting.Store;

/// <summary>A result of SQL as column names and text cells, for printing.</summary>
public sealed record QueryTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>One line of a series: a value one publication reported (a realisatie, streefwaarde or prognose for a year).</summary>
/// <remarks>Notes say what a reader must know: another publication reports another value for the same year, the unit changed, the renditions of this publication disagree.</remarks>
public sealed record SeriesRow(string Kind, int? Year, int? Quarter, double? Value, string Raw, string? Unit, string Publication, string PublicationLabel, string DocumentId, string? Code, string Flags, string Note)
{
    /// <summary>For a streefwaarde: every realisatie of the series for the same year (and quarter), from any publication, in series order; empty for other kinds.</summary>
    /// <remarks>All of them, never one picked or averaged; whether the target was met is left to the reader, since the store does not know whether higher or lower is better.</remarks>
    public IReadOnlyList<SeriesRow> Realised { get; init; } = [];

    /// <summary>Where the value stands in its document (file, page or line, table, row, column).</summary>
    public string? Provenance { get; init; }

    /// <summary>The value's source as a person cites it: publication, file, page or line, table, row and column.</summary>
    public string Citation => Citations.Of(PublicationLabel, Provenance);
}

public sealed record SeriesMemberInfo(string IndicatorKey, string Publication, string PublicationLabel, string DocumentId, string? Code, string Name, string? Unit, double? LinkScore, bool ByOverride);

public sealed record SeriesView(string Id, string Label, bool UnitChange, IReadOnlyList<SeriesMemberInfo> Members, IReadOnlyList<SeriesRow> Rows, IReadOnlyList<string> OtherMatches);

/// <summary>Reads the store: SQL, series and search.</summary>
public static class StoreQueries
{
    public static DuckDBConnection OpenReadOnly(string database)
    {
        if (!File.Exists(database))
        {
            throw new FileNotFoundException($"{database}: no store here; run `begroting build corpus` first (or give --db)", database);
        }

        // DuckDB's own error for a file of another kind depends on its name ('.csv' reads as an in-memory database);
        // its header says it plainly: a DuckDB database has 'DUCK' at byte 8.
        var header = new byte[12];
        using (var stream = File.OpenRead(database))
        {
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan(8, 4).SequenceEqual("DUCK"u8))
            {
                throw new InvalidDataException($"{database}: not a store (the file is no DuckDB database; `begroting build` makes one)");
            }
        }

        var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return connection;
    }

    public static QueryTable Query(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<string?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Text(reader.GetValue(i))).ToList());
        }

        return new QueryTable(columns, rows);
    }

    /// <summary>A user's SQL with every column as text (DuckDB's own rendering), so lists, structs and lists with nulls print; statements that are not a query run as given.</summary>
    public static QueryTable UserQuery(DuckDBConnection connection, string sql)
    {
        var trimmed = sql.Trim().TrimEnd(';');
        try
        {
            return Query(connection, $"SELECT COLUMNS(*)::VARCHAR FROM ({trimmed})");
        }
        catch (DuckDBException)
        {
            return Query(connection, trimmed);
        }
    }

    private static string? Text(object value) => value switch
    {
        double d => d.ToString("0.################", CultureInfo.InvariantCulture),
        float f => f.ToString("0.#######", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Indicators and goals whose name or title holds every word of the text (case and diacritics ignored), across all publications.</summary>
    public static QueryTable Find(DuckDBConnection connection, string text)
    {
        var words = TextSimilarity.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var nameCondition = string.Join(" AND ", words.Select((_, i) => $"strip_accents(lower(x.name)) LIKE '%' || $w{i} || '%'"));
        var sql = $"""
            WITH x AS (
                SELECT 'indicator' AS what, i.publication, i.code, i.name, i.unit, m.series_id, i.provenance FROM indicators i
                JOIN documents d ON d.document_id = i.document_id AND d.best_rendition
                LEFT JOIN series_members m ON m.indicator_key = i.indicator_key
                UNION ALL
                SELECT 'goal', g.publication, g.code, g.title, NULL, NULL, g.provenance FROM goals g
                JOIN documents d ON d.document_id = g.document_id AND d.best_rendition)
            SELECT x.what, d.publication_label AS publication, x.code, x.name, x.unit, x.series_id, x.provenance FROM x
            JOIN (SELECT DISTINCT publication, publication_label, year, kind FROM documents WHERE best_rendition) d ON d.publication = x.publication
            WHERE {nameCondition}
            ORDER BY x.what DESC, d.year, d.kind, x.code NULLS FIRST, x.name
            """;
        var found = Query(connection, sql, words.Select((w, i) => ($"w{i}", (object?)w)).ToArray());

        // The provenance as a person cites it (file, page or line, table, row), beside the provenance itself.
        return new QueryTable([.. found.Columns, "source"], found.Rows.Select(r => (IReadOnlyList<string?>)[.. r, r[6] is { } p ? Citations.Place(p) : null]).ToList());
    }

    /// <summary>
    /// The series with this id, else the one with a member of this printed code ('9D1.g'), else the one whose members'
    /// names hold every word of the text; of several, the one that spans the most publications. With a publication
    /// (its id, a word of its label, or its year) only series with a member in that publication count: a code is
    /// reused for another indicator in another year.
    /// </summary>
    public static SeriesView? Series(DuckDBConnection connection, string idOrText, string? publication = null)
    {
        var words = TextSimilarity.Fold(idOrText).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var condition = words.Length == 0 ? "false" : string.Join(" AND ", words.Select((_, i) => $"strip_accents(lower(m.name)) LIKE '%' || $w{i} || '%'"));
        var parameters = words.Select((w, i) => ($"w{i}", (object?)w)).Append(("id", idOrText)).Append(("pub", publication)).ToArray();
        const string InPublication = "($pub IS NULL OR m.publication = $pub OR d.publication_label ILIKE '%' || $pub || '%' OR CAST(d.year AS VARCHAR) = $pub)";
        var candidates = Query(connection, $"""
            SELECT s.series_id FROM series s
            WHERE EXISTS (SELECT 1 FROM series_members m JOIN documents d ON d.document_id = m.document_id
                WHERE m.series_id = s.series_id AND {InPublication} AND (s.series_id = $id OR lower(m.code) = lower($id) OR ({condition})))
            ORDER BY s.series_id = $id DESC,
                EXISTS (SELECT 1 FROM series_members m JOIN documents d ON d.document_id = m.document_id WHERE m.series_id = s.series_id AND lower(m.code) = lower($id) AND {InPublication}) DESC,
                s.members DESC, s.last_year DESC NULLS LAST, s.series_id
            """, parameters).Rows.Select(r => r[0]!).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var id = candidates[0];
        var head = Query(connection, "SELECT label, unit_change FROM series WHERE series_id = $id", ("id", id)).Rows[0];
        var members = Query(connection, """
            SELECT m.indicator_key, m.publication, d.publication_label, m.document_id, m.code, m.name, m.unit, m.link_score, m.by_override
            FROM series_members m JOIN documents d ON d.document_id = m.document_id
            WHERE m.series_id = $id ORDER BY d.year, d.kind, m.publication
            """, ("id", id)).Rows.Select(r => new SeriesMemberInfo(r[0]!, r[1]!, r[2]!, r[3]!, r[4], r[5]!, r[6], r[7] is null ? null : double.Parse(r[7]!, CultureInfo.InvariantCulture), r[8] == "true")).ToList();

        // All renditions' values of the members: the best rendition's are shown, the others only checked against them.
        var observations = Query(connection, """
            SELECT o.indicator_key, o.document_id, o.kind, o.year, o.quarter, o.value, o.raw, o.unit, o.flags, o.provenance
            FROM observations o JOIN series_members m ON m.indicator_key = o.indicator_key
            WHERE m.series_id = $id
            ORDER BY o.indicator_key, o.document_id, o.kind, o.year, o.quarter
            """, ("id", id)).Rows.Select(r => (Key: r[0]!, Doc: r[1]!, Kind: r[2]!, Year: Int(r[3]), Quarter: Int(r[4]), Value: r[5] is null ? (double?)null : double.Parse(r[5]!, CultureInfo.InvariantCulture), Raw: r[6]!, Unit: r[7], Flags: r[8]!, Provenance: r[9])).ToList();

        var rows = new List<SeriesRow>();
        // Units are compared with the latest publication's: a row in another unit says so (per 10.000 in 2018, per 1.000 in 2024).
        var latest = members.LastOrDefault(m => m.Unit is not null);
        foreach (var member in members)
        {
            var mine = observations.Where(o => o.Key == member.IndicatorKey && o.Doc == member.DocumentId).ToList();
            var others = observations.Where(o => o.Key == member.IndicatorKey && o.Doc != member.DocumentId).GroupBy(o => o.Doc).ToList();
            foreach (var o in mine)
            {
                var notes = new List<string>();
                var unit = o.Unit ?? member.Unit;
                if (unit is not null && latest?.Unit is { } latestUnit && unit != latestUnit)
                {
                    notes.Add($"unit change: {unit} here, {latestUnit} in {latest.PublicationLabel}");
                }

                var mineSame = mine.Where(x => x.Kind == o.Kind && x.Year == o.Year && x.Quarter == o.Quarter).Select(x => x.Value).Order().ToList();
                foreach (var other in others)
                {
                    var theirs = other.Where(x => x.Kind == o.Kind && x.Year == o.Year && x.Quarter == o.Quarter).Select(x => x.Value).Order().ToList();
                    if (theirs.Count > 0 && !theirs.SequenceEqual(mineSame))
                    {
                        notes.Add($"rendition {other.Key} reads {string.Join("/", theirs.Select(Show))}");
                    }
                }

                rows.Add(new SeriesRow(o.Kind, o.Year, o.Quarter, o.Value, o.Raw, o.Unit ?? member.Unit, member.Publication, member.PublicationLabel, member.DocumentId, member.Code, o.Flags, string.Join("; ", notes)) { Provenance = o.Provenance });
            }
        }

        // The same year and kind reported differently by two publications: both kept, side by side, and said so.
        var withDiffs = rows.Select(r =>
        {
            var differing = rows.Where(x => x.Kind == r.Kind && x.Year == r.Year && x.Quarter == r.Quarter && x.Publication != r.Publication && x.Value is not null && r.Value is not null
                && Scaled(x) != Scaled(r)).Select(x => $"{x.PublicationLabel} reports {Show(x.Value)}").Distinct().ToList();
            return differing.Count == 0 ? r : r with { Note = string.Join("; ", new[] { r.Note }.Where(n => n.Length > 0).Concat(["differs: " + string.Join(", ", differing)])) };
        });
        var ordered = withDiffs.OrderBy(r => KindOrder(r.Kind)).ThenBy(r => r.Year ?? 0).ThenBy(r => r.Quarter ?? 0)
            .ThenBy(r => members.FindIndex(m => m.Publication == r.Publication)).ToList();
        return new SeriesView(id, head[0]!, head[1] == "true", members, WithRealised(ordered), candidates.Skip(1).Take(5).ToList());
    }

    /// <summary>Each streefwaarde with the realisaties reported for its year and quarter beside it (a quarter's figure is not the year's).</summary>
    public static IReadOnlyList<SeriesRow> WithRealised(IReadOnlyList<SeriesRow> rows) =>
        rows.Select(r => r.Kind != "streefwaarde" || r.Year is null ? r : r with
        {
            Realised = rows.Where(x => x.Kind == "realisatie" && x.Year == r.Year && x.Quarter == r.Quarter).ToList(),
        }).ToList();

    private static double? Scaled(SeriesRow r) => r.Value / (double)Units.PerInhabitants(r.Unit);

    private static int KindOrder(string kind) => kind switch
    {
        "realisatie" => 0,
        "prognose" => 1,
        _ => 2,
    };

    public static string Show(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-";

    private static int? Int(string? s) => s is null ? null : int.Parse(s, CultureInfo.InvariantCulture);
}
