using System.CommandLine;
using Begroting.Model.Canonical;
using Begroting.Pipeline;
using Begroting.Pipeline.Batch;
using Begroting.Pipeline.Export;
using Begroting.Store;

namespace Begroting.Cli;

/// <summary>What `build` and `extract` share: the budgets of each document, and writing each document's files apart from the others'.</summary>
internal static class BatchOutput
{
    public sealed record BudgetOptions(Option<double> Timeout, Option<int?> MaxMemory)
    {
        public IEnumerable<Option> All => [Timeout, MaxMemory];

        public BatchOptions Read(ParseResult result)
        {
            var options = new BatchOptions { TimeBudget = TimeSpan.FromSeconds(result.GetValue(Timeout)) };
            return result.GetValue(MaxMemory) is { } mb ? options with { MemoryBudget = (long)mb << 20 } : options;
        }
    }

    public static BudgetOptions Budgets()
    {
        var timeout = new Option<double>("--timeout")
        {
            Description = $"Seconds one document (a file, or a folder of web pages) may take before it is stopped and reported as 'timeout' (default {BatchOptions.DefaultTimeBudget.TotalSeconds:0}: a 300-page scan read cold fits).",
            DefaultValueFactory = _ => BatchOptions.DefaultTimeBudget.TotalSeconds,
        };
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not > 0)
            {
                r.AddError("--timeout must be a positive number of seconds");
            }
        });
        var memory = new Option<int?>("--max-memory") { Description = $"Megabytes of memory the batch may hold before the document using it is stopped and reported as 'memory' (default {BatchOptions.DefaultMemoryBudget() >> 20})." };
        memory.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is <= 0)
            {
                r.AddError("--max-memory must be a positive number of megabytes");
            }
        });
        return new BudgetOptions(timeout, memory);
    }

    /// <summary>Prints each failure, writes `&lt;id&gt;.json` of each document and facts.csv; a document whose files cannot be made fails alone.</summary>
    /// <param name="results">The batch's results, in its order.</param>
    /// <param name="outDir">The output folder.</param>
    /// <param name="verbose">Whether an internal error's stack trace is printed.</param>
    /// <param name="onWritten">Told of each document written, with its number of facts, in order among the failures.</param>
    /// <returns>How many documents were written, and how many results failed.</returns>
    /// <param name="publications">What tells the publication each document renders (the manifests above the inputs).</param>
    public static (int Written, int Failed) Write(IReadOnlyList<ExtractionResult> results, string outDir, bool verbose, PublicationIndex publications, Action<ExtractionResult, CanonicalDocument, int>? onWritten = null)
    {
        var written = 0;
        var failed = 0;
        var unique = DocumentIds.Unique(results);
        var renditions = Renditions.Rank(unique.Select(r => r.Document).OfType<CanonicalDocument>(), publications, string.Empty).ToDictionary(r => r.Document.Document.Id, StringComparer.Ordinal);
        using var facts = new AtomicFile(Path.Combine(outDir, "facts.csv"));
        using (var csv = new StreamWriter(facts.Stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
        {
            Facts.WriteBatchHeader(csv);
            foreach (var result in unique)
            {
                var failure = result;
                if (result.Document is { } doc)
                {
                    (var rows, failure) = WriteOne(result, doc, outDir, csv, renditions[doc.Document.Id]);
                    if (failure is null)
                    {
                        written++;
                        onWritten?.Invoke(result, doc, rows);
                        continue;
                    }
                }

                failed++;
                Report(failure, verbose);
            }
        }

        facts.Commit();
        return (written, failed);
    }

    /// <summary>One document's JSON and its facts: how many rows, or the failure when they cannot be made.</summary>
    private static (int Rows, ExtractionResult? Failure) WriteOne(ExtractionResult result, CanonicalDocument doc, string outDir, TextWriter csv, Rendition rendition)
    {
        try
        {
            // The rows first: a document whose facts cannot be made writes nothing at all.
            var rows = Facts.Of(doc).ToList();
            using (var json = new AtomicFile(Path.Combine(outDir, doc.Document.Id + ".json")))
            {
                CanonicalJson.Write(json.Stream, doc);
                json.Commit();
            }

            Facts.WriteBatchCsv(csv, rows, rendition.Publication, rendition.Best);
            return (rows.Count, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (0, e is IOException or UnauthorizedAccessException
                ? ExtractionResult.Failed(result.File, "unwritable", $"{result.File}: {e.Message}")
                : ExtractionResult.Internal(result.File, e));
        }
    }

    /// <summary>Prints 'no documents found in &lt;folder&gt;' for each folder given that holds no readable file; how many.</summary>
    public static int EmptyFolders(IEnumerable<string> inputs)
    {
        var empty = 0;
        foreach (var folder in inputs.Where(Directory.Exists).Where(f => !SourceUnit.FilesBelow(f).Any()))
        {
            Output.Error($"error no-documents: no documents found in {folder} (.txt, .html, .htm and .pdf files are read)");
            empty++;
        }

        return empty;
    }

    /// <summary>What the summary line does not say: the warnings by code, and the documents whose kind, year or programme the content did not give.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<CanonicalDocument> documents)
    {
        var codes = documents.SelectMany(d => d.Warnings).GroupBy(w => w.Code, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (codes.Count > 0)
        {
            yield return "warnings: " + string.Join(", ", codes.Select(g => $"{g.Count()} {g.Key}"));
        }

        foreach (var (part, unknown) in new (string, Func<CanonicalDocument, bool>)[]
        {
            ("kind", d => d.Document.Kind is null),
            ("year", d => d.Document.Year is null),
            ("programme", d => d.Programme?.Number is null),
        })
        {
            var ids = documents.Where(unknown).Select(d => d.Document.Id).ToList();
            if (ids.Count > 0)
            {
                yield return $"{part} unknown in {ids.Count} document{(ids.Count == 1 ? string.Empty : "s")}: {string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", ..." : string.Empty)}";
            }
        }
    }

    public static void Report(ExtractionResult failure, bool verbose)
    {
        Output.Error($"error {failure.ErrorCode}: {failure.Error}");
        if (verbose && failure.Detail is { } detail)
        {
            Output.Error(detail);
        }
    }
}
