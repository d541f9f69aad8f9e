using System.Text;
using Begroting.Model.Canonical;
using Begroting.Pipeline.Normalisation;
using Begroting.Readers.Text;

namespace Begroting.Tests;

/// <summary>Runs small inline documents through reader and normaliser.</summary>
internal static class TestDocuments
{
    /// <summary>The repository: the folder above the test's binaries that holds Extraction.sln.</summary>
    public static readonly string Root = FindRoot();

    public static CanonicalDocument Normalise(string text, string file = "inline.txt") =>
        Normaliser.Normalise(PlainTextReader.Read(Encoding.UTF8.GetBytes(text), file), new DocumentContext("inline", file, new string('0', 64)));

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
