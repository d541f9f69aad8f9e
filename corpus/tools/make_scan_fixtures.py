#!/usr/bin/python3
"""Builds image-only PDF fixtures that look like office scans from some of the born-digital PDF fixtures.

Run it without arguments (/usr/bin/python3 corpus/tools/make_scan_fixtures.py) after make_pdf_fixtures.py. It
needs

    /usr/bin/python3     with Pillow (Debian package 'python3-pil') and img2pdf (Debian package 'img2pdf');
                         the shebang names the Debian interpreter on purpose, a pyenv python3 has neither
    pdftoppm, pdfinfo, pdffonts, pdftotext, pdfimages   poppler-utils
    tesseract            with the 'nld' data (tesseract-ocr, tesseract-ocr-nld), only for the readability
                         check at the end (--no-ocr skips it)

and writes, from the PDF fixtures (the same pages, nothing added or removed):

    leiden/2018/scan/programmabegroting-2018-p9-scan-300dpi.pdf   leiden/2018/pdf/programmabegroting-2018-p9-chromium.pdf
    leiden/2018/scan/programmabegroting-2018-p9-scan-150dpi.pdf   (10 pages, ruled tables) at 300 and at 150 dpi
    leiden/2024/scan/jaarstukken-2024-p9-scan-300dpi.pdf          leiden/2024/pdf/jaarstukken-2024-p9-libreoffice.pdf
    leiden/2024/scan/jaarstukken-2024-p9-scan-150dpi.pdf          (9 pages, ruled tables) at 300 and at 150 dpi
    leiden/2013/scan/beleidsplan-2013-iedereen-telt-mee-2col-scan-300dpi.pdf
                                                                  the 2013 plan in two columns (34 pages) at 300 dpi

Every page of the source is rasterised by pdftoppm in 8-bit gray and then made to look like a page that went
through an office scanner, in this order:

    skew      rotated about the page centre by 0.20 to 0.70 degrees (size and sign drawn per page), bicubic, the
              corners filled white; the page keeps its pixel size, so nothing moves by more than about 2 mm
    specks    a few small round dark specks (dust), each only where the clean page is white for 4 mm around it
              (the margins, wider gaps between paragraphs, the tall blank part of a wide table cell), so that
              none comes near a letter, a figure or a rule: none can be read as a decimal comma, a point or a
              minus of a figure, and none fits in a figure cell to pass for a lone '-' 
    blur      a faint gaussian blur (the scanner optics)
    tone      150 dpi only: paper white to gray 246, black ink to gray 22
    grain     gaussian sensor noise (the sum of three uniform bytes, scaled to the standard deviation below)
    encoding  300 dpi: threshold to 1 bit (the ragged edges come from the grain before the threshold), CCITT
              Group 4; 150 dpi: 8-bit gray baseline JPEG

The settings per resolution are in SETTINGS. Every random choice comes from a random.Random seeded with a fixed
string that names the output file and the page, so the same page gets the same skew, specks and grain on every
run. The image of each page is placed over the whole page at the page size of the source, so that one image
pixel is 72/dpi points: to within 1e-7 for the Chromium A4 (594.95996 x 841.91998 pt, 2479 x 3508 px at 300 dpi),
to within 0.05 % where the page is not a whole number of pixels (pdftoppm rounds the pixel size up: 1240 px for
the 1239.5 of the Chromium A4 at 150 dpi, 2481 px for the 2480.43 of the LibreOffice A4 at 300 dpi). img2pdf
embeds the G4 and JPEG data as they are (CCITTFaxDecode, DCTDecode) and writes no text, no fonts and no document
/ID; its dates are set to 2000-01-01 (as in the other PDF fixtures). It writes lengths with at most four
decimals, so the source's MediaBox numbers (read from the source file) are then put into every page and its
image matrix as the source writes them, and the cross-reference table is rebuilt. With the same versions of
poppler, Pillow (with its libjpeg-turbo and libtiff) and img2pdf a rebuild is byte-identical.

Before writing anything it checks each PDF: poppler reads it without a word on stderr and qpdf --check finds no
error (when qpdf is installed); every page has the source's MediaBox, digit for digit; pdfinfo gives the page
count of the source; pdfimages lists one image per page with the expected pixel size, encoding and resolution;
pdffonts lists no font and pdftotext gives nothing but whitespace (no text layer at all); the whole set stays
under 15 MB. Nothing is written when a check fails (--force writes anyway). The manifest-style entries of the
scans (with the origin and gold of their source fixture, copied from corpus/manifest.json) are written to
corpus/tools/scan-fixtures.json; corpus/manifest.json is not touched.

At the end it prints a table: file, pages, size, whether the file is new, changed or unchanged against the one
already in the corpus (a rebuild with the same tools says 'unchanged' for every file), and for one page of each
file the number of words tesseract (-l nld --psm 4) reads from the page image as embedded, beside the number of
words pdftotext finds on the same page of the source, and how many of the source page's figures (numbers like
1.234, 6,0 or 93%, and lone '-') occur among the words tesseract read. It is a sanity check of readability, not
a test.

Standard library, Pillow and img2pdf, plus the programs above run with subprocess.
"""

import argparse
import datetime
import hashlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

import img2pdf
import PIL
from PIL import Image, ImageDraw, ImageFilter, ImageMath, TiffImagePlugin, features

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
sys.dont_write_bytecode = True

SEED = "make_scan_fixtures"          # every random.Random is seeded with SEED + ":" + output file name + ":" + page
PDF_DATE = datetime.datetime(2000, 1, 1, 0, 0, 0)
MAX_TOTAL = 15 * 1000 * 1000         # bytes, the whole set

# Per resolution: blur radius (px), grain standard deviation (gray levels), specks per page (range), speck
# diameter (px), speck gray (darkest, lightest), clearance around a speck (mm), and the encoding.
SETTINGS = {
    300: {"blur": 0.6, "grain": 12.0, "specks": (4, 16), "speck_px": (3, 5), "speck_gray": (0, 60),
          "clear_mm": 4, "tone": None, "encoding": "g4", "threshold": 150},
    150: {"blur": 0.7, "grain": 2.5, "specks": (4, 16), "speck_px": (2, 3), "speck_gray": (20, 90),
          "clear_mm": 4, "tone": (22, 246), "encoding": "jpeg", "quality": 70},
}
SKEW = (0.20, 0.70)                  # degrees, both signs

SCANS = [
    {"source": "leiden/2018/pdf/programmabegroting-2018-p9-chromium.pdf", "dpi": 300,
     "path": "leiden/2018/scan/programmabegroting-2018-p9-scan-300dpi.pdf",
     "id": "leiden-2018-programmabegroting-p9-scan-300dpi",
     "title": "Programmabegroting 2018, programma 9 Maatschappelijke Ondersteuning (scan, 300 dpi)", "ocr_page": 9,
     "shaded": True},
    {"source": "leiden/2018/pdf/programmabegroting-2018-p9-chromium.pdf", "dpi": 150,
     "path": "leiden/2018/scan/programmabegroting-2018-p9-scan-150dpi.pdf",
     "id": "leiden-2018-programmabegroting-p9-scan-150dpi",
     "title": "Programmabegroting 2018, programma 9 Maatschappelijke Ondersteuning (scan, 150 dpi)", "ocr_page": 9},
    {"source": "leiden/2024/pdf/jaarstukken-2024-p9-libreoffice.pdf", "dpi": 300,
     "path": "leiden/2024/scan/jaarstukken-2024-p9-scan-300dpi.pdf",
     "id": "leiden-2024-jaarstukken-p9-scan-300dpi",
     "title": "Jaarstukken 2024, programma 9 Maatschappelijke ondersteuning (scan, 300 dpi)", "ocr_page": 7,
     "shaded": True},
    {"source": "leiden/2024/pdf/jaarstukken-2024-p9-libreoffice.pdf", "dpi": 150,
     "path": "leiden/2024/scan/jaarstukken-2024-p9-scan-150dpi.pdf",
     "id": "leiden-2024-jaarstukken-p9-scan-150dpi",
     "title": "Jaarstukken 2024, programma 9 Maatschappelijke ondersteuning (scan, 150 dpi)", "ocr_page": 7},
    {"source": "leiden/2013/pdf/beleidsplan-2013-iedereen-telt-mee-2col-chromium.pdf", "dpi": 300,
     "path": "leiden/2013/scan/beleidsplan-2013-iedereen-telt-mee-2col-scan-300dpi.pdf",
     "id": "leiden-2013-beleidsplan-iedereen-telt-mee-scan-2col-300dpi",
     "title": "Beleidsplan Maatschappelijke Ontwikkeling 2013-2017 'Iedereen telt mee' (scan, twee kolommen, 300 dpi)",
     "ocr_page": 10},
]


# ---------------------------------------------------------------------------------------------------------------
# Tools

def run(cmd, env=None, quiet=None):
    """The output of a program; with quiet (a list), what it says on stderr is added to it."""
    r = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if quiet is not None and r.stderr.strip():
        quiet.append("%s says: %s" % (cmd[0], r.stderr.decode("utf-8", "replace").strip()[:200]))
    return r.stdout


def poppler_version():
    out = subprocess.run(["pdftoppm", "-v"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode()
    return out.strip().splitlines()[0].strip()                   # "pdftoppm version 22.12.0"


def tesseract_version():
    out = subprocess.run(["tesseract", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode()
    return out.strip().splitlines()[0].strip()


def tool_versions():
    return "%s (poppler), Python %s, Pillow %s (libjpeg-turbo %s, libtiff %s), img2pdf %s" % (
        poppler_version(), ".".join(map(str, sys.version_info[:3])), PIL.__version__,
        features.version("libjpeg_turbo") or features.version("jpg"), features.version("libtiff"),
        img2pdf.__version__)


def pdfinfo(pdf, last=None):
    cmd = ["pdfinfo"] + (["-f", "1", "-l", str(last)] if last else []) + [pdf]
    info = {}
    for line in run(cmd).decode("utf-8", "replace").splitlines():
        k, _, v = line.partition(":")
        info[k.strip()] = v.strip()
    return info


def page_sizes(pdf, n):
    """The size of every page in points, as pdfinfo prints it (e.g. '594.96 x 841.92')."""
    info = pdfinfo(pdf, n)
    sizes = []
    for p in range(1, n + 1):
        m = re.match(r"([\d.]+) x ([\d.]+) pts", info["Page %4d size" % p])
        sizes.append((float(m.group(1)), float(m.group(2))))
    return sizes


MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-+\d.\s]+?)\s*\]")


def source_mediabox(pdf, sizes):
    """The MediaBox of the source's pages as the file writes it (e.g. ['0', '0', '594.95996', '841.91998']), so that
    a scan keeps the page size to the last digit. The PDF fixtures write it in plain (uncompressed) page
    dictionaries, the same box for every page; anything else is refused."""
    with open(pdf, "rb") as fh:
        data = fh.read()
    boxes = {tuple(m.group(1).decode("ascii").split()) for m in MEDIABOX.finditer(data)}
    if len(boxes) != 1:
        raise SystemExit("%s: not one MediaBox for all pages: %s" % (pdf, sorted(boxes)))
    box = boxes.pop()
    x0, y0, x1, y1 = (float(v) for v in box)
    if (x0, y0) != (0, 0) or any(abs(x1 - w) > 0.005 or abs(y1 - h) > 0.005 for w, h in sizes):
        raise SystemExit("%s: MediaBox %s is not the page size pdfinfo gives %s" % (pdf, box, sorted(set(sizes))))
    return list(box)


# ---------------------------------------------------------------------------------------------------------------
# One page

def rasterise(pdf, page, dpi, tmp):
    stem = os.path.join(tmp, "raster")
    run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile", pdf, stem])
    with Image.open(stem + ".pgm") as im:
        im.load()
        out = im.copy()
    os.remove(stem + ".pgm")
    return out


def grain(rnd, size, sigma):
    """Gaussian-like noise (the sum of three uniform bytes) as a float image with mean 0 and deviation sigma."""
    n = size[0] * size[1]
    u = [Image.frombytes("L", size, rnd.randbytes(n)) for _ in range(3)]
    sd = (3 * (256 ** 2 - 1) / 12) ** 0.5
    return ImageMath.eval("(float(a) + float(b) + float(c) - 382.5) * k", a=u[0], b=u[1], c=u[2], k=sigma / sd)


def scan_page(gray, dpi, seed):
    """The scan of one rendered page: (image to embed, skew in degrees, specks placed)."""
    s = SETTINGS[dpi]
    rnd = random.Random(seed)
    angle = round(rnd.choice((-1, 1)) * rnd.uniform(*SKEW), 2)
    im = gray.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)

    clean = im.copy()
    draw = ImageDraw.Draw(im)
    clear = round(s["clear_mm"] / 25.4 * dpi)
    want = rnd.randint(*s["specks"])
    placed = 0
    for _ in range(want * 25):
        if placed == want:
            break
        d = rnd.randint(*s["speck_px"])
        x = rnd.randrange(clear, im.width - clear - d)
        y = rnd.randrange(clear, im.height - clear - d)
        g = rnd.randint(*s["speck_gray"])
        if clean.crop((x - clear, y - clear, x + d + clear, y + d + clear)).getextrema()[0] < 250:
            continue                      # ink (a letter, a figure or a rule) nearby
        if d == 1:
            draw.point((x, y), fill=g)
        else:
            draw.ellipse((x, y, x + d - 1, y + d - 1), fill=g)
        placed += 1

    if s["blur"]:
        im = im.filter(ImageFilter.GaussianBlur(s["blur"]))
    if s["tone"]:
        black, white = s["tone"]
        im = im.point(lambda v: round(black + v * (white - black) / 255))
    noise = grain(rnd, im.size, s["grain"])
    im = ImageMath.eval("convert(float(a) + b + 0.5, 'L')", a=im, b=noise)     # + 0.5: convert truncates

    buf = io.BytesIO()
    if s["encoding"] == "g4":
        t = s["threshold"]
        bw = im.point(lambda v: 255 if v >= t else 0).convert("1", dither=Image.NONE)
        # one strip, so that img2pdf copies the G4 data into the PDF as it is (Pillow cuts strips at 64 KB)
        strip_size = TiffImagePlugin.STRIP_SIZE
        TiffImagePlugin.STRIP_SIZE = (bw.width + 7) // 8 * bw.height
        try:
            bw.save(buf, "TIFF", compression="group4", dpi=(dpi, dpi))
        finally:
            TiffImagePlugin.STRIP_SIZE = strip_size
    else:
        im.save(buf, "JPEG", quality=s["quality"], optimize=True, progressive=False, dpi=(dpi, dpi))
    return buf.getvalue(), angle, placed


# ---------------------------------------------------------------------------------------------------------------
# One file

def build_scan(f, tmp):
    src = os.path.join(CORPUS, f["source"])
    n = int(pdfinfo(src)["Pages"])
    sizes = page_sizes(src, n)
    box = source_mediabox(src, sizes)
    dpi = f["dpi"]
    name = os.path.basename(f["path"])
    images, angles, specks, pixels = [], [], [], []
    for p in range(1, n + 1):
        gray = rasterise(src, p, dpi, tmp)
        data, angle, placed = scan_page(gray, dpi, "%s:%s:%d" % (SEED, name, p))
        images.append(data)
        angles.append(angle)
        specks.append(placed)
        pixels.append(gray.size)
        print("  %s page %d: %d x %d px, skew %+.2f, %d specks, %d bytes" % (
            name, p, gray.size[0], gray.size[1], angle, placed, len(data)), flush=True)

    def layout(imgwidthpx, imgheightpx, ndpi):
        w, h = sizes[layout.page]
        layout.page += 1
        return w, h, w, h
    layout.page = 0
    pdf = img2pdf.convert(images, engine=img2pdf.Engine.internal, layout_fun=layout,
                          creationdate=PDF_DATE, moddate=PDF_DATE, producer="img2pdf %s" % img2pdf.__version__)
    pdf = exact_page_boxes(pdf, box)
    f.update(pages=n, sizes=sizes, box=box, pixels=pixels, angles=angles, specks=specks, data=pdf,
             pdf_tmp=os.path.join(tmp, name), images=images)
    with open(f["pdf_tmp"], "wb") as fh:
        fh.write(pdf)


def exact_page_boxes(pdf, box):
    """img2pdf writes a length with at most four decimals (594.96 for the 594.95996 of a Chromium A4). This writes the
    source's MediaBox numbers as they are into every page and into the image matrix of its content stream, and
    rebuilds the cross-reference table. It relies on the layout of img2pdf's own writer (engine 'internal'): the
    objects one after the other in number order, then a plain xref table and the trailer; the image objects are
    copied untouched."""
    start = pdf.rindex(b"\nxref\n") + 1
    m = re.match(rb"xref\n0 (\d+)\n", pdf[start:])
    n = int(m.group(1))
    table = pdf[start + m.end():start + m.end() + 20 * n]
    offsets = [int(table[20 * i:20 * i + 10]) for i in range(1, n)]
    if offsets != sorted(offsets):
        raise SystemExit("img2pdf output: objects not in order")
    trailer = pdf[start + m.end() + 20 * n:]
    objs = [pdf[a:b] for a, b in zip(offsets, offsets[1:] + [start])]
    for i, o in enumerate(objs, 1):
        if not o.startswith(b"%d 0 obj\n" % i):
            raise SystemExit("img2pdf output: object %d not where the xref table says" % i)
    w, h = box[2].encode(), box[3].encode()
    contents = set()
    for i, o in enumerate(objs):
        if re.search(rb"\n    /Type /Page\n", o):
            o, k = re.subn(rb"/MediaBox \[ [^\]]* \]", b"/MediaBox [ " + " ".join(box).encode() + b" ]", o)
            c = re.search(rb"/Contents (\d+) 0 R", o)
            if k != 1 or not c:
                raise SystemExit("img2pdf output: page object %d without one MediaBox and its contents" % (i + 1))
            contents.add(int(c.group(1)))
            objs[i] = o
    for c in contents:
        body = b"q\n%s 0 0 %s 0 0 cm\n/Im0 Do\nQ" % (w, h)
        o, k = re.subn(rb"<<\n    /Length \d+\n>>\nstream\nq\n[\d.]+ 0 0 [\d.]+ [\d.]+ [\d.]+ cm\n/Im0 Do\nQ\nendstream\n",
                       b"<<\n    /Length %d\n>>\nstream\n%s\nendstream\n" % (len(body), body), objs[c - 1])
        if k != 1:
            raise SystemExit("img2pdf output: content stream %d not as expected" % c)
        objs[c - 1] = o
    out = bytearray(pdf[:offsets[0]])
    xref = [b"0000000000 65535 f \n"]
    for o in objs:
        xref.append(b"%010d 00000 n \n" % len(out))
        out += o
    xref_at = len(out)
    out += b"xref\n0 %d\n" % n + b"".join(xref)
    out += re.sub(rb"startxref\n\d+\n", b"startxref\n%d\n" % xref_at, trailer)
    return bytes(out)


def verify(f):
    pdf = f["pdf_tmp"]
    errors = []
    run(["pdfinfo", pdf], quiet=errors)            # poppler says nothing about a well-formed file
    if shutil.which("qpdf"):
        q = subprocess.run(["qpdf", "--check", pdf], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if q.returncode != 0 or b"No syntax or stream encoding errors" not in q.stdout:
            errors.append("qpdf --check: %s" % q.stdout.decode("utf-8", "replace").strip()[-300:])
    with open(pdf, "rb") as fh:
        boxes = [m.group(1).decode("ascii").split() for m in MEDIABOX.finditer(fh.read())]
    if boxes != [f["box"]] * f["pages"]:
        errors.append("page boxes %s, not the source's %s on each page" % (boxes[:3], f["box"]))
    n = int(pdfinfo(pdf)["Pages"])
    if n != f["pages"]:
        errors.append("%d pages, the source has %d" % (n, f["pages"]))
    for p, (got, want) in enumerate(zip(page_sizes(pdf, n), f["sizes"]), 1):
        if abs(got[0] - want[0]) > 0.005 or abs(got[1] - want[1]) > 0.005:
            errors.append("page %d is %s x %s pt, the source page %s x %s pt" % (p, got[0], got[1], want[0], want[1]))
    rows = [l.split() for l in run(["pdfimages", "-list", pdf], quiet=errors).decode().splitlines()[2:]]
    enc = "ccitt" if SETTINGS[f["dpi"]]["encoding"] == "g4" else "jpeg"
    bpc = "1" if enc == "ccitt" else "8"
    if [int(r[0]) for r in rows] != list(range(1, n + 1)):
        errors.append("not one image per page: pages %s" % [r[0] for r in rows])
    for r, (w, h) in zip(rows, f["pixels"]):
        page, width, height, color, b, e, xppi, yppi = r[0], int(r[3]), int(r[4]), r[5], r[7], r[8], int(r[12]), int(r[13])
        if (width, height) != (w, h) or color != "gray" or b != bpc or e != enc:
            errors.append("page %s: image %dx%d %s %s bpc %s, expected %dx%d gray %s bpc %s" % (
                page, width, height, color, e, b, w, h, enc, bpc))
        if abs(xppi - f["dpi"]) > 1 or abs(yppi - f["dpi"]) > 1:
            errors.append("page %s: image at %d x %d ppi" % (page, xppi, yppi))
    fonts = run(["pdffonts", pdf], quiet=errors).decode().splitlines()[2:]
    if fonts:
        errors.append("pdffonts lists %d fonts" % len(fonts))
    text = run(["pdftotext", pdf, "-"], quiet=errors).decode("utf-8", "replace")
    if text.strip():
        errors.append("pdftotext finds text: %r" % text.strip()[:80])
    f["errors"] = errors
    return not errors


# ---------------------------------------------------------------------------------------------------------------
# Entries

def source_entries():
    entries = {}
    for rel in ("manifest.json", "tools/pdf-fixtures.json"):
        with open(os.path.join(CORPUS, rel), "rb") as fh:
            for d in json.load(fh)["documents"]:
                entries.setdefault(d["path"], d)
    return entries


def fmt_num(x, places=3):
    return ("%.*f" % (places, x)).rstrip("0").rstrip(".")


def fmt_size(w, h):
    return "%s x %s pt" % (fmt_num(w), fmt_num(h))


def pixel_pitch(box, pixels):
    """The size of one image pixel on the page: page size over image size, across x down."""
    w, h = float(box[2]) - float(box[0]), float(box[3]) - float(box[1])
    return " or ".join(sorted({"%s x %s" % (fmt_num(w / pw, 5), fmt_num(h / ph, 5)) for pw, ph in pixels}))


def entry(f, src, versions):
    s = SETTINGS[f["dpi"]]
    pixels = sorted(set(f["pixels"]))
    parts = [
        "made by corpus/tools/make_scan_fixtures.py from the PDF fixture %s (%s), an image-only PDF that looks like "
        "an office scan of it" % (f["source"], src["id"]),
        "%d pages, each rasterised by pdftoppm at %d dpi in 8-bit gray, anti-aliased (%s px)" % (
            f["pages"], f["dpi"], ", ".join("%d x %d" % p for p in pixels)),
        "skew per page in degrees (positive counter-clockwise, about the page centre, bicubic, white corners): " +
        ", ".join("%d %+.2f" % (p, a) for p, a in enumerate(f["angles"], 1)),
        "round dark specks %d to %d px across (gray %d to %d) placed only where the page is white for %s mm "
        "around, per page: %s" % (s["speck_px"] + s["speck_gray"] + (s["clear_mm"], ", ".join(map(str, f["specks"])))),
        "gaussian blur radius %s px" % fmt_num(s["blur"], 2),
    ]
    if s["tone"]:
        parts.append("paper white to gray %d and black to gray %d" % (s["tone"][1], s["tone"][0]))
    parts.append("gaussian grain, standard deviation %s gray levels" % fmt_num(s["grain"], 1))
    if s["encoding"] == "g4":
        parts.append("threshold at gray %d to 1 bit per pixel, CCITT Group 4 (Pillow with libtiff), embedded without "
                     "re-encoding (CCITTFaxDecode)%s" % (s["threshold"], "; the light gray shading of the table header "
                     "rows drops out at the threshold, as on a bilevel scanner" if f.get("shaded") else ""))
    else:
        parts.append("8-bit gray baseline JPEG, quality %d (Pillow with libjpeg-turbo), embedded as is (DCTDecode)"
                     % s["quality"])
    parts += [
        "one image per page over the whole page; page size as the source (MediaBox [%s] as the source writes it, "
        "%s), so that one pixel is %s pt (72/%d = %s)" % (
            " ".join(f["box"]), fmt_size(float(f["box"][2]), float(f["box"][3])), pixel_pitch(f["box"], pixels),
            f["dpi"], fmt_num(72 / f["dpi"], 5)),
        "no text layer (no fonts, pdftotext finds only whitespace)",
        "seeded with '%s:%s:<page>'" % (SEED, os.path.basename(f["path"])),
        "tools: %s" % versions,
        "metadata: CreationDate/ModDate 2000-01-01, no /ID, so that a rebuild with the same tool versions is "
        "byte-identical",
    ]
    return {"id": f["id"], "municipality": src["municipality"], "kind": src["kind"], "year": src["year"],
            "programme": src["programme"], "format": "pdf", "path": f["path"], "origin": src["origin"],
            "sha256": hashlib.sha256(f["data"]).hexdigest(), "title": f["title"], "notes": "; ".join(parts) + ".",
            "gold": src["gold"]}


# ---------------------------------------------------------------------------------------------------------------
# Readability check

FIGURE = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?%?$|^-$")


def words(text):
    """The words of a text, brackets, quotes, asterisks, bars (a cell rule read along with a figure) and a sentence's
    closing point or comma stripped."""
    out = []
    for w in text.split():
        w = w.strip("()[]{}|;:*\u2018\u2019'\"")
        out.append(w if w == "-" else w.rstrip(".,"))
    return out


def figures(text):
    return [w for w in words(text) if FIGURE.match(w)]


def ocr_check(f, tmp):
    p = f["ocr_page"]
    png = os.path.join(tmp, "ocr.png")
    with Image.open(io.BytesIO(f["images"][p - 1])) as im:
        im.convert("L").save(png, dpi=(f["dpi"], f["dpi"]))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    ocr = run(["tesseract", png, "-", "-l", "nld", "--psm", "4"], env=env).decode("utf-8", "replace")
    ref = run(["pdftotext", "-f", str(p), "-l", str(p), os.path.join(CORPUS, f["source"]), "-"]).decode("utf-8")
    got = words(ocr)
    pool = {}
    for w in got:
        pool[w] = pool.get(w, 0) + 1
    want = figures(ref)
    found = 0
    for w in want:
        if pool.get(w, 0):
            pool[w] -= 1
            found += 1
    return {"page": p, "ocr_words": len(ocr.split()), "ref_words": len(ref.split()), "figures": len(want),
            "figures_found": found}


# ---------------------------------------------------------------------------------------------------------------

def build(args):
    versions = tool_versions()
    sources = source_entries()
    tmp = tempfile.mkdtemp(prefix="scan-fixtures-")
    scans = [dict(f) for f in SCANS if not args.only or f["id"] in args.only]
    for f in scans:
        print("%s from %s at %d dpi" % (f["path"], f["source"], f["dpi"]), flush=True)
        build_scan(f, tmp)
        verify(f)
    total = sum(len(f["data"]) for f in scans)
    failed = [f for f in scans if f["errors"]]
    for f in failed:
        for e in f["errors"]:
            print("ERROR %s: %s" % (f["path"], e))
    if total > MAX_TOTAL:
        print("ERROR the set is %d bytes, more than %d" % (total, MAX_TOTAL))
        failed.append(None)
    if failed and not args.force:
        print("\nchecks failed; nothing written (use --force to write anyway)")
        shutil.rmtree(tmp, ignore_errors=True)
        return 1

    entries = []
    for f in scans:
        dest = os.path.join(CORPUS, f["path"])
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        old = None
        if os.path.exists(dest):
            with open(dest, "rb") as fh:
                old = fh.read()
        f["state"] = "new" if old is None else ("unchanged" if old == f["data"] else "changed")
        with open(dest, "wb") as fh:
            fh.write(f["data"])
        src = sources.get(f["source"])
        if src is None:
            raise SystemExit("no manifest entry for the source %s" % f["source"])
        entries.append(entry(f, src, versions))
    if not args.only:
        with open(os.path.join(HERE, "scan-fixtures.json"), "wb") as fh:
            fh.write((json.dumps({"documents": entries}, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        print("\nwrote %d entries to corpus/tools/scan-fixtures.json" % len(entries))

    print("\n%-72s %5s %8s %9s  %s" % ("file", "pages", "KB", "state", "tesseract -l nld --psm 4 (one page)"))
    for f in scans:
        ocr = "" if args.no_ocr else ocr_check(f, tmp)
        cell = "" if not ocr else "page %d: %d words (source page %d); figures %d of %d" % (
            ocr["page"], ocr["ocr_words"], ocr["ref_words"], ocr["figures_found"], ocr["figures"])
        print("%-72s %5d %8.0f %9s  %s" % (f["path"], f["pages"], len(f["data"]) / 1024, f["state"], cell), flush=True)
    print("%-72s %5d %8.0f" % ("total", sum(f["pages"] for f in scans), total / 1024))
    if not args.no_ocr:
        print("(%s)" % tesseract_version())
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--force", action="store_true", help="write the fixtures even when a check fails")
    ap.add_argument("--no-ocr", action="store_true", help="skip the tesseract readability check at the end")
    ap.add_argument("--only", metavar="ID", action="append",
                    help="build only this scan (repeatable; scan-fixtures.json is then left as it is)")
    args = ap.parse_args()
    return build(args)


if __name__ == "__main__":
    sys.exit(main())
