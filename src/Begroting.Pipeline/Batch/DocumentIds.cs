using Begroting.Model.Canonical;

namespace Begroting.Pipeline.Batch;

/// <summary>Makes the ids of a batch's documents unique, so that two inputs never write the same output file.</summary>
/// <remarks>
/// Documents nobody described are named after their file, so the HTML and the PDF rendering of one page get the same
/// id. The first keeps it (in the batch's stable order); a later one gets its format as a suffix, or a number where
/// that is taken too, and a <c>duplicate-id</c> warning that names the id and the input that has it.
/// </remarks>
public static class DocumentIds
{
    public static IReadOnlyList<ExtractionResult> Unique(IReadOnlyList<ExtractionResult> results)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var unique = new List<ExtractionResult>(results.Count);
        foreach (var result in results)
        {
            if (result.Document is not { } document)
            {
                unique.Add(result);
                continue;
            }

            var id = document.Document.Id;
            if (owners.TryAdd(id, result.File))
            {
                unique.Add(result);
                continue;
            }

            var free = $"{id}-{document.Document.Format}";
            for (var n = 2; owners.ContainsKey(free); n++)
            {
                free = $"{id}-{n}";
            }

            owners.Add(free, result.File);
            var warning = new Warning("duplicate-id", $"document id '{id}' is already taken by {owners[id]}; this document is written as '{free}'", result.File);
            unique.Add(result with
            {
                Document = document with
                {
                    Document = document.Document with { Id = free },
                    Warnings = [.. document.Warnings, warning],
                },
            });
        }

        return unique;
    }
}
