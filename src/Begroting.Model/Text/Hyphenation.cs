namespace Begroting.Model.Text;

/// <summary>Joins lines broken at the margin, repairing words hyphenated at a line end.</summary>
/// <remarks>A Dutch suspended hyphen ('dak- en thuisloosheid', 'in- en uitvoer') is kept: the next line starts with a conjunction.</remarks>
public static class Hyphenation
{
    private static readonly string[] Conjunctions = ["en ", "of ", "tot ", "en/of ", "noch "];

    public static string JoinLines(IEnumerable<string> lines)
    {
        var result = new System.Text.StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (result.Length == 0)
            {
                result.Append(line);
                continue;
            }

            var prev = result.ToString();
            if (prev.EndsWith('-') && prev.Length > 1 && char.IsLetter(prev[^2]) && !Conjunctions.Any(c => line.StartsWith(c, StringComparison.Ordinal)))
            {
                // 'stimu-' + 'leren' was cut at the margin; 'Wmo-' + 'voorzieningen' or 'VIPP-' + 'project' keeps its hyphen.
                var fragment = prev[(prev.LastIndexOf(' ') + 1)..];
                if (char.IsLower(line[0]) && !fragment.Any(c => char.IsUpper(c) || char.IsDigit(c)))
                {
                    result.Length--;
                }

                result.Append(line);
            }
            else
            {
                result.Append(' ').Append(line);
            }
        }

        return result.ToString();
    }
}
