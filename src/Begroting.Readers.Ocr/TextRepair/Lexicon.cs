using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Begroting.Readers.Ocr.TextRepair;

/// <summary>Dutch words, to tell an OCR confusion from a word: a pinned copy of Debian's word list and the budgets' own words, both shipped inside the tool.</summary>
/// <remarks>
/// The word list is Debian's wdutch 1:2.20.19-2 (OpenTaal, BSD or CC BY 3.0), embedded byte for byte
/// (Data/wdutch.txt.gz) and checked against <see cref="WordListSha256"/>, which enters the tool version: what is
/// repaired does not depend on whether or which list the machine has. The budgets' words that it lacks
/// (Data/budget-words.txt) are taken from the corpus's given text forms by corpus/tools/make_ocr_lexicon.py.
/// Both files are made by that script.
/// </remarks>
public static class Lexicon
{
    /// <summary>The SHA-256 of the embedded word list, uncompressed (Debian's /usr/share/dict/dutch of wdutch 1:2.20.19-2).</summary>
    public const string WordListSha256 = "2e5128e8e7f9a5bdfc427c784c839986b0df1386cc53aef90ed2df71644f3987";

    private static readonly Lazy<HashSet<string>> Words = new(Load);

    /// <summary>Whether the word is Dutch as far as the lists know; all-capital words (abbreviations) and words of fewer than three letters count as known.</summary>
    public static bool Knows(string word) =>
        word.Length < 3 || word.All(c => !char.IsLetter(c) || char.IsUpper(c)) || Words.Value.Contains(word.ToLowerInvariant());

    /// <summary>Whether the word list or the budgets' words have the word (abbreviations included only when listed).</summary>
    public static bool Lists(string word) => Words.Value.Contains(word.ToLowerInvariant());

    /// <summary>The SHA-256 of the word list as embedded, uncompressed: what <see cref="WordListSha256"/> pins.</summary>
    public static string EmbeddedWordListSha256() => Convert.ToHexStringLower(SHA256.HashData(WordList()));

    /// <summary>The word the OCR most likely misread, when exactly one confusion turns it into a known word.</summary>
    /// <param name="word">The word as read.</param>
    /// <param name="midLine">Whether words stand on both sides of it: a short piece at a line's start or end can be part of a word broken in another block ('heid', 'teit').</param>
    public static (string Word, string Reason)? Alternative(string word, bool midLine = false)
    {
        foreach (var (candidate, reason) in Candidates(word, WordRule.Value, WordStart.Value))
        {
            if (Words.Value.Contains(candidate.ToLowerInvariant()))
            {
                return (candidate, reason);
            }
        }

        // A space lost before a short function word ('batenen' for 'baten en'): a general split would cut compounds
        // the list lacks, so only these words are split off.
        // A plural the list lacks ('wachtlijsten') is no 'wachtlijst en': 'en' is split off only after a word that
        // ends in 'en' itself, which no Dutch plural does twice.
        foreach (var tail in FunctionWords.Where(t => word.Length > t.Length + 3 && word.EndsWith(t, StringComparison.Ordinal) && (t != "en" || word[..^2].EndsWith("en", StringComparison.Ordinal))))
        {
            if (Words.Value.Contains(word[..^tail.Length].ToLowerInvariant()))
            {
                return (word[..^tail.Length] + " " + tail, $"space lost before '{tail}'");
            }
        }

        // A space lost after a short function word ('ofgezin' for 'of gezin'), where the rest is a word of its own
        // of five letters or more: a shorter rest is more often the end of a word broken elsewhere ('delijk').
        foreach (var head in LeadingFunctionWords.Where(h => word.Length >= h.Length + 5 && word.StartsWith(h, StringComparison.Ordinal)))
        {
            if (Words.Value.Contains(word[head.Length..].ToLowerInvariant()))
            {
                return (head + " " + word[head.Length..], $"space lost after '{head}'");
            }
        }

        // Letters of nearly the same shape are confused less often: only when exactly one such change gives a
        // word, and the word is long enough that one change rarely turns one word into another.
        // Only the likeliest pairs in a shorter word, and only one with words on both sides ('huip' for 'hulp').
        if (word.Length >= 6 || (midLine && word.Length >= 4))
        {
            var known = Candidates(word, word.Length >= 6 ? ShapeRule.Value : ShortRule.Value, []).Where(c => Words.Value.Contains(c.Word.ToLowerInvariant())).DistinctBy(c => c.Word).ToList();
            if (known.Count == 1)
            {
                return known[0];
            }
        }

        return null;
    }

    private static IEnumerable<(string Word, string Reason)> Candidates(string word, IReadOnlyList<Confusion> confusions, IReadOnlyList<Confusion> atStart)
    {
        foreach (var c in atStart.Where(c => word.Length > 2 && word.StartsWith(c.Read, StringComparison.Ordinal)))
        {
            yield return (c.Meant + word[c.Read.Length..], c.Reason);
        }

        foreach (var c in confusions)
        {
            for (var i = word.IndexOf(c.Read, StringComparison.Ordinal); i >= 0; i = word.IndexOf(c.Read, i + 1, StringComparison.Ordinal))
            {
                yield return (word[..i] + c.Meant + word[(i + c.Read.Length)..], c.Reason);
            }
        }
    }

    // Not 'e' for 'ë' (the table has no such row): a diaeresis lost is rarer than the documents' own 'clienten'
    // and 'financiele', which are kept as printed.
    private static readonly Lazy<IReadOnlyList<Confusion>> WordRule = new(() => Confusions.For("word"));
    private static readonly Lazy<IReadOnlyList<Confusion>> WordStart = new(() => Confusions.For("word-start"));
    private static readonly Lazy<IReadOnlyList<Confusion>> ShapeRule = new(() => Confusions.For("shape"));
    private static readonly Lazy<IReadOnlyList<Confusion>> ShortRule = new(() => Confusions.For("short"));

    private static readonly string[] FunctionWords = ["en", "van", "het", "voor", "met", "tot", "op", "in"];

    private static readonly string[] LeadingFunctionWords = ["of", "en", "de", "het", "van", "in", "op", "te", "om", "met"];

    private static byte[] WordList()
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("wdutch.txt.gz")
            ?? throw new InvalidOperationException("wdutch.txt.gz is not embedded in the tool");
        using var unzipped = new GZipStream(stream, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        unzipped.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static HashSet<string> Load()
    {
        var list = WordList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(list));
        if (hash != WordListSha256)
        {
            throw new InvalidDataException($"the embedded word list has SHA-256 {hash}, the tool pins {WordListSha256}");
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(list).Split('\n'))
        {
            var word = line.Trim().ToLowerInvariant();
            words.Add(word);

            // An abbreviation the list writes with a stop ('incl.', 'resp.') is read as a word without it: known, so
            // that no confusion turns 'incl' into 'ind'. Not one of initials ('N.N.'): 'nn' is more often 'nu' misread.
            if (word.Length > 1 && word.IndexOf('.', StringComparison.Ordinal) == word.Length - 1)
            {
                words.Add(word[..^1]);
            }
        }

        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("budget-words.txt")
            ?? throw new InvalidOperationException("budget-words.txt is not embedded in the tool");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words;
    }
}
