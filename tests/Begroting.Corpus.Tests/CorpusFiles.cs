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
