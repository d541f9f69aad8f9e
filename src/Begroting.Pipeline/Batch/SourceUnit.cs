using Begroting.Pipeline.Corpus;

namespace Begroting.Pipeline.Batch;

/// <summary>One unit of extraction: a file, or the HTML pages of one folder, which may make documents together.</summary>
/// <param name="Key">The file, or the folder with a trailing '/'.</param>
/// <param name="Files">The files read for it.</param>
/// <param name="Sha256">The content hash (of the file, or of the folder's pages); null when the files could not be read.</param>
/// <param name="Unreadable">Why the files could not be hashed, when they could not.</param>
public sealed record SourceUnit(string Key, IReadOnlyList<string> Files, string? Sha256, string? Unreadable = null)
{
    /// <summary>Files and folders to units, in a stable order: every readable file below a folder; a non-HTML file alone, the HTML files of one folder together.</summary>
    /// <exception cref="FileNotFoundException">An input that is neither a file nor a folder.</exception>
    public static IReadOnlyList<SourceUnit> Of(IReadOnlyList<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(FilesBelow(input));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                throw new FileNotFoundException($"{input}: no such file or folder", input);
            }
        }

        var distinct = files.Distinct(StringComparer.Ordinal).ToList();
        var units = new List<SourceUnit>();
        foreach (var file in distinct.Where(f => !Extraction.IsHtmlFile(f)))
        {
            units.Add(Hashed(file, [file], () => ManifestIndex.Sha256OfFile(file)));
        }

        foreach (var folder in distinct.Where(Extraction.IsHtmlFile).GroupBy(f => Path.GetDirectoryName(f) ?? string.Empty, StringComparer.Ordinal))
        {
            var pages = folder.Order(StringComparer.Ordinal).ToList();
            units.Add(Hashed(folder.Key + "/", pages, () => ManifestIndex.Sha256OfFolder(pages)));
        }

        return units;
    }

    /// <summary>Every readable file below a folder, in a stable order, but for the folders its manifest excludes.</summary>
    public static IEnumerable<string> FilesBelow(string folder)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        var excluded = File.Exists(manifest) && ManifestIndex.Load(manifest).Exclude is { } exclude
            ? exclude.Select(e => Path.GetFullPath(Path.Combine(folder, e)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).ToList()
            : [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(Extraction.IsReadable)
            .Where(f => !excluded.Any(e => Path.GetFullPath(f).StartsWith(e, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>A unit whose files cannot be read is still a unit: its error is reported in its place, and the batch goes on.</summary>
    private static SourceUnit Hashed(string key, IReadOnlyList<string> files, Func<string> hash)
    {
        try
        {
            return new SourceUnit(key, files, hash());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SourceUnit(key, files, null, e.Message);
        }
    }
}
