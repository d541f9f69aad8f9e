using System.Globalization;
using System.Text.RegularExpressions;
using Begroting.Model.Canonical;
using Begroting.Model.Layout;
using Begroting.Model.Text;

namespace Begroting.Pipeline.Normalisation;

/// <summary>A run of prose lines: a numbered section heading and the paragraphs under it.</summary>
internal sealed record ProseSection(string Number, string Title, List<(string Text, List<string> Lines, SourceRef Source)> Paragraphs);

internal sealed partial class NormaliserCore
{
    private readonly List<Repair> repairs = [];

    /// <summary>Policy plans state goals, indicators and money in sentences: 'In 2011 werd hierop een 5,8 gemeten. Ambitie 6,1 in 2017.'</summary>
    private void ReadProse(Identity identity)
    {
        var sections = ProseSections();
        foreach (var section in sections)
        {
            if (GoalSectionTitle().IsMatch(section.Title))
            {
                ReadProseGoals(section);
            }
            else if (IndicatorSectionTitle().IsMatch(section.Title))
            {
                ReadProseIndicators(section, identity);
            }

            ReadProseAmounts(section, identity);
        }

    }

    private List<ProseSection> ProseSections()
    {
        var sections = new List<ProseSection>();
        ProseSection? current = null;
        foreach (var block in blocks)
        {
            if (block is not (Paragraph or Heading or ListItem))
            {
                continue;
            }

            var lines = CellStreamTables.LinesOf(block).ToList();
            var pending = new List<string>();
            void Flush()
            {
                if (pending.Count > 0 && current is not null)
                {
                    current.Paragraphs.Add((Hyphenation.JoinLines(pending), [.. pending], block.Source));
                }

                pending = [];
            }

            foreach (var line in lines)
            {
                if (SectionHeading().Match(line.Trim()) is { Success: true } m)
                {
                    Flush();
                    current = new ProseSection(m.Groups["number"].Value, m.Groups["title"].Value.Trim(), []);
                    sections.Add(current);
                }
                else
                {
                    pending.Add(line);
                }
            }

            Flush();
        }

        return sections;
    }

    private void ReadProseGoals(ProseSection section)
    {
        foreach (var (text, _, source) in section.Paragraphs)
        {
            // A goal is a statement without a full stop; the sentences around it say where goals are worked out.
            if (text.Length > 0 && !text.EndsWith('.') && char.IsUpper(text[0]))
            {
                goals.Add(new Goal(null, null, text, [], [], Prov(source)));
            }
        }
    }

    /// <summary>An indicator list: items end at a 'Bron' line; a '*' paragraph after a value marked '*' is a footnote.</summary>
    private void ReadProseIndicators(ProseSection section, Identity identity)
    {
        var items = new List<(List<(string Text, SourceRef Source)> Parts, string? Source, string SourceMarker)>();
        var current = new List<(string Text, SourceRef Source)>();
        var pendingMarked = new List<int>();
        var notes = new Dictionary<int, List<Footnote>>();
        foreach (var (text, lines, source) in section.Paragraphs)
        {
            if (FootnoteStart().Match(text) is { Success: true } fn && (current.Concat(items.SelectMany(i => i.Parts)).Any(p => GluedMarker().IsMatch(p.Text)) || items.Any(i => i.SourceMarker.Length > 0)))
            {
                var note = new Footnote(fn.Groups["marker"].Value, text[fn.Length..].Trim());
                foreach (var i in pendingMarked)
                {
                    (notes.TryGetValue(i, out var list) ? list : notes[i] = []).Add(note);
                }

                pendingMarked.Clear();
                continue;
            }

            var bronAt = lines.FindIndex(l => BronLine().IsMatch(l.Trim()));
            if (bronAt < 0)
            {
                current.Add((text, source));
                continue;
            }

            if (bronAt > 0)
            {
                current.Add((Hyphenation.JoinLines(lines.Take(bronAt)), source));
            }

            var bron = Hyphenation.JoinLines(lines.Skip(bronAt));
            var afterColon = bron.LastIndexOf(':');
            var name = (afterColon >= 0 ? bron[(afterColon + 1)..] : bron[4..]).Trim();
            var (bronText, marker) = Codes.SplitMarker(name);
            items.Add((current, bronText.TrimEnd('.'), marker));
            if (marker.Length > 0 || current.Any(p => GluedMarker().IsMatch(p.Text)))
            {
                pendingMarked.Add(items.Count - 1);
            }

            current = [];
        }

        if (current.Count > 0)
        {
            items.Add((current, null, string.Empty));
            if (current.Any(p => GluedMarker().IsMatch(p.Text)))
            {
                pendingMarked.Add(items.Count - 1);
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            ReadProseIndicator(items[i].Parts, items[i].Source, notes.TryGetValue(i, out var n) ? n : [], identity);
        }
    }

    private void ReadProseIndicator(List<(string Text, SourceRef Source)> parts, string? bron, List<Footnote> notes, Identity identity)
    {
        // Leading complete sentences without a figure are commentary, not the indicator.
        var lead = parts.FindIndex(p => p.Text.Any(char.IsDigit) || !p.Text.TrimEnd().EndsWith('.'));
        parts = parts[Math.Min(lead < 0 ? parts.Count : lead, Math.Max(parts.Count - 1, 0))..];

        var text = Bullet().Replace(DutchValue.Collapse(string.Join(" ", parts.Select(p => p.Text))), string.Empty);
        if (!text.Any(char.IsDigit) && !TargetCue().IsMatch(text))
        {
            return;
        }

        var provenance = Prov(parts[0].Source with { EndLine = parts[^1].Source.EndLine ?? parts[^1].Source.Line });
        var name = FirstSentence(text);
        var observations = new List<Observation>();
        var clauses = Clauses(text);
        var docYear = identity.Year ?? 0;
        List<(decimal Value, string? Unit, string Raw)> previousValues = [];
        for (var c = 0; c < clauses.Count; c++)
        {
            var clause = clauses[c];
            var values = ProseValues(clause);
            var years = YearToken().Matches(clause).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            var isTarget = TargetCue().IsMatch(clause) || (years.Count > 0 && years.All(y => y >= docYear) && !RealisationCue().IsMatch(clause));
            var flags = new List<string>();
            if (values.Count == 0 && years.Count > 0 && !isTarget && AlsoCue().IsMatch(clause))
            {
                // 'Dit werd ook in 2009 gemeten.': the figure of the sentence before, measured in that year.
                values = previousValues;
                flags.Add("value_from_previous_sentence");
            }
            else if (values.Count > 0 && years.Count == 0 && !isTarget && c + 1 < clauses.Count && ProseValues(clauses[c + 1]).Count == 0
                && YearToken().Match(clauses[c + 1]) is { Success: true } next && int.Parse(next.Value, CultureInfo.InvariantCulture) < docYear)
            {
                // '19% van de 55 plussers ...' followed by '(bron ouderenpeiling 2009)'.
                years.Add(int.Parse(next.Value, CultureInfo.InvariantCulture));
                c++;
            }

            if (values.Count == 0 && isTarget && QualitativeTarget().Match(clause) is { Success: true } q)
            {
                var (qualitativeFlags, qualitativeConfidence) = Recognition(["qualitative", "period_inferred"], provenance);
                observations.Add(new Observation(ObservationKind.Streefwaarde, planEndYear, null, "streefwaarde", null, null, q.Value, qualitativeFlags, [], provenance, qualitativeConfidence));
                continue;
            }

            if (values.Count == 0)
            {
                continue;
            }

            int? year = isTarget ? years.Where(y => y >= docYear).Cast<int?>().Max() : years.Where(y => y < docYear).Cast<int?>().Max() ?? years.Cast<int?>().Min();
            if (year is null && isTarget)
            {
                year = planEndYear;
                flags.Add("period_inferred");
                Warn("period-inferred", $"target '{clause.Trim()}' names no year; taken as the plan's last year {planEndYear}", provenance);
            }

            if (values.Count > 1)
            {
                flags.Add("one_of_several");
            }

            foreach (var (value, unit, raw) in values)
            {
                var obsFlags = new List<string>(flags);
                var obsNotes = new List<Footnote>();
                if (raw.EndsWith('*'))
                {
                    obsFlags.Add("footnote");
                    obsNotes.AddRange(notes);
                }

                var (recognisedFlags, confidence) = Recognition(obsFlags, provenance);
                observations.Add(new Observation(isTarget ? ObservationKind.Streefwaarde : ObservationKind.Realisatie, year, null, isTarget ? "streefwaarde" : "realisatie", value, unit, raw.TrimEnd('*', '.'), recognisedFlags, obsNotes, provenance, confidence));
            }

            previousValues = values;
        }

        var indicatorUnit = observations.Select(o => o.Unit).Distinct().Count() == 1 ? observations[0].Unit : null;
        indicators.Add(new Indicator(null, null, null, name, indicatorUnit, bron, notes, observations, provenance));
    }

    /// <summary>'Programma 9 omvat in 2013 een bedrag van afgerond € 43.500.000,--'.</summary>
    private void ReadProseAmounts(ProseSection section, Identity identity)
    {
        foreach (var (text, _, source) in section.Paragraphs)
        {
            foreach (Match m in ProgrammeAmount().Matches(text))
            {
                if (!DutchValue.TryNumber(m.Groups["amount"].Value, out var amount))
                {
                    continue;
                }

                var scale = m.Groups["scale"].Value.StartsWith("mil", StringComparison.OrdinalIgnoreCase) ? 1_000_000m : 1m;
                var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                var provenance = Prov(source);
                var column = new FinancialColumn(1, year, ColumnKind.Begroting, $"{section.Number} {section.Title}");
                var raw = DutchValue.Collapse(m.Groups["raw"].Value);
                var (amountFlags, amountConfidence) = Recognition(["prose"], provenance);
                var row = new FinancialRow($"Programma {m.Groups["programme"].Value}", null, "bedrag", DutchValue.Collapse(m.Value), [new Amount(1, amount * scale, raw, amountFlags, provenance, amountConfidence)], provenance);
                financialTables.Add(new FinancialTable(FinancialTableKind.Budget, $"{section.Number} {section.Title}", scale, [column], [row], provenance));
                _ = identity;
            }
        }
    }

    private static List<string> Clauses(string text)
    {
        var clauses = new List<string>();
        foreach (var sentence in Sentences(text))
        {
            // Parentheses and 'Ambitie' open a clause of their own: '(in 2011 resp. 16%, 2% en 0%)', 'Ambitie 6,1 in 2017'.
            var rest = sentence;
            foreach (Match p in Parenthetical().Matches(sentence))
            {
                clauses.Add(p.Value);
                rest = rest.Replace(p.Value, " ", StringComparison.Ordinal);
            }

            clauses.AddRange(AmbitionSplit().Split(rest).Where(c => c.Trim().Length > 0));
        }

        return clauses;
    }

    private static IEnumerable<string> Sentences(string text) => SentenceEnd().Split(text).Where(s => s.Trim().Length > 0);

    private static string FirstSentence(string text)
    {
        var first = Sentences(text).First();
        var colon = first.IndexOf(':', StringComparison.Ordinal);
        var name = colon > 0 ? first[..colon] : first;
        return DutchValue.Collapse(name).TrimEnd('.', '*', ' ');
    }

    private static List<(decimal Value, string? Unit, string Raw)> ProseValues(string clause)
    {
        var values = new List<(decimal, string?, string)>();
        foreach (Match m in ProseValue().Matches(clause))
        {
            if (!DutchValue.TryNumber(m.Groups["num"].Value, out var value))
            {
                continue;
            }

            var unitWord = m.Groups["unit"].Value.ToLowerInvariant();
            var unit = unitWord == "%" ? "percent" : Vocabulary.ProseUnits.FirstOrDefault(u => u.Word == unitWord).Unit;
            values.Add((value, unit, DutchValue.Collapse(m.Value)));
        }

        return values;
    }

    [GeneratedRegex(@"^(?<number>\d{1,2}\.\d{1,2})\s+(?<title>\p{Lu}.{1,80})$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"\bdoel(?:en|stellingen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoalSectionTitle();

    [GeneratedRegex(@"^(?:Effect)?[Ii]ndicatoren\b")]
    private static partial Regex IndicatorSectionTitle();

    [GeneratedRegex(@"^Bron\b")]
    private static partial Regex BronLine();

    [GeneratedRegex(@"^(?<marker>\*+)\s+")]
    private static partial Regex FootnoteStart();

    [GeneratedRegex(@"[\p{L}\d%)\.](?<marker>\*+)(?:\s|$)")]
    private static partial Regex GluedMarker();

    [GeneratedRegex(@"^(?:[e¢®•·c]|\*)\s+(?=[\p{Lu}\d])")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(?<!\b(?:resp|o\.a|d\.m\.v|obv|t\.o\.v|bijv|ca|nr|bv|m\.b\.t))\.\**\s+(?=[\p{Lu}\d(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"(?=\bAmbitie\b)")]
    private static partial Regex AmbitionSplit();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b(?!\s*(?:%|dagen|maanden|personen|deelnemers))")]
    private static partial Regex YearToken();

    [GeneratedRegex(@"(?<num>\d+(?:,\d+)?)\s*(?<unit>%|dagen|maanden|personen|deelnemers)(?![\p{L}])\.?\**|(?<num>\d+,\d+)\**", RegexOptions.IgnoreCase)]
    private static partial Regex ProseValue();

    [GeneratedRegex(@"\b(?:[Aa]mbitie|neemt (?:af|toe) tot|blijft|niet verder toe)\b")]
    private static partial Regex TargetCue();

    [GeneratedRegex(@"\b(?:gemeten|was|waren|werd|werden)\b")]
    private static partial Regex RealisationCue();

    [GeneratedRegex(@"\book\b")]
    private static partial Regex AlsoCue();

    [GeneratedRegex(@"neemt (?:niet verder )?(?:toe|af)|blijft gelijk|niet verder toe", RegexOptions.IgnoreCase)]
    private static partial Regex QualitativeTarget();

    [GeneratedRegex(@"[Pp]rogramma (?<programme>\d{1,2})\b[^.€]{0,40}?\bin (?<year>(?:19|20)\d{2})\b[^.€]{0,60}?(?<raw>€\s*(?<amount>\d{1,3}(?:\.\d{3})+(?:,\d+)?)(?:\s*(?<scale>miljoen|mln))?(?:,-{1,2})?)")]
    private static partial Regex ProgrammeAmount();
}
