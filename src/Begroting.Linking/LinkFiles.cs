using System.Text;
using Begroting.Model.Text;

namespace Begroting.Linking;

/// <summary>The hand-written link files: labelled pairs (corpus/gold/links.csv) and overrides (corpus/links.overrides.csv).</summary>
/// <remarks>Both are CSV with a header `a,b,label,reason` (`label` is `same` or `different`); RFC 4180 quoting.</remarks>
public static class LinkFiles
{
    public static readonly string[] Header = ["a", "b", "label", "reason"];

    public static IReadOnlyList<LabelledPair> Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>Pairs from the text of a link file; <paramref name="path"/> names it in errors.</summary>
    public static IReadOnlyList<LabelledPair> Parse(string text, string path)
    {
        var rows = Csv.Parse(text).Where(r => r.Count > 1 || r[0].Length > 0).ToList();
        if (rows.Count == 0 || !rows[0].SequenceEqual(Header))
        {
            throw new InvalidDataException($"{path}:1: expected the header '{string.Join(',', Header)}'");
        }

        var pairs = new List<LabelledPair>();
        for (var i = 1; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Count != 4 || r[2] is not ("same" or "different") || !r[0].Contains('/', StringComparison.Ordinal) || !r[1].Contains('/', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected '<publication>/<key>,<publication>/<key>,same|different,<reason>'");
            }

            pairs.Add(new LabelledPair(r[0], r[1], r[2] == "same", r[3]));
        }

        return pairs;
    }
}
