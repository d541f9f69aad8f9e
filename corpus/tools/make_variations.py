#!/usr/bin/python3
"""Renders every hand-checked gold table in many seeded layouts, each with its own gold, to find reader bugs.

Run it with Debian's Python (it has ReportLab 3.6):

    /usr/bin/python3 corpus/tools/make_variations.py                    # the committed set, corpus/variations/
    /usr/bin/python3 corpus/tools/make_variations.py --seed 7 --variations 3000 --out /tmp/variations

It reads the gold tables (never `begroting` output):

    corpus/gold/*.facts.csv                 the seeds' gold: budget tables (programmakosten) and indicator tables
    ../shared/foreign/gold/*.facts.csv      (--foreign-gold) eleven real Leiden tables of programmes 1, 3-7, 10

The foreign gold says `Programma` for the rows Toevoeging, Onttrekking, Mutaties reserves and Resultaat, where the
project's gold (corpus/gold/README.md) says `Reserves` and `Resultaat`; it also keeps the footnote marker of an
indicator name in its subject, which the project's gold leaves out. Both are converted to the project's conventions.

From the gold rows it rebuilds each budget table (row groups, lines, columns with their header text: `Rekening 2016`,
`Begroting 2017`, `Wijziging Begroting`, `Begroting 2017 na wijziging`, `Verschil 2017`, `Meerjarenraming` over three
years; the raw values as printed) and each indicator table (one per policy area: code and name, realisatie values
with their year tags in begroting style or one per year column in jaarstukken style, streefwaarden per year; the
source (bron) of each indicator as the documents print it, footnote markers left out unless a raw value has them).
Each variation is one small document with one table: a title line (`Programmabegroting 2018`), the programme (by
number and name, or by name only as Leiden's site pages do), for a table with policy-area codes a line naming each
code with its area (`Beleidsterrein 9A Sociale binding en participatie`), a heading (`Programmakosten`,
`Effectindicatoren bij 9A ...`), for money the scale (`bedragen x € 1.000,-`), and the table. Nothing is added but
layout: no figure, row or column that the gold does not have.

Forms and producers (the parameters of each variation are drawn from a random.Random seeded with '<seed>/<index>',
so one variation does not depend on the others, and are recorded in variations.json):

    text  pipe     `a | b |` rows, with or without leading/trailing pipes, markdown rules, spans kept as empty slots
                   or lost, header over two rows, joined, or its two-line cells split into rows
          tab      tab-separated rows as a PDF export writes them, a repeated header after a page number
          crawl    crawled page text: one cell per line, blank lines between cells, chrome and breadcrumb
    html  modern   spans kept or flattened, th or td, thead/tbody/tfoot, th scope=row, caption / heading /
                   figure+figcaption / corner cell, colgroup, breadcrumb and site chrome
          old      2013-era markup: upper-case tags, FONT, unclosed cells, layout table with a menu column,
                   windows-1252 with or without a declaration
    pdf   chromium the modern HTML printed by headless Chromium with CSS variations (font, size, leading down to
                   1.0, column widths, alignment, ruling, shading, portrait/landscape, a table that starts low and
                   breaks over a page with its header repeated (thead) or not)
          libreoffice  a flat ODT (table header rows repeated or not) or the HTML, converted by LibreOffice
          reportlab    ReportLab tables: two-line header cells, wrapped row labels, tight leading, spans

Every variation is checked before it is written: the text of the file (HTML: its character data; PDF: pdftotext,
in reading order and with -layout) must show every gold raw value as often as the gold has it. A variation that
fails is not written and is listed at the end (that is a generator bug). Written are:

    <out>/text/<id>.txt, <out>/html/<id>.html, <out>/pdf/<id>.pdf
    <out>/gold/<id>.facts.csv      the gold rows of exactly the table rendered, document_id = <id>, no provenance
    <out>/variations.json          per variation: id, form, producer, kind, year, parameters, source gold, path, sha256

PDF dates (and LibreOffice's document ids) are pinned as in make_pdf_fixtures.py, and ReportLab writes in its
invariant mode, so a rebuild with the same producer versions gives the same bytes.
"""

import argparse
import csv
import glob
import hashlib
import html
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
ROOT = os.path.dirname(CORPUS)
sys.dont_write_bytecode = True

GOLD_HEADER = ["document_id", "document_kind", "document_year", "programme", "policy_area", "table_kind",
               "subject_code", "subject", "measure", "period", "column_kind", "value", "unit", "raw", "provenance"]

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer"]

# Programme names per number, as the pages print them (the foreign pages' names; 9 as the seeds spell it, both ways).
PROGRAMME_NAMES = {
    "1": ["Bestuur en dienstverlening"],
    "3": ["Economie"],
    "4": ["Bereikbaarheid"],
    "5": ["Omgevingskwaliteit"],
    "6": ["Stedelijke ontwikkeling"],
    "7": ["Jeugd en onderwijs"],
    "9": ["Maatschappelijke ondersteuning", "Maatschappelijke Ondersteuning"],
    "10": ["Werk en inkomen"],
}

# Policy-area names for indicator tables whose gold has no budget rows naming the area: the 2017 9D page's title
# (seed 002) and the 7B page's heading in the foreign crawl. Others come from the budget gold of the same document.
AREA_NAMES = {
    "9A": "Sociale binding en participatie",
    "9B": "Preventie",
    "9C": "Ondersteuning",
    "9D": "Kwetsbare groepen",
    "7B": "Peuterspeelopvang en kinderopvang",
}

# The source (bron) column of each indicator, as the documents print it (footnote markers left out): seed 000
# (2018), seed 002 (2017 9D), seed 003 (2024), the foreign 7B page. Keyed by gold id, then code (a code printed twice
# has one entry per row, in order).
BRON = {
    "leiden-2018-programmabegroting-p9": {
        "9A1.a": ["Veiligheidsmonitor"], "9A1.b": ["Veiligheidsmonitor"], "9A1.c": ["Stadsenquête"],
        "9A1.d": ["Stadsenquête"], "9A1.e": ["Stadsenquête"], "9A1.f": ["Stadsenquête"],
        "9B1.a": ["Stadsenquête"], "9B1.b": ["Stadsenquête"],
        "9C1.a": ["CEO Wmo"], "9C1.b": ["CEO Wmo"], "9C1.c": ["Medewerkerenquête SWT"],
        "9C1.d": ["Medewerkerenquête SWT"], "9C1.e": ["Medewerkerenquête SWT"], "9C2.a": ["CEO Wmo"],
        "9C2.b": ["GMSD (wsjg - BBV)"], "9C2.c": ["Basisregistratie personen (BRP)"],
        "9D1.a": ["GGD"], "9D1.b": ["GGD"], "9D1.c": ["Binnenvest"], "9D1.d": ["Binnenvest"],
        "9D1.e": ["Rosa Manus"], "9D1.f": ["T-care"], "9D1.g": ["COA"],
    },
    "leiden-2017-programmabegroting-p9-9d": {
        "9D1.a": ["GGD"], "9D1.b": ["GGD"], "9D1.c": ["Binnenvest"], "9D1.d": ["Binnenvest"],
        "9D1.e": ["Rosa Manus"], "9D1.f": ["T-care"], "9D1.g": ["Monitor VeiligThuis"], "9D1.h": ["COA"],
    },
    "leiden-2024-jaarstukken-p9": {
        "9A1.a": ["Veiligheidsmonitor"], "9A1.b": ["Veiligheidsmonitor"], "9A1.c": ["Stadsenquête"],
        "9A1.d": ["Stadsenquête"], "9A1.e": ["Stadsenquête"], "9A1.f": ["Stadsenquête"],
        "9B1.a": ["Stadsenquête"], "9B1.b": ["Stadsenquête"],
        "9C1.a": ["CEO Wmo"], "9C1.b": ["CEO Wmo"], "9C1.c": ["CEO Wmo", "CEO Wmo"], "9C2.a": ["CEO Wmo"],
        "9C2.b": ["GMSD (BBV - via wsjg)"],
        "9D1.a": ["GGD"], "9D1.b": ["Binnenvest"], "9D1.d": ["-"], "9D1.e": ["COA"],
    },
    "leiden-js2017-p07-7b-peuterspeelopvang-effectindicatoren": {
        "7B1.a": ["Smallsteps, SPL, BRP, LRKP"],
    },
}

SCALES = ["bedragen x € 1.000,-", "Bedragen x € 1.000,-", "Bedragen x € 1.000", "bedragen x € 1.000"]

LINE_LABEL = {"lasten": "Lasten", "baten": "Baten", "toevoeging": "Toevoeging", "onttrekking": "Onttrekking"}
BUDGET_MEASURES = {"lasten", "baten", "saldo", "toevoeging", "onttrekking", "mutaties", "resultaat"}


# ---------------------------------------------------------------------------------------------------------------
# Gold

class Source:
    """One gold file: its rows (converted to the project's conventions) and where it came from."""

    def __init__(self, path, rows, foreign):
        self.path = path
        self.id = os.path.basename(path)[:-len(".facts.csv")]
        self.rows = rows
        self.foreign = foreign
        with open(path, "rb") as fh:
            self.sha256 = hashlib.sha256(fh.read()).hexdigest()
        first = rows[0]
        self.kind, self.year, self.programme = first["document_kind"], int(first["document_year"]), first["programme"]


def read_gold(path):
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == GOLD_HEADER, "%s: unexpected header %r" % (path, reader.fieldnames)
        return list(reader)


def convert_foreign(rows):
    """The foreign gold to the project's conventions: reserve rows and the result are their own groups; an
    indicator's subject is its name without footnote markers."""
    out = []
    for r in rows:
        r = dict(r)
        if r["table_kind"] == "budget" and r["subject"] == "Programma":
            if r["measure"] in ("toevoeging", "onttrekking", "mutaties"):
                r["subject"] = "Reserves"
            elif r["measure"] == "resultaat":
                r["subject"] = "Resultaat"
        if r["table_kind"] == "indicators":
            r["subject"] = re.sub(r"\*+$", "", r["subject"]).rstrip()
        out.append(r)
    return out


def load_sources(foreign_dir):
    sources = []
    for path in sorted(glob.glob(os.path.join(CORPUS, "gold", "*.facts.csv"))):
        rows = read_gold(path)
        if rows:
            sources.append(Source(path, rows, False))
    if foreign_dir:
        paths = sorted(glob.glob(os.path.join(foreign_dir, "*.facts.csv")))
        if not paths:
            raise SystemExit("no foreign gold in %s (give --foreign-gold DIR, or --foreign-gold '' to leave it out)" % foreign_dir)
        for path in paths:
            sources.append(Source(path, convert_foreign(read_gold(path)), True))
    return sources


def source_ref(src):
    """The path of a source gold as recorded: relative to the repository, or to its parent for ../shared."""
    rel = os.path.relpath(src.path, ROOT)
    return rel.replace(os.sep, "/")


# ---------------------------------------------------------------------------------------------------------------
# Tables rebuilt from gold

class Column:
    def __init__(self, period, kind):
        self.period, self.kind = period, kind

    def header(self):
        """(group text or None, lines of the column's own header)."""
        p = self.period
        return {
            "rekening": (None, ["Rekening", p]),
            "begroting": (None, ["Begroting", p]),
            "wijziging": (None, ["Wijziging", "Begroting"]),
            "begroting_na_wijziging": (None, ["Begroting %s" % p, "na wijziging"]),
            "verschil": (None, ["Verschil", p]),
            "meerjarenraming": ("Meerjarenraming", [p]),
        }[self.kind]


class Group:
    def __init__(self, subject, code, area):
        self.subject, self.code, self.area = subject, code, area
        self.lines = []  # (measure, [raw per column])


class BudgetTable:
    kind = "budget"

    def __init__(self, src, rows):
        self.src, self.rows = src, rows
        self.columns = []
        seen = {}
        for r in rows:
            key = (r["period"], r["column_kind"])
            if key not in seen:
                seen[key] = len(self.columns)
                self.columns.append(Column(*key))
        self.groups = []
        by_subject = {}
        for r in rows:
            g = by_subject.get(r["subject"])
            if g is None:
                g = by_subject[r["subject"]] = Group(r["subject"], r["subject_code"], r["policy_area"])
                self.groups.append(g)
            line = next((l for l in g.lines if l[0] == r["measure"]), None)
            if line is None:
                line = (r["measure"], [None] * len(self.columns))
                g.lines.append(line)
            k = seen[(r["period"], r["column_kind"])]
            assert line[1][k] is None, "%s: two values for %s %s %s" % (src.id, r["subject"], r["measure"], r["period"])
            line[1][k] = r["raw"]
        for g in self.groups:
            for m, raws in g.lines:
                assert None not in raws, "%s: %s %s lacks a column" % (src.id, g.subject, m)
        self.areas = [(g.code, g.subject) for g in self.groups if g.code]
        self.name = "budget"


class IndicatorRow:
    def __init__(self, code, name):
        self.code, self.name = code, name
        self.real = []        # [(period, raw)] in gold order (realisatie and prognose)
        self.streef = {}      # period -> raw
        self.bron = None
        self.goal = None


class IndicatorTable:
    kind = "indicators"

    def __init__(self, src, area, area_name, rows, goals):
        self.src, self.area, self.area_name, self.rows = src, area, area_name, rows
        self.items = []
        index = {}
        for r in rows:
            # A code printed twice (2024, 9C1.c) is two indicators: keyed by code and name.
            key = (r["subject_code"], r["subject"])
            item = index.get(key)
            if item is None:
                item = index[key] = IndicatorRow(*key)
                self.items.append(item)
            if r["measure"] == "streefwaarde":
                item.streef[r["period"]] = r["raw"]
            else:
                item.real.append((r["period"], r["raw"]))
        self.tagged = any("(" in raw for it in self.items for _, raw in it.real)
        self.streef_years = sorted({y for it in self.items for y in it.streef})
        self.real_years = sorted({y for it in self.items for y, _ in it.real}) if not self.tagged else []
        for it in self.items:
            assert sorted(it.streef) == self.streef_years, "%s %s: streefwaarden do not cover the years" % (src.id, it.code)
            if not self.tagged:
                assert [y for y, _ in it.real] == self.real_years, "%s %s: realisaties per year" % (src.id, it.code)
        bron = BRON.get(src.id, {})
        counts = {}
        for it in self.items:
            k = counts.get(it.code, 0)
            counts[it.code] = k + 1
            names = bron.get(it.code)
            it.bron = names[k] if names and k < len(names) else None
            goal = goals.get(it.code.split(".")[0])
            it.goal = goal["subject"] if goal else None
            it.goal_row = goal
        self.has_bron = all(it.bron for it in self.items)
        self.name = "indicators %s" % area


def tables_of(src):
    tables = []
    budget = [r for r in src.rows if r["table_kind"] == "budget"]
    # A budget table has lines; an amount stated in prose (the 2013 plan, measure bedrag) is no table.
    if budget and all(r["measure"] in BUDGET_MEASURES for r in budget):
        tables.append(BudgetTable(src, budget))
    area_names = dict(AREA_NAMES)
    for r in budget:
        if r["subject_code"]:
            area_names[r["subject_code"]] = r["subject"]
    goals = {r["subject_code"]: r for r in src.rows if r["table_kind"] == "goals" and r["measure"] == "doel"}
    by_area = {}
    for r in src.rows:
        if r["table_kind"] == "indicators" and r["subject_code"]:
            by_area.setdefault(r["policy_area"], []).append(r)
    for area, rows in by_area.items():
        tables.append(IndicatorTable(src, area, area_names.get(area), rows, goals))
    return tables


# ---------------------------------------------------------------------------------------------------------------
# The layout model: cells with spans, rows, a grid

class Cell:
    __slots__ = ("lines", "role", "rowspan", "colspan")

    def __init__(self, lines, role="value", rowspan=1, colspan=1):
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        self.role, self.rowspan, self.colspan = role, rowspan, colspan

    @property
    def text(self):
        return " ".join(l for l in self.lines if l)

    @property
    def empty(self):
        return not self.text


class Row:
    def __init__(self, cells, kind="body"):
        self.cells, self.kind = cells, kind


class Table:
    """Header rows, body rows and foot rows (the result), width, and what the table is about."""

    def __init__(self, head, body, foot, width, kind, numeric_from):
        self.head, self.body, self.foot, self.width, self.kind = head, body, foot, width, kind
        self.numeric_from = numeric_from  # first column of figures
        self.label_cols = numeric_from


def expand(rows, width):
    """Rows with spans to a grid: covered slots are None, each cell at its top-left slot."""
    grid = [[None] * width for _ in rows]
    taken = set()
    for y, row in enumerate(rows):
        x = 0
        for c in row.cells:
            while (y, x) in taken:
                x += 1
            assert x < width, "row %d is wider than %d" % (y, width)
            grid[y][x] = c
            for dy in range(c.rowspan):
                for dx in range(c.colspan):
                    taken.add((y + dy, x + dx))
            x += c.colspan
    return grid


def budget_table(t, p, programme_name, scale):
    """The grid of a budget table, per the layout parameters p."""
    ncol = len(t.columns)
    lab = 2
    width = lab + ncol
    head = []
    has_group = any(c.header()[0] for c in t.columns)
    corner_lines = {"empty": [""], "programme": [programme_name], "programme-scale": [programme_name, scale],
                    "scale": [scale]}[p["corner"]]

    def own(c):
        lines = c.header()[1]
        return lines if p["header_wrap"] else [" ".join(lines)]

    if p["header"] == "two-rows" and has_group:
        r1 = [Cell(corner_lines, "corner", rowspan=2, colspan=2)]
        r2 = []
        k = 0
        while k < ncol:
            group = t.columns[k].header()[0]
            if group:
                n = sum(1 for c in t.columns[k:] if c.header()[0] == group)
                r1.append(Cell(group, "colhead", colspan=n))
                r2.extend(Cell(own(c), "colhead") for c in t.columns[k:k + n])
                k += n
            else:
                r1.append(Cell(own(t.columns[k]), "colhead", rowspan=2))
                k += 1
        head = [Row(r1, "head"), Row(r2, "head")]
    else:
        r1 = [Cell(corner_lines, "corner", colspan=2)]
        for c in t.columns:
            group, lines = c.header()
            if group:
                first_of_group = c is next(x for x in t.columns if x.header()[0] == group)
                # Joined: the group's text over every year ('Meerjarenraming 2019'), or over its first year only
                # (a flattened header: 'Meerjarenraming 2019 | 2020 | 2021').
                if p["header"] == "joined" or (p["header"] == "joined-first" and first_of_group):
                    lines = [group] + lines
            r1.append(Cell(lines if p["header_wrap"] else [" ".join(lines)], "colhead"))
        head = [Row(r1, "head")]
    if p["scale_row"]:
        head.append(Row([Cell(scale, "scale", colspan=2)] + [Cell("", "empty") for _ in t.columns], "scale"))

    body, foot = [], []
    for g in t.groups:
        is_result = g.subject == "Resultaat"
        rows = []
        starts = [m for m, _ in g.lines if m in LINE_LABEL]
        ends = [(m, raws) for m, raws in g.lines if m not in LINE_LABEL]
        n_start = len(starts)
        if is_result:
            (m, raws), = g.lines
            cells = ([Cell("Resultaat", "label", colspan=2)] if p["total_span"] else
                     [Cell("Resultaat", "label"), Cell("", "empty")])
            rows.append(Row(cells + [Cell(v) for v in raws], "result"))
            (foot if p["tfoot"] else body).extend(rows)
            continue
        saldo_label = {"saldo": "Saldo van baten en lasten" if g.subject == "Programma" else "Saldo",
                       "mutaties": "Mutaties reserves"}
        in_span = p["label_rowspan"] and not p["group_heading"]
        # How many rows the group label covers: the line rows, and the saldo row when its label sits in column 2.
        covers = n_start + (1 if (ends and g.subject not in ("Programma", "Reserves") and p["saldo_col"] == 1) else 0)
        if p["group_heading"]:
            rows.append(Row([Cell(g.subject, "label")] + [Cell("", "empty") for _ in range(width - 1)], "group"))
        for i, (m, raws) in enumerate(g.lines):
            if m in LINE_LABEL:
                cells = []
                if i == 0 and not p["group_heading"]:
                    cells.append(Cell(g.subject, "label", rowspan=covers if in_span else 1))
                elif not (in_span and i < covers):
                    cells.append(Cell("", "empty"))
                cells.append(Cell(LINE_LABEL[m], "line"))
                rows.append(Row(cells + [Cell(v) for v in raws], "line"))
            else:
                label = saldo_label[m]
                total = g.subject in ("Programma", "Reserves") or p["saldo_col"] == 0
                if total:
                    cells = ([Cell(label, "label", colspan=2)] if p["total_span"] else
                             [Cell(label, "label"), Cell("", "empty")])
                else:
                    cells = ([] if in_span else [Cell("", "empty")]) + [Cell(label, "line")]
                rows.append(Row(cells + [Cell(v) for v in raws], "total"))
        body.extend(rows)
    return Table(head, body, foot, width, "budget", lab)


def indicator_table(t, p):
    bron = p["bron"]
    width = 1 + (1 if t.tagged else len(t.real_years)) + len(t.streef_years) + (1 if bron else 0)
    wrap = p["header_wrap"]

    def hl(*parts):
        return list(parts) if wrap else [" ".join(parts)]

    head = []
    if t.tagged:
        if p["header"] == "two-rows":
            r1 = [Cell("Effectindicator", "colhead", rowspan=2), Cell("Realisatie", "colhead", rowspan=2),
                  Cell("Streefwaarden", "colhead", colspan=len(t.streef_years))]
            if bron:
                r1.append(Cell("Bron", "colhead", rowspan=2))
            r2 = [Cell(y, "colhead") for y in t.streef_years]
            head = [Row(r1, "head"), Row(r2, "head")]
        else:
            r1 = [Cell("Effectindicator", "colhead"), Cell("Realisatie", "colhead")]
            for k, y in enumerate(t.streef_years):
                if p["header"] == "joined-first" and k:
                    r1.append(Cell(y, "colhead"))
                else:
                    r1.append(Cell(hl("Streefwaarde" if p["header"] == "joined" else "Streefwaarden", y), "colhead"))
            if bron:
                r1.append(Cell("Bron", "colhead"))
            head = [Row(r1, "head")]
    else:
        streef = [hl("Streefwaarde", y) for y in t.streef_years]
        if p["header"] == "two-rows":
            r1 = [Cell("Effectindicator", "colhead", rowspan=2),
                  Cell("Realisatie", "colhead", colspan=len(t.real_years))]
            r1 += [Cell(s, "colhead", rowspan=2) for s in streef]
            if bron:
                r1.append(Cell("Bron", "colhead", rowspan=2))
            head = [Row(r1, "head"), Row([Cell(y, "colhead") for y in t.real_years], "head")]
        else:
            r1 = [Cell("Effectindicator", "colhead")]
            for k, y in enumerate(t.real_years):
                if p["header"] == "joined-first" and k:
                    r1.append(Cell(y, "colhead"))
                else:
                    r1.append(Cell(hl("Realisatie", y), "colhead"))
            r1 += [Cell(s, "colhead") for s in streef]
            if bron:
                r1.append(Cell("Bron", "colhead"))
            head = [Row(r1, "head")]
    body = []
    last_goal = None
    for it in t.items:
        goal_code = it.code.split(".")[0]
        if p["goal_rows"] and it.goal and goal_code != last_goal:
            text = ("Doel %s %s" if p["goal_word"] else "%s %s") % (goal_code, it.goal)
            body.append(Row([Cell(text, "goal", colspan=width)], "goal"))
        last_goal = goal_code
        cells = [Cell("%s %s" % (it.code, it.name), "indicator")]
        if t.tagged:
            cells.append(Cell([raw for _, raw in it.real], "real"))
        else:
            cells += [Cell(raw) for _, raw in it.real]
        cells += [Cell(it.streef[y]) for y in t.streef_years]
        if bron:
            cells.append(Cell(it.bron, "bron"))
        body.append(Row(cells, "indicator"))
    return Table(head, body, [], width, "indicators", 1)


# ---------------------------------------------------------------------------------------------------------------
# Parameters

def pick(rng, choices):
    """A weighted choice from [(value, weight)] or a plain list."""
    if isinstance(choices[0], tuple):
        total = sum(w for _, w in choices)
        x = rng.random() * total
        for v, w in choices:
            x -= w
            if x < 0:
                return v
        return choices[-1][0]
    return rng.choice(choices)


def table_params(rng, t, form, producer):
    """The parameters of the table grid and the text around it."""
    p = {}
    names = PROGRAMME_NAMES.get(t.src.programme, [None])
    p["programme_name"] = pick(rng, names)
    # The site pages name a programme by name only; documents and exports by number and name.
    p["programme"] = pick(rng, [("number", 3), ("name", 2)]) if p["programme_name"] else "number"
    p["scale"] = pick(rng, SCALES)
    p["breadcrumb"] = form in ("html",) and pick(rng, [(True, 3), (False, 1)]) or (
        producer == "crawl" and pick(rng, [True, False]))
    p["chrome"] = (form == "html" or producer == "crawl") and pick(rng, [True, False])
    if t.kind == "budget":
        has_group = any(c.header()[0] for c in t.columns)
        headers = [("two-rows", 3), ("joined", 1)]
        if producer in ("pipe", "tab"):
            headers.append(("joined-first", 1))
        p["header"] = pick(rng, headers) if has_group else "one-row"
        p["header_wrap"] = pick(rng, [True, False])
        title_places = {"text": ["before", "corner"],
                        "html": ["before", "caption", "figure", "corner"] if producer == "modern" else ["before", "caption", "corner"],
                        "pdf": ["before", "caption", "corner"] if producer == "chromium" else ["before", "corner"]}
        p["title_in"] = pick(rng, title_places[form])
        if p["title_in"] == "corner":
            p["corner"] = pick(rng, ["programme-scale", "scale"])
        else:
            p["corner"] = "empty"
        p["scale_row"] = p["title_in"] == "before" and p["corner"] == "empty" and pick(rng, [(True, 1), (False, 3)])
        p["saldo_col"] = pick(rng, [0, 1])
        p["label_rowspan"] = form in ("html", "pdf") and pick(rng, [True, False])
        p["total_span"] = form in ("html", "pdf") and pick(rng, [True, False])
        p["group_heading"] = pick(rng, [(True, 1), (False, 6)])
        p["tfoot"] = False
        p["areas"] = pick(rng, ["before", "after"]) if t.areas else "none"
        p["heading"] = "Programmakosten"
        # A page whose caption or corner cell names the programme may name it nowhere else (the foreign pages).
        named = p["title_in"] in ("caption", "figure") or p["corner"] == "programme-scale"
        p["programme_line"] = not (named and p["programme"] == "name" and pick(rng, [True, False]))
    else:
        p["header"] = pick(rng, [("two-rows", 3), ("joined", 1)] + ([("joined-first", 1)] if producer in ("pipe", "tab") else []))
        p["header_wrap"] = pick(rng, [(True, 1), (False, 2)])
        p["bron"] = t.has_bron and pick(rng, [(True, 3), (False, 1)])
        p["goal_rows"] = any(it.goal for it in t.items) and pick(rng, [True, False])
        p["goal_word"] = pick(rng, [(True, 3), (False, 1)])
        p["title_in"] = pick(rng, {"modern": ["before", "caption", "figure"], "chromium": ["before", "caption"],
                                   "old": ["before", "caption"]}.get(producer, ["before"]))
        # The heading names the area ('Effectindicatoren bij 9A ...'), or a line names it above a plain heading.
        p["area_line"] = pick(rng, ["heading", "line"]) if t.area_name else "none"
        p["heading"] = ("Effectindicatoren bij %s %s" % (t.area, t.area_name) if p["area_line"] == "heading"
                        else "Effectindicatoren")
        p["markers"] = pick(rng, ["sup", "inline"])
    return p


def build_table(t, p):
    name = p["programme_name"] if p["programme"] == "name" else "Programma %s %s" % (t.src.programme, p["programme_name"])
    if t.kind == "budget":
        corner_name = p["programme_name"] or name
        return budget_table(t, p, corner_name, p["scale"])
    return indicator_table(t, p)


def kind_title(t):
    return "%s %d" % ({"programmabegroting": "Programmabegroting", "jaarstukken": "Jaarstukken"}[t.src.kind], t.src.year)


def programme_line(t, p):
    if p["programme"] == "name":
        return p["programme_name"]
    return "Programma %s %s" % (t.src.programme, p["programme_name"]) if p["programme_name"] else "Programma %s" % t.src.programme


def area_lines(t):
    if t.kind == "budget":
        return ["Beleidsterrein %s %s" % (code, name) for code, name in t.areas]
    return ["Beleidsterrein %s %s" % (t.area, t.area_name)] if t.area_name else []


def breadcrumb(t, p):
    page = "Programmakosten" if t.kind == "budget" else p["heading"]
    return "Home / Beleidsbegroting / Programmaplan / %s / %s" % (p["programme_name"] or programme_line(t, p), page)


def blocks(t, p):
    """The document around the table: [(kind, text)] with one ('table', None). Kinds: title, crumb, programme,
    area, heading, scale, table."""
    out = [("title", kind_title(t))]
    if p.get("breadcrumb"):
        out.append(("crumb", breadcrumb(t, p)))
    if p.get("programme_line", True):
        out.append(("programme", programme_line(t, p)))
    if t.kind == "budget":
        if p["areas"] == "before":
            out += [("area", a) for a in area_lines(t)]
        out.append(("heading", p["heading"]))
        if p["title_in"] == "before" and not p["scale_row"]:
            out.append(("scale", p["scale"]))
        out.append(("table", None))
        if p["areas"] == "after":
            out += [("area", a) for a in area_lines(t)]
    else:
        if p["area_line"] == "line":
            out += [("area", a) for a in area_lines(t)]
        out.append(("heading", p["heading"]))
        out.append(("table", None))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Text forms

def text_grid(table, p):
    """Header and body as lists of string rows (None for a covered slot), multi-line cells per p['multiline']."""
    rows = table.head + table.body + table.foot
    grid = expand(rows, table.width)
    out = []
    for y, row in enumerate(rows):
        cells = grid[y]
        if row.kind == "head" and p.get("multiline") == "rows" and any(c is not None and len(c.lines) > 1 for c in cells):
            n = max(len(c.lines) for c in cells if c is not None)
            for i in range(n):
                line = []
                for c in cells:
                    if c is None:
                        line.append(None)
                    else:
                        # Top-aligned lines: a one-line cell stands on the first row.
                        line.append(c.lines[i] if i < len(c.lines) else "")
                out.append((row.kind, line))
            continue
        line = []
        for c in cells:
            if c is None:
                line.append(None)
            elif c.role == "real":
                line.append(" ".join(c.lines))
            else:
                line.append(" ".join(x for x in c.lines if x))
        out.append((row.kind, line))
    return out


def render_pipe(t, table, p):
    lines = []
    for kind, text in blocks(t, p):
        if kind == "table":
            lines += pipe_rows(table, p)
        else:
            lines.append(text)
        if p["blank_lines"]:
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def pipe_rows(table, p):
    out = []
    for i, (kind, cells) in enumerate(text_grid(table, p)):
        if p["spans"] == "lost" and kind == "head":
            cells = [c for c in cells if c]
        else:
            cells = ["" if c is None else c for c in cells]
        if p["trim"]:
            while cells and cells[-1] == "":
                cells.pop()
        joined = " | ".join(cells)
        line = {"both": "| %s |", "trailing": "%s |", "none": "%s"}[p["edges"]] % joined
        out.append(line.rstrip())
        if i == 0 and p["rule"] != "none":
            rule = "|".join(["---"] * len(cells))
            out.append("|" + rule + "|" if p["rule"] == "md" else rule + "|")
    return out


def render_tab(t, table, p):
    lines = []
    rows = text_grid(table, p)
    head = [cells for kind, cells in rows if kind in ("head", "scale")]

    def tabrow(cells):
        s = "\t".join("" if c is None else c for c in cells)
        return s if p["trailing_tabs"] else s.rstrip("\t")

    for kind, text in blocks(t, p):
        if kind != "table":
            lines.append(text)
            lines.append("")
            continue
        body = [(k, cells) for k, cells in rows if k not in ("head", "scale")]
        for cells in head:
            lines.append(tabrow(cells))
        cut = len(body) // 2 + p["break_shift"] if p["page_break"] else None
        for i, (k, cells) in enumerate(body):
            if cut is not None and i == cut:
                # A page break inside the table: the page number, then the header again.
                lines.append(str(p["page_number"]))
                lines.append("")
                lines.append(kind_title(t))
                lines.append("")
                for hc in head:
                    lines.append(tabrow(hc))
            lines.append(tabrow(cells))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_crawl(t, table, p, rng):
    """Crawled page text: every cell on its own line(s), a blank line between cells; empty cells are not there."""
    parts = []
    for kind, text in blocks(t, p):
        if kind == "title":
            parts.append([text])
            if p["chrome"]:
                parts.append(["Ga naar boven"])
            continue
        if kind == "scale" and p["scale_with_heading"] and parts and parts[-1]:
            # The caption's two lines, programme name and scale, as one cell (the foreign crawl).
            parts[-1].append(text)
            continue
        if kind == "programme" and p["programme_after_heading"]:
            continue
        if kind == "heading":
            parts.append([text])
            if p["programme_after_heading"]:
                parts.append([programme_line(t, p)])
            continue
        if kind != "table":
            parts.append([text])
            continue
        rows = table.head + table.body + table.foot
        grid = expand(rows, table.width)
        for y, row in enumerate(rows):
            for c in grid[y]:
                if c is None or c.empty:
                    continue
                if c.role == "real":
                    parts += split_real(c.lines, p["real_cells"], rng)
                elif c.role == "colhead" and not p["header_lines"]:
                    parts.append([c.text])
                else:
                    parts.append([l for l in c.lines if l])
    out = "\n\n".join("\n".join(cell) for cell in parts)
    return out + "\n"


def split_real(values, mode, rng):
    """The several realisatie values of one row: one cell of several lines, one cell each, or spread over cells in
    any grouping (as the 2017 9D page does)."""
    if mode == "one-cell":
        return [list(values)]
    if mode == "cells":
        return [[v] for v in values]
    out, cur = [], []
    for v in values:
        cur.append(v)
        if rng.random() < 0.5:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def text_params(rng, producer, t):
    p = {}
    if producer == "pipe":
        p["edges"] = pick(rng, [("trailing", 2), ("both", 2), ("none", 1)])
        p["rule"] = pick(rng, [("dashes", 2), ("md", 1), ("none", 1)])
        p["spans"] = pick(rng, ["slots", "lost"])
        p["trim"] = pick(rng, [True, False])
        p["multiline"] = pick(rng, ["join", "rows"])
        p["blank_lines"] = pick(rng, [True, False])
    elif producer == "tab":
        p["trailing_tabs"] = pick(rng, [True, False])
        p["multiline"] = pick(rng, [("join", 3), ("rows", 1)])
        p["page_break"] = pick(rng, [(True, 1), (False, 2)])
        p["break_shift"] = rng.randint(-2, 2)
        p["page_number"] = rng.randint(5, 120)
    else:
        p["real_cells"] = pick(rng, ["one-cell", "cells", "mixed"])
        p["header_lines"] = pick(rng, [True, False])
        p["scale_with_heading"] = pick(rng, [True, False])
        p["programme_after_heading"] = pick(rng, [True, False])
    return p


# ---------------------------------------------------------------------------------------------------------------
# HTML

def esc(s):
    return html.escape(s, quote=False)


def cell_html(c, p, old=False):
    """The content of a cell: lines joined by <br>, a footnote marker as <sup> when asked."""
    def line(s):
        if p.get("markers") == "sup":
            m = re.match(r"^(.*?)(\*+)$", s)
            if m and m.group(1):
                return esc(m.group(1)) + ("<SUP>%s</SUP>" if old else "<sup>%s</sup>") % m.group(2)
        return esc(s)
    sep = {"br": "<BR>" if old else "<br>", "space": " "}[p["real_sep"]] if c.role == "real" else ("<BR>" if old else "<br>")
    return sep.join(line(l) for l in c.lines if l) if c.role == "real" else sep.join(line(l) for l in c.lines)


def flat_rows(rows, width, mode):
    """Header rows without spans: 'slots' puts an empty cell where a span reached, 'lost' drops those slots."""
    grid = expand(rows, width)
    out = []
    for y, row in enumerate(rows):
        cells = []
        for c in grid[y]:
            if c is None:
                if mode == "slots":
                    cells.append(Cell("", "empty"))
            else:
                cells.append(Cell(c.lines, c.role))
        out.append(Row(cells, row.kind))
    return out


def table_html(t, table, p, title_cells):
    """Modern markup of the table."""
    spans = p["spans"]
    head, body, foot = table.head, table.body, table.foot
    if spans != "kept":
        head = flat_rows(head, table.width, spans)
        body = flat_rows(body, table.width, "slots")
        foot = flat_rows(foot, table.width, "slots")
    out = []
    cls = ' class="%s"' % ("programmakosten" if t.kind == "budget" else "indicatoren") if p["class"] else ""
    out.append("<table%s>" % cls)
    if p["title_in"] == "caption":
        out.append("<caption>%s</caption>" % "<br>".join(esc(x) for x in title_cells))
    if p["colgroup"] or p.get("fixed_layout"):
        widths = col_widths(table, p)
        if p.get("pdf"):
            page = 269 if p.get("orientation") == "landscape" else 182
            widths = ["%.1f%%" % w for w in fit_widths(table, [float(w.rstrip("%")) for w in widths], page * 72 / 25.4,
                                                        p["font_family"], p["font_pt"], p["padding_pt"] + 3, p["real_sep"])]
        out.append("<colgroup>" + "".join('<col style="width:%s">' % w for w in widths) + "</colgroup>")

    def row_html(row, in_head):
        parts = []
        for i, c in enumerate(row.cells):
            attrs = ""
            if c.rowspan > 1:
                attrs += ' rowspan="%d"' % c.rowspan
            if c.colspan > 1:
                attrs += ' colspan="%d"' % c.colspan
            if in_head:
                tag = p["head_tag"]
                if tag == "th" and c.role == "colhead" and p["scope"]:
                    attrs += ' scope="%s"' % ("colgroup" if c.colspan > 1 else "col")
            elif c.role in ("label", "indicator", "goal") and p["row_th"]:
                tag = "th"
                attrs += ' scope="row"' if c.role != "goal" else ' scope="rowgroup"'
            elif c.role == "line" and p["row_th"] and p["line_th"]:
                tag = "th"
            else:
                tag = "td"
            if not in_head and c.role in ("value", "real") and p["num_class"]:
                attrs += ' class="getal"' if c.role == "value" else ' class="realisatie"'
            parts.append("<%s%s>%s</%s>" % (tag, attrs, cell_html(c, p), tag))
        cls = ' class="%s"' % row.kind if row.kind in ("total", "result", "goal") and p["row_class"] else ""
        return "<tr%s>%s</tr>" % (cls, "".join(parts))

    if p["sections"] == "none":
        for r in head + body + foot:
            out.append(row_html(r, r in head))
    else:
        out.append("<thead>")
        out += [row_html(r, True) for r in head]
        out.append("</thead>")
        out.append("<tbody>")
        out += [row_html(r, False) for r in body + ([] if p["sections"] == "thead-tbody-tfoot" else foot)]
        out.append("</tbody>")
        if p["sections"] == "thead-tbody-tfoot" and foot:
            out.append("<tfoot>")
            out += [row_html(r, False) for r in foot]
            out.append("</tfoot>")
    out.append("</table>")
    return "\n".join(out)


def col_widths(table, p):
    """Column widths in percent of the table: the row labels' share as drawn, for money a line column that holds
    'Onttrekking', the figures' columns sharing the rest."""
    w = table.width
    label = p.get("label_width", 30)
    if table.kind == "budget":
        line = 11
        rest = (100 - label - line) / (w - 2)
        return ["%.1f%%" % x for x in [label, line] + [rest] * (w - 2)]
    bron = 1 if table.head and any(c.text == "Bron" for r in table.head for c in r.cells) else 0
    rest_cols = w - 1 - bron
    restw = 100 - label - (12 if bron else 0)
    return ["%.1f%%" % label] + ["%.1f%%" % (restw / rest_cols)] * rest_cols + (["12%"] if bron else [])


# The TrueType files of the fonts the print styles name, to measure words with (bold, as the widest case).
FONT_FILES = {
    "Liberation Sans": "liberation/LiberationSans-Bold.ttf", "Liberation Serif": "liberation/LiberationSerif-Bold.ttf",
    "Liberation Sans Narrow": "liberation/LiberationSansNarrow-Bold.ttf", "DejaVu Sans": "dejavu/DejaVuSans-Bold.ttf",
    "DejaVu Sans Condensed": "dejavu/DejaVuSansCondensed-Bold.ttf", "DejaVu Serif": "dejavu/DejaVuSerif-Bold.ttf",
    "Helvetica": None, "Times-Roman": None,
    "LiberationSans": "liberation/LiberationSans-Bold.ttf", "LiberationSansNarrow": "liberation/LiberationSansNarrow-Bold.ttf",
    "DejaVuSans": "dejavu/DejaVuSans-Bold.ttf", "DejaVuSansCondensed": "dejavu/DejaVuSansCondensed-Bold.ttf",
}
_measured = {}


def text_width(s, family, size):
    """Width in points of a text set in the bold face of a family (ReportLab's metrics of the same font files)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    f = FONT_FILES[family]
    if f is None:
        name = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[family]
    else:
        name = "measure-" + os.path.basename(f)
        if name not in _measured:
            pdfmetrics.registerFont(TTFont(name, "/usr/share/fonts/truetype/" + f))
            _measured[name] = True
    return pdfmetrics.stringWidth(s, name, size)


def column_needs(table, family, size, padding_pt, real_sep="br"):
    """Per column, the width in points its longest word (a figure, a realisatie value) needs."""
    grid = expand(table.head + table.body + table.foot, table.width)
    need = [0.0] * table.width
    for row in grid:
        for x, c in enumerate(row):
            if c is None or c.colspan > 1:
                continue
            if c.role == "value":
                pieces = c.lines
            elif c.role == "real":
                # Values side by side stay on one line (the cell is not wrapped); one per line each stays whole.
                pieces = [" ".join(c.lines)] if real_sep == "space" else c.lines
            else:
                pieces = [w for l in c.lines for w in l.split()]
            for piece in pieces:
                need[x] = max(need[x], text_width(piece, family, size) + 2 * padding_pt + 3)
    return need


def fit_font(table, p, family_key, total_pt, padding_pt):
    """The font size, from the one drawn, lowered by half points until every column's words fit the page: an
    author sets a wide table smaller rather than let its words run over."""
    size = p["font_pt"]
    while size > 6 and sum(column_needs(table, p[family_key], size, padding_pt, p.get("real_sep", "br"))) > total_pt:
        size -= 0.5
    if size != p["font_pt"]:
        p["font_pt_drawn"] = p["font_pt"]
        p["font_pt"] = size


def fit_widths(table, pcts, total_pt, family, size, padding_pt, real_sep="br"):
    """Column widths (percent) that hold every word of their cells, and every figure whole: a producer's author
    widens a column rather than let a word run into the next. Columns below their need take it from the others'
    slack, in proportion."""
    need = column_needs(table, family, size, padding_pt, real_sep)
    widths = [total_pt * w / 100 for w in pcts]
    short = sum(max(0.0, n - w) for n, w in zip(need, widths))
    slack = [max(0.0, w - n) for n, w in zip(need, widths)]
    if short and sum(slack) >= short:
        k = short / sum(slack)
        widths = [max(n, w - sl * k) for n, w, sl in zip(need, widths, slack)]
    elif short:
        widths = need  # wider than the page: the check after printing says so
    return [100.0 * w / sum(widths) for w in widths]


def title_cells(t, p):
    """What a caption or figcaption holds: for money the programme and the scale (Leiden's caption), for
    indicators the heading."""
    if t.kind == "budget":
        return [p["programme_name"] or programme_line(t, p), p["scale"]]
    return [p["heading"]]


def render_html_modern(t, table, p):
    title = "%s - %s - %s" % ("Programmakosten" if t.kind == "budget" else p["heading"],
                              p["programme_name"] or programme_line(t, p), kind_title(t))
    body = []
    if p["chrome"]:
        body.append('<header class="site-header"><p class="site-name"><a href="index.html">%s</a></p>'
                    '<p class="site-owner">Gemeente Leiden</p></header>' % esc(kind_title(t)))
    if p["breadcrumb"]:
        parts = breadcrumb(t, p).split(" / ")
        body.append('<nav aria-label="Kruimelpad" class="breadcrumb"><ol>%s</ol></nav>' % "".join(
            ('<li><a href="#">%s</a></li>' % esc(x)) if i < len(parts) - 1 else "<li>%s</li>" % esc(x)
            for i, x in enumerate(parts)))
    main = []
    caption_in = p["title_in"] in ("caption", "figure")
    cap = title_cells(t, p)
    for kind, text in blocks(t, p):
        if kind == "title":
            main.append('<p class="documenttitel">%s</p>' % esc(text))
        elif kind == "crumb":
            continue
        elif kind == "programme":
            main.append("<h1>%s</h1>" % esc(text) if p["programme_h1"] else "<p>%s</p>" % esc(text))
        elif kind == "heading":
            if caption_in and t.kind == "indicators":
                continue
            main.append("<h2>%s</h2>" % esc(text))
        elif kind == "scale":
            if caption_in:
                continue
            main.append('<p class="bijschrift">%s</p>' % esc(text))
        elif kind == "area":
            main.append("<h3>%s</h3>" % esc(text) if p["area_tag"] == "h3" else "<p>%s</p>" % esc(text))
        elif kind == "table":
            tab = table_html(t, table, p, cap)
            if p["title_in"] == "figure":
                tab = "<figure>\n<figcaption>%s</figcaption>\n%s\n</figure>" % ("<br>".join(esc(x) for x in cap), tab)
            elif p["wrap_div"]:
                tab = '<div class="table-wrap">\n%s\n</div>' % tab
            main.append(tab)
    if p["chrome"]:
        main.append('<p class="naar-boven"><a href="#top">Ga naar boven</a></p>')
    body.append("<main>\n%s\n</main>" % "\n".join(main))
    if p["chrome"]:
        body.append('<footer class="site-footer"><p>Gemeente Leiden &middot; Stadhuisplein 1</p></footer>')
    style = p.get("css")
    doc = ('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>%s</title>\n%s</head>\n'
           '<body id="top">\n%s\n</body>\n</html>\n') % (
        esc(title), "<style>\n%s</style>\n" % style if style else "", "\n".join(body))
    return doc.encode("utf-8")


def render_html_old(t, table, p):
    """2013-era markup: upper-case tags, FONT in every cell, cells and rows left unclosed, a layout table with a
    menu column, windows-1252."""
    enc = p["encoding"]

    def font(s, size=2):
        return '<FONT FACE="Arial" SIZE=%d>%s</FONT>' % (size, s) if p["font"] else s

    def close(tag):
        return "" if p["unclosed"] else "</%s>" % tag

    rows = table.head + table.body + table.foot
    if p["spans"] != "kept":
        rows = flat_rows(table.head, table.width, p["spans"]) + flat_rows(table.body + table.foot, table.width, "slots")
    tab = ["<TABLE BORDER=1 CELLPADDING=2 CELLSPACING=0%s>" % (" WIDTH=100%" if p["full_width"] else "")]
    if p["title_in"] == "caption":
        tab.append("<CAPTION>%s</CAPTION>" % font("<B>%s</B>" % "<BR>".join(esc(x) for x in title_cells(t, p))))
    n_head = len(table.head)
    for y, row in enumerate(rows):
        parts = ["<TR VALIGN=top>" if p["valign"] else "<TR>"]
        for c in row.cells:
            attrs = ""
            if c.rowspan > 1:
                attrs += " ROWSPAN=%d" % c.rowspan
            if c.colspan > 1:
                attrs += " COLSPAN=%d" % c.colspan
            inner = cell_html(c, p, old=True)
            if y < n_head:
                if p["head_tag"] == "th":
                    parts.append("<TH%s>%s%s" % (attrs, font(inner), close("TH")))
                else:
                    parts.append("<TD%s BGCOLOR=#DDDDDD>%s%s" % (attrs, font("<B>%s</B>" % inner if inner else inner), close("TD")))
            else:
                if c.role in ("value", "real") and p["align_right"]:
                    attrs += " ALIGN=right"
                parts.append("<TD%s>%s%s" % (attrs, font(inner), close("TD")))
        parts.append(close("TR"))
        tab.append("".join(parts))
    tab.append("</TABLE>")

    content = []
    for kind, text in blocks(t, p):
        if kind == "title":
            content.append("<P>%s</P>" % font("<B>%s</B>" % esc(text), 3))
        elif kind == "crumb":
            content.append("<P>%s</P>" % font(esc(text), 1))
        elif kind == "heading":
            if p["title_in"] == "caption" and t.kind == "indicators":
                continue
            content.append("<H2>%s</H2>" % font(esc(text), 4))
        elif kind == "table":
            content.append("\n".join(tab))
        else:
            content.append("<P>%s</P>" % font(esc(text)))
    meta = ""
    if p["declare"]:
        meta = '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=%s">\n' % enc
    title = "%s - %s" % (p["heading"], kind_title(t))
    head = ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<HTML>\n<HEAD>\n%s<TITLE>%s</TITLE>\n'
            '</HEAD>\n<BODY BGCOLOR=#FFFFFF TEXT=#000000>\n') % (meta, esc(title))
    inner = "\n".join(content)
    if p["layout_table"]:
        menu = "<BR>\n".join('<A HREF="%s.html">%s</A>' % (re.sub(r"\W+", "-", x.lower()), esc(x)) for x in
                             ["Home", "Beleidsbegroting", "Programmaplan", p["programme_name"] or programme_line(t, p),
                              "Programmakosten" if t.kind == "budget" else p["heading"]])
        inner = ("<TABLE WIDTH=100%% BORDER=0 CELLPADDING=6 CELLSPACING=0>\n<TR>\n<TD WIDTH=180 VALIGN=top BGCOLOR=#EEEEEE>%s</TD>\n"
                 "<TD VALIGN=top>\n%s\n</TD>\n</TR>\n</TABLE>") % (font(menu), inner)
    doc = head + inner + "\n</BODY>\n</HTML>\n"
    return doc.encode(enc, errors="xmlcharrefreplace")


def html_params(rng, producer, t, for_print=False):
    p = {}
    p["spans"] = pick(rng, [("kept", 3), ("slots", 2), ("lost", 1)]) if not for_print else pick(rng, [("kept", 4), ("slots", 1)])
    p["head_tag"] = pick(rng, [("th", 3), ("td", 1)])
    p["real_sep"] = pick(rng, [("br", 3), ("space", 1)])
    if producer == "old":
        p["encoding"] = pick(rng, [("windows-1252", 3), ("utf-8", 1)])
        p["declare"] = pick(rng, [(True, 3), (False, 1)])
        p["font"] = pick(rng, [(True, 3), (False, 1)])
        p["unclosed"] = pick(rng, [True, False])
        p["layout_table"] = pick(rng, [True, False])
        p["full_width"] = pick(rng, [True, False])
        p["valign"] = pick(rng, [True, False])
        p["align_right"] = pick(rng, [True, False])
        return p
    p["sections"] = pick(rng, [("thead-tbody", 3), ("thead-tbody-tfoot", 1), ("none", 1)])
    p["row_th"] = pick(rng, [True, False])
    p["line_th"] = pick(rng, [True, False])
    p["scope"] = pick(rng, [True, False])
    p["colgroup"] = pick(rng, [(True, 1), (False, 2)])
    p["class"] = pick(rng, [True, False])
    p["num_class"] = pick(rng, [True, False]) or for_print
    p["row_class"] = pick(rng, [True, False])
    p["wrap_div"] = pick(rng, [True, False])
    p["programme_h1"] = pick(rng, [True, False])
    p["area_tag"] = pick(rng, ["h3", "p"])
    p["label_width"] = pick(rng, [22, 26, 30, 34, 40])
    return p


# ---------------------------------------------------------------------------------------------------------------
# PDF: Chromium

FONTS_CSS = ["Liberation Sans", "Liberation Serif", "Liberation Sans Narrow", "DejaVu Sans", "DejaVu Sans Condensed",
             "DejaVu Serif"]


def label_width(rng, t):
    """Percent of the text width for the row labels: narrow enough that labels wrap onto two lines sometimes,
    wide enough that the figures' columns hold their headers."""
    return pick(rng, [14, 17, 20, 23, 26] if t.kind == "budget" else [26, 30, 34, 40, 46])


def chromium_params(rng, t):
    p = {}
    p["font_family"] = pick(rng, FONTS_CSS)
    p["font_pt"] = pick(rng, [7, 7.5, 8, 8.5, 9, 10, 11])
    p["line_height"] = pick(rng, [1.0, 1.05, 1.1, 1.2, 1.3, 1.45])
    p["label_width"] = label_width(rng, t)
    # Fixed column widths only where the header words and figures fit them (no producer lets text run over).
    p["fixed_layout"] = p["font_pt"] <= 9 and pick(rng, [True, False])
    p["align"] = pick(rng, [("right", 4), ("center", 1), ("left", 1)])
    p["ruling"] = pick(rng, ["grid", "horizontal", "none", "outer"])
    p["shading"] = pick(rng, ["none", "header", "zebra", "totals"])
    p["orientation"] = pick(rng, [("portrait", 3), ("landscape", 1)])
    p["break"] = pick(rng, [("none", 2), ("repeat", 1), ("norepeat", 1)])
    p["table_top_mm"] = rng.choice([150, 175, 200]) if p["break"] != "none" and p["orientation"] == "portrait" else (
        rng.choice([90, 110, 125]) if p["break"] != "none" else 0)
    p["running_header"] = pick(rng, [True, False])
    p["padding_pt"] = pick(rng, [0.5, 1, 1.5, 2.5])
    return p


def print_css(t, p):
    size = "A4 landscape" if p["orientation"] == "landscape" else "A4"
    rh = ""
    if p["running_header"]:
        rh = ('  @top-left { content: "Gemeente Leiden"; font-family: "%s"; font-size: 7pt; }\n'
              '  @top-right { content: "%s"; font-family: "%s"; font-size: 7pt; }\n'
              '  @bottom-center { content: counter(page); font-family: "%s"; font-size: 7pt; }\n') % (
            p["font_family"], kind_title(t), p["font_family"], p["font_family"])
    css = "@page {\n  size: %s;\n  margin: 18mm 14mm 16mm 14mm;\n%s}\n" % (size, rh)
    css += ('html { font-family: "%s"; font-size: %spt; line-height: %s; color: #000; }\nbody { margin: 0; }\n' % (
        p["font_family"], p["font_pt"], p["line_height"]))
    css += "h1 { font-size: 1.5em; margin: 0 0 4pt; } h2 { font-size: 1.25em; margin: 6pt 0 3pt; } h3 { font-size: 1.05em; margin: 4pt 0 2pt; }\n"
    css += "sup { font-size: 75%; line-height: 0; vertical-align: 0.35em; }\n"
    css += "p { margin: 0 0 3pt; } figure { margin: 0; } caption, figcaption { text-align: left; font-weight: bold; padding-bottom: 2pt; }\n"
    css += "table { border-collapse: collapse; width: 100%%; %s}\n" % ("table-layout: fixed; " if p["fixed_layout"] else "")
    css += "th, td { padding: %spt 3pt; vertical-align: top; text-align: left; }\n" % p["padding_pt"]
    # A figure never breaks inside: realisatie values stay whole on their lines (side by side, or one per <br>).
    css += "td.getal, td.realisatie { white-space: nowrap; text-align: %s; }\n" % p["align"]
    css += "thead th, thead td { text-align: %s; }\n" % ("left" if p["align"] == "left" else p["align"])
    css += "tr { break-inside: avoid; }\n"
    if p["table_top_mm"]:
        css += ".table-wrap, figure, table { margin-top: 0; }\nmain > :last-child { margin-top: %dmm; }\n" % p["table_top_mm"]
    if p["ruling"] == "grid":
        css += "th, td { border: 0.5pt solid #000; }\n"
    elif p["ruling"] == "horizontal":
        css += "tr { border-bottom: 0.5pt solid #000; } thead tr:last-child { border-bottom: 1pt solid #000; }\n"
    elif p["ruling"] == "outer":
        css += "table { border: 0.75pt solid #000; } thead { border-bottom: 0.75pt solid #000; }\n"
    if p["shading"] == "header":
        css += "thead th, thead td { background: #d9d9d9; }\n"
    elif p["shading"] == "zebra":
        css += "tbody tr:nth-child(even) { background: #eeeeee; }\n"
    elif p["shading"] == "totals":
        css += "tr.total, tr.result, tr.goal { background: #e2e2e2; font-weight: bold; }\n"
    return css


# ---------------------------------------------------------------------------------------------------------------
# PDF: LibreOffice (flat ODT)

def xml(s):
    return html.escape(s, quote=False)


def fodt(t, table, p):
    """A flat ODF text document: the text lines as paragraphs, the table with real spans and (optionally) its
    header rows repeated on each page."""
    landscape = p["orientation"] == "landscape"
    pw, ph = ("29.7cm", "21cm") if landscape else ("21cm", "29.7cm")
    text_width = 26.7 if landscape else 18.0
    widths_pct = fit_widths(table, [float(w.rstrip("%")) for w in col_widths(table, {"label_width": p["label_width"]})],
                            text_width / 2.54 * 72, p["font_family"], p["font_pt"], p["padding_cm"] / 2.54 * 72 + 1)
    rows = table.head + table.body + table.foot
    grid = expand(rows, table.width)
    n_head = len(table.head)
    taken = set()
    for y, row in enumerate(rows):
        for x, c in enumerate(grid[y]):
            if c is not None:
                for dy in range(c.rowspan):
                    for dx in range(c.colspan):
                        if dy or dx:
                            taken.add((y + dy, x + dx))
    out = []
    for y, row in enumerate(rows):
        cells = []
        for x in range(table.width):
            c = grid[y][x]
            if c is None:
                cells.append("<table:covered-table-cell/>")
                continue
            attrs = ""
            if c.rowspan > 1:
                attrs += ' table:number-rows-spanned="%d"' % c.rowspan
            if c.colspan > 1:
                attrs += ' table:number-columns-spanned="%d"' % c.colspan
            head = y < n_head
            num = c.role in ("value", "real") and not head
            pstyle = "Kop" if head else ("Getal" if num else "Cel")
            cstyle = "KopCel" if head and p["shading"] else "Cel"
            paras = "".join('<text:p text:style-name="%s">%s</text:p>' % (pstyle, xml(l)) for l in (c.lines or [""]))
            cells.append('<table:table-cell table:style-name="%s" office:value-type="string"%s>%s</table:table-cell>' % (
                cstyle, attrs, paras))
        out.append('<table:table-row>%s</table:table-row>' % "".join(cells))
    head_xml = "\n".join(out[:n_head])
    body_xml = "\n".join(out[n_head:])
    if p["repeat_header"]:
        rows_xml = "<table:table-header-rows>\n%s\n</table:table-header-rows>\n%s" % (head_xml, body_xml)
    else:
        rows_xml = head_xml + "\n" + body_xml
    cols = "".join('<table:table-column table:style-name="K%d"/>' % k for k in range(table.width))
    col_styles = "".join('<style:style style:name="K%d" style:family="table-column"><style:table-column-properties '
                         'style:column-width="%.2fcm"/></style:style>' % (k, text_width * w / 100) for k, w in enumerate(widths_pct))
    paras = []
    for kind, text in blocks(t, p):
        if kind == "table":
            if p["space_before_cm"]:
                paras.append('<text:p text:style-name="Ruimte"/>')
            paras.append('<table:table table:name="Tabel1" table:style-name="Tabel">%s\n%s\n</table:table>' % (cols, rows_xml))
        elif kind == "heading":
            paras.append('<text:h text:style-name="Kop2" text:outline-level="2">%s</text:h>' % xml(text))
        elif kind == "title":
            paras.append('<text:p text:style-name="Titel">%s</text:p>' % xml(text))
        else:
            paras.append('<text:p text:style-name="Tekst">%s</text:p>' % xml(text))
    border = {"grid": 'fo:border="0.5pt solid #000000"', "none": 'fo:border="none"',
              "horizontal": 'fo:border-top="none" fo:border-left="none" fo:border-right="none" fo:border-bottom="0.5pt solid #000000"',
              "outer": 'fo:border="none"'}[p["ruling"]]
    lh = "%d%%" % round(p["line_height"] * 100)
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%(title)s</dc:title></office:meta>
<office:font-face-decls><style:font-face style:name="F" svg:font-family="'%(font)s'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="F" fo:font-size="%(size)spt" fo:language="nl" fo:country="NL" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Tekst" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="3pt" fo:line-height="%(lh)s"/></style:style>
<style:style style:name="Titel" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="4pt"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Kop2" style:family="paragraph"><style:paragraph-properties fo:margin-top="6pt" fo:margin-bottom="3pt" fo:keep-with-next="always"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Ruimte" style:family="paragraph"><style:paragraph-properties fo:margin-top="%(space)scm"/></style:style>
<style:style style:name="Cel" style:family="paragraph"><style:paragraph-properties fo:line-height="%(lh)s"/></style:style>
<style:style style:name="Getal" style:family="paragraph" style:parent-style-name="Cel"><style:paragraph-properties fo:text-align="%(align)s"/></style:style>
<style:style style:name="Kop" style:family="paragraph" style:parent-style-name="Cel"><style:paragraph-properties fo:text-align="%(halign)s"/><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="%(pw)s" fo:page-height="%(ph)s" style:print-orientation="%(orient)s" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/></style:page-layout>
<style:style style:name="Tabel" style:family="table"><style:table-properties style:width="%(tw).2fcm" table:align="left" style:may-break-between-rows="true" %(tborder)s/></style:style>
<style:style style:name="Cel" style:family="table-cell"><style:table-cell-properties fo:padding="%(pad).2fcm" %(border)s style:vertical-align="top"/></style:style>
<style:style style:name="KopCel" style:family="table-cell"><style:table-cell-properties fo:padding="%(pad).2fcm" %(border)s fo:background-color="#dddddd" style:vertical-align="top"/></style:style>
%(colstyles)s
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
%(body)s
</office:text></office:body>
</office:document>
""" % {"title": xml(kind_title(t)), "font": p["font_family"], "size": p["font_pt"], "lh": lh, "space": p["space_before_cm"],
       "align": {"right": "end", "left": "start", "center": "center"}[p["align"]],
       "halign": {"right": "end", "left": "start", "center": "center"}[p["align"]],
       "pw": pw, "ph": ph, "orient": "landscape" if landscape else "portrait", "tw": text_width,
       "tborder": 'fo:border="0.75pt solid #000000"' if p["ruling"] == "outer" else "",
       "border": border, "pad": p["padding_cm"], "colstyles": col_styles, "body": "\n".join(paras)}).encode("utf-8")


def libreoffice_params(rng, t):
    p = {}
    p["input"] = pick(rng, [("fodt", 3), ("html", 2)])
    p["font_family"] = pick(rng, FONTS_CSS)
    p["font_pt"] = pick(rng, [7, 7.5, 8, 9])
    p["line_height"] = pick(rng, [0.9, 1.0, 1.1, 1.25])
    p["label_width"] = label_width(rng, t)
    p["align"] = pick(rng, [("right", 4), ("center", 1), ("left", 1)])
    p["ruling"] = pick(rng, ["grid", "horizontal", "none", "outer"])
    p["shading"] = pick(rng, [True, False])
    p["orientation"] = pick(rng, [("portrait", 3), ("landscape", 1)])
    p["repeat_header"] = pick(rng, [True, False])
    p["space_before_cm"] = pick(rng, [(0, 2), (17, 1), (20, 1)]) if p["orientation"] == "portrait" else pick(rng, [(0, 2), (10, 1)])
    p["padding_cm"] = pick(rng, [0.1, 0.12, 0.15])
    return p


def lo_html(t, table, p, hp):
    """HTML for LibreOffice's HTML import: presentational attributes it honours (border, cellpadding, width, font)."""
    q = dict(hp)
    q.update({"title_in": p["title_in"] if p["title_in"] != "caption" else "before"})
    border = 1 if p["ruling"] in ("grid", "horizontal", "outer") else 0
    rows = table.head + table.body + table.foot
    n_head = len(table.head)
    page = 26.7 if p["orientation"] == "landscape" else 18.0
    widths = ["%.1f%%" % w for w in fit_widths(table, [float(w.rstrip("%")) for w in col_widths(table, {"label_width": p["label_width"]})],
                                                page / 2.54 * 72, p["font_family"], p["font_pt"], 4)]
    out = ['<table border="%d" cellpadding="%d" cellspacing="0" width="100%%">' % (border, 1 if p["padding_cm"] < 0.05 else 3)]
    out.append("<colgroup>%s</colgroup>" % "".join('<col width="%s">' % w for w in widths))
    if p["repeat_header"]:
        out.append("<thead>")
    for y, row in enumerate(rows):
        if y == n_head and p["repeat_header"]:
            out.append("</thead><tbody>")
        cells = []
        for c in row.cells:
            attrs = ""
            if c.rowspan > 1:
                attrs += ' rowspan="%d"' % c.rowspan
            if c.colspan > 1:
                attrs += ' colspan="%d"' % c.colspan
            tag = "th" if y < n_head else "td"
            if c.role in ("value", "real") and y >= n_head:
                attrs += ' align="%s"' % p["align"]
            if y < n_head and p["shading"]:
                attrs += ' bgcolor="#dddddd"'
            cells.append('<%s%s><font face="%s" style="font-size: %spt">%s</font></%s>' % (
                tag, attrs, p["font_family"], p["font_pt"], cell_html(c, q), tag))
        out.append("<tr valign=\"top\">%s</tr>" % "".join(cells))
    if p["repeat_header"]:
        out.append("</tbody>")
    out.append("</table>")
    body = []
    for kind, text in blocks(t, p):
        if kind == "table":
            if p["space_before_cm"]:
                body.append('<p style="margin-top: %dcm">&nbsp;</p>' % p["space_before_cm"])
            body.append("\n".join(out))
        elif kind == "heading":
            body.append("<h2>%s</h2>" % esc(text))
        elif kind == "title":
            body.append("<h1>%s</h1>" % esc(text))
        else:
            body.append("<p>%s</p>" % esc(text))
    return ('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n'
            '<style>body { font-family: "%s"; font-size: %spt; }</style>\n</head>\n<body>\n%s\n</body>\n</html>\n') % (
        esc(kind_title(t)), p["font_family"], p["font_pt"], "\n".join(body))


# ---------------------------------------------------------------------------------------------------------------
# PDF: ReportLab

RL_FONTS = {
    "Helvetica": None, "Times-Roman": None,
    "LiberationSans": "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "LiberationSansNarrow": "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
    "DejaVuSans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVuSansCondensed": "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
}
RL_BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold",
           "LiberationSans": "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
           "LiberationSansNarrow": "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
           "DejaVuSans": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
           "DejaVuSansCondensed": "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf"}


def reportlab_params(rng, t):
    p = {}
    p["font"] = pick(rng, list(RL_FONTS))
    p["font_pt"] = pick(rng, [6.5, 7, 7.5, 8, 8.5, 9])
    p["leading"] = pick(rng, [1.0, 1.0, 1.05, 1.1, 1.2, 1.3])
    p["label_width"] = label_width(rng, t)
    p["align"] = pick(rng, [("RIGHT", 4), ("CENTER", 1), ("LEFT", 1)])
    p["style"] = pick(rng, ["grid", "lines", "none", "box", "inner"])
    p["zebra"] = pick(rng, [True, False])
    p["header_bold"] = pick(rng, [True, False])
    p["orientation"] = pick(rng, [("portrait", 3), ("landscape", 1)])
    p["repeat_header"] = pick(rng, [True, False])
    p["space_before_mm"] = pick(rng, [(0, 2), (150, 1), (190, 1)]) if p["orientation"] == "portrait" else pick(rng, [(0, 2), (100, 1)])
    p["padding_pt"] = pick(rng, [1, 1.5, 2, 3])
    p["valign"] = pick(rng, ["TOP", "MIDDLE", "BOTTOM"])
    return p


_registered = set()


def rl_font(name, bold=False):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if not RL_FONTS[name]:
        return RL_BOLD[name] if bold else name
    key = name + ("-Bold" if bold else "")
    if key not in _registered:
        pdfmetrics.registerFont(TTFont(key, RL_BOLD[name] if bold else RL_FONTS[name]))
        _registered.add(key)
    return key


def render_reportlab(t, table, p, path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    font, bold = rl_font(p["font"]), rl_font(p["font"], True)
    size = p["font_pt"]
    lead = round(size * p["leading"], 2)
    cell = ParagraphStyle("cel", fontName=font, fontSize=size, leading=lead)
    num = ParagraphStyle("getal", parent=cell, alignment={"RIGHT": 2, "CENTER": 1, "LEFT": 0}[p["align"]])
    head = ParagraphStyle("kop", parent=num if p["align"] != "LEFT" else cell, fontName=bold if p["header_bold"] else font)
    headl = ParagraphStyle("kopl", parent=cell, fontName=bold if p["header_bold"] else font)
    text = ParagraphStyle("tekst", fontName=font, fontSize=size + 1, leading=(size + 1) * 1.2, spaceAfter=3)
    h2 = ParagraphStyle("h2", fontName=bold, fontSize=size + 3, leading=(size + 3) * 1.2, spaceBefore=4, spaceAfter=4)
    pagesize = landscape(A4) if p["orientation"] == "landscape" else A4
    margin = 15 * mm
    avail = pagesize[0] - 2 * margin

    rows = table.head + table.body + table.foot
    grid = expand(rows, table.width)
    n_head = len(table.head)
    data, spans = [], []
    for y, row in enumerate(rows):
        line = []
        for x in range(table.width):
            c = grid[y][x]
            if c is None:
                line.append("")
                continue
            if c.rowspan > 1 or c.colspan > 1:
                spans.append(("SPAN", (x, y), (x + c.colspan - 1, y + c.rowspan - 1)))
            if y < n_head:
                style = headl if x < table.label_cols or c.role == "corner" else head
            else:
                style = num if c.role in ("value", "real") else cell
            content = "<br/>".join(html.escape(l, quote=False) for l in c.lines if l is not None)
            line.append(Paragraph(content, style) if content else "")
        data.append(line)
    widths = [avail * w / 100 for w in fit_widths(table, [float(w.rstrip("%")) for w in col_widths(table, {"label_width": p["label_width"]})],
                                                  avail, p["font"], size, 2)]
    cmds = list(spans)
    cmds += [("VALIGN", (0, 0), (-1, -1), p["valign"]), ("LEFTPADDING", (0, 0), (-1, -1), 2),
             ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), p["padding_pt"]),
             ("BOTTOMPADDING", (0, 0), (-1, -1), p["padding_pt"])]
    style = p["style"]
    if style == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif style == "lines":
        cmds += [("LINEBELOW", (0, n_head - 1), (-1, n_head - 1), 1, colors.black),
                 ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black)]
        for y, row in enumerate(rows):
            if row.kind in ("total", "result"):
                cmds.append(("LINEABOVE", (0, y), (-1, y), 0.5, colors.black))
    elif style == "box":
        cmds += [("BOX", (0, 0), (-1, -1), 0.75, colors.black), ("LINEBELOW", (0, n_head - 1), (-1, n_head - 1), 0.75, colors.black)]
    elif style == "inner":
        cmds.append(("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey))
    if p["zebra"]:
        cmds.append(("ROWBACKGROUNDS", (0, n_head), (-1, -1), [colors.white, colors.HexColor("#eeeeee")]))
    cmds.append(("BACKGROUND", (0, 0), (-1, n_head - 1), colors.HexColor("#dddddd")))
    tab = RLTable(data, colWidths=widths, repeatRows=n_head if p["repeat_header"] else 0, style=TableStyle(cmds))
    story = []
    for kind, s in blocks(t, p):
        if kind == "table":
            if p["space_before_mm"]:
                story.append(Spacer(1, p["space_before_mm"] * mm))
            story.append(tab)
        elif kind in ("heading", "title"):
            story.append(Paragraph(html.escape(s, quote=False), h2))
        else:
            story.append(Paragraph(html.escape(s, quote=False), text))
    doc = SimpleDocTemplate(path, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title=kind_title(t), author="Gemeente Leiden", invariant=1)
    doc.build(story)


# ---------------------------------------------------------------------------------------------------------------
# Producers, checks

def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (cmd[0], r.returncode, r.stderr.decode("utf-8", "replace")[-2000:]))
    return r.stdout.decode("utf-8", "replace")


def chromium_pdf(html_path, pdf_path, tmp):
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp)
    run(["chromium"] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, "--print-to-pdf=" + pdf_path,
                                         "file://" + html_path])
    shutil.rmtree(profile, ignore_errors=True)


def soffice_batch(sources, outdir, tmp):
    """Converts many files with one LibreOffice start each kind: .fodt by Writer's PDF export, .html opened in
    Writer by its HTML import filter (Writer/Web's own PDF export loses the first heading and starts with a blank
    page) and exported the same way."""
    profile = tempfile.mkdtemp(prefix="lo-profile-", dir=tmp)
    for ext, infilter in ((".fodt", None), (".html", "HTML (StarWriter)")):
        files = [s for s in sources if s.endswith(ext)]
        for k in range(0, len(files), 40):
            run(["soffice", "-env:UserInstallation=file://" + profile, "--headless"]
                + (["--infilter=" + infilter] if infilter else [])
                + ["--convert-to", "pdf:writer_pdf_Export", "--outdir", outdir] + files[k:k + 40])
    shutil.rmtree(profile, ignore_errors=True)


def pin_dates(data):
    """The producer's dates and LibreOffice's document ids pinned to fixed values of the same length, as
    make_pdf_fixtures.py does, so that a rebuild is byte-identical."""
    sys.path.insert(0, HERE)
    import make_pdf_fixtures as mpf  # noqa: E402
    return mpf.pin_dates(data)


def pdftotext(path, *args):
    return run(["pdftotext", "-enc", "UTF-8"] + list(args) + [path, "-"])


class TextOf(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("title", "style", "script"):
            self.skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("title", "style", "script"):
            self.skip -= 1
        if tag not in ("sup",):
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(data, encoding):
    parser = TextOf()
    # <sup> glues to the word before: drop the spaces the tag boundaries would add around it.
    text = data.decode(encoding)
    text = re.sub(r"(?i)\s*<sup>", "", text).replace("</sup>", "").replace("</SUP>", "")
    parser.feed(text)
    return "".join(parser.parts)


def count_raw(tokens, raw):
    """How often a raw value stands in the text as whole tokens (a footnote marker may stand apart)."""
    want = raw.split()
    glued = "".join(want)
    k = len(want)
    n = 0
    i = 0
    while i < len(tokens):
        if tokens[i:i + k] == want:
            n += 1
            i += k
            continue
        if k and "".join(tokens[i:i + k + 1]) == glued and tokens[i + k:i + k + 1] and re.fullmatch(r"\*+", tokens[i + k]):
            n += 1
            i += k + 1
            continue
        i += 1
    return n


def check_raws(texts, gold_rows):
    """Every gold raw as often in the text as the gold has it; the worst of the given renderings counts per raw
    only if no rendering has it."""
    need = {}
    for r in gold_rows:
        need[r["raw"]] = need.get(r["raw"], 0) + 1
    misses = []
    token_lists = [t.split() for t in texts]
    for raw, n in sorted(need.items()):
        found = max(count_raw(tokens, raw) for tokens in token_lists)
        if found < n:
            misses.append("%r x%d (found %d)" % (raw, n, found))
    return misses


def table_words(table):
    """Every word of the table's cells: in a PDF each must come out whole (no word broken or run into the next
    cell because a column was too narrow for it)."""
    words = set()
    for row in table.head + table.body + table.foot:
        for c in row.cells:
            for line in c.lines:
                words.update(line.split())
    return words


def check_words(texts, words):
    """Words of the table missing from the text as whole tokens; a word may break after a '/' or '-' (every
    producer breaks a line there), so its pieces count."""
    tokens = set()
    for t in texts:
        tokens.update(t.split())

    def whole(w):
        if w in tokens:
            return True
        pieces = re.findall(r"[^/-]+[/-]?|[/-]", w)
        return len(pieces) > 1 and all(x in tokens for x in pieces)
    return sorted(w for w in words if not whole(w))


def pdf_pages(path):
    info = run(["pdfinfo", path])
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(m.group(1)) if m else 0


# ---------------------------------------------------------------------------------------------------------------
# Variations

FORMS = ["text", "html", "pdf"]
PRODUCERS = {"text": ["pipe", "tab", "crawl"], "html": ["modern", "old"], "pdf": ["chromium", "libreoffice", "reportlab"]}
EXT = {"text": ".txt", "html": ".html", "pdf": ".pdf"}


def plan(index, seed, tables):
    """Form, producer and table of one variation: forms in turn; within a form every table in turn, the producer
    moving on each round so that every table meets every producer."""
    form = FORMS[index % 3]
    k = index // 3
    producers = PRODUCERS[form]
    table = tables[k % len(tables)]
    producer = producers[(k + k // len(tables)) % len(producers)]
    return form, producer, table


def variation(index, seed, tables):
    form, producer, t = plan(index, seed, tables)
    rng = random.Random("%s/%d" % (seed, index))
    vid = "var-%04d-%s-%s" % (index + 1, form, producer)
    p = table_params(rng, t, form, producer)
    if form == "text":
        p.update(text_params(rng, producer, t))
    elif form == "html":
        p.update(html_params(rng, producer, t))
    else:
        p.update({"pdf": True})
        if producer == "chromium":
            p.update(html_params(rng, "modern", t, for_print=True))
            p.update(chromium_params(rng, t))
            p["chrome"] = False
            p["breadcrumb"] = False
            if p["break"] == "norepeat":
                p["sections"] = "none"
            elif p["break"] == "repeat":
                p["sections"] = "thead-tbody"
        elif producer == "libreoffice":
            p.update(libreoffice_params(rng, t))
            if p["input"] == "html":
                # LibreOffice wraps a cell of values side by side anywhere: one value per line.
                p["real_sep"] = "br"
        else:
            p.update(reportlab_params(rng, t))
    if form == "pdf" and t.kind == "budget" and p["header"] == "joined" and p.get("orientation") != "landscape":
        # 'Meerjarenraming' over each of six columns of a portrait page does not fit: no producer sets it so.
        p["header"] = "two-rows"
    if t.kind == "budget" and form in ("html", "pdf"):
        p["tfoot"] = p.get("sections") == "thead-tbody-tfoot"
    return {"id": vid, "index": index, "form": form, "producer": producer, "table": t, "params": p, "rng": rng}


def render(v, tmp):
    """The bytes of one variation (PDF: written by the producer into tmp; LibreOffice's are converted later in
    one batch) and the texts to check."""
    t, p, form, producer = v["table"], v["params"], v["form"], v["producer"]
    table = v["grid"] = build_table(t, p)
    mm = 72 / 25.4
    if producer == "chromium":
        fit_font(table, p, "font_family", (269 if p["orientation"] == "landscape" else 182) * mm, p["padding_pt"] + 3)
    elif producer == "libreoffice":
        fit_font(table, p, "font_family", (267 if p["orientation"] == "landscape" else 180) * mm, p["padding_cm"] * 10 * mm + 1)
    elif producer == "reportlab":
        fit_font(table, p, "font", (267 if p["orientation"] == "landscape" else 180) * mm, 2)
    if form == "text":
        if producer == "pipe":
            s = render_pipe(t, table, p)
        elif producer == "tab":
            s = render_tab(t, table, p)
        else:
            s = render_crawl(t, table, p, v["rng"])
        return s.encode("utf-8")
    if form == "html":
        return render_html_old(t, table, p) if producer == "old" else render_html_modern(t, table, p)
    base = os.path.join(tmp, v["id"])
    if producer == "chromium":
        p2 = dict(p)
        p2["css"] = print_css(t, p)
        with open(base + ".html", "wb") as fh:
            fh.write(render_html_modern(t, table, p2))
        chromium_pdf(base + ".html", base + ".pdf", tmp)
        return None
    if producer == "libreoffice":
        if p["input"] == "fodt":
            with open(base + ".fodt", "wb") as fh:
                fh.write(fodt(t, table, p))
        else:
            with open(base + ".html", "wb") as fh:
                fh.write(lo_html(t, table, p, {"real_sep": p.get("real_sep", "br"), "markers": "inline"}).encode("utf-8"))
        return None
    render_reportlab(t, table, p, base + ".pdf")
    return None


def gold_rows(v):
    """The gold rows of the table, and of each goal a goal row in it names (`Doel 9A1 ...`): the document states
    that goal, as the seeds do in their Doel/Prestatie tables, whose gold row it is."""
    t, p = v["table"], v["params"]
    rows = list(t.rows)
    if t.kind == "indicators" and p["goal_rows"]:
        seen = set()
        for it in t.items:
            if it.goal_row is not None and it.goal_row["subject_code"] not in seen:
                seen.add(it.goal_row["subject_code"])
                rows.append(it.goal_row)
    out = []
    for r in rows:
        r = dict(r)
        r["document_id"] = v["id"]
        r["provenance"] = ""
        out.append(r)
    return out


def gold_csv(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(GOLD_HEADER)
    for r in rows:
        w.writerow([r[k] for k in GOLD_HEADER])
    return buf.getvalue()


def texts_of(v, data, path):
    form, producer = v["form"], v["producer"]
    if form == "text":
        return [data.decode("utf-8")]
    if form == "html":
        enc = v["params"].get("encoding", "utf-8")
        return [html_text(data, enc)]
    return [pdftotext(path), pdftotext(path, "-layout")]


def recorded_params(p):
    return {k: p[k] for k in sorted(p) if k not in ("css", "pdf")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", default="1", help="seed of the variations (default 1, the committed set)")
    ap.add_argument("--variations", type=int, default=330, help="how many (default 330, the committed set)")
    ap.add_argument("--out", default=os.path.join(CORPUS, "variations"), help="output folder (default corpus/variations)")
    ap.add_argument("--foreign-gold", default=os.path.join(os.path.dirname(ROOT), "shared", "foreign", "gold"),
                    help="folder of the foreign corpus's gold (default ../shared/foreign/gold; '' leaves it out)")
    ap.add_argument("--forms", default="text,html,pdf", help="only these forms (comma separated)")
    ap.add_argument("--only", metavar="IDS", help="only these variations, by number or id (comma separated), to look at one "
                    "again: they come out as in the whole run, and variations.json lists just them")
    ap.add_argument("--keep", metavar="DIR", help="keep the print HTML and .fodt files in DIR")
    args = ap.parse_args()

    sources = load_sources(args.foreign_gold)
    tables = [t for s in sources for t in tables_of(s)]
    forms = set(args.forms.split(","))
    out = os.path.abspath(args.out)
    if args.only and out == os.path.abspath(os.path.join(CORPUS, "variations")):
        raise SystemExit("--only writes a folder of just those variations: give it --out (the committed set is not touched)")
    tmp = tempfile.mkdtemp(prefix="variations-")
    print("%d tables from %d gold files; %d variations, seed %s -> %s" % (len(tables), len(sources), args.variations, args.seed, out))

    todo = [variation(i, args.seed, tables) for i in range(args.variations)]
    todo = [v for v in todo if v["form"] in forms]
    if args.only:
        wanted = {int(re.match(r"(?:var-)?0*(\d+)", x.strip()).group(1)) for x in args.only.split(",")}
        todo = [v for v in todo if v["index"] + 1 in wanted]
    for k, v in enumerate(todo):
        v["data"] = render(v, tmp)
        if v["form"] == "pdf" and v["producer"] == "chromium" and (k % 10 == 0):
            print("  %s" % v["id"], flush=True)
    lo = [os.path.join(tmp, v["id"] + (".fodt" if v["params"]["input"] == "fodt" else ".html"))
          for v in todo if v["producer"] == "libreoffice"]
    if lo:
        soffice_batch(lo, tmp, tmp)

    failed, written = [], []
    for sub in ("text", "html", "pdf", "gold"):
        d = os.path.join(out, sub)
        if os.path.isdir(d):
            for f in os.listdir(d):
                os.remove(os.path.join(d, f))
        os.makedirs(d, exist_ok=True)
    for v in todo:
        rel = "%s/%s%s" % (v["form"], v["id"], EXT[v["form"]])
        if v["form"] == "pdf":
            pdf_tmp = os.path.join(tmp, v["id"] + ".pdf")
            if not os.path.exists(pdf_tmp):
                failed.append((v, ["the producer wrote no PDF"]))
                continue
            with open(pdf_tmp, "rb") as fh:
                data = pin_dates(fh.read())
            with open(pdf_tmp, "wb") as fh:
                fh.write(data)
            texts = texts_of(v, data, pdf_tmp)
            v["pages"] = pdf_pages(pdf_tmp)
        else:
            data = v["data"]
            texts = texts_of(v, data, None)
        gold = gold_rows(v)
        misses = check_raws(texts, gold)
        if v["form"] == "pdf":
            misses += ["word %r not whole" % w for w in check_words(texts, table_words(v["grid"]))]
            # A page without text is a broken print, except a last one: Writer ends a document with a paragraph
            # after the table, which a table that fills its page pushes onto a page of its own.
            pages = texts[0].split("\f")[:v["pages"]]
            misses += ["page %d has no text" % (k + 1) for k, page in enumerate(pages[:-1]) if not page.strip()]
            if not pages[-1].strip():
                v["blank_last_page"] = True
        if misses:
            failed.append((v, misses))
            continue
        with open(os.path.join(out, rel), "wb") as fh:
            fh.write(data)
        with open(os.path.join(out, "gold", v["id"] + ".facts.csv"), "w", encoding="utf-8", newline="") as fh:
            fh.write(gold_csv(gold))
        t = v["table"]
        entry = {"id": v["id"], "form": v["form"], "producer": v["producer"], "kind": t.src.kind, "year": t.src.year,
                 "source": t.src.id, "sourceGold": source_ref(t.src), "sourceSha256": t.src.sha256, "table": t.name,
                 "path": rel, "sha256": hashlib.sha256(data).hexdigest(), "gold": "gold/%s.facts.csv" % v["id"],
                 "parameters": recorded_params(v["params"])}
        if v["form"] == "pdf":
            entry["pages"] = v["pages"]
            if v.get("blank_last_page"):
                entry["blankLastPage"] = True
        written.append(entry)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        for f in os.listdir(tmp):
            if f.endswith((".html", ".fodt", ".pdf")):
                shutil.copy(os.path.join(tmp, f), args.keep)
    shutil.rmtree(tmp, ignore_errors=True)

    versions = {}
    if any(e["producer"] == "chromium" for e in written):
        versions["chromium"] = run(["chromium", "--version"]).strip().splitlines()[-1]
    if any(e["producer"] == "libreoffice" for e in written):
        versions["libreoffice"] = run(["soffice", "--version"]).strip().splitlines()[-1]
    if any(e["producer"] == "reportlab" for e in written):
        import reportlab
        versions["reportlab"] = "ReportLab " + reportlab.Version
    manifest = {"generator": "corpus/tools/make_variations.py", "seed": args.seed, "variations": args.variations,
                "producers": versions, "documents": written}
    with open(os.path.join(out, "variations.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")

    counts = {}
    for e in written:
        counts[(e["form"], e["producer"])] = counts.get((e["form"], e["producer"]), 0) + 1
    for (f, pr), n in sorted(counts.items()):
        print("  %-5s %-12s %d" % (f, pr, n))
    print("%d written, %d failed the check" % (len(written), len(failed)))
    for v, misses in failed:
        print("FAILED %s (%s, %s): %s" % (v["id"], v["table"].src.id, v["table"].name, "; ".join(misses[:8])))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
