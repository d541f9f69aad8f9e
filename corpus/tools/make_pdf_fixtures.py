#!/usr/bin/env python3
"""Builds the PDF fixtures of the corpus by printing the HTML fixtures and seed texts with real PDF producers.

Run it without arguments (python3 corpus/tools/make_pdf_fixtures.py) after make_html_fixtures.py. It needs

    chromium      headless Chromium (Debian package 'chromium')
    soffice       LibreOffice Writer (Debian package 'libreoffice-writer-nogui' or 'libreoffice-writer')
    pdfinfo, pdftotext   poppler-utils, for the checks
    fonts         Liberation (fonts-liberation), used by name in every print style

and writes, from the existing fixtures (same text and figures, nothing added but print chrome: a running
header naming the document and page numbers):

    leiden/2018/pdf/programmabegroting-2018-p9-chromium.pdf            the six pages of the 2018 site folder,
                                                                       <main> only, one A4 document, ruled tables
    leiden/2018/pdf/programmabegroting-2018-p9-noruling-chromium.pdf   the same without any ruling or shading
    leiden/2024/pdf/jaarstukken-2024-p9-chromium.pdf                   the 2024 page, A4 portrait, ruled
    leiden/2024/pdf/jaarstukken-2024-p9-landscape-chromium.pdf         the same on A4 landscape
    leiden/2024/pdf/jaarstukken-2024-p9-libreoffice.pdf                the 2024 page via a .fodt, LibreOffice
    leiden/2017/pdf/programmabegroting-2017-p9-9d-libreoffice.pdf      the 2017 9D page via a .fodt, LibreOffice
    leiden/2013/pdf/beleidsplan-2013-iedereen-telt-mee-2col-chromium.pdf   the OCR text of the 2013 plan in two
                                                                       columns, every line of the text one line

The print HTML and .fodt files are built in a temporary directory (kept with --keep DIR). Chromium prints with
CSS @page margin boxes (running header, page number); LibreOffice converts a flat ODF text document whose
master page holds the same header and a page-number field, tables with repeated header rows.

Before writing anything it checks the printed content against the seeds (the same checks as
make_html_fixtures.py: every text run occurs in the seed, every seed cell and line occurs in the print), and
after printing it checks each PDF: pdfinfo opens it (page count, size under 1 MiB); pdftotext finds every raw
value of the gold the document is scored against; no soft hyphen in the text; the words of the PDF text are the
words of the print content (plus the running header, page numbers, list markers and repeated table headers);
every table that runs over a page shows its header again above its first row on the next page; the 2013 lines
come out one for one, in order. Nothing is written when a check fails (--force writes anyway). It then replaces
the pdf entries: updated in corpus/manifest.json when listed there (the reader reproduces their gold), else written to corpus/tools/pdf-fixtures.json; the notes of each
entry say which tables run over which pages.

Print settings (top margin, font size) are tried in a fixed order until the tables a fixture must break do run
over a page: in the A4 portrait Chromium prints at least one indicator table and the programmakosten or reserves
table (the ruled and the unruled 2018 print share their settings); in the LibreOffice prints an indicator table
(2017) or any indicator, programmakosten or reserves table (2024). The first settings that do are kept, so the
choice is the same on every run with the same producers.

The PDF bytes of a producer differ between runs only in the creation and modification dates it writes (and
LibreOffice's document /ID and /DocChecksum); these are replaced by fixed values of the same length (no offset
moves), so that a rebuild with the same producer versions is byte-identical. --keep-dates keeps them as written.

Standard library only, plus the programs above run with subprocess.
"""

import argparse
import csv
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ beside the tools
import make_html_fixtures as mhf  # noqa: E402  (seed checks and seed paths)

SHY = "\u00ad"
NBSP = "\u00a0"

SEED_2013 = "leiden/2013/beleidsplan-2013-iedereen-telt-mee.txt"
ORIGIN = dict(mhf.ORIGIN)
ORIGIN[SEED_2013] = "shared/seeds/004_49602971ae4af014.txt"

SITE_2018 = "leiden/2018/html/programmabegroting-2018-p9/"
PAGES_2018 = ["01-programma.html", "02-beleidsterrein-9a.html", "03-beleidsterrein-9b.html",
              "04-beleidsterrein-9c.html", "05-beleidsterrein-9d.html", "06-programmakosten.html"]
HTML_2017 = "leiden/2017/html/programmabegroting-2017-p9-9d.html"
HTML_2024 = "leiden/2024/html/jaarstukken-2024-p9.html"

FONT = "Liberation Sans"

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer"]


# ---------------------------------------------------------------------------------------------------------------
# A small DOM of the fixture pages (they are well-formed HTML5 made by make_html_fixtures.py)

VOID = {"br", "meta", "img", "hr", "input", "link", "col", "wbr"}
BLOCKS = {"p", "td", "th", "tr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody",
          "blockquote", "div", "main"}


class Node:
    def __init__(self, tag, attrs=None, parent=None):
        self.tag = tag
        self.attrs = dict(attrs or [])
        self.attr_order = [k for k, _ in (attrs or [])]
        self.children = []
        self.parent = parent

    def find(self, tag):
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == tag:
                    return c
                r = c.find(tag)
                if r is not None:
                    return r
        return None

    def iter(self, tag=None):
        for c in self.children:
            if isinstance(c, Node):
                if tag is None or c.tag == tag:
                    yield c
                yield from c.iter(tag)

    def text(self):
        """The text, with a space for <br> and around block elements (cells, paragraphs, items)."""
        out = []
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == "br":
                    out.append(" ")
                elif c.tag in BLOCKS:
                    out.append(" " + c.text() + " ")
                else:
                    out.append(c.text())
            else:
                out.append(c)
        return "".join(out)

    def set(self, key, value):
        if key not in self.attrs:
            self.attr_order.append(key)
        self.attrs[key] = value


class DomBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        assert n is not self.root, "unbalanced </%s>" % tag
        self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse_html(text):
    b = DomBuilder()
    b.feed(text)
    b.close()
    return b.root


def esc_text(text):
    """Text for the print HTML: escaped, soft hyphens dropped (Chromium keeps U+00AD in the PDF text),
    no-break spaces kept as &nbsp;."""
    return html.escape(text.replace(SHY, ""), quote=False).replace(NBSP, "&nbsp;")


def serialize(node):
    out = []
    for c in node.children:
        if isinstance(c, str):
            out.append(esc_text(c))
            continue
        a = "".join(' %s="%s"' % (k, html.escape(c.attrs[k] or "", quote=True)) for k in c.attr_order)
        if c.tag in VOID:
            out.append("<%s%s>" % (c.tag, a))
        else:
            out.append("<%s%s>%s</%s>" % (c.tag, a, serialize(c), c.tag))
    return "".join(out)


def read(rel):
    with open(os.path.join(CORPUS, rel), encoding="utf-8", newline="") as f:
        return f.read()


NUMERIC = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?%?\**$|^-$|^-0$")


def prepare_main(main):
    """The <main> of a fixture page, for print: links unwrapped (their text kept), numeric cells marked so they
    can be right-aligned, the header cells over the money columns likewise."""
    def unwrap(node):
        kids = []
        for c in node.children:
            if isinstance(c, Node) and c.tag == "a":
                unwrap(c)
                for g in c.children:
                    if isinstance(g, Node):
                        g.parent = node
                    kids.append(g)
            else:
                if isinstance(c, Node):
                    unwrap(c)
                kids.append(c)
        node.children = kids
    unwrap(main)
    for table in main.iter("table"):
        kind = table.attrs.get("class", "")
        for cell in table.iter("td"):
            if NUMERIC.match(mhf.norm(cell.text())):
                cell.set("class", "num")
        if kind in ("budget", "reserves"):
            thead = table.find("thead")
            rows = list(thead.iter("tr")) if thead else [next(table.iter("tr"))]
            for r in rows:
                cells = [c for c in r.children if isinstance(c, Node)]
                for k, c in enumerate(cells):
                    if c.tag == "th" and not (k == 0 and int(c.attrs.get("colspan", "1")) >= 2):
                        c.set("class", "num")
    return main


def fixture_main(rel):
    return prepare_main(parse_html(read(rel)).find("main"))


# ---------------------------------------------------------------------------------------------------------------
# Print HTML for Chromium

def print_css(header_left, header_right, landscape=False, ruling=True, base_pt=9.0, table_pt=8.0, top_mm=17):
    chrome = 'font-family: "%s"; font-size: 7.5pt; color: #000;' % FONT
    css = """@page {
  size: A4%(orient)s;
  margin: %(margins)s;
  @top-left { content: "%(hl)s"; %(chrome)s vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: "%(hr)s"; %(chrome)s vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-center { content: counter(page); %(chrome)s vertical-align: top; padding-top: 3mm; }
}
html { font-family: "%(font)s"; font-size: %(base)spt; line-height: 1.3; color: #000; }
body { margin: 0; }
h1 { font-size: 15pt; margin: 10pt 0 6pt; }
h2 { font-size: 12pt; margin: 10pt 0 4pt; }
h3 { font-size: 10pt; margin: 8pt 0 3pt; }
h4 { font-size: 9pt; margin: 6pt 0 2pt; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 5pt; orphans: 2; widows: 2; }
p.documenttitel { font-size: 11pt; margin-bottom: 2pt; }
p.voetnoot, p.bijschrift { font-size: %(small)spt; }
blockquote { margin: 4pt 0 6pt 10mm; font-style: italic; }
ul, ol { margin: 0 0 5pt; padding-left: 6mm; }
li { margin: 0 0 1pt; }
sup { font-size: 75%%; line-height: 0; vertical-align: 0.35em; }
table { border-collapse: collapse; width: 100%%; margin: 3pt 0 8pt; font-size: %(table)spt; line-height: 1.25; }
table.programma-kop { width: auto; }
th, td { padding: 1.5pt 3pt; vertical-align: top; text-align: left; }
th { font-weight: bold; }
td.num, th.num { text-align: right; }
td.num, table.indicators td:not(:first-child):not(:last-child) { white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
""" % {"orient": " landscape" if landscape else "", "margins": "%dmm 14mm 15mm 14mm" % top_mm, "hl": header_left, "hr": header_right,
       "chrome": chrome, "font": FONT, "base": base_pt, "table": table_pt, "small": table_pt}
    if ruling:
        css += """th, td { border: 0.5pt solid #000; }
thead th, thead td { background: #e4e4e4; }
"""
    else:
        css += """th, td { border: none; background: none; }
table, thead, tbody, tr { border: none; background: none; }
"""
    return css


def print_html(title, css, body):
    return ("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n"
            "<style>\n%s</style>\n</head>\n<body>\n<main>\n%s\n</main>\n</body>\n</html>\n") % (
        html.escape(title, quote=False), css, body)


# ---------------------------------------------------------------------------------------------------------------
# Flat ODF text (.fodt) for LibreOffice, from the same DOM

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')

# Relative column widths per table kind (grid columns).
COLUMN_WIDTHS = {
    "indicators": [30, 17, 8, 8, 8, 8, 21],
    "indicators-jaarstukken": [33, 7, 7, 7, 7, 14, 25],
    "budget": [22, 9, 11, 11, 11, 12, 12, 12],
    "reserves": [22, 11, 11, 11, 11, 12, 11, 11],
    "doelen": [40, 60],
    "programma-kop": [30, 70],
}


def xml_text(text):
    """Inline text to ODF: escaped, soft hyphens dropped, runs of spaces as <text:s/>."""
    text = re.sub(r"[ \t\r\n]+", " ", text.replace(SHY, ""))
    text = html.escape(text, quote=False)
    return re.sub(r"  +", lambda m: " <text:s text:c=\"%d\"/>" % (len(m.group(0)) - 1), text)


class OdfWriter:
    def __init__(self):
        self.tables = 0

    def inline(self, node):
        out = []
        for c in node.children:
            if isinstance(c, str):
                out.append(xml_text(c))
            elif c.tag == "br":
                out.append("<text:line-break/>")
            elif c.tag in ("strong", "b"):
                out.append('<text:span text:style-name="Vet">%s</text:span>' % self.inline(c))
            elif c.tag in ("em", "i"):
                out.append('<text:span text:style-name="Cursief">%s</text:span>' % self.inline(c))
            elif c.tag == "sup":
                out.append('<text:span text:style-name="Superscript">%s</text:span>' % self.inline(c))
            elif c.tag in ("span", "a"):
                out.append(self.inline(c))
            else:
                raise AssertionError("inline <%s> not handled" % c.tag)
        return "".join(out)

    def para(self, style, node):
        content = self.inline(node).strip()
        return '<text:p text:style-name="%s">%s</text:p>' % (style, content)

    def blocks(self, node):
        out = []
        for c in node.children:
            if isinstance(c, str):
                assert not c.strip(), repr(c)
                continue
            if re.fullmatch(r"h[1-6]", c.tag):
                level = int(c.tag[1])
                out.append('<text:h text:style-name="Kop_%d" text:outline-level="%d">%s</text:h>' % (
                    level, level, self.inline(c).strip()))
            elif c.tag == "p":
                cls = c.attrs.get("class")
                style = {"documenttitel": "Documenttitel", "voetnoot": "Voetnoot", "bijschrift": "Voetnoot"}.get(cls, "Tekst")
                out.append(self.para(style, c))
            elif c.tag == "blockquote":
                for p in c.children:
                    if isinstance(p, Node):
                        out.append(self.para("Citaat", p))
            elif c.tag in ("ul", "ol"):
                out.append(self.list(c))
            elif c.tag == "table":
                out.append(self.table(c))
            else:
                raise AssertionError("block <%s> not handled" % c.tag)
        return "\n".join(out)

    def list(self, node):
        style = "Opsomming" if node.tag == "ul" else "Nummering"
        out = ['<text:list text:style-name="%s">' % style]
        for li in node.children:
            if not isinstance(li, Node):
                continue
            assert li.tag == "li"
            inline_part = Node("li")
            sub = []
            for g in li.children:
                if isinstance(g, Node) and g.tag in ("ul", "ol"):
                    sub.append(g)
                else:
                    inline_part.children.append(g)
            item = ['<text:list-item>', self.para("Lijst", inline_part)]
            for s in sub:
                item.append(self.list(s))
            item.append("</text:list-item>")
            out.append("".join(item))
        out.append("</text:list>")
        return "\n".join(out)

    def table(self, node):
        self.tables += 1
        name = "Tabel%d" % self.tables
        kind = node.attrs.get("class", "")
        head_rows, body_rows = [], []
        for part in node.children:
            if not isinstance(part, Node):
                continue
            rows = [r for r in part.children if isinstance(r, Node) and r.tag == "tr"]
            (head_rows if part.tag == "thead" else body_rows).extend(rows)
        # The grid: expand spans, covered cells where a span reaches.
        all_rows = head_rows + body_rows
        width = 0
        occupied = {}
        grid = []
        for y, r in enumerate(all_rows):
            x = 0
            cells = []
            for c in (c for c in r.children if isinstance(c, Node)):
                while (y, x) in occupied:
                    cells.append(None)
                    x += 1
                rs, cs = int(c.attrs.get("rowspan", "1")), int(c.attrs.get("colspan", "1"))
                for dy in range(rs):
                    for dx in range(cs):
                        if dy or dx:
                            occupied[(y + dy, x + dx)] = True
                cells.append(c)
                x += 1
                for _ in range(cs - 1):
                    cells.append(None)
                    x += 1
            while (y, x) in occupied:
                cells.append(None)
                x += 1
            grid.append(cells)
            width = max(width, x)
        widths = COLUMN_WIDTHS.get(kind)
        first_head = [c for c in head_rows[0].children if isinstance(c, Node)] if head_rows else []
        if kind == "indicators" and len(first_head) > 1 and first_head[1].attrs.get("colspan") == "4":
            widths = COLUMN_WIDTHS["indicators-jaarstukken"]  # Realisatie over four years, then Streefwaarde
        if not widths or len(widths) != width:
            widths = [1] * width
        out = ['<table:table table:name="%s" table:style-name="Tabel">' % name]
        for k, w in enumerate(widths):
            out.append('<table:table-column table:style-name="%s.K%d"/>' % (name, k))
        self.column_styles.append((name, widths))

        def row(cells, in_head):
            parts = ['<table:table-row table:style-name="Rij">']
            for c in cells:
                if c is None:
                    parts.append("<table:covered-table-cell/>")
                    continue
                attrs = ""
                rs, cs = int(c.attrs.get("rowspan", "1")), int(c.attrs.get("colspan", "1"))
                if rs > 1:
                    attrs += ' table:number-rows-spanned="%d"' % rs
                if cs > 1:
                    attrs += ' table:number-columns-spanned="%d"' % cs
                num = c.attrs.get("class") == "num"
                if c.tag == "th":
                    pstyle = "CelKopGetal" if num else "CelKop"
                else:
                    pstyle = "CelGetal" if num else "Cel"
                cstyle = "CelKader" + ("Kop" if in_head else "")
                content = self.inline(c).strip()
                parts.append('<table:table-cell table:style-name="%s" office:value-type="string"%s>'
                             '<text:p text:style-name="%s">%s</text:p></table:table-cell>' % (cstyle, attrs, pstyle, content))
            parts.append("</table:table-row>")
            return "".join(parts)

        if head_rows:
            out.append("<table:table-header-rows>")
            for y in range(len(head_rows)):
                out.append(row(grid[y], True))
            out.append("</table:table-header-rows>")
        for y in range(len(head_rows), len(all_rows)):
            out.append(row(grid[y], False))
        out.append("</table:table>")
        return "\n".join(out)


def fodt(title, header_left, header_right, body_node, top_cm=1.0):
    w = OdfWriter()
    w.column_styles = []
    body = w.blocks(body_node)
    col_styles = []
    for name, widths in w.column_styles:
        for k, wd in enumerate(widths):
            col_styles.append('<style:style style:name="%s.K%d" style:family="table-column">'
                              '<style:table-column-properties style:rel-column-width="%d*"/></style:style>' % (name, k, wd * 100))
    border = "0.5pt solid #000000"
    return """<?xml version="1.0" encoding="UTF-8"?>
<office:document %(ns)s office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%(title)s</dc:title><dc:language>nl-NL</dc:language></office:meta>
<office:font-face-decls>
<style:font-face style:name="%(font)s" svg:font-family="'%(font)s'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
<style:text-properties style:font-name="%(font)s" fo:font-size="9pt" fo:language="nl" fo:country="NL" fo:hyphenate="false"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Tekst" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="4pt" fo:line-height="125%%" fo:orphans="2" fo:widows="2"/>
</style:style>
<style:style style:name="Documenttitel" style:family="paragraph" style:parent-style-name="Tekst"><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="Voetnoot" style:family="paragraph" style:parent-style-name="Tekst"><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Citaat" style:family="paragraph" style:parent-style-name="Tekst">
<style:paragraph-properties fo:margin-left="1cm"/><style:text-properties fo:font-style="italic"/>
</style:style>
<style:style style:name="Lijst" style:family="paragraph" style:parent-style-name="Tekst"><style:paragraph-properties fo:margin-bottom="1pt"/></style:style>
<style:style style:name="Kop" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:margin-top="8pt" fo:margin-bottom="3pt" fo:keep-with-next="always"/>
<style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="Kop_1" style:family="paragraph" style:parent-style-name="Kop" style:default-outline-level="1"><style:text-properties fo:font-size="15pt"/></style:style>
<style:style style:name="Kop_2" style:family="paragraph" style:parent-style-name="Kop" style:default-outline-level="2"><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="Kop_3" style:family="paragraph" style:parent-style-name="Kop" style:default-outline-level="3"><style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="Kop_4" style:family="paragraph" style:parent-style-name="Kop" style:default-outline-level="4"><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Cel" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="CelGetal" style:family="paragraph" style:parent-style-name="Cel"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="CelKop" style:family="paragraph" style:parent-style-name="Cel"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="CelKopGetal" style:family="paragraph" style:parent-style-name="CelKop"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Koptekst" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties><style:tab-stops><style:tab-stop style:position="18cm" style:type="right"/></style:tab-stops></style:paragraph-properties>
<style:text-properties fo:font-size="7.5pt"/>
</style:style>
<style:style style:name="Voettekst" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="7.5pt"/>
</style:style>
<style:style style:name="Vet" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Cursief" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Superscript" style:family="text"><style:text-properties style:text-position="super 58%%"/></style:style>
<text:list-style style:name="Opsomming">
<text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.5cm" fo:text-indent="-0.4cm" fo:margin-left="0.5cm"/></style:list-level-properties></text:list-level-style-bullet>
<text:list-level-style-bullet text:level="2" text:bullet-char="–"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-0.4cm" fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-bullet>
</text:list-style>
<text:list-style style:name="Nummering">
<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.5cm" fo:text-indent="-0.5cm" fo:margin-left="0.5cm"/></style:list-level-properties></text:list-level-style-number>
</text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4">
<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="%(top)scm" fo:margin-bottom="1cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
</style:page-layout>
<style:style style:name="Tabel" style:family="table">
<style:table-properties style:width="18cm" table:align="margins" fo:margin-top="3pt" fo:margin-bottom="8pt" style:may-break-between-rows="true"/>
</style:style>
<style:style style:name="Rij" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="CelKader" style:family="table-cell">
<style:table-cell-properties fo:padding="0.05cm" fo:border="%(border)s" style:vertical-align="top"/>
</style:style>
<style:style style:name="CelKaderKop" style:family="table-cell">
<style:table-cell-properties fo:padding="0.05cm" fo:border="%(border)s" fo:background-color="#e4e4e4" style:vertical-align="top"/>
</style:style>
%(colstyles)s
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="A4">
<style:header><text:p text:style-name="Koptekst">%(hl)s<text:tab/>%(hr)s</text:p></style:header>
<style:footer><text:p text:style-name="Voettekst"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page>
</office:master-styles>
<office:body>
<office:text>
%(body)s
</office:text>
</office:body>
</office:document>
""" % {"ns": ODF_NS, "title": html.escape(title, quote=False), "font": FONT, "border": border,
       "colstyles": "\n".join(col_styles), "hl": html.escape(header_left, quote=False),
       "hr": html.escape(header_right, quote=False), "body": body,
       "top": fmt_pt(top_cm)}


# ---------------------------------------------------------------------------------------------------------------
# The 2013 plan in two columns: the OCR text's blocks as paragraphs, every line kept

HEADING_2013 = re.compile(r"^(?:\d\.\d{1,2}|\d\.) [A-Z\u2018\u2019'][^.:;]*$")


def blocks_2013(text):
    """[(kind, [lines])]: kind 'h' (a numbered section heading), 'p' (a paragraph of the text's lines)."""
    lines = text.split("\n")
    blocks, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    out = []
    for b in blocks:
        first = b[0]
        if HEADING_2013.match(first) and len(first) <= 45:
            # A heading of one line, or of two when the second line goes on with it ('4.1 We stimuleren de sociale
            # binding' / 'en participatie', '2.3 Motie ‘Meer zicht op de Sociale' / 'Agenda tot 2025’').
            if len(b) == 2 and len(b[1]) <= 30 and not re.search(r"[.:;]$", b[1]):
                out.append(("h", b))
                continue
            out.append(("h", b[:1]))
            if len(b) > 1:
                out.append(("p", b[1:]))
            continue
        out.append(("p", b))
    return out


WIDE_2013 = 60  # a block with a line longer than this was set across the page (or is two columns OCR'd as one)


def html_2013(text):
    out = []
    for kind, lines in blocks_2013(text):
        wide = max(len(l) for l in lines) > WIDE_2013
        cls = ' class="breed"' if wide else ""
        inner = "<br>\n".join(esc_text(l) for l in lines)
        if kind == "h":
            level = 2 if re.match(r"^\d\. ", lines[0]) else 3
            out.append("<h%d%s>%s</h%d>" % (level, cls, inner, level))
        else:
            out.append("<p%s>%s</p>" % (cls, inner))
    return "\n".join(out)


def css_2013(header_left, header_right):
    chrome = 'font-family: "%s"; font-size: 7.5pt; color: #000;' % FONT
    return """@page {
  size: A4;
  margin: 16mm 13mm 15mm 13mm;
  @top-left { content: "%(hl)s"; %(chrome)s vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: "%(hr)s"; %(chrome)s vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-center { content: counter(page); %(chrome)s vertical-align: top; padding-top: 3mm; }
}
html { font-family: "%(font)s"; font-size: 8.5pt; line-height: 1.3; color: #000; }
body { margin: 0; }
main { column-count: 2; column-gap: 8mm; column-fill: balance; }
p { margin: 0 0 6pt; white-space: normal; hyphens: manual; orphans: 2; widows: 2; }
h2, h3 { font-size: 10pt; font-weight: bold; margin: 8pt 0 4pt; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 11pt; }
.breed { column-span: all; }
""" % {"hl": header_left, "hr": header_right, "chrome": chrome, "font": FONT}


# ---------------------------------------------------------------------------------------------------------------
# Producers

def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (cmd[0], r.returncode, r.stderr.decode("utf-8", "replace")[-2000:]))
    return r.stdout.decode("utf-8", "replace")


def chromium_version():
    return run(["chromium", "--version"]).strip().splitlines()[-1].strip()


def soffice_version():
    return run(["soffice", "--version"]).strip().splitlines()[-1].strip()


def chromium_pdf(html_path, pdf_path, tmp):
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp)
    run(["chromium"] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, "--print-to-pdf=" + pdf_path,
                                         "file://" + html_path])
    shutil.rmtree(profile, ignore_errors=True)
    assert os.path.getsize(pdf_path) > 0, pdf_path


def soffice_pdf(fodt_path, pdf_path, tmp):
    profile = tempfile.mkdtemp(prefix="lo-profile-", dir=tmp)
    outdir = tempfile.mkdtemp(prefix="lo-out-", dir=tmp)
    run(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--convert-to",
         "pdf:writer_pdf_Export", "--outdir", outdir, fodt_path])
    produced = os.path.join(outdir, os.path.splitext(os.path.basename(fodt_path))[0] + ".pdf")
    shutil.move(produced, pdf_path)
    shutil.rmtree(profile, ignore_errors=True)
    shutil.rmtree(outdir, ignore_errors=True)


def pin_dates(data):
    """Same-length replacement of the producer's dates (Info dictionary and XMP) and of LibreOffice's document
    /ID and /DocChecksum by fixed values, so that a rebuild is byte-identical. Offsets do not move."""
    def info_date(m):
        d = m.group(1)
        return m.group(0).replace(d, (b"D:20000101000000" + d[16:])[:len(d)])

    def xmp_date(m):
        v = m.group(2)
        return m.group(0).replace(v, (b"2000-01-01T00:00:00" + v[19:])[:len(v)])

    def doc_id(m):
        return m.group(0).replace(m.group(1), b"0" * len(m.group(1))).replace(m.group(2), b"0" * len(m.group(2)))

    data = re.sub(rb"/(?:CreationDate|ModDate)\s*\((D:[^)]*)\)", info_date, data)
    data = re.sub(rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>([^<]*)</xmp:\1>", xmp_date, data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", doc_id, data)
    data = re.sub(rb"/DocChecksum /([0-9A-Fa-f]+)", lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))), data)
    return data


# ---------------------------------------------------------------------------------------------------------------
# Checks on the PDFs

def pdfinfo(pdf):
    info = {}
    for line in run(["pdfinfo", pdf]).splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            info[k.strip()] = v.strip()
    return info


def pdftext(pdf, *opts):
    return run(["pdftotext", "-enc", "UTF-8"] + list(opts) + [pdf, "-"])


def collapse(text):
    return re.sub(r"\s+", " ", text.replace(NBSP, " ")).strip()


def dehyphen(text):
    """For wrapped text: a line break after a hyphen inside a word ('Wmo-' / 'voorzieningen')."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", text)


def bbox_blocks(pdf):
    """The text of each block pdftotext -bbox-layout finds."""
    out = run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", pdf, "-"])
    blocks = []
    for b in re.findall(r"<block [^>]*>(.*?)</block>", out, re.S):
        words = [html.unescape(w) for w in re.findall(r"<word [^>]*>([^<]*)</word>", b)]
        blocks.append(" ".join(words))
    return blocks


def gold_raws(gold_id):
    path = os.path.join(CORPUS, "gold", gold_id + ".facts.csv")
    with open(path, encoding="utf-8", newline="") as f:
        return [r["raw"] for r in csv.DictReader(f)]


def check_gold(pdf, gold_id):
    """Every raw value of the gold in the PDF text: on one line of pdftotext -layout (a figure, a short cell),
    else, for text that wraps inside its cell, in pdftotext -raw (content order: a cell's lines are consecutive)
    or in one text block of -bbox-layout. Returns (counts per way found, misses)."""
    layout_lines = [collapse(l) for l in pdftext(pdf, "-layout").splitlines()]
    layout_lines = [l for l in layout_lines if l]
    raw_text = collapse(pdftext(pdf, "-raw"))
    raw = dehyphen(raw_text)
    blocks = None
    # The plan's text breaks words at line ends ('stimu-' / 'leren') and its gold holds them whole.
    joined = re.sub(r"(?<=[a-z])- (?=[a-z])", "", raw_text)
    counts = {"layout line": 0, "raw text": 0, "text block": 0, "raw text, line-end hyphen joined": 0}
    misses = []
    for value in gold_raws(gold_id):
        r = collapse(value)
        if any(r in l for l in layout_lines):
            counts["layout line"] += 1
            continue
        if dehyphen(r) in raw:
            counts["raw text"] += 1
            continue
        if blocks is None:
            blocks = [dehyphen(collapse(b)) for b in bbox_blocks(pdf)]
        if any(dehyphen(r) in b for b in blocks):
            counts["text block"] += 1
        elif r in joined:
            counts["raw text, line-end hyphen joined"] += 1
        else:
            misses.append(value)
    return counts, misses


def page_texts(pdf, n):
    return [pdftext(pdf, "-layout", "-f", str(p), "-l", str(p)) for p in range(1, n + 1)]


def table_breaks(pdf, n_pages, main):
    """For each table of the print: the pages its body rows are on, and for each page after the first whether the
    table's header is shown above its first row there. A row is located, in order, on the first -layout line
    holding as words the first word of its first cell and the first word of its last cell."""
    pages = [[collapse(l).split(" ") for l in t.splitlines()] for t in page_texts(pdf, n_pages)]
    pos = (0, 0)  # page, line
    results = []
    for k, table in enumerate(main.iter("table")):
        thead = table.find("thead")
        head_words = []
        if thead is not None:
            first_row = next(thead.iter("tr"))
            head_words = [collapse(c.text()).split(" ")[0] for c in first_row.children
                          if isinstance(c, Node) and collapse(c.text())][:2]
        body_rows = [r for r in table.iter("tr") if thead is None or r.parent is not thead]
        located = []
        labels = []
        spanned = 0  # rows still covered by a first-column cell with rowspan
        for r in body_rows:
            row_cells = [c for c in r.children if isinstance(c, Node)]
            continuation = spanned > 0
            if continuation:
                spanned -= 1
            elif row_cells:
                spanned = int(row_cells[0].attrs.get("rowspan", "1")) - 1
            cells = [collapse(c.text()) for c in row_cells]
            cells = [c for c in cells if c]
            if not cells:
                continue
            a, b = cells[0].split(" ")[0], cells[-1].split(" ")[0]
            lead = cells[0].split(" ")[:2]  # a row of one cell: its first two words
            p, i = pos
            found = None
            while p < len(pages) and found is None:
                while i < len(pages[p]):
                    words = pages[p][i]
                    if len(cells) == 1 and continuation:
                        # beside a spanning cell: its first words anywhere on the line
                        hit = any(words[j:j + len(lead)] == lead for j in range(len(words)))
                    elif len(cells) == 1:
                        hit = bool(words) and words[0] == lead[0] and (len(lead) == 1 or len(words) == 1 or words[1] == lead[1])
                    else:
                        hit = a in words and b in words and words.index(a) < len(words) - 1 - words[::-1].index(b)
                    if hit:
                        found = (p, i)
                        break
                    i += 1
                if found is None:
                    p, i = p + 1, 0
            located.append(found)
            labels.append(" ".join(cells[0].replace(SHY, "").split(" ")[:6]))
            if found is not None:
                pos = found
        found_pages = sorted({f[0] for f in located if f})
        repeated, first_rows = {}, {}
        for p in found_pages[1:]:
            first_line = min(f[1] for f in located if f and f[0] == p)
            above = [w for line in pages[p][:first_line] for w in line]
            repeated[p + 1] = bool(head_words) and all(w in above for w in head_words)
            first_rows[p + 1] = next(labels[n] for n, f in enumerate(located) if f and f[0] == p)
        label = ""
        if thead is not None:
            first_cell = next(c for c in first_row.children if isinstance(c, Node))
            label = collapse(first_cell.text())
        results.append({
            "index": k + 1, "kind": table.attrs.get("class", ""), "head": label,
            "pages": [p + 1 for p in found_pages], "repeated": repeated, "first_rows": first_rows,
            "unlocated": sum(1 for f in located if f is None),
        })
    return results


def tokens(text):
    """Words, split after a hyphen inside a word (so that 'Wmo-voorzieningen' and 'Wmo-' / 'voorzieningen' at a
    line end give the same tokens)."""
    out = []
    for w in collapse(text).split(" "):
        out.extend(t for t in re.split(r"(?<=\w-)(?=\w)", w) if t)
    return out


def check_words(pdf, main, chrome_words, tables):
    """The words of the PDF text (pdftotext -raw) against the words of the print content, as multisets: returns
    (missing, extra). Not counted as extra: page numbers, the running header's words, list bullets and numbers,
    and the header rows of a table repeated on the pages it runs over."""
    want, got = {}, {}
    for w in tokens(main.text().replace(SHY, "")):
        want[w] = want.get(w, 0) + 1
    for t, info in zip(main.iter("table"), tables):
        thead = t.find("thead")
        if thead is not None:
            for w in tokens(thead.text()) * (len(info["pages"]) - 1):
                want[w] = want.get(w, 0) + 1
    for w in tokens(pdftext(pdf, "-raw")):
        got[w] = got.get(w, 0) + 1
    missing = [(w, c - got.get(w, 0)) for w, c in want.items() if got.get(w, 0) < c]
    extra = [(w, c - want.get(w, 0)) for w, c in got.items()
             if c > want.get(w, 0) and not re.fullmatch(r"\d+\.?", w) and w not in chrome_words and w not in ("•", "–")]
    return missing, extra


def check_2013_lines(pdf, text, chrome):
    """Every line of the text is one whole line of the PDF text (pdftotext -raw, in reading order), in the same
    order; the running header and the page numbers are the only other lines. Returns (lines, mismatches)."""
    want = [collapse(l) for l in text.split("\n") if l.strip()]
    got = [collapse(l) for l in pdftext(pdf, "-raw").replace("\f", "\n").split("\n")]
    got = [l for l in got if l and l not in chrome]
    mismatches = []
    j = 0
    for i, line in enumerate(want):
        # Skip page numbers (a bare number that is not this line of the text).
        while j < len(got) and got[j] != line and re.fullmatch(r"\d+", got[j]):
            j += 1
        if j < len(got) and got[j] == line:
            j += 1
            continue
        mismatches.append((i + 1, line, got[j] if j < len(got) else None))
    leftover = [l for l in got[j:] if not re.fullmatch(r"\d+", l)]
    if leftover:
        mismatches.append((None, None, leftover[:3]))
    return len(want), mismatches


# ---------------------------------------------------------------------------------------------------------------
# The fixtures

def main_2018():
    """The six pages' <main> content, in menu order, as one <main>."""
    main = Node("main")
    for f in PAGES_2018:
        m = fixture_main(SITE_2018 + f)
        for c in m.children:
            if isinstance(c, Node):
                c.parent = main
            main.children.append(c)
    return main


def seed_check(seed, body_html, dropped=(), allowed=()):
    mhf.check_against_seed(seed, ["<main>" + body_html + "</main>"], dropped_lines=dropped, allowed=allowed)


def build(args):
    tmp = tempfile.mkdtemp(prefix="pdf-fixtures-")
    chromium = chromium_version()
    soffice = soffice_version()
    print("producers: %s; %s" % (chromium, soffice))
    _, dropped_2018 = mhf.parse_2018()
    h1_2024 = "Programma 9 Maatschappelijke ondersteuning"

    m2018 = main_2018()
    m2017 = fixture_main(HTML_2017)
    m2024 = fixture_main(HTML_2024)
    text_2013 = read(SEED_2013)
    body_2013 = html_2013(text_2013)

    seed_check(mhf.SEED_2018, serialize(m2018), dropped=dropped_2018)
    seed_check(mhf.SEED_2017, serialize(m2017), dropped={0, 1})
    seed_check(mhf.SEED_2024, serialize(m2024), allowed={h1_2024})
    # The 2013 print holds every line of the text, each once, in order, and nothing else.
    lines_2013 = [mhf.norm(l) for l in text_2013.split("\n") if l.strip()]
    printed = [mhf.norm(html.unescape(re.sub(r"<[^>]+>", "", l))) for l in body_2013.split("\n")]
    assert printed == lines_2013, "2013 print lines differ from the text"

    hdr_2018 = ("Programmabegroting 2018", "Programma 9 Maatschappelijke Ondersteuning")
    hdr_2024 = ("Jaarstukken 2024", "Programma 9 Maatschappelijke ondersteuning")
    hdr_2017 = ("Programmabegroting 2017", "Beleidsterrein 9D Kwetsbare groepen")
    hdr_2013 = ("Beleidsplan Maatschappelijke Ontwikkeling 2013-2017", "Iedereen telt mee")

    fixtures = []

    def fx(**kw):
        fixtures.append(kw)

    ruled = "tables ruled (0.5 pt borders on every cell, grey header rows)"
    # Print settings tried in order until the tables named in must_break run over a page (the first that does is
    # kept, so the choice is the same on every run with the same producer).
    portrait = [{"base_pt": b, "table_pt": t, "top_mm": m} for (b, t) in ((9.0, 8.0), (9.5, 8.5), (8.5, 7.5))
                for m in (17, 20, 23, 26, 29)]
    both = [("indicators",), ("budget", "reserves")]
    site_2018 = "the <main> content of the six pages of %s (01-programma .. 06-programmakosten), concatenated " \
                "in menu order, site chrome (header, menus, breadcrumb, footer) dropped" % SITE_2018
    fx(id="leiden-2018-programmabegroting-p9-pdf-chromium", kind="programmabegroting", year=2018,
       path="leiden/2018/pdf/programmabegroting-2018-p9-chromium.pdf", seed=mhf.SEED_2018,
       gold="leiden-2018-programmabegroting-p9", producer="chromium", main=m2018, header=hdr_2018,
       title="Programmabegroting 2018, programma 9 Maatschappelijke Ondersteuning (PDF, Chromium)",
       source=site_2018, variants=portrait, must_break=both, group="2018", css=lambda v: print_css(*hdr_2018, **v),
       layout="A4 portrait", ruling=ruled)
    fx(id="leiden-2018-programmabegroting-p9-pdf-noruling", kind="programmabegroting", year=2018,
       path="leiden/2018/pdf/programmabegroting-2018-p9-noruling-chromium.pdf", seed=mhf.SEED_2018,
       gold="leiden-2018-programmabegroting-p9", producer="chromium", main=m2018, header=hdr_2018,
       title="Programmabegroting 2018, programma 9 Maatschappelijke Ondersteuning (PDF, Chromium, zonder lijnen)",
       source=site_2018, variants=portrait, must_break=both, group="2018",
       css=lambda v: print_css(*hdr_2018, ruling=False, **v),
       layout="A4 portrait",
       ruling="no ruling lines and no shading at all: columns only by alignment (figures and the money column "
              "headers right-aligned, other cells left-aligned)")
    fx(id="leiden-2024-jaarstukken-p9-pdf-chromium", kind="jaarstukken", year=2024,
       path="leiden/2024/pdf/jaarstukken-2024-p9-chromium.pdf", seed=mhf.SEED_2024,
       gold="leiden-2024-jaarstukken-p9", producer="chromium", main=m2024, header=hdr_2024,
       title="Jaarstukken 2024, programma 9 Maatschappelijke ondersteuning (PDF, Chromium)",
       source="the <main> content of %s, site chrome dropped" % HTML_2024, variants=portrait, must_break=both,
       css=lambda v: print_css(*hdr_2024, **v), layout="A4 portrait", ruling=ruled)
    fx(id="leiden-2024-jaarstukken-p9-pdf-landscape", kind="jaarstukken", year=2024,
       path="leiden/2024/pdf/jaarstukken-2024-p9-landscape-chromium.pdf", seed=mhf.SEED_2024,
       gold="leiden-2024-jaarstukken-p9", producer="chromium", main=m2024, header=hdr_2024,
       title="Jaarstukken 2024, programma 9 Maatschappelijke ondersteuning (PDF, Chromium, liggend)",
       source="the <main> content of %s, site chrome dropped" % HTML_2024,
       variants=[{"base_pt": 9.0, "table_pt": 8.0, "top_mm": 17}], must_break=(),
       css=lambda v: print_css(*hdr_2024, landscape=True, **v),
       layout="A4 landscape, every table at the full text width of 269 mm (the 8-column programmakosten and "
              "reserves tables use it)", ruling=ruled)
    lo_source = ("the <main> content of %s, site chrome dropped, written as a flat ODF text document (.fodt: "
                 "headings, paragraphs, lists, tables with table:table-header-rows and real row/column spans; "
                 "the same text runs and cells as the HTML)")
    lo_variants = [{"top_cm": t} for t in (1.0, 1.3, 1.6, 1.9, 2.2, 2.5)]
    fx(id="leiden-2024-jaarstukken-p9-pdf-libreoffice", kind="jaarstukken", year=2024,
       path="leiden/2024/pdf/jaarstukken-2024-p9-libreoffice.pdf", seed=mhf.SEED_2024,
       gold="leiden-2024-jaarstukken-p9", producer="libreoffice", main=m2024, header=hdr_2024,
       title="Jaarstukken 2024, programma 9 Maatschappelijke ondersteuning (PDF, LibreOffice)",
       source=lo_source % HTML_2024, variants=lo_variants, must_break=[("indicators", "budget", "reserves")],
       layout="A4 portrait", 
       ruling=ruled)
    fx(id="leiden-2017-programmabegroting-p9-9d-pdf-libreoffice", kind="programmabegroting", year=2017,
       path="leiden/2017/pdf/programmabegroting-2017-p9-9d-libreoffice.pdf", seed=mhf.SEED_2017,
       gold="leiden-2017-programmabegroting-p9-9d", producer="libreoffice", main=m2017, header=hdr_2017,
       title="Programmabegroting 2017, Beleidsterrein 9D Kwetsbare groepen (PDF, LibreOffice)",
       source=lo_source % HTML_2017, variants=lo_variants, must_break=[("indicators",)],
       layout="A4 portrait", 
       ruling=ruled)
    fx(id="leiden-2013-beleidsplan-iedereen-telt-mee-pdf-2col", kind="beleidsplan", year=2013,
       path="leiden/2013/pdf/beleidsplan-2013-iedereen-telt-mee-2col-chromium.pdf", seed=SEED_2013,
       gold="leiden-2013-beleidsplan-iedereen-telt-mee", producer="chromium", main=None, header=hdr_2013,
       title="Beleidsplan Maatschappelijke Ontwikkeling 2013-2017 'Iedereen telt mee' (PDF, twee kolommen)",
       source="the OCR text %s (byte copy of the seed) laid out anew" % SEED_2013, variants=[{}], must_break=(),
       css=lambda v: css_2013(*hdr_2013),
       layout="A4 portrait, margins 16/13/15/13 mm, Liberation Sans 8.5 pt, two columns (CSS column-count: 2, "
              "gap 8 mm)", ruling="no tables")

    # Fixtures of one group (the ruled and the unruled 2018 print) share their print settings.
    groups = []
    for f in fixtures:
        g = f.get("group")
        if g and groups and groups[-1][0].get("group") == g:
            groups[-1].append(f)
        else:
            groups.append([f])
    by_id = {}
    for group in groups:
        for variant in group[0]["variants"]:
            rs = []
            missing = []
            for f in group:
                stem = os.path.splitext(os.path.basename(f["path"]))[0]
                produce(f, variant, stem, tmp, body_2013, args)
                r = verify(f, text_2013)
                rs.append(r)
                missing += [(f["id"], g) for g in f["must_break"]
                            if not any(t["kind"] in g and len(t["pages"]) > 1 for t in r.get("tables", []))]
            if not missing:
                break
            print("%s: with %s no %s table runs over a page; trying the next print settings" % (
                missing[0][0], variant, " or ".join(missing[0][1])))
        else:
            for r in rs:
                r["errors"].append("no print settings make the required tables run over a page: %r" % missing)
        for f, r in zip(group, rs):
            f["variant"] = variant
            if f["producer"] == "chromium" and f["main"] is not None:
                f["layout"] += ", margins %d/14/15/14 mm, Liberation Sans %s pt, tables %s pt" % (
                    variant["top_mm"], fmt_pt(variant["base_pt"]), fmt_pt(variant["table_pt"]))
            elif f["producer"] == "libreoffice":
                f["layout"] += ", margins %d/15/10/15 mm (header and footer inside them), Liberation Sans 9 pt, " \
                               "tables 8 pt" % round(variant["top_cm"] * 10)
            by_id[f["id"]] = r
    results = [by_id[f["id"]] for f in fixtures]

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        for f in fixtures:
            shutil.copy(f["src"], args.keep)
            shutil.copy(f["pdf_tmp"], args.keep)
        print("intermediate files kept in %s" % args.keep)

    failed = [r for r in results if r["errors"]]
    for r in results:
        print_result(r)
    if failed and not args.force:
        print("\n%d fixture(s) failed their checks; nothing written (use --force to write anyway)" % len(failed))
        shutil.rmtree(tmp, ignore_errors=True)
        return 1

    entries = []
    for f, r in zip(fixtures, results):
        dest = os.path.join(CORPUS, f["path"])
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as fh:
            fh.write(f["data"])
        entries.append(manifest_entry(f, r, chromium, soffice, not args.keep_dates))
    shutil.rmtree(tmp, ignore_errors=True)
    write_manifest(entries)
    return 0


def fmt_pt(x):
    return ("%.1f" % x).rstrip("0").rstrip(".")


def produce(f, variant, stem, tmp, body_2013, args):
    """Writes the print HTML (Chromium) or .fodt (LibreOffice) of a fixture and prints it to PDF."""
    pdf_tmp = os.path.join(tmp, stem + ".pdf")
    if f["producer"] == "chromium":
        body = body_2013 if f["main"] is None else serialize(f["main"])
        src = os.path.join(tmp, stem + ".html")
        with open(src, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(print_html(f["title"], f["css"](variant), body))
        chromium_pdf(src, pdf_tmp, tmp)
    else:
        src = os.path.join(tmp, stem + ".fodt")
        with open(src, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(fodt(f["title"], f["header"][0], f["header"][1], f["main"], **variant))
        soffice_pdf(src, pdf_tmp, tmp)
    with open(pdf_tmp, "rb") as fh:
        data = fh.read()
    if not args.keep_dates:
        data = pin_dates(data)
        with open(pdf_tmp, "wb") as fh:
            fh.write(data)
    f["src"], f["pdf_tmp"], f["data"] = src, pdf_tmp, data


def verify(f, text_2013):
    pdf = f["pdf_tmp"]
    r = {"id": f["id"], "path": f["path"], "errors": [], "size": len(f["data"])}
    info = pdfinfo(pdf)
    r["pages"] = int(info["Pages"])
    r["page_size"] = info.get("Page size", "")
    r["producer"] = info.get("Producer", "")
    r["creator"] = info.get("Creator", "")
    if r["size"] > 1024 * 1024:
        r["errors"].append("larger than 1 MiB (%d bytes)" % r["size"])
    layout = pdftext(pdf, "-layout")
    if SHY in layout or SHY in pdftext(pdf):
        r["errors"].append("soft hyphen (U+00AD) in the PDF text")
    r["gold_counts"], r["gold_misses"] = check_gold(pdf, f["gold"])
    if r["gold_misses"]:
        r["errors"].append("%d gold raw values not found" % len(r["gold_misses"]))
    for w in f["header"]:
        if collapse(w) not in collapse(layout):
            r["errors"].append("running header %r not in the text" % w)
    if f["main"] is not None:
        r["tables"] = table_breaks(pdf, r["pages"], f["main"])
        for t in r["tables"]:
            if t["unlocated"]:
                r["errors"].append("table %d (%s): %d rows not located" % (t["index"], t["kind"], t["unlocated"]))
            for p, ok in t["repeated"].items():
                if not ok:
                    r["errors"].append("table %d (%s) continues on page %d without its header" % (t["index"], t["kind"], p))
        chrome = set(" ".join(f["header"]).split(" "))
        r["words_missing"], r["words_extra"] = check_words(pdf, f["main"], chrome, r["tables"])
        if r["words_missing"] or r["words_extra"]:
            r["errors"].append("words differ from the print content: missing %r, extra %r" % (
                r["words_missing"][:10], r["words_extra"][:10]))
    else:
        chrome = {collapse(f["header"][0] + " " + f["header"][1]), collapse(f["header"][0]), collapse(f["header"][1])}
        r["lines"], r["line_mismatches"] = check_2013_lines(pdf, text_2013, chrome)
        if r["line_mismatches"]:
            r["errors"].append("%d lines of the text not one line of the PDF: %r" % (
                len(r["line_mismatches"]), r["line_mismatches"][:5]))
    return r


def describe_breaks(r):
    out = []
    for t in r.get("tables", []):
        if len(t["pages"]) > 1:
            out.append("table %d (%s, header '%s') runs over pages %s, header repeated on %s; %s" % (
                t["index"], t["kind"], t["head"], "-".join(str(p) for p in (t["pages"][0], t["pages"][-1])),
                ", ".join(str(p) for p, ok in t["repeated"].items() if ok) or "none",
                "; ".join("page %d starts at row '%s'" % (p, lab) for p, lab in t["first_rows"].items())))
    return out


def print_result(r):
    print("\n%s  %s" % (r["id"], r["path"]))
    print("  %d pages, %s, %d bytes, producer %s / creator %s" % (r["pages"], r["page_size"], r["size"], r["producer"], r["creator"]))
    print("  gold raw values found: %s; missing: %d %s" % (r["gold_counts"], len(r["gold_misses"]), r["gold_misses"][:10]))
    for line in describe_breaks(r):
        print("  " + line)
    if "lines" in r:
        print("  text lines: %d, not matched one for one: %d" % (r["lines"], len(r["line_mismatches"])))
    for e in r["errors"]:
        print("  ERROR " + e)


KIND_NAMES = {"indicators": "indicator", "budget": "programmakosten", "reserves": "reserves", "doelen": "doel/prestatie",
              "verbonden-partij": "verbonden partij", "other": "other"}


def manifest_entry(f, r, chromium, soffice, pinned):
    producer = chromium if f["producer"] == "chromium" else soffice
    how = ("printed by headless %s (--print-to-pdf, --no-pdf-header-footer; running header and page number from CSS "
           "@page margin boxes)" % producer) if f["producer"] == "chromium" else (
        "converted by %s (soffice --headless --convert-to pdf:writer_pdf_Export; running header and page-number "
        "field on the master page)" % producer)
    parts = ["made by corpus/tools/make_pdf_fixtures.py from %s" % f["source"], how,
             "%d pages, %s" % (r["pages"], f["layout"]), f["ruling"],
             "running header '%s' | '%s' and the page number added as print chrome" % f["header"]]
    if f["main"] is not None:
        parts.append("soft hyphens dropped, links kept as plain text, footnote markers as superscript")
    breaks = []
    for t in r.get("tables", []):
        if len(t["pages"]) > 1:
            breaks.append("%s table %d ('%s') over pages %s, %s" % (
                KIND_NAMES.get(t["kind"], t["kind"]), t["index"], t["head"],
                "-".join(str(p) for p in (t["pages"][0], t["pages"][-1])),
                ", ".join("page %d going on at row '%s'" % (p, lab) for p, lab in t["first_rows"].items())))
    if breaks:
        parts.append("tables across pages (numbered in document order), header rows repeated at the top of each next "
                     "page: " + "; ".join(breaks))
    elif f["main"] is not None:
        parts.append("no table runs over a page")
    if f["main"] is None:
        parts.append("paragraphs are the blank-line separated blocks of the text with its line breaks kept "
                     "(<br> at every line end, so words hyphenated at line ends stay so); blocks with a line longer "
                     "than %d characters (the text's full-width passages and the lines where the OCR joined both "
                     "columns) span both columns; numbered section headings (e.g. '3.1 Onze doelen') as headings; "
                     "OCR artefacts kept; every one of the %d text lines is one line in the PDF" % (WIDE_2013, r["lines"]))
    if pinned:
        parts.append("metadata: CreationDate/ModDate set to 2000-01-01%s by a same-length byte replacement, so that "
                     "a rebuild is byte-identical" % (" and the trailer /ID and /DocChecksum zeroed"
                                                      if f["producer"] == "libreoffice" else ""))
    return {"id": f["id"], "municipality": "Leiden", "kind": f["kind"], "year": f["year"], "programme": "9",
            "format": "pdf", "path": f["path"], "origin": ORIGIN[f["seed"]],
            "sha256": hashlib.sha256(f["data"]).hexdigest(), "title": f["title"], "notes": "; ".join(parts) + ".",
            "gold": f["gold"]}


def write_manifest(entries):
    """An entry the PDF reader already reproduces the gold of lives in corpus/manifest.json (where the gold and
    equivalence tests enforce it) and is updated there; the others wait in corpus/tools/pdf-fixtures.json."""
    main_path = os.path.join(CORPUS, "manifest.json")
    with open(main_path, "rb") as fh:
        manifest = json.load(fh)
    listed = {d["id"] for d in manifest["documents"]}
    fresh = {e["id"]: e for e in entries}
    manifest["documents"] = [fresh.get(d["id"], d) for d in manifest["documents"]]
    with open(main_path, "wb") as fh:
        fh.write((json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    pending = {"documents": [e for e in entries if e["id"] not in listed]}
    with open(os.path.join(HERE, "pdf-fixtures.json"), "wb") as fh:
        fh.write((json.dumps(pending, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    print("\nupdated %d entries in corpus/manifest.json; %d wait in corpus/tools/pdf-fixtures.json" % (len(entries) - len(pending["documents"]), len(pending["documents"])))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keep", metavar="DIR", help="copy the print HTML / .fodt files and PDFs to DIR")
    ap.add_argument("--keep-dates", action="store_true",
                    help="keep the producers' creation/modification dates and document ids (by default they are "
                         "pinned to fixed values of the same length, so that a rebuild is byte-identical)")
    ap.add_argument("--force", action="store_true", help="write the fixtures even when a check fails")
    args = ap.parse_args()
    return build(args)


if __name__ == "__main__":
    sys.exit(main())
