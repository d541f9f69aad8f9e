#!/usr/bin/env python3
"""Builds the HTML fixtures of the corpus from the text renderings of the seeds.

Run it without arguments (python3 corpus/tools/make_html_fixtures.py). It reads

    corpus/leiden/2018/programmabegroting-2018-p9.txt   (seed 000, Programmabegroting 2018, programme 9)
    corpus/leiden/2017/programmabegroting-2017-p9-9d.txt (seed 002, Programmabegroting 2017, page 9D)
    corpus/leiden/2024/jaarstukken-2024-p9.txt           (seed 003, Jaarstukken 2024, programme 9)

and writes HTML renderings of them as the begroting websites would serve them: the same text and figures,
character for character, re-laid out as headings, paragraphs, lists and tables. Only site chrome (header,
menus, breadcrumb, footer with 'Ga naar boven' and a copyright line) is added. It then replaces the html
entries of corpus/manifest.json (the other entries are kept unchanged and first).

The builder knows how each seed is laid out (which lines are headings, how the tables are serialised); it is a
fixture builder, not the product. Before writing, it checks every page both ways against its seed: every text
run of the page content occurs in the seed (nothing invented), and every cell and line of the seed occurs in
the page content (nothing lost), apart from the few lines dropped on purpose (page number, running heading of
the next programme, version line).

Standard library only; deterministic (same bytes on every run); LF line ends.
"""

import hashlib
import html
import json
import os
import re
import sys
import unicodedata
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)

SEED_2018 = "leiden/2018/programmabegroting-2018-p9.txt"
SEED_2017 = "leiden/2017/programmabegroting-2017-p9-9d.txt"
SEED_2024 = "leiden/2024/jaarstukken-2024-p9.txt"

ORIGIN = {
    SEED_2018: "shared/seeds/000_e0cacadb8eca2cc5.txt",
    SEED_2017: "shared/seeds/002_c8012ae828a661cb.txt",
    SEED_2024: "shared/seeds/003_7a0832eed2eef797.txt",
}

SHY = "\u00ad"
NBSP = "\u00a0"

# Soft hyphens a CMS puts in long words (a reader must drop them). Each word occurs in the named seed; at least
# two of them are inside indicator names.
SHY_WORDS = {
    SEED_2018: {
        "Schaalscore": "Schaal" + SHY + "score",  # indicator 9A1.a
        "maatwerkarrangement": "maatwerk" + SHY + "arrangement",  # indicator 9C2.b
        "gezondheidsbevorderingsprojecten": "gezondheids" + SHY + "bevorderings" + SHY + "projecten",
        "meerjareninvesteringsplan": "meerjaren" + SHY + "investerings" + SHY + "plan",
        "decentralisaties": "decentrali" + SHY + "saties",
    },
    SEED_2017: {
        "nachtopvang": "nacht" + SHY + "opvang",  # indicator 9D1.c
        "crisisopvang": "crisis" + SHY + "opvang",  # indicator 9D1.d and footnote **
        "vroegsignaleringssysteem": "vroegsignalerings" + SHY + "systeem",
        "eenpersoonswooneenheden": "eenpersoons" + SHY + "wooneenheden",
    },
    SEED_2024: {
        "maatwerkarrangement": "maatwerk" + SHY + "arrangement",  # indicator 9C2.b
        "corporatiewoningen": "corporatie" + SHY + "woningen",  # indicator 9D1.a
        "toekomstbestendige": "toekomst" + SHY + "bestendige",
        "huisvestingsproblematiek": "huisvestings" + SHY + "problematiek",
    },
}


# ---------------------------------------------------------------------------------------------------------------
# Small helpers


def read_seed(rel):
    with open(os.path.join(CORPUS, rel), encoding="utf-8", newline="") as f:
        text = f.read()
    assert "\r" not in text, rel
    return text


def esc(text):
    """Text to HTML: escaped, with soft hyphens and no-break spaces as entities."""
    return html.escape(text, quote=False).replace(SHY, "&shy;").replace(NBSP, "&nbsp;")


def shy(seed, text):
    for word, hyphenated in SHY_WORDS[seed].items():
        text = text.replace(word, hyphenated)
    return text


def euro_nbsp(text):
    """'x € 1.000' and '€ 0,85' as a CMS writes them: no-break spaces around the euro sign."""
    text = text.replace("x € ", "x" + NBSP + "€" + NBSP)
    return re.sub(r"€ (?=\d)", "€" + NBSP, text)


MARKER = re.compile(r"^(?P<base>.*?[^*\s])(?P<mark>\*+)(?P<rest>(?:\s.*)?)$", re.S)


def marked(text):
    """A cell or value with a footnote marker glued to it: the marker in <sup>. '-**' and '80%-' stay text."""
    if text == "-**":
        return esc(text)
    m = MARKER.match(text)
    if not m:
        return esc(text)
    return esc(m.group("base")) + "<sup>" + m.group("mark") + "</sup>" + esc(m.group("rest"))


YEAR_TAGGED = re.compile(r"\((?:progn\. )?\d{4}\)\**$")


def split_values(cell):
    """'5,8 (2014) 5,7 (2015)' -> ['5,8 (2014)', '5,7 (2015)']; the parts rejoin to the cell."""
    parts = re.findall(r"\S.*?\)\**(?=\s|$)", cell)
    assert " ".join(parts) == cell, (cell, parts)
    assert all(YEAR_TAGGED.search(p) for p in parts), (cell, parts)
    return parts


def slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def inline_prose(seed, text):
    """A paragraph of prose: soft hyphens, euro no-break spaces, and the seed's inline markup as HTML."""
    out = esc(euro_nbsp(shy(seed, text)))
    out = re.sub(r"\[([^\]]+)\]\(#\)", r'<a href="#">\1</a>', out)  # markdown link in seed 000
    out = re.sub(r"\*(lokaal|sub|regionaal)\*", r"<em>\1</em>", out)  # emphasis in seed 000
    out = re.sub(r"(\d)\^e\b", r"\1<sup>e</sup>", out)  # '2^e helft' in seed 000
    return out


# ---------------------------------------------------------------------------------------------------------------
# Document model: a list of blocks.
#   ("h", level, html, id)          heading
#   ("p", html, cls)                paragraph (cls may be None)
#   ("quote", html)                 a quoted mission statement
#   ("ul", [item, ...]) / ("ol", ...) lists; an item is (html, [sub items])
#   ("table", Table)


class Cell:
    def __init__(self, content, th=False, rowspan=1, colspan=1, scope=None):
        self.content = content  # inline HTML
        self.th = th
        self.rowspan = rowspan
        self.colspan = colspan
        self.scope = scope


class Table:
    def __init__(self, kind, head, body, cls=None):
        self.kind = kind  # header | goals | indicators | budget | reserves | other
        self.head = head  # rows of cells
        self.body = body  # rows of cells
        self.cls = cls or kind


def td(content, **kw):
    return Cell(content, **kw)


def th(content, **kw):
    return Cell(content, th=True, **kw)


# ---------------------------------------------------------------------------------------------------------------
# Seed 000: Programmabegroting 2018, programme 9 (text of a PDF export, tab-separated cells)

LINE_WORDS = {"Lasten", "Baten", "Toevoeging", "Onttrekking"}
SALDO_WORDS = {"Saldo", "Saldo van baten en lasten", "Mutaties reserves"}

H2_2018 = {"Inleiding", "Verbonden Partijen", "Kaderstellende beleidsstukken", "Budgettaire ontwikkelingen",
           "Reserves", "Investerings", "Subsidies"}


def table_2018(seed, rows):
    first = rows[0]
    if first[0].startswith("<i>Programmanummer</i>"):
        body = []
        for r in rows:
            assert len(r) == 2 and re.fullmatch(r"<i>[^<]+</i>", r[0]), r
            body.append([th(esc(r[0][3:-4]), scope="row"), td(esc(r[1]))])
        return Table("header", [], body, cls="programma-kop")
    if first == ["Doel", "Prestatie"]:
        return goals_table(seed, [(r[0], r[1]) for r in rows[1:]])
    if first[0] == "Effectindicator":
        assert first == ["Effectindicator", "Realisatie", "Streefwaarden", "", "", "", "Bron"], first
        years = rows[1]
        assert years[:2] == ["", ""] and years[6] == "", years
        head = [
            [th("Effectindicator", rowspan=2, scope="col"), th("Realisatie", rowspan=2, scope="col"),
             th("Streefwaarden", colspan=4, scope="colgroup"), th("Bron", rowspan=2, scope="col")],
            [th(esc(y), scope="col") for y in years[2:6]],
        ]
        body = []
        for r in rows[2:]:
            r = r + [""] * (7 - len(r))
            assert len(r) == 7, r
            if all(c == "" for c in r[1:]):  # goal row inside the indicator table ('Doel 9A1 ...' or '9B1 ...')
                body.append([td("<strong>" + esc(r[0]) + "</strong>", colspan=7)])
                continue
            assert re.match(r"^9[A-D]\d\.[a-z] ", r[0]), r
            body.append(indicator_row(seed, r[0], split_values(r[1]), r[2:6], r[6]))
        return Table("indicators", head, body)
    if first[0].startswith("Maatschappelijke ondersteuning bedragen") or first[0].startswith("Reserves programma 9 bedragen"):
        budget = first[0].startswith("Maatschappelijke")
        if budget:
            assert first[1:] == ["", "Rekening 2016", "Begroting 2017", "Begroting 2018", "Meerjarenraming", "", ""], first
            years = rows[1]
            assert years[:5] == [""] * 5, years
            head = [
                [th(esc(euro_nbsp(first[0])), colspan=2, rowspan=2, scope="col")]
                + [th(esc(h), rowspan=2, scope="col") for h in first[2:5]]
                + [th("Meerjarenraming", colspan=3, scope="colgroup")],
                [th(esc(y), scope="col") for y in years[5:8]],
            ]
            rest = rows[2:]
        else:
            assert first[1] == "" and len(first) == 8, first
            head = [[th(esc(euro_nbsp(first[0])), colspan=2, scope="col")] + [th(esc(h), scope="col") for h in first[2:]]]
            rest = rows[1:]
        data = []
        for r in rest:
            assert len(r) == 8, r
            data.append((r[0], r[1], r[2:]))
        return Table("budget" if budget else "reserves", head, budget_body(data, grouped_saldo=False))
    if first[0] == "" and first[1].startswith("subsiestaat"):
        head = [[td("")] + [th(esc(h), scope="col") for h in first[1:]]]
        body = [[th(esc(r[0]), scope="row")] + [td(esc(c)) for c in r[1:]] for r in rows[1:]]
        return Table("other", head, body, cls="subsidies")
    raise AssertionError("unknown table: %r" % (first,))


def indicator_row(seed, name, realisatie, targets, source):
    return ([td(marked(shy(seed, name)))]
            + [td("<br>".join(marked(v) for v in realisatie))]
            + [td(marked(t)) for t in targets]
            + [td(marked(source))])


def goals_table(seed, pairs):
    """Doel | Prestatie rows (goal cell possibly empty) -> the goal cell spans its performances."""
    head = [[th("Doel", scope="col"), th("Prestatie", scope="col")]]
    groups = []
    for goal, perf in pairs:
        if goal:
            assert re.match(r"^9[A-D]\d ", goal), goal
            groups.append((goal, []))
        assert re.match(r"^9[A-D]\d\.\d ", perf), perf
        groups[-1][1].append(perf)
    body = []
    for goal, perfs in groups:
        for i, perf in enumerate(perfs):
            row = []
            if i == 0:
                row.append(td(esc(shy(seed, goal)), rowspan=len(perfs)))
            row.append(td(esc(shy(seed, perf))))
            body.append(row)
    return Table("goals", head, body, cls="doelen")


def budget_body(rows, grouped_saldo):
    """Rows (label, line, values...) of a budget or reserves table. A label row with a line word opens a group
    whose name spans its rows; rows with only a line word continue it. With grouped_saldo the saldo rows are
    part of the group (jaarstukken 2024), else they are own rows with a two-column label (begroting 2018)."""
    out = []
    i = 0
    while i < len(rows):
        label, line, values = rows[i]
        if label and line:
            assert line in LINE_WORDS, rows[i]
            group = [rows[i]]
            j = i + 1
            while j < len(rows) and not rows[j][0] and (rows[j][1] in LINE_WORDS or (grouped_saldo and rows[j][1] in SALDO_WORDS)):
                group.append(rows[j])
                j += 1
            for k, (_, ln, vals) in enumerate(group):
                row = []
                if k == 0:
                    row.append(th(esc(label), rowspan=len(group), scope="rowgroup"))
                row.append(td(esc(ln)))
                row.extend(td(esc(v)) for v in vals)
                out.append(row)
            i = j
            continue
        assert label and not line, rows[i]
        if label == "Resultaat":
            out.append([th(esc(label), colspan=2, scope="row")] + [td(esc(v)) for v in values])
        else:
            out.append([td(esc(label), colspan=2)] + [td(esc(v)) for v in values])
        i += 1
    return out


def parse_2018():
    seed = SEED_2018
    lines = read_seed(seed).split("\n")
    # Dropped on purpose: version line, the page number '10' and the heading 'Werk en inkomen' of the next
    # programme at the end, and the repeated programme name (PDF chapter opener + section heading).
    dropped = set()
    n = len(lines)
    last = max(i for i in range(n) if lines[i].strip())
    assert lines[last] == "Werk en inkomen", lines[last]
    dropped.add(last)
    ten = max(i for i in range(last) if lines[i].strip())
    assert lines[ten] == "10", lines[ten]
    dropped.add(ten)
    version = lines.index("Versie: 4.0.0.0.0")
    dropped.add(version)
    title = lines.index("Programmabegroting 2018")
    number = lines.index("9")
    names = [i for i in range(20) if lines[i] == "Maatschappelijke Ondersteuning"]
    assert len(names) == 2 and title < version < number < names[0], names
    dropped.add(names[1])

    blocks = [("p", esc(lines[title]), "documenttitel"),
              ("h", 1, '<span class="programmanummer">9</span> ' + esc(lines[names[0]]), None)]
    consumed = {title, number, names[0]} | dropped
    in_costs = False
    i = names[1] + 1
    while i < n:
        line = lines[i]
        if i in consumed or not line.strip():
            i += 1
            continue
        s = line.strip()
        if "\t" in line:
            rows = []
            while i < n and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            blocks.append(("table", table_2018(seed, rows)))
            continue
        if line.startswith("- "):
            items = []
            while i < n and lines[i].strip():
                l = lines[i]
                if l.startswith("- "):
                    items.append((esc(shy(seed, l[2:])), []))
                elif l.startswith(" - "):
                    items[-1][1].append((esc(shy(seed, l[3:])), []))
                else:
                    # A line in the 'Kaderstellende beleidsstukken' list that lost its '- ' (a separate item).
                    assert l.startswith("Kaders wijkaanpak en Deelverordening"), l
                    items.append((esc(shy(seed, l)), []))
                i += 1
            blocks.append(("ul", items))
            continue
        if re.match(r"^\d\. ", line):
            items = []
            while i < n and re.match(r"^\d\. ", lines[i]):
                assert lines[i].startswith("%d. " % (len(items) + 1)), lines[i]
                items.append((esc(lines[i][3:]), []))
                i += 1
            blocks.append(("ol", items))
            continue
        if re.match(r"^Beleids{1,2}terrein 9[A-D] ", s):
            blocks.append(("h", 3 if in_costs else 1, esc(s), None))
        elif s == "Programmakosten":
            in_costs = True
            blocks.append(("h", 1, esc(s), None))
        elif s in H2_2018 or re.match(r"^(Doelen en prestaties|Effectindicatoren) bij 9[A-D] ", s):
            blocks.append(("h", 2, esc(s), slug(s)))
        elif re.match(r"^9[A-D]\d\.\d ", s) or s == "Regionale Dienst Openbare Gezondheidszorg Hollands Midden":
            blocks.append(("h", 3, esc(shy(seed, s)), None))
        elif s.startswith("“") and s.endswith("”"):
            blocks.append(("quote", esc(s)))
        elif re.match(r"^\*+ ", s):
            blocks.append(("p", marked_footnote(seed, s), "voetnoot"))
        else:
            blocks.append(("p", inline_prose(seed, s), None))
        i += 1
    blocks = join_page_breaks(blocks)

    # Pages: the programme page, one per beleidsterrein, the programme costs.
    starts = [0] + [k for k, b in enumerate(blocks) if b[0] == "h" and b[1] == 1 and k > 1]
    assert len(starts) == 6, starts
    pages = []
    for p, k in enumerate(starts):
        end = starts[p + 1] if p + 1 < len(starts) else len(blocks)
        pages.append(blocks[k:end])
    return pages, sorted(dropped)


def marked_footnote(seed, text):
    """A footnote text under a table, starting with its marker: plain text (the marker is the first word)."""
    return esc(euro_nbsp(shy(seed, text)))


def join_page_breaks(blocks):
    """Paragraphs the PDF cut at a page break (one ends mid-sentence, the next starts in lower case) are one
    paragraph on the website."""
    out = []
    for b in blocks:
        if (b[0] == "p" and b[2] is None and out and out[-1][0] == "p" and out[-1][2] is None
                and re.search(r"[a-z]$", out[-1][1]) and re.match(r"^[a-z]", b[1])):
            out[-1] = ("p", out[-1][1] + " " + b[1], None)
            continue
        out.append(b)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Seed 002: Programmabegroting 2017, page 'Beleidsterrein 9D Kwetsbare groepen' (crawled text, one cell per line)


def parse_2017():
    seed = SEED_2017
    lines = read_seed(seed).split("\n")
    assert lines[0] == "Ga naar boven"
    crumbs = lines[1].split(" / ")
    assert crumbs[0] == "Home" and crumbs[-1] == "Beleidsterrein 9D Kwetsbare groepen", crumbs
    n = len(lines)
    blocks = []
    i = 2
    while i < n:
        s = lines[i].strip()
        if not s:
            i += 1
            continue
        if s == "Beleidsterrein 9D Kwetsbare groepen" and not blocks:
            blocks.append(("h", 1, esc(s), None))
            i += 1
            continue
        if s.startswith("Doelen en prestaties bij "):
            blocks.append(("h", 2, esc(s), "doelen-en-prestaties"))
            cells = []
            i += 1
            while True:
                if lines[i].strip():
                    cells.append(lines[i].strip())
                    if cells[-1].startswith("9D2.2 "):
                        i += 1
                        break
                i += 1
            assert cells[:2] == ["Doel", "Prestatie"], cells[:2]
            pairs = []
            goal = None
            for c in cells[2:]:
                if re.match(r"^9D\d ", c):
                    goal = c
                else:
                    pairs.append((goal, c))
                    goal = None
            blocks.append(("table", goals_table(seed, pairs)))
            continue
        if s.startswith("Effectindicatoren bij "):
            blocks.append(("h", 2, esc(s), "effectindicatoren"))
            cells = []
            i += 1
            while not lines[i].startswith("*"):
                if lines[i].strip():
                    cells.append(lines[i].strip())
                i += 1
            head = cells[:8]
            assert head == ["Effectindicator", "Realisatie", "Streefwaarden", "Bron", "2017", "2018", "2019", "2020"], head
            table_head = [
                [th("Effectindicator", rowspan=2, scope="col"), th("Realisatie", rowspan=2, scope="col"),
                 th("Streefwaarden", colspan=4, scope="colgroup"), th("Bron", rowspan=2, scope="col")],
                [th(y, scope="col") for y in head[4:]],
            ]
            body = []
            rows = []
            for c in cells[8:]:
                if c.startswith("Doel ") or re.match(r"^9D\d\.[a-z] ", c):
                    rows.append([c])
                else:
                    rows[-1].append(c)
            for r in rows:
                if r[0].startswith("Doel "):
                    assert len(r) == 1, r
                    body.append([td("<strong>" + esc(r[0]) + "</strong>", colspan=7)])
                    continue
                values = r[1:]
                k = 0
                while k < len(values) and YEAR_TAGGED.search(values[k]):
                    k += 1
                realisatie, rest = values[:k], values[k:]
                assert k >= 1 and len(rest) == 5, r
                body.append(indicator_row(seed, r[0], realisatie, rest[:4], rest[4]))
            blocks.append(("table", Table("indicators", table_head, body)))
            while i < n:
                if lines[i].strip():
                    assert lines[i].startswith("*"), lines[i]
                    blocks.append(("p", marked_footnote(seed, lines[i]), "voetnoot"))
                i += 1
            break
        if lines[i].startswith("  • "):
            items = []
            while i < n and lines[i].startswith("  • "):
                items.append((esc(shy(seed, lines[i][4:])), []))
                i += 1
            blocks.append(("ul", items))
            continue
        if re.match(r"^9D\d\.\d ", s):
            blocks.append(("h", 3, esc(shy(seed, s)), None))
        elif s == "Statushouders":
            blocks.append(("h", 4, esc(s), None))
        elif s.endswith(":") and len(s) < 60:
            blocks.append(("p", "<strong>" + esc(s) + "</strong>", None))
        else:
            blocks.append(("p", inline_prose(seed, s), None))
        i += 1
    return crumbs, blocks


# ---------------------------------------------------------------------------------------------------------------
# Seed 003: Jaarstukken 2024, programme 9 (crawled text, table rows as 'a | b | c |')

H2_2024 = {"Leiden Inclusief", "Beleidsterrein Sociale binding en participatie", "Beleidsterrein Preventie",
           "Beleidsterrein Ondersteuning", "Beleidsterrein Kwetsbare groepen",
           "Toelichting op beleidsterreinen met financiële afwijkingen (op de lasten en/of baten) > € 250.000.",
           "RESERVES", "INVESTERINGEN"}
H3_2024_LATER = {"9A Sociale binding en participatie", "9B Preventie", "9C Ondersteuning", "9D Kwetsbare groepen",
                 "Toelichting op afwijkingen Reserves > € 250.000.", "Overschrijdingen op investeringskredieten",
                 "Toelichting op investeringskredieten die worden afgesloten met een opvallend overschot",
                 "Toelichting op investeringskredieten ouder dan drie jaar die niet afgesloten worden bij de jaarrekening"}
H4_2024 = {"Opvang Oekraïense Ontheemden", "Huisvesting Statushouders", "Opvang Asielzoekers",
           "Communicatie en Draagvlak", "Reserve OSA (Oekraïne, statushouders en asielzoekers)",
           "7101782 Trix Terwindtstraaat mfa (multifunctionele accommodatie)"}
LIST_INTROS_2024 = {"In juli 2024 is de evaluatie van de beleidskaders Sport & Gezondheid 2019-2023 en Spelen & Bewegen 2018-2022 vastgesteld. In de evaluatie zijn aanbevelingen gedaan die richting moeten geven aan toekomstig beleid. Er wordt aanbevolen om:",
                    "In 2024 zijn de volgende kaderstellende beleidsstukken vastgesteld:"}


def pipe_cells(line):
    cells = [c.strip() for c in line.split("|")]
    if line.rstrip().endswith("|"):
        cells = cells[:-1]
    return cells


def is_pipe_row(line):
    return "|" in line and not line.startswith("De missie ")


def is_rule(line):
    return re.fullmatch(r"(---\|)+", line) is not None


def tables_2024(seed, rows, split=False):
    """One serialised table (its lines as cell lists) -> one or (split variant) two Table objects."""
    first = rows[0]
    if first[0] == "Programmanummer":
        body = []
        for r in rows:
            label, value = r[0], r[1]
            assert all(c == "" for c in r[2:]), r
            body.append([th(esc(label), scope="row"), td(esc(value))])
        return [Table("header", [], body, cls="programma-kop")]
    if first == ["", "2022", "2023", "2024", "2025-1"]:
        head = [[td("")] + [th(esc(c), scope="col") for c in first[1:]]]
        body = [[th(esc(r[0]), scope="row")] + [td(esc(c)) for c in r[1:]] for r in rows[1:]]
        assert all(len(r) == 5 for r in rows), rows
        return [Table("other", head, body, cls="statushouders")]
    if first == ["Hecht", ""]:
        head = [[th("Hecht", scope="col"), th("", scope="col")]]
        body = []
        k = 1
        while k < len(rows):
            r = rows[k]
            if len(r) == 2:
                body.append([th(esc(r[0]), scope="row"), td(esc(euro_nbsp(r[1])))])
            elif r[0] == "Realisatie doelstellingen en prestaties 2024":
                # Its value cell is empty; the crawler wrote the empty cell on a line of its own ('|').
                assert rows[k + 1] == [""], rows[k + 1]
                body.append([th(esc(r[0]), scope="row"), td("")])
                k += 1
            else:
                assert len(r) == 1 and r[0].startswith("Voor eigenaarsrol"), r
                body.append([td(esc(r[0]), colspan=2)])
            k += 1
        return [Table("other", head, body, cls="verbonden-partij")]
    if first == ["Doel", "Prestatie", ""]:
        assert rows[1] == ["---", "---", "---"], rows[1]
        pairs = []
        for r in rows[2:]:
            cells = [c for c in r if c]
            if re.match(r"^9[A-D]\d ", cells[0]):
                assert len(cells) == 2, r
                pairs.append((cells[0], cells[1]))
            else:
                assert len(cells) == 1 and re.match(r"^9[A-D]\d\.\d ", cells[0]), r
                pairs.append((None, cells[0]))
        return [goals_table(seed, pairs)]
    if first[0] in ("Effectindicator", "** Effectindicator"):
        assert first[1:] == ["Realisatie", "Streefwaarde 2024", "Bron", "", "", ""], first
        assert rows[1] == ["---"] * 7, rows[1]
        assert rows[2] == ["2021", "2022", "2023", "2024", "", "", ""], rows[2]
        label = "<sup>**</sup> Effectindicator" if first[0].startswith("**") else "Effectindicator"
        head = [
            [th(label, rowspan=2, scope="col"), th("Realisatie", colspan=4, scope="colgroup"),
             th("Streefwaarde 2024", rowspan=2, scope="col"), th("Bron", rowspan=2, scope="col")],
            [th(y, scope="col") for y in rows[2][:4]],
        ]
        body = []
        split_at = None
        for r in rows[3:]:
            assert len(r) == 7, r
            if all(c == "" for c in r[1:]):
                assert r[0].startswith("Doel "), r
                if r[0].startswith("Doel 9C2 "):
                    split_at = len(body)
                body.append([td("<strong>" + esc(r[0]) + "</strong>", colspan=7)])
                continue
            assert re.match(r"^9[A-D]\d\.[a-z] ", r[0]), r
            # Cells as printed: the 9D1.c row has one value too few (its source sits in the target column and the
            # last cell is empty); it keeps that shape.
            body.append([td(marked(shy(seed, r[0])))] + [td(marked(c)) for c in r[1:]])
        if split and split_at is not None:
            return [Table("indicators", head, body[:split_at]), Table("indicators", clone_rows(head), body[split_at:])]
        return [Table("indicators", head, body)]
    if first[0] in ("Maatschappelijke ondersteuning", "Reserves programma 9"):
        assert first[1:] == ["Rekening 2023", "Begroting 2024", "Wijziging Begroting", "Begroting 2024 na wijziging",
                             "Rekening 2024", "Verschil 2024", ""], first
        assert rows[1] == ["---"] * 8, rows[1]
        assert rows[2] == ["Bedragen x € 1.000,-"] + [""] * 7, rows[2]
        head = [
            [th(esc(first[0]), colspan=2, scope="col")] + [th(esc(h), scope="col") for h in first[1:7]],
            [th(esc(euro_nbsp(rows[2][0])), colspan=2, scope="col"), td("", colspan=6)],
        ]
        data = []
        for r in rows[3:]:
            if r[0] in LINE_WORDS or r[0] in SALDO_WORDS:
                # The serialisation dropped the empty first cell of a continuation row.
                assert len(r) == 8 and r[7] == "", r
                data.append(("", r[0], r[1:7]))
            elif len(r) == 8 and r[1] in LINE_WORDS:
                data.append((r[0], r[1], r[2:8]))
            else:
                assert len(r) == 7, r
                data.append((r[0], "", r[1:7]))
        body = budget_body(data, grouped_saldo=True)
        kind = "budget" if first[0] == "Maatschappelijke ondersteuning" else "reserves"
        if split and kind == "budget":
            # After the three rows of 'Kwetsbare groepen'.
            at = next(k for k, row in enumerate(body) if row[0].content == "Kwetsbare groepen") + 3
            return [Table(kind, head, body[:at]), Table(kind, clone_rows(head), body[at:])]
        return [Table(kind, head, body)]
    raise AssertionError("unknown table: %r" % (first,))


def clone_rows(rows):
    return [[Cell(c.content, c.th, c.rowspan, c.colspan, c.scope) for c in r] for r in rows]


def parse_2024(split=False):
    seed = SEED_2024
    lines = read_seed(seed).split("\n")
    while lines and not lines[-1]:
        lines.pop()
    n = len(lines)
    blocks = [("h", 1, "Programma 9 Maatschappelijke ondersteuning", None)]
    i = 0
    in_ontwikkelingen = True
    list_mode = False
    while i < n:
        line = lines[i]
        s = line.strip()
        assert s, i
        if s == "De missie van het programma Maatschappelijke ondersteuning luidt: |":
            blocks.append(("p", esc(s[:-2]), None))
            blocks.append(("quote", inline_prose(seed, lines[i + 1])))
            i += 2
            continue
        if is_pipe_row(line):
            group = [line]
            i += 1
            while i < n and is_pipe_row(lines[i]) and not (i + 1 < n and is_rule(lines[i + 1]) and not is_rule(lines[i])):
                group.append(lines[i])
                i += 1
            rows = [pipe_cells(l) for l in group]
            for t in tables_2024(seed, rows, split):
                blocks.append(("table", t))
                if t.kind == "goals":
                    in_ontwikkelingen = False  # the 'Ontwikkelingen' prose ends where the goal tables begin
            list_mode = False
            continue
        if s in LIST_INTROS_2024:
            blocks.append(("p", inline_prose(seed, s), None))
            list_mode = True
            items = []
            i += 1
            while i < n and not is_pipe_row(lines[i]) and lines[i] != "Eenzaamheid en Mentale gezondheid":
                items.append((esc(shy(seed, lines[i])), []))
                i += 1
            blocks.append(("ul", items))
            continue
        if s.startswith("*"):
            blocks.append(("p", marked_footnote(seed, s), "voetnoot"))
        elif s in H2_2024:
            blocks.append(("h", 2, esc(euro_nbsp(s)), slug(s)))
        elif s in H4_2024:
            blocks.append(("h", 4, esc(s), None))
        elif s in H3_2024_LATER or (in_ontwikkelingen and len(s) <= 110 and not re.search(r"[.:;]$", s)):
            blocks.append(("h", 3, esc(shy(seed, s)), None))
        elif s == "Door het positieve resultaat op programma OSA is een aantal geraamde onttrekkingen van in totaal":
            # One paragraph with a line break in it (the next line starts with the amount).
            assert lines[i + 1].startswith("€ 368.000 ")
            blocks.append(("p", inline_prose(seed, s) + "<br>" + inline_prose(seed, lines[i + 1]), None))
            i += 1
        elif s.startswith("Tabel: "):
            blocks.append(("p", esc(s), "bijschrift"))
        else:
            blocks.append(("p", inline_prose(seed, s), None))
        i += 1
    return blocks


# ---------------------------------------------------------------------------------------------------------------
# Rendering: a modern page (HTML5, header, menu, breadcrumb, main, footer)


def attrs(cell):
    a = ""
    if cell.scope:
        a += ' scope="%s"' % cell.scope
    if cell.rowspan > 1:
        a += ' rowspan="%d"' % cell.rowspan
    if cell.colspan > 1:
        a += ' colspan="%d"' % cell.colspan
    return a


def render_table(t, malformed=False):
    """malformed: goals tables without </td> and </tr>; a <p> between two rows of the indicator table."""
    open_only = malformed and t.kind == "goals"
    out = ['<table class="%s">' % t.cls]

    def row(cells):
        parts = []
        for c in cells:
            tag = "th" if c.th else "td"
            close = "" if (open_only and tag == "td") else "</%s>" % tag
            parts.append("<%s%s>%s%s" % (tag, attrs(c), c.content, close))
        return "<tr>" + "".join(parts) + ("" if open_only else "</tr>")

    if t.head:
        out.append("<thead>")
        out.extend(row(r) for r in t.head)
        out.append("</thead>")
    out.append("<tbody>")
    for k, r in enumerate(t.body):
        if malformed and t.kind == "indicators" and k > 0 and r[0].content.startswith("9D1.g "):
            out.append("<p>&nbsp;</p>")  # a stray paragraph of an editor, directly inside the table
        out.append(row(r))
    out.append("</tbody>")
    out.append("</table>")
    return out


def render_items(tag, items):
    out = ["<%s>" % tag]
    for content, sub in items:
        if sub:
            out.append("<li>%s" % content)
            out.extend(render_items("ul", sub))
            out.append("</li>")
        else:
            out.append("<li>%s</li>" % content)
    out.append("</%s>" % tag)
    return out


def render_blocks(blocks, malformed=False):
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "h":
            _, level, content, ident = b
            out.append("<h%d%s>%s</h%d>" % (level, ' id="%s"' % ident if ident else "", content, level))
        elif kind == "p":
            _, content, cls = b
            close = "" if (malformed and cls is None) else "</p>"
            out.append("<p%s>%s%s" % (' class="%s"' % cls if cls else "", content, close))
        elif kind == "quote":
            out.append('<blockquote class="missie"><p>%s</p></blockquote>' % b[1])
        elif kind in ("ul", "ol"):
            out.extend(render_items(kind, b[1]))
        elif kind == "table":
            out.extend(render_table(b[1], malformed))
        else:
            raise AssertionError(kind)
    return out


def page(title, site_name, site_href, menu, crumbs, blocks, charset_meta='<meta charset="utf-8">', malformed=False):
    """menu: [(href, label, current)], crumbs: [(href, label)] (the last one is the page itself)."""
    out = ["<!DOCTYPE html>", '<html lang="nl">', "<head>", charset_meta,
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>%s</title>" % title, "</head>", '<body id="top">',
           '<header class="site-header">',
           '<p class="site-name"><a href="%s">%s</a></p>' % (site_href, site_name),
           '<p class="site-owner">Gemeente Leiden</p>',
           "</header>",
           '<nav aria-label="Hoofdmenu" class="hoofdmenu">', "<ul>"]
    for href, label, current in menu:
        out.append('<li><a href="%s"%s>%s</a></li>' % (href, ' aria-current="page"' if current else "", label))
    out += ["</ul>", "</nav>", '<nav aria-label="Kruimelpad" class="breadcrumb">', "<ol>"]
    for k, (href, label) in enumerate(crumbs):
        current = ' aria-current="page"' if k == len(crumbs) - 1 else ""
        out.append('<li><a href="%s"%s>%s</a></li>' % (href, current, label))
    out += ["</ol>", "</nav>", '<main id="inhoud">']
    out += render_blocks(blocks, malformed)
    out += ["</main>", '<footer class="site-footer">', '<p><a href="#top">Ga naar boven</a></p>',
            "<p>&copy; Gemeente Leiden</p>", "</footer>"]
    if not malformed:
        out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# Rendering: a 2013-2015 style page (upper-case tags, layout table, FONT, no thead/th)

FONT = "<FONT FACE=Arial SIZE=2>"
FONT_HEAD = '<FONT FACE="Arial, Helvetica, sans-serif" COLOR=#8B0000>'


def old_inline(h):
    """Inline HTML of the model in the old style: upper-case tags and attributes, values unquoted where legal."""
    def tag(m):
        slash, name, rest = m.group(1), m.group(2).upper(), m.group(3)
        if name == "EM":
            name = "I"
        if name == "STRONG":
            name = "B"
        rest = re.sub(r'\s([a-z-]+)="([^"\s<>=`\']+)"', lambda a: " %s=%s" % (a.group(1).upper(), a.group(2)), rest)
        return "<%s%s%s>" % (slash, name, rest)
    return re.sub(r"<(/?)([a-z]+)([^>]*)>", tag, h)


def old_attrs(cell):
    a = ""
    if cell.rowspan > 1:
        a += " ROWSPAN=%d" % cell.rowspan
    if cell.colspan > 1:
        a += " COLSPAN=%d" % cell.colspan
    return a


def old_table(t):
    out = ["<TABLE BORDER=1 CELLPADDING=3 CELLSPACING=0 WIDTH=100%>"]
    for r in t.head:
        cells = "".join("<TD%s BGCOLOR=#DDDDDD>%s<B>%s</B></FONT></TD>" % (old_attrs(c), FONT, old_inline(c.content)) if c.content
                        else "<TD%s BGCOLOR=#DDDDDD>&nbsp;</TD>" % old_attrs(c) for c in r)
        out.append("<TR VALIGN=top>" + cells + "</TR>")
    for r in t.body:
        cells = "".join("<TD%s>%s%s</FONT></TD>" % (old_attrs(c), FONT, old_inline(c.content)) for c in r)
        out.append("<TR VALIGN=top>" + cells + "</TR>")
    out.append("</TABLE>")
    return out


def old_blocks(blocks):
    out = []
    sizes = {1: 5, 2: 4, 3: 3, 4: 2}
    for b in blocks:
        kind = b[0]
        if kind == "h":
            _, level, content, ident = b
            if ident:
                out.append("<A NAME=%s></A>" % ident)
            out.append("<H%d>%s<FONT SIZE=%d>%s</FONT></FONT></H%d>" % (level, FONT_HEAD, sizes[level], old_inline(content), level))
        elif kind == "p":
            out.append("<P>%s%s</FONT></P>" % (FONT, old_inline(b[1])))
        elif kind == "quote":
            out.append("<BLOCKQUOTE>%s<I>%s</I></FONT></BLOCKQUOTE>" % (FONT, old_inline(b[1])))
        elif kind in ("ul", "ol"):
            out.append("<%s>" % kind.upper())
            for content, sub in b[1]:
                assert not sub
                out.append("<LI>%s%s</FONT></LI>" % (FONT, old_inline(content)))
            out.append("</%s>" % kind.upper())
        elif kind == "table":
            out.extend(old_table(b[1]))
    return out


def old_page(title, site_name, menu, crumbs, blocks):
    out = ['<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">',
           "<HTML LANG=nl>", "<HEAD>",
           '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8">',
           "<TITLE>%s</TITLE>" % title, "</HEAD>",
           "<BODY BGCOLOR=#FFFFFF TEXT=#000000 LINK=#8B0000 VLINK=#551A8B>",
           "<A NAME=top></A>",
           "<TABLE WIDTH=100% BORDER=0 CELLPADDING=6 CELLSPACING=0>",
           "<TR><TD COLSPAN=2 BGCOLOR=#8B0000>%s<FONT SIZE=5 COLOR=#FFFFFF><B>%s</B></FONT></FONT></TD></TR>" % (FONT_HEAD, site_name),
           "<TR>",
           "<TD WIDTH=200 VALIGN=top BGCOLOR=#EEEEEE>%s" % FONT]
    for href, label in menu:
        out.append("<A HREF=%s>%s</A><BR>" % (href, label))
    out += ["</FONT></TD>", "<TD VALIGN=top>"]
    trail = " / ".join("<A HREF=%s>%s</A>" % (href, label) for href, label in crumbs[:-1]) + " / " + crumbs[-1][1]
    out.append("<FONT FACE=Arial SIZE=1>%s</FONT>" % trail)
    out.append("<!-- begin inhoud -->")
    out += old_blocks(blocks)
    out.append("<!-- einde inhoud -->")
    out += ["<P ALIGN=right>%s<A HREF=#top>Ga naar boven</A></FONT></P>" % FONT,
            "</TD>", "</TR>", "</TABLE>", "</BODY>", "</HTML>"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# Checks against the seed: nothing invented, nothing lost

BLOCK_TAGS = {"p", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "ul", "ol",
              "blockquote", "div", "caption", "thead", "tbody", "main", "header", "footer", "nav"}


class ContentText(HTMLParser):
    """Text runs of the page content (inside <main>, or between the 'inhoud' comments of an old page)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.runs = []
        self.current = []
        self.all_text = []

    def flush(self):
        text = norm("".join(self.current))
        if text:
            self.runs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.inside = True
        if tag in BLOCK_TAGS:
            self.flush()
            self.all_text.append(" ")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.flush()
            self.all_text.append(" ")
        if tag == "main":
            self.inside = False

    def handle_comment(self, data):
        if data.strip() == "begin inhoud":
            self.inside = True
        elif data.strip() == "einde inhoud":
            self.flush()
            self.inside = False

    def handle_data(self, data):
        self.all_text.append(data)
        if self.inside:
            self.current.append(data)


def norm(text):
    return re.sub(r"\s+", " ", text.replace(SHY, "").replace(NBSP, " ")).strip()


def content_runs(page_html):
    p = ContentText()
    p.feed(page_html)
    p.close()
    p.flush()
    return p.runs, norm("".join(p.all_text))


def seed_norm(text):
    text = text.replace("<i>", "").replace("</i>", "")
    text = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", text)
    text = re.sub(r"\*(lokaal|sub|regionaal)\*", r"\1", text)
    text = text.replace("2^e", "2e")
    return norm(text.replace("\t", " ").replace("|", " "))


def check_against_seed(seed, pages_html, dropped_lines=(), allowed=()):
    raw = read_seed(seed)
    seed_text = seed_norm(raw)
    runs, whole = [], []
    for h in pages_html:
        r, all_text = content_runs(h)
        runs += r
        whole.append(all_text)
    for run in runs:
        if run not in seed_text and run not in allowed:
            raise AssertionError("%s: text not in the seed: %r" % (seed, run))
    content = " ".join(runs)
    everything = " ".join(whole)
    lost = []
    for k, line in enumerate(raw.split("\n")):
        if k in dropped_lines or not line.strip() or is_rule(line.strip()):
            continue
        for cell in re.split(r"[\t|]", line):
            c = cell.strip()
            c = re.sub(r"^(- |• |\d\. )", "", c)
            c = seed_norm(c)
            if not c:
                continue
            if c not in content and c not in everything:
                lost.append((k + 1, c))
    if lost:
        raise AssertionError("%s: seed text missing from the pages: %r" % (seed, lost[:5]))
    # Table rows: the cells of every serialised row, in order, are consecutive cells of the pages (a value list
    # of the text is one cell whose values are separated by <br>); for the cell-per-line tables of seed 002,
    # the whole run of cells.
    sequences = []
    lines = raw.split("\n")
    for k, line in enumerate(lines):
        if k in dropped_lines or is_rule(line.strip()) or line.startswith("De missie "):
            continue
        if "\t" in line or "|" in line:
            items = []
            for cell in re.split(r"[\t|]", line):
                c = seed_norm(cell)
                if c:
                    items += split_values(c) if re.fullmatch(r"(\S+ \((?:progn\. )?\d{4}\)\** ?)+", c) else [c]
            if items:
                sequences.append((k + 1, items))
    if seed == SEED_2017:
        for start, stop in (("Doelen en prestaties bij ", "9D2.2 "), ("Effectindicatoren bij ", "*")):
            a = next(k for k, l in enumerate(lines) if l.startswith(start)) + 1
            b = next(k for k in range(a, len(lines)) if lines[k].startswith(stop))
            b = b + 1 if stop != "*" else b
            sequences.append((a + 1, [seed_norm(l) for l in lines[a:b] if l.strip()]))
    joined = "\x1f" + "\x1f".join(runs) + "\x1f"
    for k, items in sequences:
        if "\x1f" + "\x1f".join(items) + "\x1f" not in joined:
            raise AssertionError("%s: row of line %d not found as consecutive cells: %r" % (seed, k, items))


# ---------------------------------------------------------------------------------------------------------------
# Building the fixtures


def build_2018():
    pages, dropped = parse_2018()
    files = ["01-programma.html", "02-beleidsterrein-9a.html", "03-beleidsterrein-9b.html",
             "04-beleidsterrein-9c.html", "05-beleidsterrein-9d.html", "06-programmakosten.html"]
    titles = []
    for blocks in pages:
        h1 = next(b for b in blocks if b[0] == "h" and b[1] == 1)
        titles.append(re.sub(r"<[^>]+>", "", h1[2]))
    assert titles[0] == "9 Maatschappelijke Ondersteuning", titles
    assert titles[1:] == ["Beleidsterrein 9A Sociale binding en participatie", "Beleidssterrein 9B Preventie",
                          "Beleidssterrein 9C Ondersteuning", "Beleidssterrein 9D Kwetsbare groepen", "Programmakosten"], titles
    labels = ["Maatschappelijke Ondersteuning"] + titles[1:]
    out = {}
    for k, blocks in enumerate(pages):
        menu = [(f, esc(labels[j]), j == k) for j, f in enumerate(files)]
        crumbs = [("https://www.leiden.nl/", "Home"), ("index.html", "Programmabegroting 2018"),
                  ("programmaplan.html", "Programmaplan"), (files[0], "Maatschappelijke Ondersteuning")]
        if k > 0:
            crumbs.append((files[k], esc(labels[k])))
        title = "%s - Programmabegroting 2018 - Gemeente Leiden" % esc(labels[k])
        out[files[k]] = page(title, "Programmabegroting 2018", "index.html", menu, crumbs, blocks)
    check_against_seed(SEED_2018, [out[f] for f in files], dropped_lines=dropped)
    return out


def build_2017():
    crumbs_text, blocks = parse_2017()
    hrefs = ["https://www.leiden.nl/", "index.html", "programmaplan.html", "maatschappelijke-ondersteuning.html"]
    variants = {}
    name = "Beleidsterrein 9D Kwetsbare groepen"
    title = "%s - Programmabegroting 2017 - Gemeente Leiden" % name

    def modern(file, charset_meta='<meta charset="utf-8">', malformed=False):
        crumbs = list(zip(hrefs + [file], crumbs_text))
        menu = [(file, name, True), ("#doelen-en-prestaties", "Doelen en prestaties", False),
                ("#effectindicatoren", "Effectindicatoren", False)]
        return page(title, "Programmabegroting 2017", "index.html", menu, crumbs, blocks, charset_meta, malformed)

    base = "programmabegroting-2017-p9-9d"
    variants[base + ".html"] = modern(base + ".html")
    variants[base + "-malformed.html"] = modern(base + "-malformed.html", malformed=True)
    variants[base + "-cp1252.html"] = modern(
        base + "-cp1252.html", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    file = base + "-oldstyle.html"
    crumbs = list(zip(hrefs + [file], crumbs_text))
    variants[file] = old_page(title, "Programmabegroting 2017", crumbs, crumbs, blocks)
    for f, h in variants.items():
        check_against_seed(SEED_2017, [h], dropped_lines={0, 1})
    # The crawled page's chrome lines (0, 1) are in the chrome of each page.
    for f, h in variants.items():
        everything = content_runs(h)[1]
        assert "Ga naar boven" in everything and all(c in everything for c in crumbs_text), f
    return variants


def build_2024():
    out = {}
    for file, split in (("jaarstukken-2024-p9.html", False), ("jaarstukken-2024-p9-split-tables.html", True)):
        blocks = parse_2024(split)
        h1 = "Programma 9 Maatschappelijke ondersteuning"
        menu = [(file, h1, True)]
        crumbs = [("https://www.leiden.nl/", "Home"), ("index.html", "Jaarstukken 2024"),
                  ("jaarverslag.html", "Jaarverslag"), (file, h1)]
        out[file] = page(h1 + " - Jaarstukken 2024 - Gemeente Leiden", "Jaarstukken 2024", "index.html", menu, crumbs, blocks)
        check_against_seed(SEED_2024, [out[file]], allowed={h1})
        tables = out[file].count("<table")
        assert tables == (15 if split else 13), (file, tables)
    return out


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def folder_sha256(files):
    """sha256 of the concatenation, in file-name order, of each file's name + NUL + bytes."""
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode("utf-8") + b"\0" + files[name])
    return h.hexdigest()


def entry(ident, kind, year, path, origin, digest, title, notes, gold):
    return {"id": ident, "municipality": "Leiden", "kind": kind, "year": year, "programme": "9", "format": "html",
            "path": path, "origin": origin, "sha256": digest, "title": title, "notes": notes, "gold": gold}


def main():
    written = []
    entries = []
    made_by = "made by corpus/tools/make_html_fixtures.py from "

    site = {name: text.encode("utf-8") for name, text in build_2018().items()}
    folder = "leiden/2018/html/programmabegroting-2018-p9/"
    for name in sorted(site):
        write(os.path.join(CORPUS, folder, name), site[name])
        written.append((folder + name, sha256(site[name])))
    entries.append(entry(
        "leiden-2018-programmabegroting-p9-html", "programmabegroting", 2018, folder, ORIGIN[SEED_2018],
        folder_sha256(site), "Programmabegroting 2018, programma 9 Maatschappelijke Ondersteuning (website, zes pagina's)",
        made_by + SEED_2018 + "; a site folder of six HTML5 pages (programme, 9A, 9B, 9C, 9D, programmakosten) in the "
        "order of the Hoofdmenu, each with header, menu, breadcrumb and footer; two-row table headers with real "
        "rowspan/colspan, realisatie values separated by <br>, footnote markers in <sup>, &nbsp; and &shy; in places; "
        "the 9D indicator table continues in a second table after a repeated header, as in the text. Page number, "
        "version line and the next programme's heading dropped; the sentences the PDF cut at page breaks are joined.",
        "leiden-2018-programmabegroting-p9"))

    v2017 = build_2017()
    notes2017 = {
        "": "one HTML5 page with header, menu, breadcrumb (from the crawled page) and footer; each realisatie value "
            "list is one cell with <br> between the values; footnote markers in <sup>; &shy; in two indicator names.",
        "-malformed": "malformed markup: no </td> and no </tr> in the Doel/Prestatie table, prose <p> elements never "
                      "closed, a <p>&nbsp;</p> directly inside the indicator table between the 9D1.f and 9D1.g rows "
                      "(browsers move it before the table), and no </body></html> at the end (the content is complete).",
        "-cp1252": "encoded windows-1252 without BOM, declared by <meta http-equiv=\"Content-Type\" content=\"text/html; "
                   "charset=windows-1252\">; otherwise byte-for-byte the markup of the UTF-8 page.",
        "-oldstyle": "2013-2015 style: HTML 4.01 doctype, upper-case tags, no header/nav/main/footer elements, an outer "
                     "layout <TABLE> with a left menu column of links and a content column, <FONT> wrappers, <B> in "
                     "<TD> header cells (no <th>, <thead>, <tbody>), unquoted attributes where legal, breadcrumb as a "
                     "line of links, 'Ga naar boven' link at the bottom.",
    }
    for suffix in ("", "-malformed", "-cp1252", "-oldstyle"):
        name = "programmabegroting-2017-p9-9d%s.html" % suffix
        text = v2017[name]
        data = text.encode("cp1252" if suffix == "-cp1252" else "utf-8")
        path = "leiden/2017/html/" + name
        write(os.path.join(CORPUS, path), data)
        written.append((path, sha256(data)))
        entries.append(entry(
            "leiden-2017-programmabegroting-p9-9d-html" + suffix, "programmabegroting", 2017, path, ORIGIN[SEED_2017],
            sha256(data), "Programmabegroting 2017, Beleidsterrein 9D Kwetsbare groepen (HTML%s)" % (
                "" if not suffix else ", " + suffix[1:]),
            made_by + SEED_2017 + "; " + notes2017[suffix], "leiden-2017-programmabegroting-p9-9d"))

    v2024 = build_2024()
    notes2024 = {
        "jaarstukken-2024-p9.html": "one HTML5 page with header, menu, breadcrumb and footer; the pipe rows rebuilt "
            "as real tables (area or reserve name spanning its Lasten/Baten/Saldo rows, goal cell spanning its "
            "performances, 'Realisatie' over 2021..2024); the marker before the 9C header is '<sup>**</sup> "
            "Effectindicator' in its header cell; the 9D1.c row keeps its printed shape (one value too few).",
        "jaarstukken-2024-p9-split-tables.html": "as leiden-2024-jaarstukken-p9-html, but the 9C indicator table is "
            "split over two <table> elements between the 9C1 rows and the 'Doel 9C2' row, and the programmakosten "
            "table after the 'Kwetsbare groepen' rows; each second table repeats both header rows.",
    }
    for name, ident in (("jaarstukken-2024-p9.html", "leiden-2024-jaarstukken-p9-html"),
                        ("jaarstukken-2024-p9-split-tables.html", "leiden-2024-jaarstukken-p9-html-split-tables")):
        data = v2024[name].encode("utf-8")
        path = "leiden/2024/html/" + name
        write(os.path.join(CORPUS, path), data)
        written.append((path, sha256(data)))
        entries.append(entry(
            ident, "jaarstukken", 2024, path, ORIGIN[SEED_2024], sha256(data),
            "Jaarstukken 2024, programma 9 Maatschappelijke ondersteuning (HTML%s)" % (
                ", tabellen gesplitst" if "split" in name else ""),
            made_by + SEED_2024 + "; " + notes2024[name], "leiden-2024-jaarstukken-p9"))

    manifest_path = os.path.join(CORPUS, "manifest.json")
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    ours = {e["id"] for e in entries}
    kept = [d for d in manifest["documents"] if d.get("format") != "html" and d["id"] not in ours]
    manifest["documents"] = kept + entries
    data = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    write(manifest_path, data)

    for path, digest in written:
        print("wrote corpus/%s  sha256 %s" % (path, digest))
    print("wrote corpus/manifest.json  (%d entries kept, %d html entries)" % (len(kept), len(entries)))
    for e in entries:
        print("  %s  %s  sha256 %s" % (e["id"], e["path"], e["sha256"]))


if __name__ == "__main__":
    sys.exit(main())
