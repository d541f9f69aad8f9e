using System.Globalization;
using Begroting.Linking;
using Begroting.Model.Canonical;
using Begroting.Pipeline.Export;
using DuckDB.NET.Data;

namespace Begroting.Store;

/// <summary>Loads renditions and series into the store's tables, replacing what was there; one transaction.</summary>
internal static class StoreWriter
{
    public static void Write(DuckDBConnection connection, IReadOnlyList<Rendition> renditions, IReadOnlyList<Series> series)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var table in StoreSchema.Tables)
        {
            StoreBuilder.Execute(connection, $"DROP TABLE IF EXISTS {table}");
        }

        StoreBuilder.Execute(connection, StoreSchema.Ddl);
        Documents(connection, renditions);
        Contents(connection, renditions);
        Series(connection, renditions, series);
        FactsTable(connection, renditions);
        transaction.Commit();
    }

    private static string? Word<T>(T? value)
        where T : struct, Enum => value is { } v ? Facts.Word(v) : null;

    private static string Join(IEnumerable<string> values) => string.Join(";", values);

    private static void Documents(DuckDBConnection connection, IReadOnlyList<Rendition> renditions)
    {
        using var a = connection.CreateAppender("documents");
        foreach (var r in renditions)
        {
            var d = r.Document;
            var info = d.Document;
            a.CreateRow()
                .AppendValue(info.Id).AppendValue(r.Publication).AppendValue(Linking.Publications.Label(info.Kind, info.Year)).AppendValue(info.Municipality).AppendValue(Word(info.Kind))
                .AppendValue(info.Year).AppendValue(d.Programme?.Number).AppendValue(info.Title).AppendValue(info.SourceFile).AppendValue(info.Format).AppendValue(info.Sha256)
                .AppendValue(d.SchemaVersion).AppendValue(r.ToolVersion).AppendValue((int?)r.Rank).AppendValue((bool?)r.Best)
                .AppendValue((bool?)(r.Rank == 3)).AppendValue((int?)d.Goals.Count).AppendValue((int?)d.Indicators.Count).AppendValue((int?)d.Residue.Count).AppendValue((int?)d.Warnings.Count)
                .EndRow();
        }
    }

    private static void Contents(DuckDBConnection connection, IReadOnlyList<Rendition> renditions)
    {
        // Policy-area names to codes over all documents: a document that names an area without its letter code still links by name.
        var areaCodes = renditions.SelectMany(r => r.Document.PolicyAreas.Where(p => p.Code is not null).Select(p => (Key: AreaName(r.Document.Programme?.Number, p.Name), p.Code)))
            .GroupBy(x => x.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Code!, StringComparer.Ordinal);
        using var programmes = connection.CreateAppender("programmes");
        using var areas = connection.CreateAppender("policy_areas");
        using var goals = connection.CreateAppender("goals");
        using var performances = connection.CreateAppender("performances");
        using var indicators = connection.CreateAppender("indicators");
        using var observations = connection.CreateAppender("observations");
        using var budget = connection.CreateAppender("budget_lines");
        foreach (var r in renditions)
        {
            var d = r.Document;
            var id = d.Document.Id;
            if (d.Programme is { } p)
            {
                programmes.CreateRow().AppendValue(id).AppendValue(p.Number).AppendValue(p.Name).AppendValue(p.Mission).AppendValue(p.Commissie).AppendValue(Join(p.Portefeuilles)).AppendValue(p.Provenance).EndRow();
            }

            foreach (var area in d.PolicyAreas)
            {
                areas.CreateRow().AppendValue(id).AppendValue(r.Publication).AppendValue(area.Code).AppendValue(area.Name).AppendValue(area.Provenance).EndRow();
            }

            foreach (var goal in d.Goals)
            {
                goals.CreateRow().AppendValue(id).AppendValue(r.Publication).AppendValue(goal.Code).AppendValue(goal.PolicyArea).AppendValue(goal.Title).AppendValue(Join(goal.OtherTitles)).AppendValue(goal.Provenance).EndRow();
                foreach (var perf in goal.Performances)
                {
                    performances.CreateRow().AppendValue(id).AppendValue(r.Publication).AppendValue(goal.Code).AppendValue(perf.Code).AppendValue(perf.Title).AppendValue(perf.Provenance).EndRow();
                }
            }

            var keys = IndicatorKeys.Of(d.Indicators);
            for (var i = 0; i < d.Indicators.Count; i++)
            {
                var ind = d.Indicators[i];
                var key = r.Publication + "/" + keys[i];
                var indicatorId = id + "/" + keys[i];
                indicators.CreateRow().AppendValue(indicatorId).AppendValue(key).AppendValue(id).AppendValue(r.Publication).AppendValue(ind.Code).AppendValue(ind.GoalCode)
                    .AppendValue(ind.PolicyArea).AppendValue(ind.Name).AppendValue(ind.Unit).AppendValue(ind.Source).AppendValue(Join(ind.Footnotes.Select(f => f.Marker + " " + f.Text)))
                    .AppendValue(ind.Provenance).EndRow();
                foreach (var o in ind.Observations)
                {
                    observations.CreateRow().AppendValue(indicatorId).AppendValue(key).AppendValue(id).AppendValue(r.Publication).AppendValue(Facts.Word(o.Kind)).AppendValue(o.Year)
                        .AppendValue(o.Quarter).AppendValue(o.Column).AppendValue(o.Value is { } v ? (double?)(double)v : null).AppendValue(o.Unit ?? ind.Unit).AppendValue(o.Raw)
                        .AppendValue(string.Join(",", o.Flags)).AppendValue(o.Confidence).AppendValue(o.Provenance).EndRow();
                }
            }

            for (var t = 0; t < d.FinancialTables.Count; t++)
            {
                var table = d.FinancialTables[t];
                foreach (var row in table.Rows)
                {
                    var areaKey = row.PolicyArea ?? areaCodes.GetValueOrDefault(AreaName(d.Programme?.Number, row.Group));
                    foreach (var amount in row.Amounts)
                    {
                        var column = table.Columns.First(c => c.Index == amount.Column);
                        budget.CreateRow().AppendValue(id).AppendValue(r.Publication).AppendValue((int?)t).AppendValue(table.Kind == FinancialTableKind.Budget ? "budget" : "reserves")
                            .AppendValue(table.Title).AppendValue(row.Group).AppendValue(row.PolicyArea).AppendValue(areaKey).AppendValue(row.Line).AppendValue(row.Label)
                            .AppendValue((int?)column.Index).AppendValue(Facts.Word(column.Kind)).AppendValue(column.Header).AppendValue(column.Year)
                            .AppendValue(amount.Euros is { } e ? decimal.Round(e, 2) : (decimal?)null).AppendValue(amount.Raw).AppendValue(string.Join(",", amount.Flags))
                            .AppendValue(amount.Confidence).AppendValue(amount.Provenance).EndRow();
                    }
                }
            }
        }
    }

    private static string AreaName(string? programme, string name) => (programme ?? string.Empty) + "|" + TextSimilarity.Fold(name).Trim();

    private static void Series(DuckDBConnection connection, IReadOnlyList<Rendition> renditions, IReadOnlyList<Series> series)
    {
        var best = renditions.Where(r => r.Best).ToDictionary(r => r.Publication, StringComparer.Ordinal);
        var indicators = best.Values.SelectMany(r => IndicatorKeys.ForLinking(r.Document, r.Publication)).ToDictionary(i => i.Key, StringComparer.Ordinal);
        using var s = connection.CreateAppender("series");
        using var m = connection.CreateAppender("series_members");
        foreach (var one in series)
        {
            var members = one.Members.Select(x => (Member: x, Indicator: indicators[x.Key])).ToList();
            var years = members.SelectMany(x => x.Indicator.Values.Select(v => v.Year)).ToList();
            var units = members.Select(x => x.Indicator.Unit).ToList();
            s.CreateRow().AppendValue(one.Id).AppendValue(one.Label).AppendValue((int?)members.Count).AppendValue(Join(members.Select(x => x.Indicator.Publication)))
                .AppendValue(years.Count == 0 ? null : years.Min()).AppendValue(years.Count == 0 ? null : years.Max())
                .AppendValue(Join(units.Select(u => u ?? "?"))).AppendValue((bool?)Units.Changes(units)).EndRow();
            foreach (var (member, indicator) in members)
            {
                m.CreateRow().AppendValue(one.Id).AppendValue(member.Key).AppendValue(indicator.Publication).AppendValue(best[indicator.Publication].Document.Document.Id)
                    .AppendValue(indicator.Code).AppendValue(indicator.Name).AppendValue(indicator.Unit).AppendValue(member.Score).AppendValue((bool?)member.ByOverride).EndRow();
            }
        }
    }

    private static void FactsTable(DuckDBConnection connection, IReadOnlyList<Rendition> renditions)
    {
        using var a = connection.CreateAppender("facts");
        foreach (var r in renditions)
        {
            foreach (var f in Facts.Of(r.Document))
            {
                a.CreateRow().AppendValue(f.DocumentId).AppendValue(r.Publication).AppendValue(Empty(f.DocumentKind)).AppendValue(Int(f.DocumentYear)).AppendValue(Empty(f.Programme))
                    .AppendValue(Empty(f.PolicyArea)).AppendValue(f.TableKind).AppendValue(Empty(f.SubjectCode)).AppendValue(Empty(f.Subject)).AppendValue(f.Measure)
                    .AppendValue(Empty(f.Period)).AppendValue(Empty(f.ColumnKind)).AppendValue(Double(f.Value)).AppendValue(Empty(f.Unit)).AppendValue(Empty(f.Raw))
                    .AppendValue(Empty(f.Provenance)).AppendValue(Double(f.Confidence)).EndRow();
            }
        }
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;

    private static int? Int(string s) => s.Length == 0 ? null : int.Parse(s, CultureInfo.InvariantCulture);

    private static double? Double(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);
}
