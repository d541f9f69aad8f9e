#!/usr/bin/env python3
"""Copies ../shared/foreign into the corpus: its files, its gold (checked here), manifest and scan entries.

Run it from the repository root: python3 corpus/tools/import_foreign.py [--shared ../shared]

The foreign corpus holds eleven real tables of Leiden's budget pages (programmes 1, 3-7, 10; begroting 2017 and 2018,
jaarstukken 2017), each in six forms made by producers this project does not use (crawl, pipe, html, html-old, pdf,
scan), with one gold file per table. This tool

  - checks each gold file against its table, read here on its own from the pipe form (a plain grid, one row a line):
    every figure of the table is a gold row with the right value, period and column kind, and the gold has no other
    row; and checks the table's own sums (Lasten + Baten = Saldo per row group, the groups add up to Programma,
    Toevoeging + Onttrekking = Mutaties reserves, Saldo + Mutaties = Resultaat, Rekening - ... = Verschil), allowing
    the documents' rounding of 1; it stops without writing anything when a check fails;
  - writes the gold in the project's conventions (corpus/gold/README.md): the foreign gold puts the reserves lines
    and the result under the group 'Programma'; here, as for every other corpus table, 'Reserves' starts a row group
    (Toevoeging, Onttrekking, Mutaties reserves) and 'Resultaat' is a group of its own; nothing else changes;
  - copies every form to corpus/foreign/<form>/ and writes the manifest entries: the pipe form is the document that
    owns the gold (id = the file name), every other form is scored against it (id = the file name + '-' + form);
    the scans go to corpus/tools/scan-fixtures.json, like every scan. No entry gives the programme: the content and
    the programme register have to find it.

Standard library only.
"""

import argparse
import csv
import hashlib
import io
import json
import os
import re
import shutil
import sys

FORMS = [  # folder, extension, manifest format, id suffix, what it is
    ("pipe", ".txt", "text", "", "page text with 'a | b |' rows and '---|' rules"),
    ("crawl", ".txt", "text", "-crawl", "crawled page text, one table cell per line, blank lines between cells"),
    ("html", ".html", "html", "-html", "a modern page: <caption> with the programme name and the scale, rowspan/colspan, <th> row labels"),
    ("html-old", ".html", "html", "-html-old", "2013-2015 era markup: upper-case tags, <FONT>, unclosed cells, windows-1252"),
    ("pdf", ".pdf", "pdf", "-pdf", "born-digital PDF (ReportLab): ruled or unruled, portrait or landscape, two-line header cells"),
    ("scan", ".pdf", "pdf", "-scan", "the PDF printed and scanned at 200 dpi, with skew, blur and noise"),
]

HEADER = ["document_id", "document_kind", "document_year", "programme", "policy_area", "table_kind", "subject_code",
          "subject", "measure", "period", "column_kind", "value", "unit", "raw", "provenance"]

LINES = {"lasten": "lasten", "baten": "baten", "saldo": "saldo", "saldo van baten en lasten": "saldo",
         "toevoeging": "toevoeging", "onttrekking": "onttrekking", "mutaties reserves": "mutaties", "resultaat": "resultaat"}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def dutch(raw):
    """'-4.570' -> -4570, '5,8' -> 5.8; None for a cell that is no number."""
    t = raw.strip().rstrip("%*")
    if not re.fullmatch(r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?", t):
        return None
    return float(t.replace(".", "").replace(",", "."))


def plain(value):
    return str(int(value)) if value == int(value) else repr(value)


def pipe_rows(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if "|" not in line or re.fullmatch(r"[-|\s:]+", line):
            continue
        cells = [c.strip() for c in line.split("|")]
        if cells and cells[-1] == "":
            cells = cells[:-1]
        rows.append(cells)
    return rows


def column(header, kind_year):
    m = re.fullmatch(r"(Rekening|Begroting|Meerjarenraming|Verschil) (\d{4})", header)
    if m:
        return int(m.group(2)), m.group(1).lower()
    m = re.fullmatch(r"Begroting (\d{4}) na wijziging", header)
    if m:
        return int(m.group(1)), "begroting_na_wijziging"
    if header == "Wijziging Begroting":
        return kind_year, "wijziging"
    raise SystemExit(f"unknown column header '{header}'")


def budget_facts(rows, year):
    """The table's figures under the project's conventions: (subject, measure, period, column_kind) -> (value, raw)."""
    header = rows[0]
    columns = [column(h, year) for h in header[2:]]
    facts = {}
    group = None
    table = {}
    for cells in rows[1:]:
        label, line = cells[0], cells[1] if len(cells) > 1 else ""
        values = cells[2:]
        if not any(dutch(v) is not None for v in values):
            continue  # the scale row 'Bedragen x € 1.000,-'
        key = (line or label).lower()
        measure = LINES.get(key)
        if measure is None:
            raise SystemExit(f"unknown line '{line or label}'")
        if label and not (line == "" and measure in ("saldo", "mutaties")):
            group = label  # a label in the first column starts a row group ('Resultaat' too); 'Saldo', 'Mutaties reserves' close one
        for (period, kind), raw in zip(columns, values):
            facts[(group, measure, period, kind)] = (dutch(raw) * 1000, raw)
            table[(group, measure, (period, kind))] = dutch(raw)
    return facts, table, columns


def check_sums(name, table, columns):
    groups = []
    for (g, m, c) in table:
        if g not in groups:
            groups.append(g)
    areas = [g for g in groups if g not in ("Programma", "Reserves", "Resultaat")]
    problems = []

    def near(a, b):
        return abs(a - b) <= 1.0001

    for c in columns:
        for g in areas + ["Programma"]:
            l, b, s = (table.get((g, m, c)) for m in ("lasten", "baten", "saldo"))
            if None not in (l, b, s) and not near(l + b, s):
                problems.append(f"{g} {c}: lasten {l} + baten {b} != saldo {s}")
        for m in ("lasten", "baten"):
            total = sum(table[(g, m, c)] for g in areas)
            if not near(total, table[("Programma", m, c)]):
                problems.append(f"Programma {m} {c}: areas add up to {total}, printed {table[('Programma', m, c)]}")
        t, o, mu = (table.get(("Reserves", m, c)) for m in ("toevoeging", "onttrekking", "mutaties"))
        if not near(t + o, mu):
            problems.append(f"Reserves {c}: {t} + {o} != {mu}")
        if not near(table[("Programma", "saldo", c)] + mu, table[("Resultaat", "resultaat", c)]):
            problems.append(f"Resultaat {c}: saldo + mutaties != resultaat")
    if problems:
        print(f"{name}: sums that do not hold (the documents' rounding allows 1):", *problems, sep="\n  ")
    return not problems


def indicator_facts(rows):
    header = rows[0]
    facts = {}
    for cells in rows[1:]:
        m = re.match(r"(\d+[A-Z]\d+\.[a-z]) (.+)$", cells[0])
        code, name = m.group(1), m.group(2)
        for h, raw in zip(header[1:], cells[1:]):
            hm = re.fullmatch(r"(Realisatie|Streefwaarde) (\d{4})", h)
            if hm:
                facts[(code, hm.group(1).lower(), int(hm.group(2)))] = (dutch(raw), raw, name)
    return facts


def load_gold(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def convert(name, gold, pipe):
    """Checks the gold against the pipe table and returns it in the project's conventions."""
    year = int(gold[0]["document_year"])
    rows = pipe_rows(pipe)
    out = []
    if gold[0]["table_kind"] == "indicators":
        expected = indicator_facts(rows)
        seen = set()
        for g in gold:
            key = (g["subject_code"], g["measure"], int(g["period"]))
            value, raw, printed = expected[key]
            assert g["raw"] == raw and float(g["value"]) == value and g["column_kind"] == g["measure"], (name, g)
            assert printed.rstrip("*") == g["subject"].rstrip("*"), (name, printed, g["subject"])
            seen.add(key)
            # The project's indicator subject is the name without its footnote marker.
            out.append(dict(g, subject=g["subject"].rstrip("*")))
        assert seen == set(expected), (name, set(expected) - seen)
        return out

    expected, table, columns = budget_facts(rows, year)
    if not check_sums(name, table, columns):
        raise SystemExit(1)
    seen = set()
    for g in gold:
        subject = g["subject"]
        if subject == "Programma" and g["measure"] in ("toevoeging", "onttrekking", "mutaties"):
            subject = "Reserves"
        elif subject == "Programma" and g["measure"] == "resultaat":
            subject = "Resultaat"
        key = (subject, g["measure"], int(g["period"]), g["column_kind"])
        assert key in expected, (name, key)
        value, raw = expected[key]
        assert g["raw"] == raw, (name, key, g["raw"], raw)
        assert float(g["value"]) == value and g["unit"] == "EUR" and g["table_kind"] == "budget", (name, key, g)
        seen.add(key)
        out.append(dict(g, subject=subject))
    assert seen == set(expected), (name, set(expected) - seen)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=os.path.join("..", "shared"))
    args = parser.parse_args()
    source = os.path.join(args.shared, "foreign")
    names = sorted(f[: -len(".facts.csv")] for f in os.listdir(os.path.join(source, "gold")))

    golds = {}
    for name in names:
        gold = load_gold(os.path.join(source, "gold", name + ".facts.csv"))
        golds[name] = convert(name, gold, os.path.join(source, "pipe", name + ".txt"))
    print(f"{len(names)} gold files agree with their tables and their sums")

    manifest_path = os.path.join("corpus", "manifest.json")
    scans_path = os.path.join("corpus", "tools", "scan-fixtures.json")
    manifest = json.load(open(manifest_path, encoding="utf-8"))
    scans = json.load(open(scans_path, encoding="utf-8"))
    manifest["documents"] = [d for d in manifest["documents"] if not d["path"].startswith("foreign/")]
    scans["documents"] = [d for d in scans["documents"] if not d["path"].startswith("foreign/")]

    for name in names:
        gold = golds[name]
        first = gold[0]
        kind, year = first["document_kind"], int(first["document_year"])
        with open(os.path.join("corpus", "gold", name + ".facts.csv"), "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
            writer.writeheader()
            for row in gold:
                writer.writerow({k: row.get(k, "") for k in HEADER})
        for folder, ext, fmt, suffix, what in FORMS:
            rel = f"foreign/{folder}/{name}{ext}"
            target = os.path.join("corpus", rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(source, folder, name + ext), target)
            entry = {
                "id": name + suffix,
                "municipality": "Leiden",
                "kind": kind,
                "year": year,
                "format": fmt,
                "path": rel,
                "origin": f"shared/foreign/{folder}/{name}{ext}",
                "sha256": sha256(target),
                "title": f"{'Programmabegroting' if kind == 'programmabegroting' else 'Jaarstukken'} {year}, {name.split('-', 3)[3].replace('-', ' ')} ({folder})",
                "notes": f"Byte copy of shared/foreign/{folder}/{name}{ext}: {what}. Real figures of Leiden, laid out by another producer. No programme given: the content and the programme register name it.",
            }
            if suffix:
                entry["gold"] = name
            (scans if folder == "scan" else manifest)["documents"].append(entry)

    for path, data in ((manifest_path, manifest), (scans_path, scans)):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")
    print(f"copied {len(names)} tables in {len(FORMS)} forms; manifest and scan entries written")


if __name__ == "__main__":
    main()
