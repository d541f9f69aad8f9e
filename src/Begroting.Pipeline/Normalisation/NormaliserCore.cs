using System.Text.RegularExpressions;
using Begroting.Model.Canonical;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

/// <summary>Per-document state of one normalisation run.</summary>
internal sealed partial class NormaliserCore(LayoutDocument layout, DocumentContext context, CancellationToken cancellationToken)
{
    private readonly List<Goal> goals = [];
    private readonly List<Indicator> indicators = [];
    private readonly List<FinancialTable> financialTables = [];
    private readonly List<OtherTable> otherTables = [];
    private readonly List<ResidueItem> residue = [];
    private readonly List<Warning> warnings = [];
    private readonly Dictionary<string, string> areaCodeByName = [];

    // Areas a line names with its word ('Beleidsterrein 9A ...'), not by a bare code that a footnote or bullet may fake.
    private readonly HashSet<string> namedAreas = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, PolicyArea> areas = new(StringComparer.Ordinal);
    private IReadOnlyList<Block> blocks = [];
    private ProgrammeFacts programme = new();

    private List<string>? allTexts;

    // The OCR confidence of the text behind a provenance: values read from it carry it.
    private readonly Dictionary<string, double> confidenceByProvenance = new(StringComparer.Ordinal);

    /// <summary>A value's flags and confidence: 'ocr' and the recogniser's confidence when its text was read from a scan.</summary>
    private (IReadOnlyList<string> Flags, double? Confidence) Recognition(IReadOnlyList<string> flags, string provenance) =>
        confidenceByProvenance.TryGetValue(provenance, out var confidence) ? ([.. flags, "ocr"], Math.Round(confidence, 3)) : (flags, null);

    private string File => layout.File;

    /// <summary>Every line of text in the document, in order; read by several identity rules, so made once.</summary>
    private List<string> AllTexts => allTexts ??= blocks.SelectMany(TextsOf).ToList();

    public CanonicalDocument Run()
    {
        foreach (var d in layout.Diagnostics)
        {
            warnings.Add(new Warning(d.Code, d.Message, d.Location));
        }

        // The reader repaired what it recognised; its repairs come first, as the text they changed came first.
        repairs.AddRange(layout.Repairs);
        blocks = DropEmptyTables(CellStreamTables.Rebuild(layout.Blocks));
        cancellationToken.ThrowIfCancellationRequested();
        CheckTruncation();
        CollectAreas();
        var identity = ResolveIdentity();
        DropForeignAreas(identity);
        cancellationToken.ThrowIfCancellationRequested();
        ReadTables(identity);
        cancellationToken.ThrowIfCancellationRequested();
        if (identity.Kind == DocumentKind.Beleidsplan || blocks.Any(IsIndicatorSectionHeading))
        {
            ReadProse(identity);
        }

        cancellationToken.ThrowIfCancellationRequested();
        ReportUnplacedCodeLines();

        var programmeRecord = BuildProgramme(identity);
        if (programmeRecord is null && goals.Count == 0 && indicators.Count == 0 && financialTables.Count == 0)
        {
            throw new DocumentException("no-programme", "no programme recognised: no programme number, programme name, policy-area code or table of the budget found", $"{File}:1");
        }

        // Every table of amounts is finished here: its sums are checked, and an OCR digit they single out is corrected.
        var checkedTables = FinancialChecks.Run(financialTables);
        warnings.AddRange(checkedTables.Warnings);
        repairs.AddRange(checkedTables.Repairs);

        return new CanonicalDocument(
            CanonicalDocument.CurrentSchemaVersion,
            identity.ToInfo(context, layout.Format),
            programmeRecord,
            areas.Values.ToList(),
            goals,
            indicators,
            checkedTables.Tables,
            otherTables,
            residue,
            repairs.Distinct().ToList(),
            warnings);
    }

    /// <summary>An empty &lt;table&gt;, a caption alone, a markdown rule without rows: nothing to read, so they are dropped before anything counts, classifies or looks past them.</summary>
    /// <remarks>Dropped first, the table after one keeps its number and the scale printed above it, as if the empty one were not there.</remarks>
    private List<Block> DropEmptyTables(IReadOnlyList<Block> read)
    {
        var kept = new List<Block>(read.Count);
        foreach (var block in read)
        {
            if (block is Table table && IsEmpty(table))
            {
                Warn("table-empty", "a table without rows or cells is skipped", table.Source.ToString());
                if (table.Caption is { } caption)
                {
                    // Its caption is still text of the document: a paragraph where the table stood.
                    kept.Add(new Paragraph(caption.Lines, caption.Source) { GapBefore = table.GapBefore });
                }

                continue;
            }

            kept.Add(block);
        }

        return kept;
    }

    private string Prov(SourceRef source, int? table = null, int? row = null, int? column = null)
    {
        var s = source.ToString();
        if (table is { } t)
        {
            s += $";table={t}";
        }

        if (row is { } r)
        {
            s += $";row={r}";
        }

        if (column is { } c)
        {
            s += $";col={c}";
        }

        if (source.Confidence is { } confidence)
        {
            confidenceByProvenance[s] = confidence;
        }

        return s;
    }

    private void Warn(string code, string message, string? provenance) => warnings.Add(new Warning(code, message, provenance));

    private void Residue(string text, string reason, string provenance) => residue.Add(new ResidueItem(text, reason, provenance));

    /// <summary>
    /// A line outside every table that starts with the code of an indicator, goal or performance the document's tables
    /// did not give ('9B1.a Percentage inwoners ... 94% (2017) - 95%' left as a paragraph when a page's table could not
    /// be laid out) holds values nothing placed: it goes to residue, never silently away.
    /// </summary>
    private void ReportUnplacedCodeLines()
    {
        var placed = goals.Select(g => g.Code).Concat(goals.SelectMany(g => g.Performances).Select(p => p.Code)).Concat(indicators.Select(i => i.Code))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        // Tables too: a cell stream rebuilt into a table that no reader of tables took leaves its rows unread.
        foreach (var block in blocks.Where(b => b is Paragraph or ListItem or Heading or Table))
        {
            foreach (var line in block is Table t ? t.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Lines).Select(l => l.Trim()) : TextsOf(block))
            {
                var code = Codes.IndicatorLine().Match(line) is { Success: true } i ? i.Groups["code"].Value
                    : Codes.PerformanceLine().Match(line) is { Success: true } p ? p.Groups["code"].Value
                    : Codes.GoalLine().Match(line) is { Success: true } g ? g.Groups["code"].Value
                    : null;
                if (code is not null && !placed.Contains(code) && !residue.Any(r => r.Text.Contains(code, StringComparison.Ordinal)))
                {
                    Residue(line, $"a line of {code} that no table read: its values are not placed", Prov(block.Source));
                }
            }
        }
    }

    /// <summary>A file that ends inside a table row was cut off: its last table cannot be trusted.</summary>
    private void CheckTruncation()
    {
        if (blocks.Count == 0)
        {
            throw new DocumentException("no-content", "the file holds no text", $"{File}:1");
        }

        if (blocks[^1] is Table { Form: TableForm.Grid } last && last.Rows.Count > 1)
        {
            var lastRow = last.Rows[^1];
            var expected = last.Rows.Take(last.Rows.Count - 1).Max(r => r.Cells.Count);
            if (!layout.EndsWithNewline || lastRow.Cells.Count < expected - 1)
            {
                throw new DocumentException("truncated", $"the file ends inside a table: its last row has {lastRow.Cells.Count} of {expected} cells", $"{File}:{lastRow.Source.Line}");
            }
        }
    }

    private void CollectAreas()
    {
        // Areas are named in headings and paragraphs, never inside table cells.
        foreach (var block in blocks.Where(b => b is not Table))
        {
            foreach (var line in TextsOf(block))
            {
                if (Codes.AreaLine().Match(line) is { Success: true } m)
                {
                    var code = m.Groups["code"].Value;
                    var name = DutchValue.Collapse(m.Groups["name"].Value);
                    areaCodeByName.TryAdd(Codes.NameKey(name), code);
                    areas.TryAdd(code, new PolicyArea(code, name, Prov(block.Source)));
                    if (m.Groups["code"].Index > 0)
                    {
                        namedAreas.Add(code);
                    }
                }
            }
        }

        foreach (var block in blocks.Where(b => b is not Table))
        {
            foreach (var line in TextsOf(block))
            {
                if (Codes.AreaLineWithoutCode().Match(line) is { Success: true } m && !Codes.AreaLine().IsMatch(line))
                {
                    var name = DutchValue.Collapse(m.Groups["name"].Value);
                    if (!areaCodeByName.ContainsKey(Codes.NameKey(name)) && !areas.Values.Any(a => a.Code is null && a.Name == name))
                    {
                        areas.Add("~" + name, new PolicyArea(null, name, Prov(block.Source)));
                    }
                }
            }
        }
    }

    /// <summary>A programme's policy areas carry its number (9A, 9B of programme 9): a line that reads like another programme's area ('3C Kaag en Braasem', a footnote '3' and a bullet read as 'C') is no area of this document.</summary>
    /// <remarks>An area of another programme whose goals or indicators (3C1, 3C1.a) the document does hold stays: a book of several programmes is read whole.</remarks>
    private void DropForeignAreas(Identity identity)
    {
        if (identity.Programme is not { } number || !number.All(char.IsAsciiDigit))
        {
            return;
        }

        foreach (var (key, area) in areas.Where(a => a.Value.Code is { } code && Codes.ProgrammeOf(code) != number && !Used(code)).ToList())
        {
            areas.Remove(key);
            foreach (var name in areaCodeByName.Where(kv => kv.Value == area.Code).Select(kv => kv.Key).ToList())
            {
                areaCodeByName.Remove(name);
            }

            Residue($"{area.Code} {area.Name}", $"reads like policy area {area.Code}, but this is programme {number}", area.Provenance);
        }
    }

    /// <summary>Whether the document holds a goal, performance or indicator of this area (3C1, 3C1.a).</summary>
    private bool Used(string areaCode) => AllTexts.Any(t => t.Contains(areaCode, StringComparison.Ordinal) && Regex.IsMatch(t, $@"(?<![\dA-Za-z]){Regex.Escape(areaCode)}\d"));

    internal static IEnumerable<string> TextsOf(Block block) => block switch
    {
        Heading h => [h.Text],
        Paragraph p => p.Lines.Select(l => l.Trim()),
        ListItem li => [li.Text],
        Table t => (t.Caption?.Lines ?? []).Concat(t.Rows.SelectMany(r => r.Cells).Select(c => c.Text)),
        _ => [],
    };

    private string? AreaCodeForName(string name) => areaCodeByName.TryGetValue(Codes.NameKey(name), out var code) ? code : null;

    private void NoteArea(string? code, string provenance)
    {
        if (code is not null && !areas.ContainsKey(code))
        {
            var name = areaCodeByName.FirstOrDefault(kv => kv.Value == code).Key;
            areas.Add(code, new PolicyArea(code, name ?? code, provenance));
        }
    }
}
