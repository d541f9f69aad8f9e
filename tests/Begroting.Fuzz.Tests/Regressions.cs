using System.Text;
using Begroting.Fuzz.Tests.Harness;
using Begroting.Model.Canonical;
using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;

namespace Begroting.Fuzz.Tests;

/// <summary>One worker for a test class: a regression runs there first, so one that overflows the stack or hangs fails its test, not the run.</summary>
public sealed class WorkerFixture : IDisposable
{
    public WorkerProcess Worker { get; } = new();

    public void Dispose() => Worker.Dispose();
}

/// <summary>The files of corpus/regressions and how they are read.</summary>
internal static class Regressions
{
    public const string Folder = "corpus/regressions";

    public static string PathOf(string name) => Seeds.PathOf($"{Folder}/{name}");

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Seeds.PathOf(Folder), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Seeds.PathOf(Folder), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static SeedFormat FormatOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => SeedFormat.Pdf,
        ".html" or ".htm" => SeedFormat.Html,
        _ => SeedFormat.Text,
    };

    /// <summary>The file through the worker (it must come to a document or an error result, in time), then here, for its values.</summary>
    public static ExtractionResult Extract(WorkerProcess worker, string name)
    {
        var outcome = Check(worker, name);
        Assert.False(outcome.IsFault, $"{name}: {outcome.Kind} {outcome.Signature}: {outcome.Detail}");
        return Extraction.ExtractFile(PathOf(name), Oracle.Options, new ManifestIndex(), $"{Folder}/{name}");
    }

    public static Outcome Check(WorkerProcess worker, string name, int budgetMilliseconds = 30_000) => worker.Run(new WorkRequest([PathOf(name)], FormatOf(name), budgetMilliseconds));

    /// <summary>The same file with a piece of it taken out, extracted from a temporary copy: what the document would be without the fault.</summary>
    public static CanonicalDocument Without(string name, string piece)
    {
        var text = File.ReadAllText(PathOf(name), Encoding.UTF8);
        Assert.Contains(piece, text, StringComparison.Ordinal);
        var dir = Directory.CreateTempSubdirectory("begroting-regression-").FullName;
        try
        {
            var path = Path.Combine(dir, Path.GetFileName(name));
            File.WriteAllText(path, text.Replace(piece, string.Empty, StringComparison.Ordinal), new UTF8Encoding(false));
            var result = Extraction.ExtractFile(path, Oracle.Options, new ManifestIndex(), $"{Folder}/{name}");
            return result.Document ?? throw new InvalidOperationException($"{name} without '{piece}': {result.ErrorCode} {result.Error}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Every amount as (group, line, column, euros, raw): what a table of amounts says, without where it stood.</summary>
    public static List<string> Amounts(CanonicalDocument document) =>
        document.FinancialTables.SelectMany(t => t.Rows.SelectMany(r => r.Amounts.Select(a => $"{r.Group}|{r.Line}|{t.Columns[a.Column - 1].Kind} {t.Columns[a.Column - 1].Year}|{a.Euros}|{a.Raw}"))).ToList();
}
