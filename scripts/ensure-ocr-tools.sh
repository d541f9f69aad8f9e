#!/bin/sh
# Installs the Debian packages that reading scans needs when they are missing; silent when all are there.
# Run by the build of src/Begroting.Readers.Ocr, so that the README's two commands work on a fresh machine.
need=""
command -v tesseract >/dev/null 2>&1 || need="$need tesseract-ocr"
tesseract --list-langs 2>/dev/null | grep -qx nld || need="$need tesseract-ocr-nld"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
[ -z "$need" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  run=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run="sudo -n"
else
  echo "begroting: reading scans needs the Debian packages$need; install them (apt-get install$need)" >&2
  exit 0
fi

echo "begroting: installing$need for OCR" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$run apt-get install -y --no-install-recommends $need >/dev/null 2>&1 \
  || { $run apt-get update >/dev/null 2>&1 && $run apt-get install -y --no-install-recommends $need >/dev/null 2>&1; } \
  || echo "begroting: could not install$need; scans will not be read" >&2
exit 0
