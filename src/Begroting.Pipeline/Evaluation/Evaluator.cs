using Begroting.Pipeline.Export;

namespace Begroting.Pipeline.Evaluation;

public enum Difference
{
    Missing,
    Extra,
    Wrong,
}

/// <summary>A gold value not extracted, an extracted value not in gold, or a value extracted differently.</summary>
public sealed record Mismatch(Difference Kind, FactRow? Gold, FactRow? Actual, string Detail);

/// <summary>Counts per document and table kind.</summary>
public sealed record Score(string DocumentId, string TableKind, int Gold, int Actual, int Correct)
{
    public double Precision => Actual == 0 ? (Gold == 0 ? 1 : 0) : (double)Correct / Actual;

    public double Recall => Gold == 0 ? (Actual == 0 ? 1 : 0) : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed record EvaluationReport(IReadOnlyList<Score> Scores, IReadOnlyList<Mismatch> Mismatches)
{
    public bool Perfect => Mismatches.Count == 0;
}

/// <summary>Compares extracted facts with hand-checked gold facts, value by value.</summary>
/// <remarks>
/// A fact is identified by document, table kind, subject code (the subject itself where there is no code), measure, period
/// and column kind; the rest (value, unit, raw text, area, subject name, document identity) is compared. Provenance is not.
/// Several facts under one identity (two rows coded 9C1.c, three values of one 'resp.' sentence) are matched as a multiset.
/// </remarks>
public static class Evaluator
{
    /// <param name="gold">Gold facts.</param>
    /// <param name="actual">Extracted facts.</param>
    /// <param name="documents">Documents to score even when neither side has a value for them (a prose-only page).</param>
    public static EvaluationReport Compare(IReadOnlyList<FactRow> gold, IReadOnlyList<FactRow> actual, IEnumerable<string>? documents = null)
    {
        var scores = new List<Score>();
        var mismatches = new List<Mismatch>();
        var goldByKey = gold.ToLookup(Key);
        var actualByKey = actual.ToLookup(Key);
        var counts = new Dictionary<(string, string), (int Gold, int Actual, int Correct)>();
        void Count(FactRow row, int g, int a, int c)
        {
            var k = (row.DocumentId, row.TableKind);
            var (cg, ca, cc) = counts.TryGetValue(k, out var v) ? v : (0, 0, 0);
            counts[k] = (cg + g, ca + a, cc + c);
        }

        foreach (var key in goldByKey.Select(g => g.Key).Union(actualByKey.Select(a => a.Key)).OrderBy(k => k, StringComparer.Ordinal))
        {
            var g = goldByKey[key].ToList();
            var a = actualByKey[key].ToList();
            foreach (var row in g)
            {
                Count(row, 1, 0, 0);
            }

            foreach (var row in a)
            {
                Count(row, 0, 1, 0);
            }

            foreach (var row in g.ToList())
            {
                var same = a.FindIndex(x => Compared(x) == Compared(row));
                if (same >= 0)
                {
                    Count(row, 0, 0, 1);
                    a.RemoveAt(same);
                    g.Remove(row);
                }
            }

            while (g.Count > 0 && a.Count > 0)
            {
                mismatches.Add(new Mismatch(Difference.Wrong, g[0], a[0], Describe(g[0], a[0])));
                g.RemoveAt(0);
                a.RemoveAt(0);
            }

            mismatches.AddRange(g.Select(row => new Mismatch(Difference.Missing, row, null, string.Empty)));
            mismatches.AddRange(a.Select(row => new Mismatch(Difference.Extra, null, row, string.Empty)));
        }

        foreach (var doc in documents ?? [])
        {
            if (!counts.Keys.Any(k => k.Item1 == doc))
            {
                counts[(doc, "all")] = (0, 0, 0);
            }
        }

        foreach (var ((doc, kind), (cg, ca, cc)) in counts.OrderBy(c => c.Key.Item1, StringComparer.Ordinal).ThenBy(c => c.Key.Item2, StringComparer.Ordinal))
        {
            scores.Add(new Score(doc, kind, cg, ca, cc));
        }

        return new EvaluationReport(scores, mismatches);
    }

    public static string Key(FactRow r) =>
        string.Join("\u001f", r.DocumentId, r.TableKind, r.SubjectCode, r.SubjectCode.Length == 0 ? r.Subject : string.Empty, r.Measure, r.Period, r.ColumnKind);

    private static string Compared(FactRow r) =>
        string.Join("\u001f", r.DocumentKind, r.DocumentYear, r.Programme, r.PolicyArea, r.Subject, r.Value, r.Unit, r.Raw);

    private static string Describe(FactRow gold, FactRow actual)
    {
        var names = new[] { "document_kind", "document_year", "programme", "policy_area", "subject", "value", "unit", "raw" };
        var g = new[] { gold.DocumentKind, gold.DocumentYear, gold.Programme, gold.PolicyArea, gold.Subject, gold.Value, gold.Unit, gold.Raw };
        var a = new[] { actual.DocumentKind, actual.DocumentYear, actual.Programme, actual.PolicyArea, actual.Subject, actual.Value, actual.Unit, actual.Raw };
        return string.Join("; ", names.Select((n, i) => (n, i)).Where(x => g[x.i] != a[x.i]).Select(x => $"{x.n}: gold '{g[x.i]}', got '{a[x.i]}'"));
    }
}
