using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Begroting.Model.Canonical;
using Begroting.Model.Layout;
using Begroting.Model.Text;

namespace Begroting.Readers.Ocr.TextRepair;

/// <summary>Repairs the text of blocks laid out from recognised pages (those whose source carries a confidence), so that the layout holds what the page printed.</summary>
/// <remarks>
/// Each repair is recorded with what was read, what it became, why and where, and lowers the confidence of the
/// text it touched. Words are repaired only towards a word of the <see cref="Lexicon"/>, never away from one: a
/// name the lists do not know stays as it was read. The characters it undoes are those of <see cref="Confusions"/>.
/// </remarks>
public static partial class RecognisedText
{
    private const double RepairedConfidence = 0.9;

    /// <summary>The layout with its recognised text repaired and the repairs recorded in it; a layout without recognised text as it was.</summary>
    public static LayoutDocument Repair(LayoutDocument layout)
    {
        var repairs = new List<Repair>();
        var blocks = Repair(layout.Blocks, repairs);
        return repairs.Count == 0 ? layout : layout with { Blocks = blocks, Repairs = [.. layout.Repairs, .. repairs] };
    }

    /// <summary>A layout whose whole text an OCR made before it was given (a scan's text handed over as a file), repaired as recognised text is.</summary>
    /// <remarks>The text keeps no confidence: none was given, and its values pass for given ones.</remarks>
    public static LayoutDocument RepairGiven(LayoutDocument layout)
    {
        var repaired = Repair(layout with { Blocks = layout.Blocks.Select(b => WithConfidence(b, 1.0)).ToList() });
        return repaired with { Blocks = repaired.Blocks.Select(b => WithConfidence(b, null)).ToList() };
    }

    private static Block WithConfidence(Block block, double? confidence)
    {
        SourceRef S(SourceRef s) => s with { Confidence = confidence };
        return block switch
        {
            Table t => t with
            {
                Source = S(t.Source),
                Rows = t.Rows.Select(r => r with { Source = S(r.Source), Cells = r.Cells.Select(c => c with { Source = S(c.Source) }).ToList() }).ToList(),
                Caption = t.Caption is { } caption ? caption with { Source = S(caption.Source) } : null,
            },
            _ => block with { Source = S(block.Source) },
        };
    }

    public static IReadOnlyList<Block> Repair(IReadOnlyList<Block> blocks, List<Repair> repairs)
    {
        if (!blocks.Any(Recognised))
        {
            return blocks;
        }

        // Words of this document read more than once: a word read once that differs from one of them by a single
        // confusion ('F9' beside three 'P9') is that word.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in blocks.Where(Recognised).SelectMany(TextsOf))
        {
            foreach (Match token in Token().Matches(text))
            {
                counts[token.Value] = counts.GetValueOrDefault(token.Value) + 1;
            }
        }

        var result = new List<Block>(blocks.Count);
        foreach (var block in blocks)
        {
            result.Add(block switch
            {
                Table table => RepairTable(table, counts, repairs),
                Paragraph p when p.Source.Confidence is not null => Text(p.Lines, p.Source, counts, repairs) is var (lines, source) ? p with { Lines = lines, Source = source } : p,
                Heading h when h.Source.Confidence is not null => Text([h.Text], h.Source, counts, repairs) is var (lines, source) ? h with { Text = lines[0], Source = source } : h,
                ListItem li when li.Source.Confidence is not null => Text([li.Text], li.Source, counts, repairs) is var (lines, source) ? li with { Text = lines[0], Source = source } : li,
                _ => block,
            });
        }

        return result;
    }

    private static IEnumerable<string> TextsOf(Block block) => block switch
    {
        Table t => t.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Lines),
        Paragraph p => p.Lines,
        Heading h => [h.Text],
        ListItem li => [li.Text],
        _ => [],
    };

    private static bool Recognised(Block block) => block.Source.Confidence is not null
        || (block is Table t && t.Rows.Any(r => r.Cells.Any(c => c.Source.Confidence is not null)));

    private static Table RepairTable(Table table, Dictionary<string, int> vocabulary, List<Repair> repairs)
    {
        var rows = table.Rows.Select((row, r) => row with
        {
            Cells = row.Cells.Select((cell, c) =>
            {
                if (cell.Source.Confidence is null || cell.Lines.Count == 0)
                {
                    return cell;
                }

                var (lines, source) = Text(cell.Lines, cell.Source with { Path = $"table/row={r + 1}/col={c + 1}" }, vocabulary, repairs);

                // A comma read as a stop inside a cell's sentence ('in huiselijke kring. het stoppen'): a cell holds
                // one sentence, so after a listed word (not an abbreviation such as 'resp.') a small letter goes on.
                // Not in prose, where a page in two columns read as one runs sentences together ('. afsluit').
                var cellWhere = source.ToString();
                lines = lines.Select(line => Replace(line, StopBeforeSmallLetter(), m => Lexicon.Lists(m.Groups["word"].Value) ? m.Groups["word"].Value + ", " : m.Value, "comma read as a stop in a cell (a small letter follows)", cellWhere, repairs)).ToList();
                if (c == 0)
                {
                    // Row labels abbreviate ('soc.-maatsch. En cult. Voorz'): a comma after a short lower-case word and
                    // before a capital is the stop of an abbreviation, as a list in a label would not capitalise.
                    var where = (source with { Path = $"table/row={r + 1}/col=1" }).ToString();
                    lines = lines.Select(line => Replace(line, AbbreviationComma(), _ => ".", "stop of an abbreviation read as a comma", where, repairs)).ToList();
                }

                return new Cell(lines, source with { Path = cell.Source.Path }, cell.IsHeader);
            }).ToList(),
        }).ToList();
        return table with { Rows = RepairCodes(RepairFigures(YearRuns(SplitColumns(rows, table.Source, repairs), repairs), repairs), repairs) };
    }

    private static (IReadOnlyList<string> Lines, SourceRef Source) Text(IReadOnlyList<string> lines, SourceRef source, Dictionary<string, int> vocabulary, List<Repair> repairs)
    {
        var before = repairs.Count;
        var where = source.ToString();
        var repaired = LostHyphens(lines.Select((line, i) => RepairLine(line, where, vocabulary, repairs, Broken(lines, i))).ToList(), where, repairs);
        return (repaired, repairs.Count > before ? source with { Confidence = source.Confidence * RepairedConfidence } : source);
    }

    /// <summary>A hyphen at a line end the recogniser did not see ('verschil' / 'lende'): the next line starts with a piece that is no word, and the two make a listed word.</summary>
    /// <remarks>
    /// Only a piece that is no word of its own tells a broken word: where both pieces are words ('blijven thuis' /
    /// 'wonen', 'een cirkel' / 'rond', but also 'succes' / 'factor') the list cannot say whether the line ran on
    /// or a word was broken, and the lines are left as read. The hyphen is put back, so that the lines are
    /// joined as any word broken at a line end is.
    /// </remarks>
    internal static List<string> LostHyphens(List<string> lines, string where, List<Repair> repairs)
    {
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (LineEndWord().Match(lines[i]) is not { Success: true } end || LineStartWord().Match(lines[i + 1]) is not { Success: true } start)
            {
                continue;
            }

            var (first, second) = (end.Value, start.Groups["word"].Value);
            if (first.Length < 4 || second.Length < 4 || Lexicon.Lists(second) || !Lexicon.Lists(first + second))
            {
                continue;
            }

            repairs.Add(new Repair(first, first + "-", $"hyphen lost at a line end ('{first + second}' is one word, broken at the margin)", where));
            lines[i] = lines[i] + "-";
        }

        return lines;
    }


    /// <summary>The pieces of words broken at this line's ends: the head the line above ends with ('activi-') and the tail the line below starts with.</summary>
    private static (string? Head, string? Tail) Broken(IReadOnlyList<string> lines, int i)
    {
        string? Head(int at) => at >= 0 && at + 1 < lines.Count && BrokenEnd().Match(lines[at]) is { Success: true } m ? m.Groups["head"].Value : null;
        string? Tail(int at) => at < lines.Count && LineStartWord().Match(lines[at]) is { Success: true } m ? m.Groups["word"].Value : null;
        var head = Head(i - 1);
        var tail = Head(i) is not null ? Tail(i + 1) : null;
        return (head, tail);
    }

    private static string RepairLine(string line, string where, Dictionary<string, int> vocabulary, List<Repair> repairs, (string? Head, string? Tail) broken = default)
    {
        // Tesseract cannot tell a straight quote from a curly one; the documents set straight ones.
        var text = Replace(line, CurlyQuote(), m => m.Value is "‘" or "’" or "‚" ? "'" : "\"", "typographic quote read for a straight one", where, repairs);
        // The two hyphens closing a round amount ('€ 43.500.000,--') run together into one long dash.
        text = Replace(text, DashedAmount(), _ => ",--", "two hyphens after an amount read as one long dash", where, repairs);

        // A speck before the first word of a line reads as an apostrophe with no quote closing it.
        text = Replace(text, LeadingSpeck(), m => text.IndexOf('\'', m.Length) < 0 ? string.Empty : m.Value, "speck read as an apostrophe", where, repairs);

        // A speck alone between words reads as a stop, colon or quote; a space before '(2015)' is lost.
        text = Replace(text, LoneSpeck(), _ => string.Empty, "speck read as punctuation", where, repairs);
        text = Replace(text, YearWithoutSpace(), m => " " + m.Value, "space lost before a year in brackets", where, repairs);

        // What is left of a cell border reads as '_' or '|' beside a word.
        text = Replace(text, RuleRemnant(), _ => string.Empty, "remnant of a ruling line read as a character", where, repairs);

        // A raised footnote marker ('dagen*', '19% (2017)*') comes out as a quote glued to the end of a word with no
        // quote opened before it; how many stars it had cannot be read, one per mark is kept.
        var quoted = text;
        text = Replace(text, GluedMarker(), m => quoted[..m.Index].Count(ch => ch == '"') % 2 == 1 ? m.Value : new string('*', m.Value.Length), "footnote marker read as a quote", where, repairs);
        quoted = text;
        text = Replace(text, GluedApostrophe(), m => quoted[..m.Index].Count(ch => ch == '\'') % 2 == 1 ? m.Value : "*", "footnote marker read as an apostrophe", where, repairs);

        // A marker in front of a header ('** Effectindicator') reads as an opening quote that nothing closes.
        quoted = text;
        text = Replace(text, LeadingMarker(), m => quoted.Count(ch => ch == '"') == m.Value.Length ? new string('*', m.Value.Length) : m.Value, "footnote marker read as a quote", where, repairs);

        // A minus before a figure alone in a cell reads as a low quote, a quote or a tilde ('„60' for '-60').
        text = Replace(text, MinusAsQuote(), _ => "-", "minus sign read as a quote or tilde", where, repairs);

        // A closing quote reads as '!' ('serieus!' where a quote was opened and not closed).
        quoted = text;
        text = Replace(text, QuoteAsExclamation(), m => quoted[..m.Index].Count(ch => ch == '\'') % 2 == 1 ? "'" : m.Value, "closing quote read as '!'", where, repairs);

        // The stop in a code ('9B2.1', '9A1.b') reads as a comma or colon.
        text = Replace(text, CodeStop(), m => m.Groups["code"].Value + ".", "stop in a code read as a comma or colon", where, repairs);
        text = Replace(text, InsideNumbers.Value.Pattern, m => InsideNumbers.Value.Undo(m.Value), InsideNumbers.Value.Reason, where, repairs);

        // An 'A' for a '4' only in what can be nothing but an amount (a minus or thousands groups): '9A1' is a code.
        text = Replace(text, InsideAmounts.Value.Pattern, m => InsideAmounts.Value.Undo(m.Value), InsideAmounts.Value.Reason, where, repairs);
        text = Token().Replace(text, m =>
        {
            if (vocabulary.GetValueOrDefault(m.Value) != 1)
            {
                return m.Value;
            }

            // A word the list knows stays, unless one confusion makes it a code (letters and digits) that stands
            // elsewhere in the document ('Po' once beside 'P9' in the other reserves' names).
            var listed = Lexicon.Lists(m.Value);
            foreach (var (from, to, _, _) in DocumentConfusions.Value)
            {
                for (var i = m.Value.IndexOf(from, StringComparison.Ordinal); i >= 0; i = m.Value.IndexOf(from, i + 1, StringComparison.Ordinal))
                {
                    var candidate = m.Value[..i] + to + m.Value[(i + from.Length)..];
                    if ((!listed || (candidate.Any(char.IsAsciiDigit) && candidate.Any(char.IsLetter))) && vocabulary.GetValueOrDefault(candidate) >= 2)
                    {
                        repairs.Add(new Repair(m.Value, candidate, $"'{from}' read for '{to}' ('{candidate}' stands elsewhere in the document)", where));
                        return candidate;
                    }
                }
            }

            return m.Value;
        });
        return Word().Replace(text, m =>
        {
            var word = m.Value;

            // A piece of a word broken at the line end is no word ('activi-' / 'teiten'): it is judged whole.
            var whole = m.Index == 0 && broken.Head is { } head ? head + word
                : m.Index + m.Length == text.Length - 1 && text.EndsWith('-') && broken.Tail is { } tail ? word + tail
                : null;
            if (whole is not null && Lexicon.Lists(whole))
            {
                return word;
            }

            var midLine = m.Index > 0 && text[(m.Index + m.Length)..].Any(char.IsLetterOrDigit);
            if (Lexicon.Knows(word) || Lexicon.Alternative(word, midLine) is not { } alternative)
            {
                return word;
            }

            repairs.Add(new Repair(word, alternative.Word, alternative.Reason, where));
            return alternative.Word;
        });
    }

    /// <summary>Figures a row or column shows how to read: a thousands separator lost ('9428' among '9.428' and '10.012'), a decimal comma lost ('60' among '6,0' and '6,1').</summary>
    private static List<TableRow> RepairFigures(List<TableRow> rows, List<Repair> repairs)
    {
        var result = rows.Select(r => r.Cells.ToList()).ToList();

        // A table of amounts that groups thousands with '.' and has no figure with decimals: a comma in it is a '.'.
        var figures = result.SelectMany(row => row).Select(Single).Where(t => t is not null).Cast<string>().ToList();
        var groupsThousands = figures.Count(t => Grouped().IsMatch(t)) >= 3 && !figures.Any(t => OneDecimal().IsMatch(t) || TwoDecimals().IsMatch(t));
        for (var r = 0; r < result.Count; r++)
        {
            for (var c = 0; c < result[r].Count; c++)
            {
                var cell = result[r][c];
                if (cell.Source.Confidence is null || cell.Lines.Count != 1)
                {
                    continue;
                }

                if (CommaGrouped().IsMatch(cell.Lines[0]) && (groupsThousands || result.Count(row => c < row.Count && Single(row[c]) is { } t && Grouped().IsMatch(t)) >= 2))
                {
                    var grouped = cell.Lines[0].Replace(',', '.');
                    repairs.Add(new Repair(cell.Lines[0], grouped, "comma read for the thousands separator (the table groups its figures with '.' and has no decimals)", cell.Source.ToString()));
                    result[r][c] = new Cell([grouped], cell.Source with { Confidence = cell.Source.Confidence * RepairedConfidence }, cell.IsHeader);
                    continue;
                }

                // A decimal comma read as a stop ('5.9 (2016)' beside '5,8 (2014)'): one digit after a stop is no
                // thousands group, so among one-decimal figures it is the comma.
                var rowFigures = result[r].Select(Single).Where(t => t is not null).Cast<string>().ToList();
                if (StopDecimal().IsMatch(cell.Lines[0]) && rowFigures.Sum(t => OneDecimal().Count(t)) >= 2)
                {
                    var fixedLine = Replace(cell.Lines[0], StopDecimal(), m => m.Value.Replace('.', ','), "decimal comma read as a stop (the row's other figures have a decimal comma)", cell.Source.ToString(), repairs);
                    result[r][c] = cell = new Cell([fixedLine], cell.Source with { Confidence = cell.Source.Confidence * RepairedConfidence }, cell.IsHeader);
                }

                // A lone '0' read as the letter ('o'), in a column of figures.
                if (cell.Lines[0] is "o" or "O" && result.Count(row => c < row.Count && Single(row[c]) is { } t && FigureLike().IsMatch(t)) >= 2)
                {
                    repairs.Add(new Repair(cell.Lines[0], "0", "letter o read for a lone 0 (the column's other cells are figures)", cell.Source.ToString()));
                    result[r][c] = new Cell(["0"], cell.Source with { Confidence = cell.Source.Confidence * RepairedConfidence }, cell.IsHeader);
                    continue;
                }

                if (!BareInteger().IsMatch(cell.Lines[0]))
                {
                    continue;
                }

                var text = cell.Lines[0];
                var digits = text.TrimStart('-');
                string? repaired = null;
                string? reason = null;
                var column = result.Select(row => c < row.Count ? Single(row[c]) : null).Where(t => t is not null).Cast<string>().ToList();
                var row = result[r].Select(Single).Where(t => t is not null).Cast<string>().ToList();
                // A four-digit figure that could be a year (a column header) is left alone.
                var year = digits.Length == 4 && digits[..2] is "19" or "20";
                if (digits.Length >= 4 && !year && (groupsThousands || column.Count(t => Grouped().IsMatch(t)) >= 2))
                {
                    repaired = (text.StartsWith('-') ? "-" : string.Empty) + Group(digits);
                    reason = "thousands separator lost by OCR (the table groups its figures with '.')";
                }
                else if (digits.Length is 2 or 3 && row.Sum(t => OneDecimal().Count(t)) >= 2)
                {
                    var candidate = decimal.Parse(digits[..^1] + "." + digits[^1..], CultureInfo.InvariantCulture);
                    var others = row.SelectMany(t => OneDecimal().Matches(t)).Select(m => decimal.Parse(m.Value.Replace(',', '.'), CultureInfo.InvariantCulture)).ToList();
                    if (candidate >= others.Min() / 2 && candidate <= others.Max() * 2)
                    {
                        repaired = (text.StartsWith('-') ? "-" : string.Empty) + digits[..^1] + "," + digits[^1..];
                        reason = "decimal comma lost by OCR (the row's other figures have one decimal)";
                    }
                }

                if (repaired is not null)
                {
                    repairs.Add(new Repair(text, repaired, reason!, cell.Source.ToString()));
                    result[r][c] = new Cell([repaired], cell.Source with { Confidence = cell.Source.Confidence * RepairedConfidence }, cell.IsHeader);
                }
            }
        }

        return rows.Select((row, i) => row with { Cells = result[i] }).ToList();
    }

    private static readonly Lazy<IReadOnlyList<Confusion>> DocumentConfusions = new(() => Confusions.For("document"));

    /// <summary>A column a ruling line read inside it cut in two ('2021 | | 022' over '89% | - | | 86%'): two neighbouring columns of figures that no row fills both of are one.</summary>
    /// <remarks>A real column has its header, its year or its figure in every row where its neighbour has one too, if only in the row of years; a blur-made line splits one column's cells between two.</remarks>
    private static List<TableRow> SplitColumns(List<TableRow> rows, SourceRef source, List<Repair> repairs)
    {
        var result = rows.Select(r => r.Cells.ToList()).ToList();
        bool Filled(List<Cell> row, int c) => c < row.Count && !row[c].IsEmpty;
        bool Figure(Cell cell) => cell.Source.Confidence is not null && Single(cell) is { } t && (FigureLike().IsMatch(t) || t is "-" or "nnb");
        for (var c = result.Count == 0 ? 0 : result.Max(r => r.Count) - 2; c >= 1; c--)
        {
            var left = result.Where(row => Filled(row, c)).ToList();
            var right = result.Where(row => Filled(row, c + 1)).ToList();
            if (left.Count == 0 || right.Count == 0 || result.Any(row => Filled(row, c) && Filled(row, c + 1))
                || !left.Concat(right).All(row => Figure(row[Filled(row, c) ? c : c + 1])))
            {
                continue;
            }

            repairs.Add(new Repair($"columns {c + 1} and {c + 2}", $"column {c + 1}", "one column cut in two by a line the scan showed inside it (no row has figures in both)", source.ToString()));
            foreach (var row in result.Where(row => row.Count > c + 1))
            {
                if (!Filled(row, c))
                {
                    row[c] = row[c + 1];
                }

                row.RemoveAt(c + 1);
            }
        }

        return rows.Select((row, i) => row with { Cells = result[i] }).ToList();
    }

    /// <summary>A year in a run of years that lost its first digit against a cell border ('2021 | 022 | 023'): the year beside it says which it is.</summary>
    private static List<TableRow> YearRuns(List<TableRow> rows, List<Repair> repairs)
    {
        var result = rows.Select(r => r.Cells.ToList()).ToList();
        // Only a row of years and such pieces: a '999' among amounts beside a '2000' is an amount.
        foreach (var cells in result.Where(cells => cells.Select(Single).All(t => t is null || !FigureLike().IsMatch(t) || Year().IsMatch(t.Trim()) || ThreeDigits().IsMatch(t))))
        {
            int? YearAt(int c) => c >= 0 && c < cells.Count && Single(cells[c]) is { } t && Year().IsMatch(t.Trim()) ? int.Parse(t, CultureInfo.InvariantCulture) : null;
            foreach (var step in new[] { -1, 1 })
            {
                for (var k = 0; k < cells.Count; k++)
                {
                    var c = step == -1 ? k : cells.Count - 1 - k;
                    var cell = cells[c];
                    if (cell.Source.Confidence is null || Single(cell) is not { } text || !ThreeDigits().IsMatch(text) || YearAt(c + step) is not { } beside)
                    {
                        continue;
                    }

                    var year = beside - step;
                    if (year % 1000 != int.Parse(text, CultureInfo.InvariantCulture))
                    {
                        continue;
                    }

                    var repaired = year.ToString(CultureInfo.InvariantCulture);
                    repairs.Add(new Repair(text, repaired, $"first digit of a year lost at a cell border (the year beside it is {beside})", cell.Source.ToString()));
                    cells[c] = new Cell([repaired], cell.Source with { Confidence = cell.Source.Confidence * RepairedConfidence }, cell.IsHeader);
                }
            }
        }

        return rows.Select((row, i) => row with { Cells = result[i] }).ToList();
    }

    /// <summary>Indicator codes the OCR damaged ('9ALe', '9QA1.b', '9A1:c'), repaired when the codes of the rows around them say which code stands there.</summary>
    /// <remarks>Codes run in order down a table (9A1.a, 9A1.b, ...): a first word within two characters of the code the row before or after implies is that code.</remarks>
    private static List<TableRow> RepairCodes(List<TableRow> rows, List<Repair> repairs)
    {
        string? CodeOf(TableRow row) => row.Cells.Count > 0 && row.Cells[0].Lines.Count > 0 && IndicatorLine().Match(row.Cells[0].Text) is { Success: true } m ? m.Groups["code"].Value : null;
        var result = rows.ToList();

        // Row i with its code cell read as 'text', surer of it by the repair's share.
        void Repaired(int i, string text)
        {
            var cells = result[i].Cells.ToList();
            cells[0] = new Cell([text], cells[0].Source with { Confidence = cells[0].Source.Confidence * RepairedConfidence }, cells[0].IsHeader);
            result[i] = result[i] with { Cells = cells };
        }

        // A code whose goal number has a letter read for a digit ('7Bl.a', '9AI.b'): only digits stand there, and the
        // confusions say which digit each letter is read for; a code alone in its table has no neighbours to ask.
        for (var i = 0; i < result.Count; i++)
        {
            var row = result[i];
            if (row.Cells.Count == 0 || row.Cells[0].Source.Confidence is null || row.Cells[0].Lines.Count == 0 || CodeOf(row) is not null
                || LetteredCode().Match(row.Cells[0].Text) is not { Success: true } m)
            {
                continue;
            }

            var goal = string.Concat(m.Groups["goal"].Value.Select(c => char.IsDigit(c) ? c.ToString() : Confusions.DigitFor(c)));
            var expected = m.Groups["area"].Value + goal + m.Groups["item"].Value;
            var text = row.Cells[0].Text;
            var repaired = expected + text[m.Groups["code"].Length..];
            if (goal.All(char.IsDigit) && IndicatorLine().IsMatch(repaired))
            {
                repairs.Add(new Repair(m.Groups["code"].Value, expected, "indicator code with a letter read for a digit of its goal number", row.Cells[0].Source.ToString()));
                Repaired(i, repaired);
            }
        }

        // The first row with a code from 'from' on in the direction of 'step', or -1.
        int NearestCoded(int from, int step)
        {
            for (var j = from; j >= 0 && j < result.Count; j += step)
            {
                if (CodeOf(result[j]) is not null)
                {
                    return j;
                }
            }

            return -1;
        }

        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = 0; k < result.Count; k++)
            {
                var i = pass == 0 ? k : result.Count - 1 - k;
                var row = result[i];
                if (row.Cells.Count == 0 || row.Cells[0].Source.Confidence is null || row.Cells[0].Lines.Count == 0 || CodeOf(row) is not null)
                {
                    continue;
                }

                // The nearest row with a code, before (first pass) or after (second pass), and the code it implies here.
                var step = pass == 0 ? -1 : 1;
                var j = NearestCoded(i + step, step);

                if (j < 0 || j >= result.Count || CodeOf(result[j]) is not { } near || Math.Abs(j - i) > 3)
                {
                    continue;
                }

                var letter = (char)(near[^1] - (step * Math.Abs(j - i)));
                if (letter is < 'a' or > 'z')
                {
                    continue;
                }

                var expected = near[..^1] + letter;
                var text = row.Cells[0].Text;
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                if (space <= 0)
                {
                    continue;
                }

                // Between two rows whose codes both imply this one ('Cic' between 9C1.b and 9C1.d), a word further off
                // still is it, as long as it is no longer than the code.
                var first = text[..space];
                var other = NearestCoded(i - step, -step);

                var sandwiched = other >= 0 && other < result.Count && CodeOf(result[other]) is { } far && far[..^1] == near[..^1]
                    && far[^1] == (char)(letter - (step * Math.Abs(other - i)));
                if (EditDistance.Between(first, expected) <= 2 || (sandwiched && first.Length <= expected.Length && EditDistance.Between(first, expected) <= 3))
                {
                    var repaired = expected + text[space..];
                    repairs.Add(new Repair(first, expected, $"indicator code damaged by OCR; the code of the row {(pass == 0 ? "before" : "after")} it ({near}) gives {expected}", row.Cells[0].Source.ToString()));
                    Repaired(i, repaired);
                }
            }
        }

        return result;
    }

    private static string? Single(Cell cell) => cell.Lines.Count == 1 ? cell.Lines[0] : null;

    private static string Group(string digits)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                sb.Append('.');
            }

            sb.Append(digits[i]);
        }

        return sb.ToString();
    }

    private static string Replace(string text, Regex pattern, Func<Match, string> fix, string reason, string where, List<Repair> repairs) =>
        pattern.Replace(text, m =>
        {
            var repaired = fix(m);
            if (repaired != m.Value)
            {
                repairs.Add(new Repair(m.Value, repaired, reason, where));
            }

            return repaired;
        });

    [GeneratedRegex(@"(?<=\d),—(?=[\s.;:)]|$)")]
    private static partial Regex DashedAmount();

    [GeneratedRegex(@"(?<=(?:^|\s))\p{Ll}+$")]
    private static partial Regex LineEndWord();

    // An indicator code at a row's start ('9A1.a Schaalscore'): the shape of the documents' codes.
    [GeneratedRegex(@"^(?<code>\d{1,2}[A-Z]\d{1,2}\.[a-z]{1,2})\s+(?<name>\S.*)$")]
    private static partial Regex IndicatorLine();

    [GeneratedRegex(@"^(?<code>(?<area>\d{1,2}[A-Z])(?<goal>[0-9lIO]*[lIO][0-9lIO]*)(?<item>\.[a-z]{1,2}))\s")]
    private static partial Regex LetteredCode();

    [GeneratedRegex(@"^(?:19|20)\d{2}$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex ThreeDigits();

    [GeneratedRegex(@"^-?[\d.,]+%?\**$")]
    private static partial Regex FigureLike();

    [GeneratedRegex(@"(?<=(?:^|\s))(?<head>\p{L}+)-$")]
    private static partial Regex BrokenEnd();

    [GeneratedRegex(@"^(?<word>\p{Ll}+)(?=[\s.,;:)]|$)")]
    private static partial Regex LineStartWord();

    [GeneratedRegex(@"(?<=[\p{L}\d)%])""+(?=\**(?:\s|$))")]
    private static partial Regex GluedMarker();


    [GeneratedRegex(@"(?<=(?:^|\s)\p{Ll}{2,6}),(?=\s\p{Lu})")]
    private static partial Regex AbbreviationComma();

    [GeneratedRegex(@"^[„""“~](?=\d[\d.,]*$)")]
    private static partial Regex MinusAsQuote();

    [GeneratedRegex(@"(?<=\p{L})!(?=\s*$)")]
    private static partial Regex QuoteAsExclamation();

    [GeneratedRegex(@"(?<=(?:^|\s))(?<word>\p{Ll}{3,})\. (?=\p{Ll}{2,})")]
    private static partial Regex StopBeforeSmallLetter();

    [GeneratedRegex(@"(?<=[\d)%])'(?=\**(?:\s|$))")]
    private static partial Regex GluedApostrophe();

    [GeneratedRegex(@"^""+(?=\s*\p{Lu})")]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<code>\d{1,2}[A-Z]\d{1,2})[,:;](?=[a-z\d](?![\p{L}\d]))")]
    private static partial Regex CodeStop();

    [GeneratedRegex(@"(?<=^|\s)[_|]+(?=\S)|(?<=\S)[_|]+(?=\s|$)|(?<=^|\s)[_|]+(?=\s|$)")]
    private static partial Regex RuleRemnant();

    [GeneratedRegex(@"(?<=\S)\s+[:;.,'`](?=\s|$)")]
    private static partial Regex LoneSpeck();

    [GeneratedRegex(@"(?<=\d%?)\((?=(?:19|20)\d{2}\))")]
    private static partial Regex YearWithoutSpace();

    [GeneratedRegex(@"^-?\d{1,3},\d{3}$")]
    private static partial Regex CommaGrouped();

    [GeneratedRegex(@"^'(?=\p{Lu})")]
    private static partial Regex LeadingSpeck();

    [GeneratedRegex("[‘’‚“”„]")]
    private static partial Regex CurlyQuote();

    /// <summary>Letters read for digits, the pattern of what they can stand in and how they are undone.</summary>
    private sealed record DigitLetters(Regex Pattern, Func<string, string> Undo, string Reason)
    {
        public static DigitLetters Of(string rule, Func<string, string> pattern)
        {
            var pairs = Confusions.For(rule);
            var letters = string.Concat(pairs.Select(c => c.Read));
            var map = pairs.ToDictionary(c => c.Read[0], c => c.Meant[0]);
            return new DigitLetters(
                new Regex(pattern(Regex.Escape(letters)), RegexOptions.CultureInvariant),
                text => string.Concat(text.Select(ch => map.GetValueOrDefault(ch, ch))),
                pairs.Select(c => c.Reason).Distinct().Single());
        }
    }

    // A number with a letter that looks like a digit inside it: '1O0', '2O15', '1l'.
    private static readonly Lazy<DigitLetters> InsideNumbers = new(() => DigitLetters.Of("number", l => $@"(?<![\p{{L}}\d])(?=[\d{l}.,]*\d)(?=[\d{l}.,]*[{l}])[\d{l}][\d{l}.,]*[\d](?![\p{{L}}\d])"));

    // The same only in what can be nothing but an amount: a minus before it, or thousands groups.
    private static readonly Lazy<DigitLetters> InsideAmounts = new(() => DigitLetters.Of("amount", l => $@"^(?=[^{l}]*[{l}])(?=(?:[^\d]*\d){{2}})(?:-[\d{l}][\d{l}.,]*|[\d{l}]{{1,3}}(?:\.[\d{l}]{{3}})+)$"));

    [GeneratedRegex(@"(?<![\p{L}\d])[\p{L}\d]{2,}(?![\p{L}\d])")]
    private static partial Regex Token();

    [GeneratedRegex(@"\p{L}[\p{L}\d'-]*\p{L}")]
    private static partial Regex Word();

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex BareInteger();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"-?\d+,\d(?!\d)")]
    private static partial Regex OneDecimal();

    [GeneratedRegex(@"(?<![\d.,])\d{1,3}\.\d(?![\d.,])")]
    private static partial Regex StopDecimal();

    [GeneratedRegex(@"^-?\d+,\d{2}%?$")]
    private static partial Regex TwoDecimals();
}
