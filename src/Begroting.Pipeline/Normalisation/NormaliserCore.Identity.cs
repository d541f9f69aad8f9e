using System.Globalization;
using System.Text.RegularExpressions;
using Begroting.Model.Canonical;
using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

/// <summary>Document identity as read from the content, with the evidence for each part.</summary>
internal sealed record Identity(DocumentKind? Kind, int? Year, string? Programme, string? Municipality, string? Title, Dictionary<string, IdentitySource> Sources)
{
    public DocumentInfo ToInfo(DocumentContext context, string format) =>
        new(context.Id, Municipality, Kind, Year, Title, context.SourceFile, context.Sha256, format, new SortedDictionary<string, IdentitySource>(Sources, StringComparer.Ordinal));
}

internal sealed class ProgrammeFacts
{
    public string? Number { get; set; }

    public string? Name { get; set; }

    public string? Mission { get; set; }

    public string? Commissie { get; set; }

    public List<string> Portefeuilles { get; } = [];

    public string? Provenance { get; set; }
}

internal sealed partial class NormaliserCore
{
    private Identity ResolveIdentity()
    {
        DocumentKind? kind = null;
        int? year = null;
        string? title = null;
        var evidence = new List<string>();

        // 1. A title near the top: 'Programmabegroting 2018', 'Jaarstukken 2024'.
        foreach (var block in blocks.Take(12).Where(b => b is Heading or Paragraph))
        {
            foreach (var line in TextsOf(block))
            {
                if (kind is null && TitlePattern().Match(line) is { Success: true } m)
                {
                    kind = KindOf(m.Groups["kind"].Value);
                    year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
                    title = line;
                    evidence.Add($"title '{line}'");
                }
            }
        }

        // 2. A breadcrumb: 'Home / Beleidsbegroting / Programmaplan / Maatschappelijke Ondersteuning / Beleidsterrein 9D ...'.
        foreach (var block in blocks.Take(6))
        {
            var line = TextsOf(block).FirstOrDefault() ?? string.Empty;
            var crumbs = line.Split(" / ", StringSplitOptions.TrimEntries);
            if (crumbs.Length >= 3)
            {
                kind ??= crumbs.Select(KindOfCrumb).FirstOrDefault(k => k is not null);
                programme.Name ??= ProgrammeNameFromCrumbs(crumbs);
                evidence.Add($"breadcrumb '{line}'");
            }
        }

        // 3. Column headers: jaarstukken carry 'Verschil Y' / 'Begroting Y na wijziging'; begrotingen carry a Meerjarenraming and Streefwaarden from Y on.
        var headerTexts = blocks.OfType<Table>().SelectMany(t => t.Rows.Take(3).SelectMany(r => r.Cells).Select(c => c.Text)).ToList();
        var jaarYear = headerTexts.Select(t => JaarstukkenColumn().Match(t)).Where(m => m.Success).Select(m => int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty().Max();
        if (jaarYear > 0)
        {
            kind ??= DocumentKind.Jaarstukken;
            year ??= kind == DocumentKind.Jaarstukken ? jaarYear : null;
            evidence.Add($"jaarstukken column of {jaarYear}");
        }

        if (year is null && kind is null or DocumentKind.Programmabegroting)
        {
            var targetYears = IndicatorTargetYears();
            var plannedYear = AllTexts.Select(t => PlannedPhrase().Match(t)).FirstOrDefault(m => m.Success);
            if (targetYears.Count > 1)
            {
                kind ??= DocumentKind.Programmabegroting;
                year = targetYears.Min();
                evidence.Add("first Streefwaarden year");
            }
            else if (plannedYear is not null)
            {
                kind ??= DocumentKind.Programmabegroting;
                year = int.Parse(plannedYear.Groups["year"].Value, CultureInfo.InvariantCulture);
                evidence.Add($"'{plannedYear.Value}'");
            }
        }

        // 4. A policy plan names its period: 'Beleidsplan 2013 - 2017'.
        if (kind is null or DocumentKind.Beleidsplan)
        {
            // A plan names its predecessor ('de opvolger van het beleidsplan Wmo 2008-2012') but rarely a successor: take the latest period.
            var plan = AllTexts.Select(t => PlanPeriod().Match(t)).Where(m => m.Success).MaxBy(m => int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture));
            if (plan is not null)
            {
                kind = DocumentKind.Beleidsplan;
                year ??= int.Parse(plan.Groups["from"].Value, CultureInfo.InvariantCulture);
                planEndYear = int.Parse(plan.Groups["to"].Value, CultureInfo.InvariantCulture);
                title ??= FindPlanTitle();
                evidence.Add($"plan period '{plan.Value}'");
            }
        }

        ReadProgrammeHeader();
        var fromRegister = programme.Number is null && NumberFromRegister(context.Year ?? year);
        var municipality = MostFrequent(AllTexts.SelectMany(t => MunicipalityPattern().Matches(t)).Select(m => m.Groups["name"].Value));
        var sources = new Dictionary<string, IdentitySource>();
        void Mark(string part, object? fromContent)
        {
            if (fromContent is not null)
            {
                sources[part] = IdentitySource.Content;
            }
        }

        Mark("kind", kind);
        Mark("year", year);
        Mark("programme", programme.Number);
        if (fromRegister)
        {
            sources["programme"] = IdentitySource.Register;
        }

        Mark("municipality", municipality);

        // The manifest or the command line overrides what the content says; a disagreement is worth a warning.
        if (context.Kind is { } k)
        {
            if (kind is { } seen && seen != k)
            {
                Warn("identity-disagrees", $"content says kind {seen}, {context.GivenBy} says {k}", File);
            }

            kind = k;
            sources["kind"] = context.GivenBy;
        }

        if (context.Year is { } y)
        {
            if (year is { } seen && seen != y)
            {
                Warn("identity-disagrees", $"content says year {seen}, {context.GivenBy} says {y}", File);
            }

            year = y;
            sources["year"] = context.GivenBy;
        }

        if (context.Programme is { } p)
        {
            if (programme.Number is { } seen && seen != p)
            {
                Warn("identity-disagrees", $"content says programme {seen}, {context.GivenBy} says {p}", File);
            }

            programme.Number = p;
            sources["programme"] = context.GivenBy;
        }

        if (context.Municipality is { } mun)
        {
            municipality = mun;
            sources["municipality"] = context.GivenBy;
        }

        title = context.Title ?? title;
        if (kind is null)
        {
            Warn("kind-unknown", "document kind (programmabegroting, jaarstukken, beleidsplan) not found in the content; give it with --kind or the manifest", File);
        }

        if (year is null)
        {
            Warn("year-unknown", "document year not found in the content; give it with --year or the manifest", File);
        }

        if (programme.Number is null)
        {
            Warn("programme-unknown", programme.Name is null ? "programme not found in the content" : $"programme number not found (name '{programme.Name}')", File);
        }

        if (municipality is null)
        {
            Warn("municipality-unknown", "municipality not found in the content", File);
        }

        return new Identity(kind, year, programme.Number, municipality, title, sources);
    }

    private int? planEndYear;

    private List<int> IndicatorTargetYears()
    {
        var years = new List<int>();
        foreach (var table in blocks.OfType<Table>())
        {
            var cells = table.Rows.Take(3).SelectMany(r => r.Cells).Select(c => c.Text).Take(12).ToList();
            if (cells.Any(c => Vocabulary.TargetHeaders.Contains(c.ToLowerInvariant())))
            {
                years.AddRange(cells.Where(DutchValue.IsYear).Select(c => int.Parse(c, CultureInfo.InvariantCulture)));
            }
        }

        return years;
    }

    private string? FindPlanTitle()
    {
        var line = AllTexts.FirstOrDefault(t => t.Contains("beleidsplan", StringComparison.OrdinalIgnoreCase));
        return line is null ? null : DutchValue.Collapse(line);
    }

    /// <summary>Programmanummer, Commissie, Portefeuille(s), the mission, and the programme's name and number from wherever the document gives them.</summary>
    private void ReadProgrammeHeader()
    {
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block is Table table)
            {
                foreach (var row in table.Rows)
                {
                    var cells = row.Cells.Where(c => !c.IsEmpty).Select(c => c.Text).ToList();
                    if (cells.Count < 2)
                    {
                        continue;
                    }

                    var label = cells[0].TrimEnd(':').ToLowerInvariant();
                    if (label == "programmanummer" && programme.Number is null)
                    {
                        programme.Number = cells[1];
                        programme.Provenance = Prov(row.Source);
                    }
                    else if (label == "commissie")
                    {
                        programme.Commissie ??= cells[1];
                    }
                    else if (label.StartsWith("portefeuille", StringComparison.Ordinal) && programme.Portefeuilles.Count == 0)
                    {
                        programme.Portefeuilles.Add(cells[1]);
                    }
                }
            }

            foreach (var text in TextsOf(block))
            {
                if (MissionIntro().Match(text) is { Success: true } m)
                {
                    programme.Name ??= DutchValue.Collapse(m.Groups["name"].Value);
                    programme.Provenance ??= Prov(block.Source);
                    var next = blocks.Skip(b + 1).FirstOrDefault(x => x is Paragraph or Heading);
                    if (next is not null && programme.Mission is null)
                    {
                        programme.Mission = DutchValue.Collapse(string.Join(" ", TextsOf(next))).Trim('“', '”', '"', ' ');
                    }
                }
            }
        }

        if (programme.Number is null)
        {
            // Codes carry the programme: 9A1.a belongs to programme 9. An area named by a bare code ('3C Kaag en Braasem', a
            // footnote '3' read with a bullet) counts only when its goals or indicators are there too.
            var fromCodes = MostFrequent(blocks.OfType<Table>().SelectMany(t => t.Rows.SelectMany(r => r.Cells)).Select(c => c.Text)
                .Concat(areas.Keys.Where(k => namedAreas.Contains(k) || Used(k))).Select(t => Codes.GoalLine().Match(t) is { Success: true } g ? Codes.ProgrammeOf(g.Groups["code"].Value) : Codes.ProgrammeOf(t)).OfType<string>());
            programme.Number = fromCodes ?? MostFrequent(AllTexts.SelectMany(t => ProgrammeNumberInText().Matches(t)).Select(m => m.Groups["n"].Value));
        }

        programme.Name ??= AllTexts.Select(t => ProgrammeNameInText().Match(t)).FirstOrDefault(m => m.Success)?.Groups["name"].Value;
    }

    /// <summary>A programme the content names only by name ('Economie' over a table of amounts) gets its number from the register; a name the register does not know is kept, with a warning.</summary>
    /// <remarks>
    /// Names are looked for where a page names its programme: a table's caption and its own heading cell, the
    /// breadcrumb, the page title, headings and short lines (a crawled page's 'Economie' above 'bedragen x € 1.000'),
    /// in that order, the scale taken off ('Economie bedragen x € 1.000,-').
    /// </remarks>
    private bool NumberFromRegister(int? year)
    {
        foreach (var candidate in ProgrammeNameCandidates())
        {
            if (ProgrammeRegister.Find(candidate.Name, year) is { } known)
            {
                programme.Number = known.Number;
                programme.Name ??= candidate.Name;
                programme.Provenance ??= Prov(candidate.Source);
                return true;
            }
        }

        if (programme.Name is { } name)
        {
            Warn("programme-not-in-register", $"programme '{name}' is not in the programme register (Normalisation/Data/programmes.csv); its number is unknown", programme.Provenance ?? File);
        }

        return false;
    }

    private IEnumerable<(string Name, SourceRef Source)> ProgrammeNameCandidates()
    {
        static string Bare(string text) => ScaleTail().Replace(Codes.TrailingMarker().Replace(text, string.Empty), string.Empty).Trim().TrimEnd('—', '–', '-', ',', ':', '(').Trim();
        var tables = blocks.OfType<Table>().ToList();
        foreach (var table in tables)
        {
            if (table.Caption is { } caption)
            {
                foreach (var line in caption.Lines)
                {
                    yield return (Bare(line), caption.Source);
                }
            }

            if (table.Rows.Count > 0 && table.Rows[0].Cells.FirstOrDefault(c => !c.IsEmpty) is { } first)
            {
                yield return (Bare(first.Text), first.Source);
            }
        }

        foreach (var block in blocks.Take(6).Where(b => b is Paragraph or Heading))
        {
            foreach (var line in TextsOf(block))
            {
                foreach (var part in line.Split([" / ", " - ", " – ", " — ", " | "], StringSplitOptions.TrimEntries))
                {
                    yield return (Bare(part), block.Source);
                }
            }
        }

        foreach (var block in blocks.Where(b => b is Paragraph or Heading))
        {
            foreach (var line in TextsOf(block).Where(l => l.Length <= 80))
            {
                yield return (Bare(line), block.Source);
            }
        }

        if (programme.Name is { } name)
        {
            yield return (name, new SourceRef(File));
        }
    }

    private Programme? BuildProgramme(Identity identity)
    {
        if (identity.Programme is null && programme.Name is null)
        {
            return null;
        }

        return new Programme(identity.Programme, programme.Name, programme.Mission, programme.Commissie, programme.Portefeuilles, programme.Provenance ?? File);
    }

    private static string? MostFrequent(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;

    private static DocumentKind? KindOf(string word) => word.ToLowerInvariant() switch
    {
        "programmabegroting" or "begroting" or "beleidsbegroting" => DocumentKind.Programmabegroting,
        "jaarstukken" or "jaarverslag" or "jaarrekening" or "programmaverantwoording" => DocumentKind.Jaarstukken,
        "beleidsplan" => DocumentKind.Beleidsplan,
        _ => null,
    };

    private static DocumentKind? KindOfCrumb(string crumb)
    {
        var c = crumb.ToLowerInvariant();
        return c.Contains("jaarstukken", StringComparison.Ordinal) || c.Contains("jaarverslag", StringComparison.Ordinal) ? DocumentKind.Jaarstukken
            : c.Contains("begroting", StringComparison.Ordinal) ? DocumentKind.Programmabegroting
            : null;
    }

    private static string? ProgrammeNameFromCrumbs(string[] crumbs)
    {
        var area = Array.FindIndex(crumbs, c => c.StartsWith("Beleidsterrein", StringComparison.OrdinalIgnoreCase) || Codes.AreaLine().IsMatch(c));
        return area > 0 ? crumbs[area - 1] : null;
    }

    private static bool IsIndicatorSectionHeading(Block block) => TextsOf(block).Take(1).Any(t => IndicatorSection().IsMatch(t));

    [GeneratedRegex(@"\s*(?:bedragen\s+)?(?<!\p{L})x\s*€.*$", RegexOptions.IgnoreCase)]
    private static partial Regex ScaleTail();

    [GeneratedRegex(@"^(?<kind>Programmabegroting|Beleidsbegroting|Begroting|Jaarstukken|Jaarverslag|Jaarrekening|Programmaverantwoording)\s+(?<year>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"(?:Verschil\s+(?<year>(?:19|20)\d{2}))|(?:Begroting\s+(?<year>(?:19|20)\d{2})\s+na\s+wijziging)", RegexOptions.IgnoreCase)]
    private static partial Regex JaarstukkenColumn();

    [GeneratedRegex(@"Wat (?:gaan|willen) we (?:doen|bereiken) in (?<year>(?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex PlannedPhrase();

    [GeneratedRegex(@"[Bb]eleidsplan\b.{0,60}?\b(?<from>(?:19|20)\d{2})\s*[-–]\s*(?<to>(?:19|20)\d{2})")]
    private static partial Regex PlanPeriod();

    [GeneratedRegex(@"\b[Gg]emeente (?<name>\p{Lu}[\p{L}-]+)")]
    private static partial Regex MunicipalityPattern();

    [GeneratedRegex(@"missie van het programma (?<name>.+?) luidt", RegexOptions.IgnoreCase)]
    private static partial Regex MissionIntro();

    [GeneratedRegex(@"\b[Pp]rogramma (?<n>\d{1,2})\b(?![.,]\d)")]
    private static partial Regex ProgrammeNumberInText();

    [GeneratedRegex(@"\bProgramma (?<name>\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)+)")]
    private static partial Regex ProgrammeNameInText();

    [GeneratedRegex(@"^\d+(?:\.\d+)*\s+(?:Effect)?[Ii]ndicatoren\b")]
    private static partial Regex IndicatorSection();
}
