#!/bin/sh
# The long run: many more variations than the committed set, generated into a temporary folder and read by the
# same comparison (VariationTests, via BEGROTING_VARIATIONS), which prints the F1 per form and producer.
# Usage: scripts/variations.sh [count] [seed]     (default 3000 variations, seed 2; the committed set is seed 1)
# Needs what the generator needs (Debian's /usr/bin/python3 with ReportLab, chromium, soffice, poppler) and the
# foreign corpus's gold in ../shared/foreign/gold. Keeps the folder when KEEP=1; the actual facts of every
# variation that is not exact are in $TMPDIR/begroting-variations-actual/<folder name>/, with summary.txt.
set -eu
count="${1:-3000}"
seed="${2:-2}"
dir=$(mktemp -d "${TMPDIR:-/tmp}/begroting-variations-XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT
# A variation the generator cannot make show every gold value is not written and is listed (exit 1): go on.
/usr/bin/python3 corpus/tools/make_variations.py --seed "$seed" --variations "$count" --out "$dir" || true
BEGROTING_VARIATIONS="$dir" dotnet test tests/Begroting.Corpus.Tests -c Release \
  --filter "FullyQualifiedName~VariationTests.Every_variation" --logger "console;verbosity=detailed"
