using Begroting.Model.Text;

namespace Begroting.Readers.Ocr.TextRepair;

/// <summary>A pair of characters OCR reads for one another: what was read, what was meant, the rules that try it and the reason a repair by it records.</summary>
/// <param name="Read">The characters as read ('rn').</param>
/// <param name="Meant">The characters they stand for ('m').</param>
/// <param name="Rules">The rules that try the pair (see <see cref="Confusions"/>).</param>
/// <param name="Reason">What a word repair by the pair records; empty for pairs only the other rules use.</param>
public sealed record Confusion(string Read, string Meant, IReadOnlyList<string> Rules, string Reason);

/// <summary>The one table of OCR character confusions (Data/confusions.csv), read by every rule that undoes one.</summary>
/// <remarks>
/// A rule takes the rows that name it, in the order of the file (the first change that gives a word wins):
/// <c>word</c>, an unknown word that one change turns into a listed word is that word; <c>word-start</c>, the
/// same at a word's first letter only; <c>shape</c>, letters of nearly the same shape, only when exactly one
/// change gives a listed word of six letters or more; <c>short</c>, the same in a word of four or five letters
/// with words on both sides; <c>document</c>, a word read once that one change turns into a word or code read
/// several times in the same document; <c>number</c>, a letter read for a digit inside a number; <c>amount</c>,
/// the same only in what can be nothing but an amount; <c>digit</c>, a digit read for another, which the
/// arithmetic checks try on an amount whose sums fail. A new confusion is one row.
/// </remarks>
public static class Confusions
{
    private static readonly Lazy<IReadOnlyList<Confusion>> Rows = new(Load);

    public static IReadOnlyList<Confusion> All => Rows.Value;

    /// <summary>The pairs a rule tries, in the table's order.</summary>
    public static IReadOnlyList<Confusion> For(string rule) => All.Where(c => c.Rules.Contains(rule)).ToList();

    /// <summary>Digits an OCR engine reads for one another (closed or open loops, a missing or extra stroke): per digit read, the digits it may stand for.</summary>
    public static IReadOnlyDictionary<char, string> Digits => DigitTable.Value;

    /// <summary>The digit a letter read inside a number stands for (the table's 'number' rows: 'l' and 'I' for 1, 'O' for 0); the letter itself when none.</summary>
    public static string DigitFor(char letter) =>
        For("number").FirstOrDefault(c => c.Read == letter.ToString() && c.Meant.Length == 1 && char.IsDigit(c.Meant[0]))?.Meant ?? letter.ToString();

    private static readonly Lazy<IReadOnlyDictionary<char, string>> DigitTable = new(() =>
        For("digit").GroupBy(c => c.Read[0]).ToDictionary(g => g.Key, g => string.Concat(g.Select(c => c.Meant))));

    private static readonly HashSet<string> KnownRules = ["word", "word-start", "shape", "short", "document", "number", "amount", "digit"];

    public static IReadOnlyList<Confusion> Parse(string csv)
    {
        var records = Csv.Parse(csv).Where(r => r.Count > 1 || r[0].Length > 0).ToList();
        if (records.Count == 0 || !records[0].SequenceEqual(["read", "meant", "rules", "reason"]))
        {
            throw new InvalidDataException("confusions.csv: the header must be read,meant,rules,reason");
        }

        return records.Skip(1).Select((r, i) =>
        {
            var line = i + 2;
            if (r.Count != 4 || r[0].Length == 0 || r[1].Length == 0)
            {
                throw new InvalidDataException($"confusions.csv:{line}: expected read,meant,rules,reason with both characters given");
            }

            var rules = r[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (rules.Length == 0 || !rules.All(KnownRules.Contains))
            {
                throw new InvalidDataException($"confusions.csv:{line}: rules must be some of {string.Join(", ", KnownRules)}");
            }

            // Single characters only where a rule replaces one character by another.
            if (rules.Any(rule => rule is "digit" or "number" or "amount") && (r[0].Length != 1 || r[1].Length != 1))
            {
                throw new InvalidDataException($"confusions.csv:{line}: a {string.Join("/", rules)} confusion is one character for one");
            }

            return new Confusion(r[0], r[1], rules, r[3]);
        }).ToList();
    }

    private static IReadOnlyList<Confusion> Load()
    {
        using var stream = typeof(Confusions).Assembly.GetManifestResourceStream("confusions.csv")
            ?? throw new InvalidOperationException("confusions.csv is not embedded in the tool");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
