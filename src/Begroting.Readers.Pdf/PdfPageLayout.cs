using System.Text.RegularExpressions;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;

namespace Begroting.Readers.Pdf;

/// <summary>One page's lines to blocks: tables where lines align in columns, otherwise paragraphs, headings and list items.</summary>
internal static partial class PdfPageLayout
{
    public static void Blocks(IReadOnlyList<PdfLine> lines, string file, int page, double pageHeight, List<Block> into)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var bodySize = lines.GroupBy(l => Math.Round(l.Size)).OrderByDescending(g => g.Count()).First().Key;

        // OCR'd sizes are estimates that scatter around the body size: their median stands for it unrounded.
        var medianSize = lines.Select(l => l.Size).Order().ElementAt(lines.Count / 2);
        var paragraph = new List<PdfLine>();
        void Flush()
        {
            if (paragraph.Count == 0)
            {
                return;
            }

            var source = new SourceRef(file, Page: page, Box: PdfTables.Box(paragraph.SelectMany(l => l.Words), pageHeight), Confidence: PdfWord.ConfidenceOf(paragraph.SelectMany(l => l.Words)));
            var text = paragraph.Select(l => l.Text).ToList();
            if (text.Count == 1 && (paragraph[0].Size > bodySize * 1.1 || paragraph[0].Bold) && text[0].Length <= 120)
            {
                into.Add(new Heading(paragraph[0].Size > bodySize * 1.3 ? 1 : 2, text[0], source));
            }
            else if (Bullet().Match(text[0]) is { Success: true } m)
            {
                text[0] = text[0][m.Length..];
                into.Add(new ListItem(string.Join(" ", text), 0, m.Value.Trim(), source));
            }
            else
            {
                into.Add(new Paragraph(text, source));
            }

            paragraph.Clear();
        }

        // Tables first, so that header lines found above a table's first row (read as text until the table was
        // found) go into the table, not into the paragraph before it.
        var tables = new SortedDictionary<int, (int End, Table Table)>();
        var free = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var end = PdfTables.RegionEnd(lines, i);
            if (end <= i)
            {
                continue;
            }

            var start = PdfTables.HeaderStart(lines, free, i, end);
            var table = start < i ? PdfTables.TryBuild(lines.Skip(start).Take(end - start).ToList(), file, page, pageHeight) : null;
            if (table is null)
            {
                start = i;
                table = PdfTables.TryBuild(lines.Skip(i).Take(end - i).ToList(), file, page, pageHeight);
            }

            if (table is not null)
            {
                tables[start] = (end, table);
                free = end;
                i = Advance.Past(i, end) - 1;
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (tables.TryGetValue(i, out var found))
            {
                Flush();
                into.Add(found.Table);
                i = Advance.Past(i, found.End) - 1;
                continue;
            }

            var line = lines[i];
            if (paragraph.Count > 0)
            {
                var previous = paragraph[^1];
                // Baseline to baseline: a line of a paragraph follows at about 1.2 times the size; a new paragraph further
                // down, the next column back up.
                var pitch = line.Bottom - previous.Bottom;
                var (size, previousSize) = Recognised(line) && Recognised(previous) ? (medianSize, medianSize) : (line.Size, previous.Size);
                if (pitch > Math.Max(size, previousSize) * 1.6 || pitch < size * 0.5 || SizeChanges(previous, line) || line.Bold != previous.Bold || Bullet().IsMatch(line.Text) || Footnote(previous, line))
                {
                    Flush();
                }
            }

            paragraph.Add(line);
        }

        Flush();
    }

    /// <summary>Whether the line was read by OCR: every word carries the recogniser's confidence.</summary>
    internal static bool Recognised(PdfLine line) => line.Words.All(w => w.Confidence is not null);

    /// <summary>Whether the text size changes from one line to the next, as between a heading and its paragraph.</summary>
    /// <remarks>
    /// An OCR'd word has no size of its own: it gets the size the recogniser estimates for its whole line, and on a
    /// page in two columns that line often runs through both, so a tall heading in one column lends its size to the
    /// body line beside it, and descenders or a speck swell the estimate. Between OCR'd lines only the spacing tells
    /// paragraphs apart.
    /// </remarks>
    internal static bool SizeChanges(PdfLine previous, PdfLine line) =>
        !(Recognised(previous) && Recognised(line)) && Math.Abs(line.Size - previous.Size) > 0.5;

    /// <summary>A note under a paragraph ('* De realisatie van deze indicatoren ...'): its marker starts a line after a finished sentence.</summary>
    /// <remarks>On a text layer its smaller size sets it apart too; OCR gives no sizes to tell by, and notes often follow at the body's spacing.</remarks>
    internal static bool Footnote(PdfLine previous, PdfLine line) => FootnoteMarker().IsMatch(line.Text) && SentenceEnd().IsMatch(previous.Text);

    [GeneratedRegex(@"^\*{1,3}\s*\p{Lu}")]
    private static partial Regex FootnoteMarker();

    [GeneratedRegex(@"[.!?)]\**$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:[•·▪◦–-]|\d{1,2}[.)])\s+")]
    private static partial Regex Bullet();
}
