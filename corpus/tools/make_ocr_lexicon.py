#!/usr/bin/python3
"""Writes the word lists the OCR reader repairs recognised words towards (src/Begroting.Readers.Ocr/Data/).

Run it without arguments (/usr/bin/python3 corpus/tools/make_ocr_lexicon.py) from anywhere. It writes

    wdutch.txt.gz    Debian's Dutch word list (package wdutch 1:2.20.19-2, OpenTaal, BSD or CC BY 3.0), the
                     file /usr/share/dict/dutch byte for byte, gzip-compressed without a name or time stamp so
                     that a rebuild is byte-identical; its SHA-256 is pinned in Lexicon.cs and enters the tool
                     version, so what the reader repairs does not depend on whether the machine has the list
    budget-words.txt the words of the corpus's given text forms that the Dutch list lacks (abbreviations such as
                     'WMO', 'SWT's', compounds such as 'effectindicatoren', names such as 'Leidenaren'), one per
                     line, lower case, sorted: the budgets' own vocabulary, taken from data and not named in code

The text forms are the manifest's documents of format 'text' whose text was given; a text that is itself OCR
output (its notes say 'OCR text') is left out, or its misreadings ('ledereen') would become words. A word is
read as the OCR reader reads one: a letter, then letters, digits, apostrophes or hyphens, ending in a letter; a
word with a digit in it is a code, not a word. Words of fewer than three letters are left out: the reader
takes every such word as known.
"""

import gzip
import hashlib
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
OUT = os.path.join(os.path.dirname(CORPUS), "src", "Begroting.Readers.Ocr", "Data")
WORD_LIST = "/usr/share/dict/dutch"
WORD = re.compile(r"[^\W\d_][\w'-]*[^\W\d_]")


def main():
    with open(WORD_LIST, "rb") as f:
        raw = f.read()
    with open(os.path.join(OUT, "wdutch.txt.gz"), "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=f, mtime=0) as z:
            z.write(raw)
    print("wdutch.txt.gz: sha256 of the list", hashlib.sha256(raw).hexdigest())

    known = set()
    for line in raw.decode("utf-8").splitlines():
        word = line.strip().lower()
        known.add(word)
        # The reader knows an abbreviation the list writes with a stop ('incl.') without it, as it reads words.
        if len(word) > 1 and word.find(".") == len(word) - 1:
            known.add(word[:-1])

    with open(os.path.join(CORPUS, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    words = set()
    sources = 0
    for doc in manifest["documents"]:
        if doc["format"] != "text" or doc.get("notes", "").startswith("OCR text"):
            continue
        sources += 1
        with open(os.path.join(CORPUS, doc["path"]), encoding="utf-8") as f:
            for token in WORD.findall(f.read()):
                word = token.lower()
                if len(word) >= 3 and not any(c.isdigit() for c in word) and word not in known:
                    words.add(word)

    with open(os.path.join(OUT, "budget-words.txt"), "w", encoding="utf-8", newline="\n") as f:
        for word in sorted(words):
            f.write(word + "\n")
    print(f"budget-words.txt: {len(words)} words from {sources} text forms")


if __name__ == "__main__":
    main()
