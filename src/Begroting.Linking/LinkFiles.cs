using System.Text;

namespace Begroting.Linking;

/// <summary>The hand-written link files: labelled pairs (corpus/gold/links.csv) and overrides (corpus/links.overrides.csv).</summary>
/// <remarks>Both are CSV with a header `a,b,label,reason` (`label` is `same` or `different`); RFC 4180 quoting.</remarks>
public static class LinkFiles
{
    public static readonly string[] Header = ["a", "b", "label", "reason"];

    public static IReadOnlyList<LabelledPair> Load(string path)
    {
        var rows = Csv(File.ReadAllText(path, Encoding.UTF8));
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

    /// <summary>RFC 4180 rows (quoted fields may hold commas, quotes and line breaks); blank lines skipped.</summary>
    internal static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                if (row.Count > 1 || row[0].Length > 0)
                {
                    rows.Add(row);
                }

                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
