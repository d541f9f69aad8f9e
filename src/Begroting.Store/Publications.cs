using Begroting.Model.Canonical;
using Begroting.Pipeline.Corpus;

namespace Begroting.Store;

/// <summary>Finds the publication a document renders: the manifest's `gold` (or its own id), else its identity.</summary>
/// <remarks>
/// Manifest entries and the scan fixtures (corpus/tools/scan-fixtures.json) name the publication they render in `gold`;
/// a document with no entry is known by municipality, year, kind and programme (<see cref="Linking.Publications.Derive"/>).
/// </remarks>
public sealed class PublicationIndex
{
    private readonly Dictionary<string, string> bySha = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byId = new(StringComparer.Ordinal);

    /// <summary>Reads the manifest above or in each input folder and the scan fixtures beside it.</summary>
    public static PublicationIndex For(IEnumerable<string> inputs)
    {
        var index = new PublicationIndex();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var dir = Directory.Exists(input) ? Path.GetFullPath(input) : Path.GetDirectoryName(Path.GetFullPath(input));
            while (dir is not null)
            {
                var manifest = Path.Combine(dir, "manifest.json");
                if (File.Exists(manifest))
                {
                    if (seen.Add(manifest))
                    {
                        index.Add(ManifestIndex.Load(manifest));
                        var scans = Path.Combine(dir, "tools", "scan-fixtures.json");
                        if (File.Exists(scans))
                        {
                            index.Add(ManifestIndex.Load(scans));
                        }
                    }

                    break;
                }

                dir = Path.GetDirectoryName(dir);
            }
        }

        return index;
    }

    private void Add(Manifest manifest)
    {
        foreach (var entry in manifest.Documents)
        {
            bySha.TryAdd(entry.Sha256, entry.Gold ?? entry.Id);
            byId.TryAdd(entry.Id, entry.Gold ?? entry.Id);
        }
    }

    public string Of(CanonicalDocument document) =>
        bySha.TryGetValue(document.Document.Sha256, out var p) ? p
        : byId.TryGetValue(document.Document.Id, out p) ? p
        : Linking.Publications.Derive(document);
}

/// <summary>A document with its publication and its rank among that publication's renditions.</summary>
public sealed record Rendition(CanonicalDocument Document, string Publication, int Rank, bool Best, string ToolVersion);

public static class Renditions
{
    /// <summary>Ranks the renditions of each publication: the best is the lowest rank, then the document whose id is the publication's.</summary>
    public static IReadOnlyList<Rendition> Rank(IEnumerable<CanonicalDocument> documents, PublicationIndex publications, string toolVersion)
    {
        var ranked = documents.Select(d => (Doc: d, Publication: publications.Of(d), Rank: Linking.Publications.RenditionRank(d))).ToList();
        var best = ranked.GroupBy(r => r.Publication, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.Rank).ThenBy(r => r.Doc.Document.Id == g.Key ? 0 : 1).ThenBy(r => r.Doc.Document.Id, StringComparer.Ordinal).First().Doc.Document.Id)
            .ToHashSet(StringComparer.Ordinal);
        return ranked.Select(r => new Rendition(r.Doc, r.Publication, r.Rank, best.Contains(r.Doc.Document.Id), toolVersion))
            .OrderBy(r => r.Publication, StringComparer.Ordinal).ThenBy(r => r.Document.Document.Id, StringComparer.Ordinal).ToList();
    }
}
