using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Export;
using Begroting.Pipeline.Validation;

namespace Begroting.Corpus.Tests;

/// <summary>What every written file promises: valid against its schema, byte-identical on a second run, matching the manifest.</summary>
public class OutputTests
{
    [Theory]
    [MemberData(nameof(CorpusFiles.DocumentIds), MemberType = typeof(CorpusFiles))]
    public async Task Canonical_json_is_valid_and_deterministic(string id)
    {
        var first = CanonicalJson.Serialize(CorpusFiles.Extract(id).Document!);
        var second = CanonicalJson.Serialize(CorpusFiles.Extract(id).Document!);
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        var validator = await EmbeddedSchemas.CanonicalAsync();
        Assert.Empty(validator.Validate(first));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.DocumentIds), MemberType = typeof(CorpusFiles))]
    public void Identity_read_from_content_agrees_with_the_manifest(string id)
    {
        var entry = CorpusFiles.Entry(id);
        var path = CorpusFiles.PathOf(id);
        Assert.Equal(entry.Sha256, entry.IsFolder ? ManifestIndex.Sha256OfFolder(Directory.EnumerateFiles(path)) : ManifestIndex.Sha256Of(File.ReadAllBytes(path)));

        // Without the manifest (a copy elsewhere), what the content says must not contradict it.
        var copy = CorpusFiles.CopyOutside(id);
        try
        {
            var doc = CorpusFiles.Extract(id, copy).Document!;
            Assert.True(doc.Document.Kind is null || doc.Document.Kind == entry.Kind, $"kind {doc.Document.Kind}");
            Assert.True(doc.Document.Year is null || doc.Document.Year == entry.Year, $"year {doc.Document.Year}");
            Assert.True(doc.Programme?.Number is null || doc.Programme.Number == CorpusFiles.ExpectedProgramme(id), $"programme {doc.Programme?.Number}");
            Assert.Equal(doc.Document.Kind is null, doc.Warnings.Any(w => w.Code == "kind-unknown"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Identity_is_read_from_content_where_the_content_says_it()
    {
        string[] described = ["leiden-2018-programmabegroting-p9", "leiden-2017-programmabegroting-p9-9d", "leiden-2024-jaarstukken-p9", "leiden-2013-beleidsplan-iedereen-telt-mee"];
        foreach (var id in described.Concat(CorpusFiles.Manifest.Documents.Where(d => d.Gold is not null).Select(d => d.Id)))
        {
            var copy = CorpusFiles.CopyOutside(id);
            try
            {
                var doc = CorpusFiles.Extract(id, copy).Document!;
                var entry = CorpusFiles.Entry(id);
                Assert.Equal((entry.Kind, entry.Year, CorpusFiles.ExpectedProgramme(id)), (doc.Document.Kind!.Value, doc.Document.Year!.Value, doc.Programme!.Number!));
            }
            finally
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Manifest_matches_its_schema_and_files()
    {
        var validator = await SchemaValidator.LoadAsync(Path.Combine(CorpusFiles.Root, "schemas", "manifest.schema.json"));
        Assert.Empty(validator.Validate(File.ReadAllText(Path.Combine(CorpusFiles.Corpus, "manifest.json"))));
        foreach (var d in CorpusFiles.Manifest.Documents)
        {
            Assert.True(d.IsFolder ? Directory.Exists(Path.Combine(CorpusFiles.Corpus, d.Path)) : File.Exists(Path.Combine(CorpusFiles.Corpus, d.Path)), d.Path);
        }
    }
}
