using Begroting.Linking;
using Begroting.Model.Canonical;
using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;

namespace Begroting.Store;

/// <summary>Where the link files live in a corpus folder, and the labelled publications read for training.</summary>
public sealed record LinkPaths(string Labels, string Overrides, string Model)
{
    /// <summary>The committed model and overrides, as the tool carries them; their SHA-256 is part of the tool version.</summary>
    public static readonly string EmbeddedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Embedded("indicator-links.zip").Concat(Embedded("links.overrides.csv")).ToArray()))[..16];

    internal static byte[] Embedded(string name)
    {
        using var stream = typeof(LinkPaths).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not embedded in the tool");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static LinkPaths In(string corpus) => new(
        Path.Combine(corpus, "gold", "links.csv"),
        Path.Combine(corpus, "links.overrides.csv"),
        Path.Combine(corpus, "models", "indicator-links.zip"));
}

public static class CorpusLinks
{
    /// <summary>The indicators of every publication named in the labels, read from its manifest document (its given text).</summary>
    public static PairFeatures TrainingFeatures(string corpus, IReadOnlyList<LabelledPair> labels)
    {
        var manifest = ManifestIndex.Load(Path.Combine(corpus, "manifest.json"));
        var publications = labels.SelectMany(l => new[] { LabelledPair.Publication(l.A), LabelledPair.Publication(l.B) }).ToHashSet(StringComparer.Ordinal);
        var indicators = new List<LinkIndicator>();
        foreach (var id in publications.Order(StringComparer.Ordinal))
        {
            var entry = manifest.Documents.FirstOrDefault(d => d.Id == id)
                ?? throw new InvalidDataException($"{Path.Combine(corpus, "manifest.json")}: no document '{id}' (named in the link labels)");
            var path = Path.Combine(corpus, entry.Path);
            var result = Extraction.ExtractFile(path, new ExtractionOptions { Ocr = false }, new ManifestIndex(), path);
            var document = result.Document ?? throw new InvalidDataException($"{path}: {result.Error}");
            indicators.AddRange(IndicatorKeys.ForLinking(document, id));
        }

        var features = new PairFeatures(indicators);
        foreach (var key in labels.SelectMany(l => new[] { l.A, l.B }).Where(k => !features.Contains(k)))
        {
            throw new InvalidDataException($"links: no indicator '{key}' in its publication (see corpus/gold/README.md for keys)");
        }

        return features;
    }

    public static LinkModel Train(PairFeatures features, IReadOnlyList<LabelledPair> labels) =>
        LinkModel.Train(labels.Select(l => (features.Of(l.A, l.B), l.Same)));

    /// <summary>Series over the best rendition of each publication.</summary>
    public static IReadOnlyList<Series> Link(IReadOnlyList<Rendition> renditions, LinkModel? model, IReadOnlyList<LabelledPair> overrides)
    {
        var indicators = renditions.Where(r => r.Best).SelectMany(r => IndicatorKeys.ForLinking(r.Document, r.Publication)).ToList();
        var features = new PairFeatures(indicators);
        return model is null
            ? SeriesBuilder.Build(indicators, [], overrides, CrossValidation.Threshold)
            : SeriesBuilder.Build(features, model, overrides);
    }

    public static IReadOnlyList<LabelledPair> Overrides(string path) => File.Exists(path) ? LinkFiles.Load(path) : [];

    /// <summary>The model to link with: the file given, else the one the tool carries.</summary>
    public static LinkModel Model(string? path)
    {
        if (path is not null)
        {
            return LinkModel.Load(path);
        }

        using var stream = new MemoryStream(LinkPaths.Embedded("indicator-links.zip"));
        return LinkModel.Load(stream);
    }

    /// <summary>The overrides to link with: the file given, else the ones the tool carries.</summary>
    public static IReadOnlyList<LabelledPair> OverridesOrEmbedded(string? path) =>
        path is not null ? LinkFiles.Load(path) : LinkFiles.Parse(System.Text.Encoding.UTF8.GetString(LinkPaths.Embedded("links.overrides.csv")), "links.overrides.csv (in the tool)");

    internal static bool IsOcr(Observation o) => o.Flags.Contains("ocr");
}
