using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Begroting.Model.Canonical;

namespace Begroting.Pipeline.Corpus;

/// <summary>One described document of the corpus.</summary>
public sealed record ManifestEntry(
    string Id,
    string Municipality,
    DocumentKind Kind,
    int Year,
    string Programme,
    string Format,
    string Path,
    string Origin,
    string Sha256,
    string? Title = null,
    string? Notes = null);

public sealed record Manifest(IReadOnlyList<ManifestEntry> Documents);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, NewLine = "\n", UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Manifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;

/// <summary>Finds the manifest entry of a file: the nearest manifest.json above it, matched by content hash, then by path.</summary>
public sealed class ManifestIndex
{
    private readonly Dictionary<string, (Manifest Manifest, string Root)?> byDirectory = new(StringComparer.Ordinal);

    public static Manifest Load(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), ManifestJsonContext.Default.Manifest) ?? throw new InvalidDataException($"{path}: empty manifest");

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public ManifestEntry? Find(string file, string sha256)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        while (dir is not null)
        {
            if (ManifestIn(dir) is { } found)
            {
                var relative = Path.GetRelativePath(found.Root, Path.GetFullPath(file)).Replace('\\', '/');
                return found.Manifest.Documents.FirstOrDefault(d => d.Sha256 == sha256) ?? found.Manifest.Documents.FirstOrDefault(d => d.Path == relative);
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
    }

    private (Manifest Manifest, string Root)? ManifestIn(string dir)
    {
        if (byDirectory.TryGetValue(dir, out var cached))
        {
            return cached;
        }

        var path = Path.Combine(dir, "manifest.json");
        (Manifest, string)? result = File.Exists(path) ? (Load(path), dir) : null;
        byDirectory[dir] = result;
        return result;
    }
}
