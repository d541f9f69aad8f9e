using System.Globalization;
using System.Net;
using System.Text;
using DuckDB.NET.Data;

namespace Begroting.Store;

/// <summary>
/// A static site of the store that opens from disk (no server, no network): an index of publications, programmes and
/// series with a search box; per programme its budget lines over the years as charts; per series its realisaties and
/// streefwaarden per year, each publication (vintage) its own mark, with every value linked to its source.
/// </summary>
/// <remarks>
/// Charts are inline SVG and the search is a few lines of script over a list in the page, so nothing is fetched.
/// Only the best rendition of each publication is drawn; the series tables say where other renditions differ.
/// </remarks>
public static class ReportSite
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
        h1,h2,h3{line-height:1.2}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left;vertical-align:top}
        td.n{text-align:right;font-variant-numeric:tabular-nums}svg{display:block;margin:.5em 0}.legend span{margin-right:1.2em;white-space:nowrap}
        .note{color:#a33}.muted{color:#777}input[type=search]{font-size:1em;padding:.3em;width:30em;max-width:100%}
        """;

    // Colours a reader tells apart (Okabe-Ito), one per publication or column kind in order.
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>Writes the site into <paramref name="outDir"/>; <paramref name="sourceRoot"/> is the folder the documents' source files are named from, for the links.</summary>
    /// <returns>The pages written.</returns>
    public static IReadOnlyList<string> Write(DuckDBConnection connection, string outDir, string sourceRoot)
    {
        Directory.CreateDirectory(Path.Combine(outDir, "series"));
        Directory.CreateDirectory(Path.Combine(outDir, "programme"));
        // Links are relative to the page: the index at the top, the programme and series pages one folder down.
        var links = new SourceLinks(Path.GetFullPath(outDir), Path.GetFullPath(sourceRoot));
        var linksBelow = new SourceLinks(Path.GetFullPath(Path.Combine(outDir, "series")), Path.GetFullPath(sourceRoot));
        var written = new List<string>();
        var publications = StoreQueries.Query(connection, "SELECT DISTINCT publication_label, kind, year, document_id, source_file FROM documents WHERE best_rendition ORDER BY year, kind, publication_label").Rows;
        var programmes = StoreQueries.Query(connection, """
            SELECT d.programme, max(p.name) FROM documents d LEFT JOIN programmes p ON p.document_id = d.document_id
            WHERE d.best_rendition AND d.programme IS NOT NULL GROUP BY 1 ORDER BY try_cast(d.programme AS INTEGER) NULLS LAST, 1
            """).Rows;
        var series = StoreQueries.Query(connection, "SELECT series_id, label, members, publications, first_year, last_year, unit_change FROM series ORDER BY label, series_id").Rows;

        foreach (var programme in programmes)
        {
            written.Add(Save(Path.Combine(outDir, "programme", Slug(programme[0]!) + ".html"), ProgrammePage(connection, programme[0]!, programme[1], linksBelow)));
        }

        foreach (var s in series)
        {
            if (StoreQueries.Series(connection, s[0]!) is { } view)
            {
                written.Add(Save(Path.Combine(outDir, "series", Slug(s[0]!) + ".html"), SeriesPage(view, linksBelow)));
            }
        }

        var index = new StringBuilder(Head("begroting: publications, programmes and series"));
        index.Append("<h1>Publications, programmes and series</h1>");
        index.Append("<h2>Publications</h2><table><tr><th>publication</th><th>kind</th><th>year</th><th>best rendition</th></tr>");
        foreach (var p in publications)
        {
            index.Append($"<tr><td>{E(p[0])}</td><td>{E(p[1])}</td><td>{E(p[2])}</td><td>{links.Anchor(p[4], null, p[3]!)}</td></tr>");
        }

        index.Append("</table><h2>Programmes</h2><ul>");
        foreach (var p in programmes)
        {
            index.Append($"<li><a href=\"programme/{Slug(p[0]!)}.html\">Programma {E(p[0])}{(p[1] is { } name ? " " + E(name) : string.Empty)}</a></li>");
        }

        index.Append("</ul><h2>Series</h2><p><input type=\"search\" id=\"q\" placeholder=\"Search indicator names\" aria-label=\"Search indicator names\"></p><ul id=\"series\">");
        foreach (var s in series)
        {
            index.Append($"<li data-name=\"{E(s[1]!.ToLowerInvariant())}\"><a href=\"series/{Slug(s[0]!)}.html\">{E(s[1])}</a> <span class=\"muted\">{E(s[4])}-{E(s[5])}, {E(s[2])} members{(s[6] == "true" ? ", unit changes" : string.Empty)}</span></li>");
        }

        index.Append("""
            </ul>
            <script>
            document.getElementById('q').addEventListener('input', e => {
              const words = e.target.value.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/\s+/).filter(w => w);
              for (const li of document.querySelectorAll('#series li')) {
                const name = li.dataset.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
                li.hidden = !words.every(w => name.includes(w));
              }
            });
            </script>
            </body></html>
            """);
        written.Insert(0, Save(Path.Combine(outDir, "index.html"), index.ToString()));
        return written;
    }

    private static string ProgrammePage(DuckDBConnection connection, string programme, string? name, SourceLinks links)
    {
        var lines = StoreQueries.Query(connection, """
            SELECT coalesce(b.area_key, b.row_group) AS area, b.row_group, b.line, b.column_kind, b.year, b.euros, d.publication_label, b.provenance, d.source_file
            FROM budget_lines b JOIN documents d ON d.document_id = b.document_id AND d.best_rendition
            WHERE d.programme = $p AND b.table_kind = 'budget' AND b.line IN ('lasten', 'baten')
              AND b.column_kind IN ('begroting', 'begroting_na_wijziging', 'rekening') AND b.year IS NOT NULL AND b.euros IS NOT NULL
            ORDER BY 1, b.line DESC, b.column_kind, b.year, d.year
            """, ("p", programme)).Rows;
        var page = new StringBuilder(Head($"Programma {programme}"));
        page.Append($"<p><a href=\"../index.html\">index</a></p><h1>Programma {E(programme)}{(name is null ? string.Empty : " " + E(name))}</h1>");
        page.Append("<p>Budget lines per beleidsterrein over the years, in euros: begroting, begroting na wijziging and rekening, each from the publication that printed it (the best rendition of each).</p>");
        if (lines.Count == 0)
        {
            page.Append("<p class=\"muted\">No budget lines in the store for this programme.</p>");
        }

        var kinds = new[] { "begroting", "begroting_na_wijziging", "rekening" };
        foreach (var area in lines.GroupBy(l => l[0]!))
        {
            var label = area.First()[1] is { } group && group != area.Key ? $"{area.Key} {group}" : area.Key;
            foreach (var line in area.GroupBy(l => l[2]!))
            {
                page.Append($"<h3>{E(label)}: {E(line.Key)}</h3>");
                var points = line.Select(l => new Point(int.Parse(l[4]!, CultureInfo.InvariantCulture), double.Parse(l[5]!, CultureInfo.InvariantCulture), Array.IndexOf(kinds, l[3]), true, $"{l[3]} {l[4]}: € {Euros(l[5]!)} ({l[6]})", false)).ToList();
                page.Append(Chart(points, v => "€ " + (v / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " M"));
                page.Append("<p class=\"legend\">").Append(string.Join(string.Empty, kinds.Select((k, i) => $"<span><svg width=\"10\" height=\"10\" style=\"display:inline\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"{Colours[i]}\"/></svg> {k.Replace('_', ' ')}</span>"))).Append("</p>");
                page.Append("<table><tr><th>column</th><th>year</th><th>euros</th><th>publication</th><th>source</th></tr>");
                foreach (var l in line)
                {
                    page.Append($"<tr><td>{E(l[3]!.Replace('_', ' '))}</td><td>{E(l[4])}</td><td class=\"n\">{E(Euros(l[5]!))}</td><td>{E(l[6])}</td><td>{links.Anchor(l[8], l[7], null)}</td></tr>");
                }

                page.Append("</table>");
            }
        }

        return page.Append("</body></html>\n").ToString();
    }

    private static string SeriesPage(SeriesView view, SourceLinks links)
    {
        var vintages = view.Members.Select(m => m.Publication).Distinct(StringComparer.Ordinal).ToList();
        var page = new StringBuilder(Head(view.Label));
        page.Append($"<p><a href=\"../index.html\">index</a></p><h1>{E(view.Label)}</h1><p class=\"muted\">series {E(view.Id)}</p>");
        if (view.UnitChange)
        {
            page.Append("<p class=\"note\">The unit changes between publications: values in another unit than the latest publication's are ringed in red and noted below.</p>");
        }

        var units = view.Rows.Where(r => r.Value is not null).Select(r => r.Unit).Distinct().ToList();
        var points = view.Rows.Where(r => r.Value is not null && r.Year is not null).Select(r => new Point(
            r.Year!.Value, r.Value!.Value, vintages.IndexOf(r.Publication), r.Kind != "streefwaarde",
            $"{r.Kind} {r.Year}: {StoreQueries.Show(r.Value)} {r.Unit} ({r.PublicationLabel})", r.Note.Contains("unit change", StringComparison.Ordinal))).ToList();
        page.Append(Chart(points, v => v.ToString("0.###", CultureInfo.InvariantCulture)));
        page.Append("<p class=\"legend\">filled: realisatie or prognose; open: streefwaarde; colour: the publication that reported or set it. ");
        page.Append(string.Join(string.Empty, vintages.Select((v, i) => $"<span><svg width=\"10\" height=\"10\" style=\"display:inline\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"{Colours[i % Colours.Length]}\"/></svg> {E(view.Members.First(m => m.Publication == v).PublicationLabel)}</span>")));
        page.Append($" <span class=\"muted\">unit: {E(string.Join(", ", units.Select(u => u ?? "none")))}</span></p>");
        page.Append("<h2>Members</h2><table><tr><th>publication</th><th>code</th><th>name</th><th>unit</th><th>link score</th></tr>");
        foreach (var m in view.Members)
        {
            page.Append($"<tr><td>{E(m.PublicationLabel)}</td><td>{E(m.Code)}</td><td>{E(m.Name)}</td><td>{E(m.Unit)}</td><td>{(m.ByOverride ? "override" : m.LinkScore?.ToString("0.00", CultureInfo.InvariantCulture))}</td></tr>");
        }

        page.Append("</table><h2>Values</h2><table><tr><th>kind</th><th>year</th><th>value</th><th>unit</th><th>publication</th><th>realised that year</th><th>note</th><th>source</th></tr>");
        foreach (var r in view.Rows)
        {
            var realised = string.Join("; ", r.Realised.Select(x => $"{(x.Value is null ? x.Raw : StoreQueries.Show(x.Value))} ({x.PublicationLabel})"));
            page.Append($"<tr><td>{E(r.Kind)}</td><td>{E(r.Year?.ToString(CultureInfo.InvariantCulture))}{(r.Quarter is { } q ? $"-Q{q}" : string.Empty)}</td><td class=\"n\">{E(r.Value is null ? r.Raw : StoreQueries.Show(r.Value))}</td><td>{E(r.Unit)}</td><td>{E(r.PublicationLabel)}</td><td>{E(realised)}</td><td class=\"note\">{E(r.Note)}</td><td>{links.Anchor(SourceLinks.FileOf(r.Provenance), r.Provenance, null)}</td></tr>");
        }

        return page.Append("</table></body></html>\n").ToString();
    }

    private sealed record Point(int Year, double Value, int Colour, bool Filled, string Title, bool Marked);

    /// <summary>Years along, values up, one mark per value with its title: an SVG that needs nothing to show.</summary>
    private static string Chart(IReadOnlyList<Point> points, Func<double, string> label)
    {
        if (points.Count == 0)
        {
            return "<p class=\"muted\">No values to draw.</p>";
        }

        const double W = 640, H = 240, Left = 80, Right = 20, Top = 12, Bottom = 28;
        var (y0, y1) = (Math.Min(0, points.Min(p => p.Value)), Math.Max(points.Max(p => p.Value), 1e-9));
        var (x0, x1) = (points.Min(p => p.Year), points.Max(p => p.Year));
        double X(int year) => x0 == x1 ? (Left + W - Right) / 2 : Left + ((year - x0) * (W - Left - Right) / (x1 - x0));
        double Y(double v) => Top + ((y1 - v) * (H - Top - Bottom) / (y1 - y0));
        static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder($"<svg viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\">");
        svg.Append($"<line x1=\"{Left}\" y1=\"{F(Y(y0))}\" x2=\"{W - Right}\" y2=\"{F(Y(y0))}\" stroke=\"#999\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{F(Y(y0))}\" stroke=\"#999\"/>");
        foreach (var v in new[] { y0, (y0 + y1) / 2, y1 })
        {
            svg.Append($"<text x=\"{Left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" font-size=\"11\">{E(label(v))}</text>");
        }

        for (var year = x0; year <= x1; year++)
        {
            svg.Append($"<text x=\"{F(X(year))}\" y=\"{H - 8}\" text-anchor=\"middle\" font-size=\"11\">{year}</text>");
        }

        // Marks of one year are set side by side so that two publications' values for it both show.
        foreach (var year in points.GroupBy(p => p.Year))
        {
            var i = 0;
            var count = year.Count();
            foreach (var p in year)
            {
                var x = X(p.Year) + ((i++ - ((count - 1) / 2.0)) * 7);
                var colour = Colours[p.Colour < 0 ? 0 : p.Colour % Colours.Length];
                var mark = p.Filled
                    ? $"<circle cx=\"{F(x)}\" cy=\"{F(Y(p.Value))}\" r=\"4\" fill=\"{colour}\""
                    : $"<rect x=\"{F(x - 4)}\" y=\"{F(Y(p.Value) - 4)}\" width=\"8\" height=\"8\" fill=\"white\" stroke=\"{colour}\" stroke-width=\"2\"";
                svg.Append(mark).Append($"><title>{E(p.Title)}</title>").Append(p.Filled ? "</circle>" : "</rect>");
                if (p.Marked)
                {
                    svg.Append($"<circle cx=\"{F(x)}\" cy=\"{F(Y(p.Value))}\" r=\"8\" fill=\"none\" stroke=\"#c00\"><title>unit change</title></circle>");
                }
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Links from the site to a source file (a PDF opened at its page), relative so the site and the sources can move together.</summary>
    private sealed class SourceLinks(string from, string root)
    {
        public static string? FileOf(string? provenance) => provenance is null ? null : Citations.Parse(provenance)?.File ?? provenance.Split('#', ';', '@')[0];

        public string Anchor(string? file, string? provenance, string? text)
        {
            if (file is null)
            {
                return E(text ?? provenance);
            }

            var target = Path.GetRelativePath(from, Path.Combine(root, file)).Replace('\\', '/');
            var href = string.Join('/', target.Split('/').Select(Uri.EscapeDataString));
            if (provenance is not null && Citations.Parse(provenance)?.Page is { } page)
            {
                href += "#page=" + page.ToString(CultureInfo.InvariantCulture);
            }

            return $"<a href=\"{E(href)}\">{E(text ?? (provenance is null ? file : Citations.Place(provenance)))}</a>";
        }
    }

    private static string Head(string title) =>
        $"<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{E(title)}</title><meta name=\"viewport\" content=\"width=device-width\"><style>{Style}</style></head><body>";

    private static string Save(string path, string html)
    {
        using var file = new Pipeline.Export.AtomicFile(path);
        file.Stream.Write(new UTF8Encoding(false).GetBytes(html));
        file.Commit();
        return path;
    }

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);

    private static string Euros(string euros) => decimal.Parse(euros, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static string Slug(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
}
