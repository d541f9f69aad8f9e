#!/usr/bin/env python3
"""Builds the PDF regression files of corpus/regressions/pdf/ from the corpus PDFs.

Run it without arguments (python3 corpus/tools/make_pdf_regressions.py). It needs qpdf and fix-qdf (Debian
package 'qpdf') and the standard library; the ReportLab book is made (first) by make_reportlab_pdf.py. Each file is one
fault the PDF reader had, made the way it was found: a corpus PDF turned by qpdf, or opened as QDF
(qpdf --qdf --object-streams=disable), edited as text and put back together with fix-qdf. corpus/regressions/
README.md says what each file is and which test reads it. The output is the same on every run.

Sources (all in corpus/leiden/):
    2024/pdf/jaarstukken-2024-p9-libreoffice.pdf           9 pages, LibreOffice, ruled tables
    2017/pdf/programmabegroting-2017-p9-9d-libreoffice.pdf 5 pages, LibreOffice
    2013/pdf/beleidsplan-2013-iedereen-telt-mee-2col-chromium.pdf   34 pages in two columns, Chromium
and the ReportLab book, made first by make_reportlab_pdf.py (Debian's /usr/bin/python3 with python3-reportlab).
"""

import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
OUT = os.path.join(CORPUS, "regressions", "pdf")
J2024 = os.path.join(CORPUS, "leiden", "2024", "pdf", "jaarstukken-2024-p9-libreoffice.pdf")
P2017 = os.path.join(CORPUS, "leiden", "2017", "pdf", "programmabegroting-2017-p9-9d-libreoffice.pdf")
B2013 = os.path.join(CORPUS, "leiden", "2013", "pdf", "beleidsplan-2013-iedereen-telt-mee-2col-chromium.pdf")
REPORTLAB = os.path.join(OUT, "reportlab-programmabegroting-2018.pdf")


def run(*args, **kw):
    return subprocess.run(list(args), check=True, stdout=subprocess.PIPE, **kw).stdout


def out(name):
    return os.path.join(OUT, name)


def qdf(src):
    """The file as QDF text (latin-1, so bytes survive), every stream uncompressed."""
    return run("qpdf", "--qdf", "--object-streams=disable", src, "-").decode("latin-1")


def write(name, text):
    """QDF text back to a PDF: offsets and lengths fixed by fix-qdf, streams compressed again by qpdf."""
    with tempfile.TemporaryDirectory() as tmp:
        fixed = os.path.join(tmp, "fixed.pdf")
        with open(fixed, "wb") as f:
            f.write(run("fix-qdf", input=text.encode("latin-1")))
        run("qpdf", "--compress-streams=y", "--deterministic-id", fixed, out(name))
    return out(name)


def page_object(text, n):
    """The span of page n's object in the QDF text (after its '%% Page n' comment)."""
    start = text.index("%%%% Page %d\n" % n)
    return start, text.index("endobj", start)


def content_stream(text, n):
    """The span of page n's content stream data (after its '%% Contents for page n' comment)."""
    start = text.index("stream\n", text.index("%%%% Contents for page %d\n" % n)) + len("stream\n")
    return start, text.index("\nendstream", start)


def edit_pages(text, pages, edit):
    """Replaces the content stream of each page n with edit(n, content)."""
    for n in sorted(pages, reverse=True):
        s, e = content_stream(text, n)
        text = text[:s] + edit(n, text[s:e]) + text[e:]
    return text


def set_page_key(text, n, key, value):
    """Sets (or adds) a key of page n's dictionary, e.g. /MediaBox [...] or /Rotate 45."""
    s, e = page_object(text, n)
    obj = text[s:e]
    pattern = re.compile(r"  /%s (\[[^\]]*\]|\d+ \d+ R|\S+)\n" % key)
    line = "  /%s %s\n" % (key, value)
    obj = pattern.sub(lambda _: line, obj, count=1) if pattern.search(obj) else obj.replace("<<\n", "<<\n" + line, 1)
    return text[:s] + obj + text[e:]


def media_box(text, n):
    s, e = page_object(text, n)
    box = re.search(r"/MediaBox \[\s*([-\d.\s]+)\]", text[s:e]) or re.search(r"/MediaBox \[\s*([-\d.\s]+)\]", text)
    return [float(v) for v in box.group(1).split()]


def rotate_180():
    """The 2024 jaarstukken with /Rotate 180 on every page: Rotate180 letters, which the reader took for upright
    text; read that way a later-column line below a table made RegionEnd loop for ever."""
    run("qpdf", "--rotate=180", "--deterministic-id", J2024, out("rotate-180-jaarstukken-2024.pdf"))


def quarter_turn_by_content():
    """The 2024 jaarstukken turned a quarter clockwise by the content matrix instead of /Rotate: every page's
    content is drawn through '0 -1 1 0 0 W cm' on a landscape MediaBox, so the text matrices read downwards."""
    text = qdf(J2024)
    pages = len(re.findall(r"^%% Page \d+$", text, re.M))
    boxes = {n: media_box(text, n) for n in range(1, pages + 1)}
    for n, (x0, y0, x1, y1) in boxes.items():
        text = set_page_key(text, n, "MediaBox", "[ 0 0 %s %s ]" % (fmt(y1 - y0), fmt(x1 - x0)))
    text = edit_pages(text, boxes, lambda n, c: "0 -1 1 0 0 %s cm\n" % fmt(boxes[n][2] - boxes[n][0]) + c)
    write("quarter-turn-content-jaarstukken-2024.pdf", text)


def mirrored():
    """The 2024 jaarstukken drawn through a mirroring matrix ('-1 0 0 1 W 0 cm'): every text matrix flips x, the
    letters read leftwards and stand up (PdfPig calls them Rotate180, as for text upside down)."""
    text = qdf(J2024)
    pages = len(re.findall(r"^%% Page \d+$", text, re.M))
    text = edit_pages(text, range(1, pages + 1), lambda n, c: "-1 0 0 1 %s 0 cm\n" % fmt(media_box(text, n)[2]) + c)
    write("mirrored-jaarstukken-2024.pdf", text)


def rotated_book():
    """Pages 9 and 10 of the 2013 plan (two columns, some 4,000 letters a page) with /Rotate 90. Read with PdfPig's
    nearest-neighbour word extractor the turned book took minutes and then hung: with page 10's running header
    known, page 9's lines made RegionEnd loop for ever (the two pages alone do it; either page alone does not)."""
    run("qpdf", "--deterministic-id", "--object-streams=generate", "--compression-level=9", B2013, "--pages", ".", "9-10", "--",
        "--rotate=90", out("rotate-90-beleidsplan-2013-p9-10.pdf"))
    # The same two pages upright: what the turned ones must read as (reading the whole book to compare takes longer).
    run("qpdf", "--deterministic-id", "--object-streams=generate", "--compression-level=9", B2013, "--pages", ".", "9-10", "--",
        out("beleidsplan-2013-p9-10.pdf"))


def text_at_angle():
    """The 2017 9D page's first two pages, the second drawn turned 30 degrees about its middle: letters of
    TextOrientation.Other, which are not read."""
    with tempfile.TemporaryDirectory() as tmp:
        two = os.path.join(tmp, "two.pdf")
        run("qpdf", P2017, "--pages", P2017, "1-2", "--", two)
        text = qdf(two)
    x0, y0, x1, y1 = media_box(text, 2)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    # Rotation by 30 degrees about the middle: translate, rotate, translate back (cos 30 = 0.866025, sin 30 = 0.5).
    c, s = 0.866025, 0.5
    matrix = "%s %s %s %s %s %s cm\n" % (c, s, -s, c, fmt(cx - c * cx + s * cy), fmt(cy - s * cx - c * cy))
    text = edit_pages(text, [2], lambda n, content: matrix + content)
    write("text-at-angle-programmabegroting-2017.pdf", text)


def odd_boxes():
    """The 2017 9D page with odd page boxes: page 1 a zero MediaBox, page 2 a negative one (its corners given
    the wrong way round), page 3 a MediaBox of a billion points, page 4 a CropBox of zero size, page 5 a CropBox
    beside the page."""
    text = qdf(P2017)
    x0, y0, x1, y1 = media_box(text, 1)
    text = set_page_key(text, 1, "MediaBox", "[ 0 0 0 0 ]")
    text = set_page_key(text, 2, "MediaBox", "[ 0 0 %s %s ]" % (fmt(-x1), fmt(-y1)))
    text = set_page_key(text, 3, "MediaBox", "[ 0 0 1000000000 1000000000 ]")
    text = set_page_key(text, 4, "CropBox", "[ 100 100 100 100 ]")
    text = set_page_key(text, 5, "CropBox", "[ 2000 2000 2600 2840 ]")
    write("page-boxes-odd-programmabegroting-2017.pdf", text)


def far_off_page():
    """The ReportLab book with one coordinate gone wild, as a bit flip in a number does: the cell of the figure
    84.347 (Saldo van baten en lasten, 2019) in the unruled budget table moves 1e8 points to the right. Before,
    the unruled-table reader rasterised x up to it in half-point steps: 32 s and 880 MB for an 11-page book."""
    text = qdf(REPORTLAB)
    figure = text.index("(84.347) Tj")
    end = text.rindex(" cm\n", 0, figure)
    start = text.rindex("\n1 0 0 1 ", 0, end) + len("\n1 0 0 1 ")
    x = text[start:end].split()[0]
    text = text[:start] + fmt(float(x) + 1e8) + text[start + len(x):]
    write("coordinate-far-off-page-reportlab-2018.pdf", text)


def rotate_45():
    """The 2017 9D page with /Rotate 45 on page 2 (PdfPig's GetPage throws: only multiples of 90 are allowed),
    and a copy with it on every page (no page can be read)."""
    text = qdf(P2017)
    write("rotate-45-page-2-programmabegroting-2017.pdf", set_page_key(text, 2, "Rotate", "45"))
    for n in range(1, 6):
        text = set_page_key(text, n, "Rotate", "45")
    write("rotate-45-every-page-programmabegroting-2017.pdf", text)


def font_without_widths():
    """The 2024 jaarstukken whose italic font, used on page 1 only, has lost its /Widths: PdfPig refuses the font
    and cannot read page 1. The pages shared one resource dictionary (PdfPig loads every font of it for every
    page), so page 1 is given one of its own, the only one naming the italic font."""
    text = qdf(J2024)
    font = re.search(r"(\d+) 0 obj\n<<\n  /BaseFont /\w+\+LiberationSans-Italic\n.*?endobj", text, re.S)
    obj = re.sub(r"  /Widths \[[^\]]*\]\n", "", font.group(0), count=1)
    assert obj != font.group(0)
    text = text[:font.start()] + obj + text[font.end():]
    fonts = re.search(r"\n(\d+) 0 obj\n<<\n((?:  /F\d+ \d+ 0 R\n)+)>>", text)
    own = fonts.group(2)
    shared = "".join(l + "\n" for l in own.splitlines() if not l.startswith("  /F3 "))
    assert shared != own
    text = text[:fonts.start(2)] + shared + text[fonts.end(2):]
    inline = "<< /Font << %s >> /ProcSet [ /PDF /Text ] >>" % " ".join(l.strip() for l in own.splitlines())
    text = set_page_key(text, 1, "Resources", inline)
    write("font-without-widths-jaarstukken-2024.pdf", text)


def bit_flip_filter():
    """The 2024 jaarstukken as LibreOffice wrote it, with one bit flipped in the name of page 3's content stream
    filter ('/FlateDecode' -> '/FlateDecodd'): PdfPig has no such filter and cannot read the page."""
    data = open(J2024, "rb").read()
    number = page_contents_object(3)
    at = data.index(b"\n%d 0 obj" % number)
    at = data.index(b"/FlateDecode", at) + len(b"/FlateDecod")
    flipped = bytearray(data)
    flipped[at] ^= 0x01
    with open(out("bit-flip-filter-jaarstukken-2024.pdf"), "wb") as f:
        f.write(bytes(flipped))


def page_contents_object(n):
    """The object number of page n's content stream in the original 2024 file (from qpdf's QDF comments)."""
    text = qdf_cache[0]
    return int(re.search(r"%%%% Contents for page %d\n%%%% Original object ID: (\d+) 0" % n, text).group(1))


def deleted_one_percent():
    """The 2024 jaarstukken as LibreOffice wrote it with 1% of its bytes cut out where the fuzz campaign's cut
    with seed 2 fell (random.Random(2), as in the campaign): the end of page 2's content stream and the objects
    after it. The cross-reference table no longer fits, PdfPig reads the file leniently, and page 3 cannot be
    parsed."""
    data = open(J2024, "rb").read()
    k = len(data) // 100
    at = random.Random(2).randrange(len(data) - k)
    with open(out("deleted-one-percent-jaarstukken-2024.pdf"), "wb") as f:
        f.write(data[:at] + data[at + k:])


def fmt(v):
    return ("%.4f" % v).rstrip("0").rstrip(".")


qdf_cache = []


def main():
    os.makedirs(OUT, exist_ok=True)
    run("/usr/bin/python3", os.path.join(HERE, "make_reportlab_pdf.py"))
    qdf_cache.append(qdf(J2024))
    for make in [rotate_180, quarter_turn_by_content, mirrored, rotated_book, text_at_angle, odd_boxes, far_off_page,
                 rotate_45, font_without_widths, bit_flip_filter, deleted_one_percent]:
        make()
    for name in sorted(os.listdir(OUT)):
        print("%-60s %7d bytes" % (name, os.path.getsize(out(name))), file=sys.stderr)


if __name__ == "__main__":
    main()
