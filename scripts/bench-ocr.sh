#!/bin/sh
# OCR throughput on one scanned PDF: the whole pipeline with an empty cache (cold) and again (warm), against
# bare pdftoppm + tesseract on the same pages, as many at once as there are cores, in the same script.
# Usage: scripts/bench-ocr.sh [scan.pdf]   (builds Release first; prints pages per second and the ratio)
set -eu
pdf="${1:-corpus/leiden/2018/scan/programmabegroting-2018-p9-scan-300dpi.pdf}"
cores=$(nproc)
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
dotnet build src/Begroting.Cli -c Release -v q -nologo >/dev/null
cli=src/Begroting.Cli/bin/Release/net10.0/begroting
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
t0=$(now)
seq 1 "$pages" | xargs -P "$cores" -I{} sh -c "pdftoppm -r 300 -gray -f {} -l {} -singlefile '$pdf' '$work/p{}' && OMP_THREAD_LIMIT=1 tesseract '$work/p{}.pgm' '$work/p{}' -l nld --psm 4 hocr >/dev/null 2>&1"
t1=$(now)
"$cli" extract "$pdf" --out "$work/out" --ocr-cache "$work/cache" >/dev/null
t2=$(now)
"$cli" extract "$pdf" --out "$work/out" --ocr-cache "$work/cache" >/dev/null
t3=$(now)
awk -v p="$pages" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" 'BEGIN {
  b = t1 - t0; c = t2 - t1; w = t3 - t2
  printf "pages %d\nbare pdftoppm+tesseract  %6.1f s  %5.2f pages/s\n", p, b, p / b
  printf "pipeline, cold cache     %6.1f s  %5.2f pages/s  (%.2fx of bare)\n", c, p / c, b / c
  printf "pipeline, warm cache     %6.1f s  %5.2f pages/s\n", w, p / w
}'
