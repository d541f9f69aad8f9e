using Begroting.Model.Canonical;
using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

internal enum ColumnRole
{
    Name,
    Realisation,
    Target,
    Source,
    Unknown,
}

internal sealed record IndicatorColumn(ColumnRole Role, int? Year, int? Quarter, string Header)
{
    public string ColumnName => Role == ColumnRole.Target ? "streefwaarde" : "realisatie";

    public string Describe() => Year is { } y ? $"{ColumnName} {y}" : ColumnName;
}

internal sealed record BodyRow(IReadOnlyList<Cell> Cells, int TableNo, int RowNo, SourceRef Source);

internal sealed partial class NormaliserCore
{
    private void ReadIndicators(List<(Table Table, int No)> parts, Dictionary<string, Footnote> footnotes, string? contextArea)
    {
        var (first, firstNo) = parts[0];
        var (headerRows, _) = SplitIndicatorTable(first, firstNo);
        var tableMarker = Codes.LeadingMarker().Match(headerRows.SelectMany(r => r).FirstOrDefault() ?? string.Empty).Value.Trim();
        var cleanHeader = headerRows.Select(r => (IReadOnlyList<string>)r.Select(c => Codes.LeadingMarker().Replace(c, string.Empty)).ToList()).ToList();

        var body = parts.SelectMany(p => SplitIndicatorTable(p.Table, p.No).Body).ToList();
        var bodyWidth = first.Form == TableForm.Grid && body.Count > 0 ? body.Max(r => r.Cells.Count) : 0;
        var headers = HeaderModel.Read(cleanHeader, bodyWidth, TakesYears, out _);
        var columns = headers.Select(ToIndicatorColumn).ToList();
        if (!columns.Any(c => c.Role is ColumnRole.Realisation or ColumnRole.Target))
        {
            Warn("indicator-header", "indicator table without realisatie or streefwaarde columns", Prov(first.Source, firstNo));
        }

        var tableNotes = new List<Footnote>();
        if (tableMarker.Length > 0)
        {
            if (footnotes.TryGetValue(tableMarker, out var note))
            {
                tableNotes.Add(note);
            }

            Warn("marker-before-header", $"footnote marker '{tableMarker}' printed before the table header; its note is attached to every indicator of the table", Prov(first.Source, firstNo));
        }

        string? goalCode = null;
        foreach (var row in body)
        {
            var nameIndex = -1;
            for (var i = 0; i < row.Cells.Count; i++)
            {
                if (!row.Cells[i].IsEmpty)
                {
                    nameIndex = i;
                    break;
                }
            }

            if (nameIndex < 0)
            {
                continue;
            }

            var lead = DutchValue.Collapse(row.Cells[nameIndex].Text);
            var rest = row.Cells.Skip(nameIndex + 1).ToList();
            var rowProv = Prov(row.Source, row.TableNo, row.RowNo);
            if (Codes.IndicatorLine().Match(lead) is { Success: true } ind)
            {
                ReadIndicatorRow(ind.Groups["code"].Value, ind.Groups["name"].Value, rest, nameIndex, first.Form == TableForm.Grid && row.Cells.Count == columns.Count, columns, row, goalCode, contextArea, footnotes, tableNotes);
            }
            else if (Codes.GoalLine().Match(lead) is { Success: true } g && rest.All(c => c.IsEmpty))
            {
                goalCode = g.Groups["code"].Value;
                NoteGoalFromIndicatorTable(goalCode, DutchValue.Collapse(g.Groups["title"].Value), rowProv);
            }
            else if (rest.Any(c => !c.IsEmpty))
            {
                ReadIndicatorRow(null, lead, rest, nameIndex, first.Form == TableForm.Grid && row.Cells.Count == columns.Count, columns, row, goalCode, contextArea, footnotes, tableNotes);
            }
            else
            {
                Residue(lead, "row of an indicator table that is neither a goal nor an indicator", rowProv);
            }
        }

        foreach (var marker in footnotes.Keys.Where(k => !usedMarkers.Contains(k) && k != tableMarker))
        {
            Warn("footnote-unused", $"footnote '{marker}' under the table is marked nowhere in it", Prov(first.Source, firstNo));
        }

        usedMarkers.Clear();
    }

    private readonly HashSet<string> usedMarkers = new(StringComparer.Ordinal);

    private static bool TakesYears(string header)
    {
        var w = HeaderWord(header);
        return Vocabulary.RealisationHeaders.Contains(w) || Vocabulary.TargetHeaders.Contains(w);
    }

    private static IndicatorColumn ToIndicatorColumn(ColumnHeader header)
    {
        var w = HeaderWord(header.Text);
        var role = Vocabulary.IndicatorNameHeaders.Any(n => w.StartsWith(n, StringComparison.Ordinal)) ? ColumnRole.Name
            : Vocabulary.TargetHeaders.Any(n => w.StartsWith(n, StringComparison.Ordinal)) ? ColumnRole.Target
            : Vocabulary.RealisationHeaders.Any(n => w.StartsWith(n, StringComparison.Ordinal)) ? ColumnRole.Realisation
            : Vocabulary.SourceHeaders.Any(n => w.StartsWith(n, StringComparison.Ordinal)) ? ColumnRole.Source
            : ColumnRole.Unknown;
        return new IndicatorColumn(role, header.Year, header.Quarter, header.Text);
    }

    /// <summary>Header rows and body rows; a cell stream is cut into rows at every goal or indicator code.</summary>
    private static (List<List<string>> Header, List<BodyRow> Body) SplitIndicatorTable(Table table, int tableNo)
    {
        static bool IsCode(string t) => Codes.IndicatorLine().IsMatch(t) || Codes.GoalLine().IsMatch(t);
        var header = new List<List<string>>();
        var body = new List<BodyRow>();
        if (table.Form == TableForm.CellStream)
        {
            // A cell stream is one row of cells as rebuilt; any rows it has are read as one stream.
            var cells = table.Rows.SelectMany(r => r.Cells).ToList();
            var start = cells.FindIndex(c => IsCode(DutchValue.Collapse(c.Text)));
            if (start < 0)
            {
                start = cells.Count;
            }

            var head = cells.Take(start).Select(c => DutchValue.Collapse(c.Text)).ToList();
            header.Add(head.Where(t => !DutchValue.IsYear(t)).ToList());
            header.Add(head.Where(DutchValue.IsYear).ToList());
            var current = new List<Cell>();
            var rowNo = 0;
            foreach (var cell in cells.Skip(start))
            {
                if (IsCode(DutchValue.Collapse(cell.Text)) && current.Count > 0)
                {
                    body.Add(new BodyRow(current, tableNo, ++rowNo, current[0].Source with { EndLine = current[^1].Source.EndLine ?? current[^1].Source.Line }));
                    current = [];
                }

                current.Add(cell);
            }

            if (current.Count > 0)
            {
                body.Add(new BodyRow(current, tableNo, ++rowNo, current[0].Source with { EndLine = current[^1].Source.EndLine ?? current[^1].Source.Line }));
            }

            return (header, body);
        }

        var inHeader = true;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var firstText = DutchValue.Collapse(row.Cells.FirstOrDefault(c => !c.IsEmpty)?.Text ?? string.Empty);
            if (inHeader && !IsCode(firstText))
            {
                header.Add(row.Cells.Select(c => DutchValue.Collapse(c.Text)).ToList());
                continue;
            }

            inHeader = false;
            body.Add(new BodyRow(row.Cells, tableNo, r + 1, row.Source));
        }

        return (header, body);
    }

    private void ReadIndicatorRow(
        string? code, string printedName, List<Cell> cells, int nameIndex, bool positional, List<IndicatorColumn> columns, BodyRow row,
        string? goalCode, string? contextArea, Dictionary<string, Footnote> footnotes, List<Footnote> tableNotes)
    {
        var rowProv = Prov(row.Source, row.TableNo, row.RowNo);
        var (name, nameMarker) = Codes.SplitMarker(printedName);
        var notes = new List<Footnote>(tableNotes);
        AddNote(nameMarker, footnotes, notes, rowProv);
        var placed = new List<(IndicatorColumn Column, ParsedValue Value, string Provenance)>();
        string? source = null;
        var ok = positional
            ? AlignByPosition(cells, nameIndex, columns, row, placed, ref source)
            : AlignByShape(cells, nameIndex, columns, row, placed, ref source);
        if (!ok)
        {
            var printed = string.Join(" | ", cells.Where(c => !c.IsEmpty).Select(c => DutchValue.Collapse(c.Text)));
            var valueColumns = columns.Where(c => c.Role is ColumnRole.Realisation or ColumnRole.Target).Select(c => c.Describe());
            Residue($"{code} {name} | {printed}".Trim(), $"the row's values do not fit its columns ({string.Join(", ", valueColumns)}) and cannot be placed without guessing", rowProv);
            Warn("row-not-aligned", $"indicator {code ?? name}: values not placed (see residue)", rowProv);
            placed.Clear();

            // The source is text, not a value: it can be told apart even when the values cannot be placed.
            var last = cells.LastOrDefault(c => !c.IsEmpty);
            source = last is not null && DutchValue.ParseCell(last.Text) is null && DutchValue.ParseTagged(last.Text) is null && columns.Any(c => c.Role == ColumnRole.Source) ? DutchValue.Collapse(last.Text) : null;
        }

        string? sourceText = null;
        if (source is not null)
        {
            var (text, marker) = Codes.SplitMarker(source);
            sourceText = text is "-" or "" ? null : text;
            AddNote(marker, footnotes, notes, rowProv);
        }

        var unit = UnitOf(name, placed.Select(p => p.Value));
        var observations = new List<Observation>();
        foreach (var (column, value, prov) in placed)
        {
            var obsNotes = new List<Footnote>();
            AddNote(value.FootnoteMarker, footnotes, obsNotes, prov);
            var kind = value.Prognosis ? ObservationKind.Prognose : column.Role == ColumnRole.Target ? ObservationKind.Streefwaarde : ObservationKind.Realisatie;
            if (value.Flags.Contains("trailing_dash"))
            {
                Warn("trailing-dash", $"'{value.Raw}' read as {DutchValue.Format(value.Number ?? 0)} (a stray '-' after the value)", prov);
            }

            var (flags, confidence) = Recognition(value.Flags, prov);
            observations.Add(new Observation(kind, value.Year ?? column.Year, value.Quarter ?? column.Quarter, column.ColumnName, value.Number, unit, value.Raw, flags, obsNotes, prov, confidence));
        }

        var area = Codes.AreaOf(code) ?? contextArea;
        NoteArea(area, rowProv);
        indicators.Add(new Indicator(code, goalCode ?? GoalOfIndicator(code), area, name, unit, sourceText, notes, observations, rowProv));
    }

    private static string? GoalOfIndicator(string? code) => code is null ? null : code[..code.IndexOf('.', StringComparison.Ordinal)];

    private void AddNote(string marker, Dictionary<string, Footnote> footnotes, List<Footnote> into, string provenance)
    {
        if (marker.Length == 0)
        {
            return;
        }

        if (footnotes.TryGetValue(marker, out var note))
        {
            usedMarkers.Add(marker);
            if (!into.Contains(note))
            {
                into.Add(note);
            }
        }
        else
        {
            Warn("footnote-missing", $"footnote marker '{marker}' has no footnote text under the table", provenance);
        }
    }

    private bool AlignByPosition(List<Cell> cells, int nameIndex, List<IndicatorColumn> columns, BodyRow row, List<(IndicatorColumn, ParsedValue, string)> placed, ref string? source)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var columnIndex = nameIndex + 1 + i;
            var column = columns[columnIndex];
            var text = DutchValue.Collapse(cells[i].Text);
            var prov = Prov(cells[i].Source, row.TableNo, row.RowNo, columnIndex + 1);
            if (text.Length == 0)
            {
                continue;
            }

            switch (column.Role)
            {
                case ColumnRole.Source:
                    source = text;
                    break;
                case ColumnRole.Realisation or ColumnRole.Target:
                    var values = column.Year is null ? DutchValue.ParseTagged(text) ?? Single(DutchValue.ParseCell(text)) : Single(DutchValue.ParseCell(text));
                    if (values is null)
                    {
                        return false;
                    }

                    placed.AddRange(values.Select(v => (column, v, prov)));
                    break;
                default:
                    Residue(text, $"cell under an unknown column '{column.Header}'", prov);
                    break;
            }
        }

        return true;
    }

    /// <summary>Rebuilds a row from the shape of its values: year-tagged values fill the realisatie column, plain values the year columns in order, text the source.</summary>
    private bool AlignByShape(List<Cell> cells, int nameIndex, List<IndicatorColumn> columns, BodyRow row, List<(IndicatorColumn, ParsedValue, string)> placed, ref string? source)
    {
        var filled = cells.Select((c, i) => (Text: DutchValue.Collapse(c.Text), Cell: c, Index: i)).Where(x => x.Text.Length > 0).ToList();
        var tagged = columns.FirstOrDefault(c => c.Role == ColumnRole.Realisation && c.Year is null);
        var yearColumns = columns.Where(c => c.Role is ColumnRole.Realisation or ColumnRole.Target && c != tagged).ToList();
        var k = 0;
        if (tagged is not null)
        {
            for (; k < filled.Count && DutchValue.ParseTagged(filled[k].Text) is { } values; k++)
            {
                var prov = Prov(filled[k].Cell.Source, row.TableNo, row.RowNo);
                placed.AddRange(values.Select(v => (tagged, v, prov)));
            }
        }

        var plain = new List<(ParsedValue Value, Cell Cell)>();
        for (; k < filled.Count && DutchValue.ParseCell(filled[k].Text) is { } value; k++)
        {
            plain.Add((value, filled[k].Cell));
        }

        var rest = filled.Skip(k).Select(x => x.Text).ToList();
        if (plain.Count == yearColumns.Count + 1 && rest.Count == 0 && columns.Any(c => c.Role == ColumnRole.Source) && !plain[^1].Value.HasNumber)
        {
            // The source itself was printed as '-'.
            rest.Add(plain[^1].Value.Raw);
            plain.RemoveAt(plain.Count - 1);
        }

        if (plain.Count != yearColumns.Count || rest.Count > 1)
        {
            return false;
        }

        for (var i = 0; i < plain.Count; i++)
        {
            placed.Add((yearColumns[i], plain[i].Value, Prov(plain[i].Cell.Source, row.TableNo, row.RowNo)));
        }

        source = rest.FirstOrDefault();
        return true;
    }

    private static IReadOnlyList<ParsedValue>? Single(ParsedValue? value) => value is null ? null : [value];

    internal static string? UnitOf(string name, IEnumerable<ParsedValue> values)
    {
        var lower = name.ToLowerInvariant();
        foreach (var (phrase, unit) in Vocabulary.UnitPhrases.Where(u => u.Unit.StartsWith("per_", StringComparison.Ordinal)))
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
            {
                return unit;
            }
        }

        if (lower.StartsWith("percentage", StringComparison.Ordinal) || values.Any(v => v.Percent))
        {
            return "percent";
        }

        foreach (var (phrase, unit) in Vocabulary.UnitPhrases)
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
            {
                return unit;
            }
        }

        return lower.StartsWith("aantal", StringComparison.Ordinal) ? "count" : null;
    }
}
