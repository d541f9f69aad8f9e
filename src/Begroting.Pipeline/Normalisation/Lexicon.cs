namespace Begroting.Pipeline.Normalisation;

/// <summary>Dutch words, to tell an OCR confusion from a word: Debian's word list (wdutch) and the budgets' own vocabulary.</summary>
/// <remarks>Without the word list (not installed) no word is repaired; quotes and figures still are.</remarks>
internal static class Lexicon
{
    private const string WordList = "/usr/share/dict/nederlands";

    // Words of the budgets that a general word list lacks.
    private static readonly string[] Vocabulary =
    [
        "wmo", "swt", "swt's", "jgt", "jgt's", "ggd", "rdog", "ggz", "oggz", "coa", "brp", "bbv", "jogg", "vipp", "kcc",
        "stadsenquête", "veiligheidsmonitor", "effectindicator", "effectindicatoren", "streefwaarde", "streefwaarden",
        "programmabegroting", "jaarstukken", "beleidsterrein", "beleidssterrein", "prestatie", "prestaties", "mantelzorg",
        "mantelzorgers", "statushouders", "huisuitzettingen", "binnenvest", "meerjarenraming", "leidenaren", "leiden",
        // Abbreviations the documents write with a stop, which a confusion would otherwise turn into a word ('incl' -> 'ind').
        "incl", "excl", "resp", "bijv", "evt", "ivm", "mbt", "tav", "nvt",
    ];

    private static readonly Lazy<HashSet<string>> Words = new(() =>
    {
        var words = new HashSet<string>(Vocabulary, StringComparer.Ordinal);
        if (File.Exists(WordList))
        {
            foreach (var line in File.ReadLines(WordList))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words;
    });

    /// <summary>Whether the word is Dutch as far as the list knows; all-capital words (abbreviations) count as known.</summary>
    public static bool Knows(string word) =>
        word.Length < 3 || word.All(c => !char.IsLetter(c) || char.IsUpper(c)) || Words.Value.Contains(word.ToLowerInvariant());

    /// <summary>Whether the word list or the vocabulary has the word (abbreviations included only when listed).</summary>
    public static bool Lists(string word) => Words.Value.Contains(word.ToLowerInvariant());

    /// <summary>The word the OCR most likely misread, when exactly one confusion turns it into a known word.</summary>
    /// <param name="word">The word as read.</param>
    /// <param name="midLine">Whether words stand on both sides of it: a short piece at a line's start or end can be part of a word broken in another block ('heid', 'teit').</param>
    public static (string Word, string Reason)? Alternative(string word, bool midLine = false)
    {
        if (Words.Value.Count <= Vocabulary.Length)
        {
            return null;
        }

        foreach (var (candidate, reason) in Candidates(word, Confusions))
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
        // Only i and l, the likeliest pair, in a shorter word, and only one with words on both sides ('huip' for 'hulp').
        if (word.Length >= 6 || (midLine && word.Length >= 4))
        {
            var known = Candidates(word, word.Length >= 6 ? ShapeConfusions : LetterIAndL).Where(c => Words.Value.Contains(c.Word.ToLowerInvariant())).DistinctBy(c => c.Word).ToList();
            if (known.Count == 1)
            {
                return known[0];
            }
        }

        return null;
    }

    private static IEnumerable<(string Word, string Reason)> Candidates(string word, (string From, string To, string Reason)[] confusions)
    {
        if (confusions == Confusions && word.StartsWith('l') && word.Length > 2)
        {
            yield return ("I" + word[1..], "l read for I at a word start (ledereen)");
        }

        foreach (var (from, to, reason) in confusions)
        {
            for (var i = word.IndexOf(from, StringComparison.Ordinal); i >= 0; i = word.IndexOf(from, i + 1, StringComparison.Ordinal))
            {
                yield return (word[..i] + to + word[(i + from.Length)..], reason);
            }
        }
    }

    // Not 'e' for 'ë': a diaeresis lost is rarer than the documents' own 'clienten' and 'financiele', which are
    // kept as printed.
    private static readonly (string From, string To, string Reason)[] Confusions =
    [
        ("é", "ë", "é read for ë (financiële, cliënten)"),
        ("é", "ê", "é read for ê (enquête)"),
        ("ü", "ti", "the ligature ti read as ü (Begroüng)"),
        ("rn", "m", "rn read for m"),
        ("m", "rn", "m read for rn"),
        ("cl", "d", "cl read for d"),
        ("vv", "w", "vv read for w"),
        ("1", "l", "1 read for l inside a word"),
        ("0", "o", "0 read for o inside a word"),
    ];

    private static readonly string[] FunctionWords = ["en", "van", "het", "voor", "met", "tot", "op", "in"];

    private static readonly string[] LeadingFunctionWords = ["of", "en", "de", "het", "van", "in", "op", "te", "om", "met"];

    private static readonly (string From, string To, string Reason)[] ShapeConfusions =
    [
        ("i", "l", "i read for l"),
        ("l", "i", "l read for i"),
        ("t", "l", "t read for l"),
        ("l", "t", "l read for t"),
        ("c", "e", "c read for e"),
        ("e", "c", "e read for c"),
        ("n", "u", "n read for u"),
        ("u", "n", "u read for n"),
        ("l", "ll", "ll read as one l"),
        ("t", "tt", "tt read as one t"),
    ];

    private static readonly (string From, string To, string Reason)[] LetterIAndL = ShapeConfusions.Where(c => c.From is "i" or "l" && c.To is "i" or "l").ToArray();
}
