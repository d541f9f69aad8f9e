using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;

namespace Begroting.Corpus.Tests;

/// <summary>The corpus folder and its manifest, found from the test's working directory upwards.</summary>
internal static class CorpusFiles
{
    public static readonly string Root = FindRoot();

    public static string Corpus => Path.Combine(Root, "corpus");

    public static string Gold => Path.Combine(Corpus, "gold");

    public static Manifest Manifest => ManifestIndex.Load(Path.Combine(Corpus, "manifest.json"));

    /// <summary>Every manifest document, by id, for [Theory] member data.</summary>
    public static TheoryData<string> DocumentIds()
    {
        var data = new TheoryData<string>();
        foreach (var d in Manifest.Documents)
        {
            data.Add(d.Id);
        }

        return data;
    }

    public static ManifestEntry Entry(string id) => Manifest.Documents.Single(d => d.Id == id);

    public static string PathOf(string id) => Path.Combine(Corpus, Entry(id).Path);

    /// <summary>The programme the document is of: the manifest's, else (where the content and the register must name it) its gold's.</summary>
    public static string? ExpectedProgramme(string id)
    {
        if (Entry(id).Programme is { } given)
        {
            return given;
        }

        var gold = Path.Combine(Gold, GoldId(id) + ".facts.csv");
        return Begroting.Pipeline.Export.Facts.ReadCsv(File.ReadAllText(gold), gold).Select(f => f.Programme).FirstOrDefault(p => p.Length > 0);
    }

    /// <summary>The id whose hand-checked gold applies: its own, or that of the text form it re-lays out.</summary>
    public static string GoldId(string id) => Entry(id).Gold ?? id;

    /// <summary>Extracts one manifest document (a file, or a folder of site pages) as `begroting extract` does.</summary>
    public static ExtractionResult Extract(string id, string? root = null)
    {
        var entry = Entry(id);
        var path = Path.Combine(root ?? Corpus, entry.Path);
        var display = Path.GetRelativePath(Root, path).Replace('\\', '/');
        if (!entry.IsFolder)
        {
            return Extraction.ExtractFile(path, new ExtractionOptions(), new ManifestIndex(), display);
        }

        var files = Directory.EnumerateFiles(path).Where(Extraction.IsReadable).Order(StringComparer.Ordinal).ToList();
        return Assert.Single(Extraction.ExtractAll(files, new ExtractionOptions(), new ManifestIndex(), f => Path.GetRelativePath(Root, f).Replace('\\', '/')));
    }

    /// <summary>A copy of a document outside the corpus, where no manifest describes it.</summary>
    public static string CopyOutside(string id)
    {
        var entry = Entry(id);
        var source = PathOf(id);
        var dir = Directory.CreateTempSubdirectory("begroting-copy-").FullName;
        var target = Path.Combine(dir, entry.Path);
        if (entry.IsFolder)
        {
            Directory.CreateDirectory(target);
            foreach (var f in Directory.EnumerateFiles(source))
            {
                File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
            }
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        return dir;
    }

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Extraction.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Extraction.sln not found above " + AppContext.BaseDirectory);
    }
}
