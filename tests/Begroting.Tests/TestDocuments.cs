using System.Text;
using Begroting.Model.Canonical;
using Begroting.Pipeline.Normalisation;
using Begroting.Readers.Text;

namespace Begroting.Tests;

/// <summary>Runs small inline documents through reader and normaliser.</summary>
internal static class TestDocuments
{
    public static CanonicalDocument Normalise(string text, string file = "inline.txt") =>
        Normaliser.Normalise(PlainTextReader.Read(Encoding.UTF8.GetBytes(text), file), new DocumentContext("inline", file, new string('0', 64)));
}
