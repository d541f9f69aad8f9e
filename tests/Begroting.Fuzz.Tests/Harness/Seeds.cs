using System.Text.Json;

namespace Begroting.Fuzz.Tests.Harness;

/// <summary>How a seed is read: the reader its extension picks, or a folder of site pages read together.</summary>
public enum SeedFormat
{
    Text,
    Html,
    Site,
    Pdf,
}

/// <summary>A document the mutators start from: one file, or the pages of one site folder.</summary>
/// <param name="Name">The path below the repository root, as reports and regression notes name it.</param>
/// <param name="Format">How it is read.</param>
/// <param name="Files">Its file (or the site's pages, in order), absolute.</param>
public sealed record Seed(string Name, SeedFormat Format, IReadOnlyList<string> Files)
{
    public override string ToString() => Name;
}

/// <summary>Every seed: the manifest's documents, the scans beside them, the unit tests' fixtures and the copied foreign tables.</summary>
public static class Seeds
{
    public static readonly string Root = FindRoot();

    private static readonly Lazy<IReadOnlyList<Seed>> AllSeeds = new(Load);

    public static IReadOnlyList<Seed> All => AllSeeds.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static List<Seed> Load()
    {
        var seeds = new List<Seed>();
        using (var manifest = JsonDocument.Parse(File.ReadAllText(PathOf("corpus/manifest.json"))))
        {
            foreach (var entry in manifest.RootElement.GetProperty("documents").EnumerateArray())
            {
                var path = "corpus/" + entry.GetProperty("path").GetString();
                if (path.EndsWith('/'))
                {
                    var pages = Directory.EnumerateFiles(PathOf(path), "*.html").Order(StringComparer.Ordinal).ToList();
                    seeds.Add(new Seed(path, SeedFormat.Site, pages));
                }
                else
                {
                    seeds.Add(FileSeed(path));
                }
            }
        }

        // One scan: with OCR off it is read only as far as finding no text layer, which is where PdfPig parses its images.
        seeds.Add(FileSeed("corpus/leiden/2018/scan/programmabegroting-2018-p9-scan-300dpi.pdf"));
        foreach (var folder in new[] { "tests/Begroting.Tests/Fixtures", "tests/Begroting.Fuzz.Tests/Seeds" })
        {
            foreach (var file in Directory.EnumerateFiles(PathOf(folder)).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                seeds.Add(FileSeed(Path.GetRelativePath(Root, file).Replace('\\', '/')));
            }
        }

        return seeds;
    }

    private static Seed FileSeed(string relative)
    {
        var format = Path.GetExtension(relative).ToLowerInvariant() switch
        {
            ".pdf" => SeedFormat.Pdf,
            ".html" or ".htm" => SeedFormat.Html,
            _ => SeedFormat.Text,
        };
        var path = PathOf(relative);
        return File.Exists(path) ? new Seed(relative, format, [path]) : throw new FileNotFoundException($"seed '{relative}' is missing", path);
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
