#!/bin/sh
# Installs qpdf (Debian) when it is missing; silent when it is there. Run by the build of tests/Begroting.Fuzz.Tests:
# the PDF mutators rotate pages and rewrite PDFs in QDF form with it.
command -v qpdf >/dev/null 2>&1 && command -v fix-qdf >/dev/null 2>&1 && exit 0

if [ "$(id -u)" = 0 ]; then
  run=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run="sudo -n"
else
  echo "begroting: the fuzz tests need the Debian package qpdf; install it (apt-get install qpdf)" >&2
  exit 0
fi

echo "begroting: installing qpdf for the fuzz tests" >&2
export DEBIAN_FRONTEND=noninteractive
$run apt-get install -y --no-install-recommends qpdf >/dev/null 2>&1 \
  || { $run apt-get update >/dev/null 2>&1 && $run apt-get install -y --no-install-recommends qpdf >/dev/null 2>&1; } \
  || echo "begroting: could not install qpdf; the PDF mutators will fail" >&2
exit 0
