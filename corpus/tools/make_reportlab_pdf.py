#!/usr/bin/python3
"""Renders the Programmabegroting 2018, programme 9 (seed 000) as a PDF with ReportLab.

Run it without arguments (/usr/bin/python3 corpus/tools/make_reportlab_pdf.py; Debian's python3-reportlab). It
reads corpus/leiden/2018/programmabegroting-2018-p9.txt and writes

    corpus/regressions/pdf/reportlab-programmabegroting-2018.pdf

a re-layout of the same text and figures as a ReportLab story: headings, paragraphs, bullet and numbered
lists, and every tab-separated table as a ReportLab Table of wrapped cells. Nothing is added but print chrome
(a running header naming the document, page numbers). The type is set tight, as ReportLab's own examples set
it: body text 10 pt on 11.5 pt, table text 8 pt on 8.5 pt, so the lines of a cell stand closer than the rows of
a table; the header cells of the money tables ('Rekening 2016', 'Begroting 2017') wrap onto two lines in their
narrow columns, 'Streefwaarden' and 'Meerjarenraming' span the year columns under them, and a goal or group
label spans the rows it heads. Tables have no ruling but a line under the header, so they are read as unruled
tables.

A twelve-page ReportLab book of this text hung the PDF reader; this rendering is kept as a regression file
(see corpus/regressions/README.md) that holds such books to seconds, though it did not hang the reader before
the fixes either. The output is byte-identical on every run (ReportLab's invariant mode: fixed
dates and document id).

--out FILE writes elsewhere.
"""

import argparse
import os
import re
import sys

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
SEED = os.path.join(CORPUS, "leiden", "2018", "programmabegroting-2018-p9.txt")
OUT = os.path.join(CORPUS, "regressions", "pdf", "reportlab-programmabegroting-2018.pdf")
FONTS = "/usr/share/fonts/truetype/liberation"

RUNNING_HEADER = "Programmabegroting 2018 \u2014 Maatschappelijke Ondersteuning"
H2 = {"Inleiding", "Verbonden Partijen", "Kaderstellende beleidsstukken", "Budgettaire ontwikkelingen", "Reserves",
      "Investerings", "Subsidies"}
LINE_WORDS = {"Lasten", "Baten", "Toevoeging", "Onttrekking"}


def fonts():
    """Liberation Sans (embedded, every character of the seed), with bold and italic for <b> and <i>."""
    for name, file in [("Sans", "LiberationSans-Regular.ttf"), ("Sans-Bold", "LiberationSans-Bold.ttf"),
                       ("Sans-Italic", "LiberationSans-Italic.ttf"), ("Sans-BoldItalic", "LiberationSans-BoldItalic.ttf")]:
        pdfmetrics.registerFont(TTFont(name, os.path.join(FONTS, file)))
    pdfmetrics.registerFontFamily("Sans", normal="Sans", bold="Sans-Bold", italic="Sans-Italic", boldItalic="Sans-BoldItalic")


def styles():
    body = ParagraphStyle("body", fontName="Sans", fontSize=10, leading=11.5, spaceAfter=4)
    return {
        "title": ParagraphStyle("title", parent=body, fontSize=11, leading=13, spaceAfter=2),
        "h1": ParagraphStyle("h1", parent=body, fontName="Sans-Bold", fontSize=15, leading=17, spaceBefore=8, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=body, fontName="Sans-Bold", fontSize=12.5, leading=14.5, spaceBefore=7, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=body, fontName="Sans-Bold", fontSize=10.5, leading=12, spaceBefore=5, spaceAfter=3),
        "body": body,
        "note": ParagraphStyle("note", parent=body, fontSize=8, leading=9, spaceAfter=2),
        "cell": ParagraphStyle("cell", fontName="Sans", fontSize=8, leading=8.5),
        "head": ParagraphStyle("head", fontName="Sans-Bold", fontSize=8, leading=8.5),
        "figure": ParagraphStyle("figure", fontName="Sans", fontSize=8, leading=8.5, alignment=TA_RIGHT),
        "headfigure": ParagraphStyle("headfigure", fontName="Sans-Bold", fontSize=8, leading=8.5, alignment=TA_RIGHT),
    }


def esc(text):
    """Text for a Paragraph: markup characters escaped, the seed's own <i> tags kept."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("&lt;i&gt;", "<i>").replace("&lt;/i&gt;", "</i>")


def split_values(cell):
    """'5,8 (2014) 5,7 (2015)' -> one value per line, as the realisatie cells are printed."""
    return [v.strip() for v in re.findall(r"[^()]*\([^)]*\)\**", cell)] or [cell]


def read_blocks():
    lines = open(SEED, encoding="utf-8").read().split("\n")
    last = max(i for i in range(len(lines)) if lines[i].strip())
    assert lines[last] == "Werk en inkomen", lines[last]
    ten = max(i for i in range(last) if lines[i].strip())
    assert lines[ten] == "10", lines[ten]
    title = lines.index("Programmabegroting 2018")
    version = lines.index("Versie: 4.0.0.0.0")
    number = lines.index("9")
    names = [i for i in range(20) if lines[i] == "Maatschappelijke Ondersteuning"]
    assert len(names) == 2 and title < version < number < names[0], names

    # Dropped: the version line, the page number '10' and the next programme's heading at the end, and the
    # programme name repeated under its chapter opener; the title and the name open the document.
    skip = {title, version, number, names[0], names[1], ten, last}
    blocks = [("title", lines[title]), ("h1", "9 " + lines[names[0]])]
    i = 0
    while i < len(lines):
        line = lines[i]
        if i in skip or not line.strip():
            i += 1
            continue
        s = line.strip()
        if "\t" in line:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            blocks.append(("table", rows))
            continue
        if line.startswith("- ") or line.startswith("Kaders wijkaanpak"):
            items = []
            while i < len(lines) and lines[i].strip():
                item = lines[i]
                if item.startswith(" - "):
                    items[-1][1].append(item[3:])
                else:
                    items.append((item[2:] if item.startswith("- ") else item, []))
                i += 1
            blocks.append(("ul", items))
            continue
        if re.match(r"^\d\. ", line):
            items = []
            while i < len(lines) and re.match(r"^\d\. ", lines[i]):
                items.append(lines[i][3:])
                i += 1
            blocks.append(("ol", items))
            continue
        if re.match(r"^Beleids{1,2}terrein 9[A-D] ", s) or s == "Programmakosten":
            blocks.append(("h1" if not any(b == ("h1", "Programmakosten") for b in blocks) else "h3", s))
        elif s in H2 or re.match(r"^(Doelen en prestaties|Effectindicatoren) bij 9[A-D] ", s):
            blocks.append(("h2", s))
        elif re.match(r"^9[A-D]\d\.\d ", s) or s == "Regionale Dienst Openbare Gezondheidszorg Hollands Midden":
            blocks.append(("h3", s))
        elif re.match(r"^\*+ ", s):
            blocks.append(("note", s))
        else:
            blocks.append(("body", s))
        i += 1
    return blocks


def table(rows, st, width):
    """A tab-separated table of the seed as a ReportLab Table: cells wrapped, headers spanning as printed."""
    first = rows[0]
    plain = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])

    def p(text, style="cell"):
        return Paragraph(esc(text), st[style]) if text else ""

    if first[0].startswith("<i>"):
        data = [[p(r[0]), p(r[1])] for r in rows]
        t = Table(data, colWidths=[4 * cm, width - 4 * cm])
        t.setStyle(plain)
        return t

    if first == ["Doel", "Prestatie"]:
        data = [[p("Doel", "head"), p("Prestatie", "head")]]
        spans = []
        start = None
        for r in rows[1:]:
            if r[0]:
                if start is not None and len(data) - 1 > start:
                    spans.append(("SPAN", (0, start), (0, len(data) - 1)))
                start = len(data)
            data.append([p(r[0]), p(r[1])])
        if start is not None and len(data) - 1 > start:
            spans.append(("SPAN", (0, start), (0, len(data) - 1)))
        t = Table(data, colWidths=[width * 0.38, width * 0.62], repeatRows=1)
        t.setStyle(plain)
        t.setStyle(TableStyle(spans + [("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black)]))
        return t

    if first[0] == "Effectindicator":
        assert first == ["Effectindicator", "Realisatie", "Streefwaarden", "", "", "", "Bron"], first
        years = rows[1]
        data = [[p("Effectindicator", "head"), p("Realisatie", "head"), p("Streefwaarden", "head"), "", "", "", p("Bron", "head")],
                ["", ""] + [p(y, "headfigure") for y in years[2:6]] + [""]]
        spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (5, 0)), ("SPAN", (6, 0), (6, 1))]
        for r in rows[2:]:
            r = r + [""] * (7 - len(r))
            if all(c == "" for c in r[1:]):
                spans.append(("SPAN", (0, len(data)), (6, len(data))))
                data.append([p(r[0], "head")] + [""] * 6)
                continue
            realisatie = Paragraph("<br/>".join(esc(v) for v in split_values(r[1])), st["cell"])
            data.append([p(r[0]), realisatie] + [p(v, "figure") for v in r[2:6]] + [p(r[6])])
        rest = width - 3.2 * cm - 2.8 * cm - 4 * 1.1 * cm
        t = Table(data, colWidths=[rest, 3.2 * cm] + [1.1 * cm] * 4 + [2.8 * cm], repeatRows=2)
        t.setStyle(plain)
        t.setStyle(TableStyle(spans + [("LINEBELOW", (0, 1), (-1, 1), 0.5, colors.black)]))
        return t

    if first[0].startswith("Maatschappelijke ondersteuning bedragen") or first[0].startswith("Reserves programma 9 bedragen"):
        budget = first[0].startswith("Maatschappelijke")
        if budget:
            years = rows[1]
            data = [[p(first[0], "head"), ""] + [p(h, "headfigure") for h in first[2:5]] + [p("Meerjarenraming", "headfigure"), "", ""],
                    ["", "", "", "", ""] + [p(y, "headfigure") for y in years[5:8]]]
            spans = [("SPAN", (0, 0), (1, 1)), ("SPAN", (2, 0), (2, 1)), ("SPAN", (3, 0), (3, 1)), ("SPAN", (4, 0), (4, 1)), ("SPAN", (5, 0), (7, 0))]
            body = rows[2:]
            header = 2
        else:
            data = [[p(first[0], "head"), ""] + [p(h, "headfigure") for h in first[2:]]]
            spans = [("SPAN", (0, 0), (1, 0))]
            body = rows[1:]
            header = 1
        i = 0
        while i < len(body):
            label, line, values = body[i][0], body[i][1], body[i][2:]
            if label and line:
                group = 1
                while i + group < len(body) and not body[i + group][0] and body[i + group][1] in LINE_WORDS:
                    group += 1
                if group > 1:
                    spans.append(("SPAN", (0, len(data)), (0, len(data) + group - 1)))
                for k in range(group):
                    r = body[i + k]
                    data.append([p(r[0]) if k == 0 else "", p(r[1])] + [p(v, "figure") for v in r[2:]])
                i += group
                continue
            spans.append(("SPAN", (0, len(data)), (1, len(data))))
            data.append([p(label, "head" if label == "Resultaat" else "cell"), ""] + [p(v, "figure") for v in values])
            i += 1
        figures = 6 * 1.6 * cm
        t = Table(data, colWidths=[width - figures - 1.9 * cm, 1.9 * cm] + [1.6 * cm] * 6, repeatRows=header)
        t.setStyle(plain)
        t.setStyle(TableStyle(spans + [("LINEBELOW", (0, header - 1), (-1, header - 1), 0.5, colors.black)]))
        return t

    if first[0] == "" and first[1].startswith("subsiestaat"):
        data = [[""] + [p(h, "headfigure") for h in first[1:]]] + [[p(r[0])] + [p(c, "figure") for c in r[1:]] for r in rows[1:]]
        t = Table(data, colWidths=[width - 2 * 3 * cm, 3 * cm, 3 * cm])
        t.setStyle(plain)
        return t

    raise AssertionError("unknown table: %r" % (first,))


def story(blocks, st, width):
    out = []
    for kind, *rest in blocks:
        if kind == "table":
            out.append(table(rest[0], st, width))
            out.append(Spacer(1, 6))
        elif kind == "ul":
            items = []
            for text, sub in rest[0]:
                flow = [Paragraph(esc(text), st["body"])]
                if sub:
                    flow.append(ListFlowable([ListItem(Paragraph(esc(s), st["body"])) for s in sub], bulletType="bullet", start="-", leftIndent=12))
                items.append(ListItem(flow))
            out.append(ListFlowable(items, bulletType="bullet", start="-", leftIndent=12, bulletFontName="Sans"))
        elif kind == "ol":
            out.append(ListFlowable([ListItem(Paragraph(esc(t), st["body"])) for t in rest[0]], bulletType="1", bulletFormat="%s.", leftIndent=14, bulletFontName="Sans"))
        else:
            out.append(Paragraph(esc(rest[0]), st[kind]))
    return out


def chrome(canvas, doc):
    canvas.saveState()
    canvas.setFont("Sans", 7)
    canvas.drawString(doc.leftMargin, A4[1] - 1.2 * cm, RUNNING_HEADER)
    canvas.drawCentredString(A4[0] / 2, 1.1 * cm, str(doc.page))
    canvas.restoreState()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    fonts()
    st = styles()
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    doc = SimpleDocTemplate(args.out, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2.2 * cm, bottomMargin=2.2 * cm,
                            title="Programmabegroting 2018, programma 9 Maatschappelijke Ondersteuning", author="Gemeente Leiden", creator="ReportLab")
    doc.build(story(read_blocks(), st, A4[0] - 5 * cm), onFirstPage=chrome, onLaterPages=chrome)
    print("%s: %d pages" % (os.path.relpath(args.out), doc.page), file=sys.stderr)


if __name__ == "__main__":
    main()
