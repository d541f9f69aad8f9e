using System.Collections.Concurrent;

namespace Begroting.Pipeline.Batch;

/// <summary>How a batch names its files in provenance, errors and its cache: relative to the root of the input each came from, never to the working folder.</summary>
/// <remarks>
/// The root is the folder holding the nearest manifest above the file, else the folder given that holds it, else the
/// file's own folder; a file is named from that root's name down ('corpus/leiden/2018/x.txt', 'mydocs/x.txt'), so the
/// same file is named the same whether the batch runs in the repository, beside it or anywhere else, and an unchanged
/// file is found in the cache from any working folder.
/// </remarks>
public sealed class InputRoots
{
    private readonly List<string> folders;
    // The batch names its documents from both cores at once.
    private readonly ConcurrentDictionary<string, string?> manifestAbove = new(StringComparer.Ordinal);

    public InputRoots(IEnumerable<string> inputs) =>
        folders = inputs.Where(Directory.Exists).Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).OrderByDescending(f => f.Length).ToList();

    /// <summary>The name a file (or a folder, with a trailing '/') goes by; safe to call from any thread.</summary>
    public string Display(string path)
    {
        var folder = path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = ManifestFolder(folder ? full : Path.GetDirectoryName(full)!)
            ?? folders.FirstOrDefault(f => full == f || full.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            ?? (folder ? full : Path.GetDirectoryName(full)!);
        var name = Path.GetRelativePath(Path.GetDirectoryName(root) ?? root, full).Replace('\\', '/');
        return folder ? name + "/" : name;
    }

    private string? ManifestFolder(string directory)
    {
        if (manifestAbove.TryGetValue(directory, out var known))
        {
            return known;
        }

        var found = File.Exists(Path.Combine(directory, "manifest.json")) ? directory
            : Path.GetDirectoryName(directory) is { } parent && parent != directory ? ManifestFolder(parent)
            : null;
        manifestAbove[directory] = found;
        return found;
    }
}
