namespace Begroting.Model.Layout;

/// <summary>Where a block, row or cell came from in its source file.</summary>
/// <remarks>
/// Text sources fill lines; PDF sources fill page and box; HTML sources fill a DOM path. Text recognised by OCR
/// carries the recogniser's confidence in it (0 to 1, the least of its words'); text that was given, not
/// recognised, has none.
/// </remarks>
public sealed record SourceRef(string File, int? Line = null, int? EndLine = null, int? Page = null, BoundingBox? Box = null, string? Path = null, double? Confidence = null)
{
    public SourceRef WithLines(int line, int endLine) => this with { Line = line, EndLine = endLine == line ? null : endLine };

    public override string ToString()
    {
        var s = File;
        if (Page is { } p)
        {
            s += $"#p{p}";
        }

        if (Line is { } l)
        {
            s += EndLine is { } e ? $"#L{l}-{e}" : $"#L{l}";
        }

        if (Path is { } path)
        {
            s += (Line is null && Page is null ? "#" : "@") + path;
        }

        return s;
    }
}

/// <summary>A rectangle on a PDF page in points, origin bottom left.</summary>
public sealed record BoundingBox(double Left, double Bottom, double Right, double Top);

/// <summary>One block of a document in reading order.</summary>
public abstract record Block(SourceRef Source)
{
    /// <summary>Blank lines (or equivalent vertical gap) before this block; a wide gap often ends a table.</summary>
    public int GapBefore { get; init; }
}

public sealed record Heading(int Level, string Text, SourceRef Source) : Block(Source);

/// <summary>A paragraph keeps its source lines: a serialised table cell or a hyphenated line end may need them.</summary>
public sealed record Paragraph(IReadOnlyList<string> Lines, SourceRef Source) : Block(Source)
{
    public string Text => string.Join(" ", Lines.Select(l => l.Trim())).Trim();
}

public sealed record ListItem(string Text, int Depth, string Marker, SourceRef Source) : Block(Source);

/// <summary>How a table was laid out in its source.</summary>
public enum TableForm
{
    /// <summary>Rows and cells are known (tabs, pipes, HTML, ruled PDF).</summary>
    Grid,

    /// <summary>Cells are known but rows are not: one cell after another (crawled pages, one cell per line).</summary>
    CellStream,
}

public sealed record Table(IReadOnlyList<TableRow> Rows, TableForm Form, SourceRef Source) : Block(Source)
{
    public int Width => Rows.Count == 0 ? 0 : Rows.Max(r => r.Cells.Count);

    /// <summary>The table's own title where the source marks one (an HTML caption or figcaption): it often names the programme and the scale.</summary>
    public TableCaption? Caption { get; init; }
}

/// <summary>A table's caption: its lines (a &lt;br&gt; in it makes two), with its own provenance.</summary>
public sealed record TableCaption(IReadOnlyList<string> Lines, SourceRef Source)
{
    public string Text => string.Join(" ", Lines);
}

/// <summary>A row; <see cref="IsHeader"/> is set only where the source says so (th, a markdown rule under it).</summary>
public sealed record TableRow(IReadOnlyList<Cell> Cells, SourceRef Source, bool IsHeader = false);

/// <summary>A cell keeps its lines: a cell with a line break holds several values.</summary>
public sealed record Cell(IReadOnlyList<string> Lines, SourceRef Source, bool IsHeader = false)
{
    private string? text;

    /// <summary>A copy made with 'with' computes its text anew.</summary>
    private Cell(Cell original)
    {
        Lines = original.Lines;
        Source = original.Source;
        IsHeader = original.IsHeader;
    }

    /// <summary>The lines joined by one space; computed once, since every stage reads it.</summary>
    public string Text => text ??= Lines.Count == 1 ? Lines[0].Trim() : string.Join(" ", Lines.Select(l => l.Trim()).Where(l => l.Length > 0));

    public bool IsEmpty => Text.Length == 0;
}

/// <summary>What a reader produces: blocks in reading order plus what it noticed.</summary>
public sealed record LayoutDocument(string File, string Format, IReadOnlyList<Block> Blocks, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics, bool EndsWithNewline = true)
{
    /// <summary>What the reader changed in text it recognised (OCR), each with what was read, what it became, why and where; the canonical document keeps them.</summary>
    public IReadOnlyList<Canonical.Repair> Repairs { get; init; } = [];
}
