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
    string? Programme,
    string Format,
    string Path,
    string Origin,
    string Sha256,
    string? Title = null,
    string? Notes = null,
    string? Gold = null,
    bool? Recognised = null)
{
    /// <summary>A document of several pages is a folder; its path ends with '/'.</summary>
    public bool IsFolder => Path.EndsWith('/');
}

/// <summary>The documents of a corpus folder, and the folders below it that hold no documents of it.</summary>
/// <param name="Documents">The described documents.</param>
/// <param name="Exclude">Folders (relative to the manifest, '/'-separated) that a walk of the corpus passes over: regression files, variations, anything that is not a rendition of a publication.</param>
public sealed record Manifest(IReadOnlyList<ManifestEntry> Documents, IReadOnlyList<string>? Exclude = null);

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

    /// <summary>Hash of a file read as a stream: a large PDF is not loaded whole to be hashed.</summary>
    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Content hash of a folder document: each file's name, a NUL and its bytes, in file-name order.</summary>
    public static string Sha256OfFolder(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData([0]);
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The folder document a page belongs to, if the manifest describes its folder.</summary>
    public ManifestEntry? FindFolder(string file)
    {
        var full = Path.GetFullPath(file);
        var dir = Path.GetDirectoryName(full);
        while (dir is not null)
        {
            if (ManifestIn(dir) is { } found)
            {
                var relative = Path.GetRelativePath(found.Root, full).Replace('\\', '/');
                return found.Manifest.Documents.FirstOrDefault(d => d.IsFolder && relative.StartsWith(d.Path, StringComparison.Ordinal));
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
    }

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
