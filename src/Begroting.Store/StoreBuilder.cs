using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Begroting.Model.Canonical;
using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Export;
using DuckDB.NET.Data;

namespace Begroting.Store;

/// <summary>What `build` reads and where it writes.</summary>
public sealed record BuildOptions
{
    public ExtractionOptions Extraction { get; init; } = new();

    /// <summary>Documents extracted at once (the machine's cores, at most 2: OCR runs Tesseract processes of its own).</summary>
    public int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>The link model and overrides; null finds them in the corpus folder given as input.</summary>
    public LinkPaths? Links { get; init; }
}

/// <summary>One unit of extraction: a file, or a folder of web pages that become documents together.</summary>
internal sealed record SourceUnit(string Key, IReadOnlyList<string> Files, string Sha256);

public sealed record BuildResult(IReadOnlyList<ExtractionResult> Results, IReadOnlyList<Rendition> Renditions, int Reused, int Extracted, int Series, string? LinkWarning);

/// <summary>Extracts every document (again only when its content or the tool changed), links indicators into series and loads the store.</summary>
public static class StoreBuilder
{
    /// <summary>Changes whenever the extraction code or the store's shape changes: the hash of the assemblies' module ids.</summary>
    public static readonly string ToolVersion = ComputeToolVersion();

    private static string ComputeToolVersion()
    {
        var ids = string.Join(",", new[] { typeof(Extraction), typeof(CanonicalDocument), typeof(Readers.Text.PlainTextReader), typeof(Readers.Html.HtmlPageReader), typeof(Readers.Pdf.PdfReader), typeof(Readers.Ocr.TesseractRecogniser) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids + ";" + CanonicalDocument.CurrentSchemaVersion + ";" + StoreSchema.Version)))[..16];
    }

    public static BuildResult Build(IReadOnlyList<string> inputs, string database, BuildOptions options, Func<string, string> display, Action<int, int, string>? progress = null)
    {
        var units = Units(inputs);
        using var connection = Open(database);
        Execute(connection, StoreSchema.CacheDdl);
        // The options that change what a document becomes are part of the cache key: a scan read without OCR is no document.
        var version = ToolVersion + (options.Extraction.Ocr ? string.Empty : ";no-ocr") + $";{options.Extraction.Kind};{options.Extraction.Year};{options.Extraction.Programme}";
        var cached = ReadCache(connection, version);
        var results = new ConcurrentDictionary<int, (SourceUnit Unit, IReadOnlyList<ExtractionResult> Results, bool Reused)>();
        var done = 0;
        var todo = new List<(int Index, SourceUnit Unit)>();
        for (var i = 0; i < units.Count; i++)
        {
            if (cached.TryGetValue((units[i].Key, units[i].Sha256), out var hit))
            {
                results[i] = (units[i], hit, true);
                progress?.Invoke(++done, units.Count, display(units[i].Key));
            }
            else
            {
                todo.Add((i, units[i]));
            }
        }

        Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, item =>
        {
            // One manifest index per unit: its cache is not made for threads.
            var extracted = Extraction.ExtractAll(item.Unit.Files, options.Extraction, new ManifestIndex(), display);
            results[item.Index] = (item.Unit, extracted, false);
            progress?.Invoke(Interlocked.Increment(ref done), units.Count, display(item.Unit.Key));
        });

        var ordered = Enumerable.Range(0, units.Count).Select(i => results[i]).ToList();
        var all = ordered.SelectMany(r => r.Results).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var documents = new List<CanonicalDocument>();
        foreach (var r in all)
        {
            if (r.Document is { } d && ids.Add(d.Document.Id))
            {
                documents.Add(d);
            }
        }

        var renditions = Renditions.Rank(documents, PublicationIndex.For(inputs), ToolVersion);
        var paths = options.Links ?? inputs.Where(Directory.Exists).Select(LinkPaths.In).FirstOrDefault(p => File.Exists(p.Model));
        string? warning = null;
        Linking.LinkModel? model = null;
        if (paths is not null && File.Exists(paths.Model))
        {
            model = Linking.LinkModel.Load(paths.Model);
        }
        else
        {
            warning = "no link model found (corpus/models/indicator-links.zip): every indicator is a series of its own unless an override links it; run `begroting links train`";
        }

        var overrides = paths is null ? [] : CorpusLinks.Overrides(paths.Overrides);
        var series = CorpusLinks.Link(renditions, model, overrides);
        StoreWriter.Write(connection, renditions, series);
        WriteCache(connection, version, ordered.Select(r => (r.Unit, r.Results)).ToList());
        return new BuildResult(all, renditions, ordered.Count(r => r.Reused), ordered.Count(r => !r.Reused), series.Count, warning);
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

    /// <summary>Files to units: a non-HTML file alone; the HTML files of one folder together (they may be pages of one document).</summary>
    internal static IReadOnlyList<SourceUnit> Units(IReadOnlyList<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Where(Extraction.IsReadable).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                throw new FileNotFoundException($"{input}: no such file or folder", input);
            }
        }

        var units = new List<SourceUnit>();
        foreach (var file in files.Distinct(StringComparer.Ordinal).Where(f => !IsHtml(f)))
        {
            units.Add(new SourceUnit(file, [file], ManifestIndex.Sha256OfFile(file)));
        }

        foreach (var folder in files.Distinct(StringComparer.Ordinal).Where(IsHtml).GroupBy(f => Path.GetDirectoryName(f) ?? string.Empty, StringComparer.Ordinal))
        {
            var pages = folder.Order(StringComparer.Ordinal).ToList();
            units.Add(new SourceUnit(folder.Key + "/", pages, ManifestIndex.Sha256OfFolder(pages)));
        }

        return units;
    }

    private static bool IsHtml(string path) => Extraction.HtmlExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

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
        foreach (var (unit, results) in units)
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
