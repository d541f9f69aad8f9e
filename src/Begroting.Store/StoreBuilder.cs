using System.Security.Cryptography;
using System.Text;
using Begroting.Model.Canonical;
using Begroting.Pipeline;
using Begroting.Pipeline.Batch;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Export;
using DuckDB.NET.Data;

namespace Begroting.Store;

/// <summary>What `build` reads and where it writes.</summary>
public sealed record BuildOptions
{
    public ExtractionOptions Extraction { get; init; } = new();

    /// <summary>Parallelism and the time and memory budgets of each source.</summary>
    public BatchOptions Batch { get; init; } = new();

    /// <summary>A link model to use instead of the one the tool carries (`--model`).</summary>
    public string? Model { get; init; }

    /// <summary>Link overrides to use instead of the ones the tool carries (`--overrides`).</summary>
    public string? Overrides { get; init; }
}

public sealed record BuildResult(IReadOnlyList<ExtractionResult> Results, IReadOnlyList<Rendition> Renditions, int Reused, int Extracted, int Series)
{
    /// <summary>A fault while linking or loading the store, after every document was extracted.</summary>
    public ExtractionResult? StoreError { get; init; }
}

/// <summary>Extracts every document (again only when its content or the tool changed), links indicators into series and loads the store.</summary>
public static class StoreBuilder
{
    /// <summary>Changes whenever the extraction code or the store's shape changes: the hash of the assemblies' module ids, the schema and store versions, the embedded link model and the pinned OCR word list.</summary>
    public static readonly string ToolVersion = ToolVersionWith(Readers.Ocr.TextRepair.Lexicon.WordListSha256);

    /// <summary>The tool version with the OCR word list of the given hash: another list is another tool.</summary>
    internal static string ToolVersionWith(string wordListSha256)
    {
        var ids = string.Join(",", new[] { typeof(Extraction), typeof(CanonicalDocument), typeof(Readers.Text.PlainTextReader), typeof(Readers.Html.HtmlPageReader), typeof(Readers.Pdf.PdfReader), typeof(Readers.Ocr.TesseractRecogniser) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids + ";" + CanonicalDocument.CurrentSchemaVersion + ";" + StoreSchema.Version + ";" + LinkPaths.EmbeddedHash + ";" + wordListSha256)))[..16];
    }

    public static BuildResult Build(IReadOnlyList<string> inputs, string database, BuildOptions options, Func<string, string> display, Action<int, int, string>? progress = null)
    {
        var units = SourceUnit.Of(inputs);
        using var connection = Open(database);
        Execute(connection, StoreSchema.CacheDdl);
        // The options that change what a document becomes are part of the cache key: a scan read without OCR is no document.
        var version = ToolVersion + (options.Extraction.Ocr ? string.Empty : ";no-ocr") + $";{options.Extraction.Kind};{options.Extraction.Year};{options.Extraction.Programme}";
        var cached = ReadCache(connection, version);
        var results = new (SourceUnit Unit, IReadOnlyList<ExtractionResult> Results, bool Reused)[units.Count];
        var todo = new List<int>();
        for (var i = 0; i < units.Count; i++)
        {
            // Keyed by the name the source goes by, not by the path it was given as: a build from another folder finds it.
            if (units[i].Sha256 is { } sha && cached.TryGetValue((display(units[i].Key), sha), out var hit))
            {
                results[i] = (units[i], hit, true);
                progress?.Invoke(i + 1 - todo.Count, units.Count, display(units[i].Key));
            }
            else
            {
                todo.Add(i);
            }
        }

        var reused = units.Count - todo.Count;
        var extracted = BatchRunner.Run(
            todo.Select(i => units[i]).ToList(),
            // One manifest index per unit: its cache is not made for threads.
            (unit, token) => Extraction.ExtractAll(unit.Files, options.Extraction, new ManifestIndex(), display, token),
            options.Batch,
            display,
            (done, unit) => progress?.Invoke(reused + done, units.Count, display(unit.Key)));
        for (var t = 0; t < todo.Count; t++)
        {
            results[todo[t]] = (units[todo[t]], extracted[t], false);
        }

        var ordered = results.ToList();
        var all = DocumentIds.Unique(ordered.SelectMany(r => r.Results).ToList());
        var documents = all.Where(r => r.Document is not null).Select(r => r.Document!).ToList();

        // A fault past extraction (linking, the store) is no document's: the documents are still written, and the store's error is reported.
        try
        {
            var (renditions, series) = Load(connection, inputs, documents, options);
            WriteCache(connection, version, ordered.Select(r => (r.Unit with { Key = display(r.Unit.Key) }, r.Results)).ToList());
            return new BuildResult(all, renditions, ordered.Count(r => r.Reused), ordered.Count(r => !r.Reused), series);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new BuildResult(all, [], ordered.Count(r => r.Reused), ordered.Count(r => !r.Reused), 0) { StoreError = ExtractionResult.Internal(database, e) };
        }
    }

    private static (IReadOnlyList<Rendition> Renditions, int Series) Load(DuckDBConnection connection, IReadOnlyList<string> inputs, IReadOnlyList<CanonicalDocument> documents, BuildOptions options)
    {
        var renditions = Renditions.Rank(documents, PublicationIndex.For(inputs), ToolVersion);
        var model = CorpusLinks.Model(options.Model);
        var overrides = CorpusLinks.OverridesOrEmbedded(options.Overrides);
        var series = CorpusLinks.Link(renditions, model, overrides);
        StoreWriter.Write(connection, renditions, series);
        return (renditions, series.Count);
    }

    public static DuckDBConnection Open(string database)
    {
        var connection = new DuckDBConnection("Data Source=" + database);
        connection.Open();
        return connection;
    }

    internal static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Dictionary<(string Key, string Sha), IReadOnlyList<ExtractionResult>> ReadCache(DuckDBConnection connection, string version)
    {
        var rows = new List<(string Key, string Sha, int Index, string? Json, string? Code, string? Error, string File)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT source_key, sha256, document_index, document_json, error_code, error, file FROM extract_cache WHERE tool_version = $v ORDER BY source_key, document_index";
            command.Parameters.Add(new DuckDBParameter("v", version));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
            }
        }

        return rows.GroupBy(r => (r.Key, r.Sha)).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ExtractionResult>)g.OrderBy(r => r.Index).Select(r => new ExtractionResult(r.File, r.Json is null ? null : CanonicalJson.Deserialize(r.Json), r.Code, r.Error)).ToList());
    }

    private static void WriteCache(DuckDBConnection connection, string version, IReadOnlyList<(SourceUnit Unit, IReadOnlyList<ExtractionResult> Results)> units)
    {
        Execute(connection, "DELETE FROM extract_cache");
        using var appender = connection.CreateAppender("extract_cache");
        // A source that ran out of time or memory, or met a bug, is tried again next time: that says nothing of its content.
        foreach (var (unit, results) in units.Where(u => u.Unit.Sha256 is not null && !u.Results.Any(r => r.ErrorCode is "timeout" or "memory" or "internal")))
        {
            for (var i = 0; i < results.Count; i++)
            {
                var r = results[i];
                appender.CreateRow()
                    .AppendValue(unit.Key).AppendValue(unit.Sha256).AppendValue(version).AppendValue((int?)i)
                    .AppendValue(r.Document is null ? null : CanonicalJson.Serialize(r.Document)).AppendValue(r.ErrorCode).AppendValue(r.Error).AppendValue(r.File)
                    .EndRow();
            }
        }
    }
}
