#!/bin/sh
# A fuzz campaign longer than CI's smoke run: scripts/fuzz.sh --minutes 30 [--seed N] [--budget SECONDS] [--out DIR] [--formats Text,Html,Site,Pdf] [--no-shrink]
# Runs the fuzz test with FUZZ_* set, writes each new fault class (shrunk, and for text and markup minimised) to
# DIR/<class>/ and prints the summary: cases, outcomes, crashes and hangs per class.
set -eu
cd "$(dirname "$0")/.."
minutes=30 seed=$(date +%s) budget=30 out=out/fuzz shrink=1 formats=
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --budget) budget=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --no-shrink) shrink=0; shift ;;
    *) echo "usage: scripts/fuzz.sh [--minutes M] [--seed N] [--budget SECONDS] [--out DIR] [--formats Text,Html,Site,Pdf] [--no-shrink]" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
export FUZZ_MINUTES="$minutes" FUZZ_SEED="$seed" FUZZ_BUDGET_SECONDS="$budget" FUZZ_OUT="$out" FUZZ_SHRINK="$shrink" FUZZ_FORMATS="$formats"
echo "fuzz: $minutes min from seed $seed, faults to $out"
status=0
dotnet test tests/Begroting.Fuzz.Tests -c Release --filter "FullyQualifiedName~FuzzTests" --logger "console;verbosity=minimal" >"$out/test.log" 2>&1 || status=$?
cat "$out/summary.txt" 2>/dev/null || { cat "$out/test.log"; exit 2; }
exit $status
