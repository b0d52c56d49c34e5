#!/usr/bin/env bash
# Runs the tests. They read the sheets back with independent PDF readers (poppler, qpdf,
# MuPDF, Ghostscript) and render Chinese with a system CJK font: missing ones are installed
# first with apt-get (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pair in pdftotext:poppler-utils qpdf:qpdf mutool:mupdf-tools gs:ghostscript; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
# GNU time measures the memory a refusal of endless input takes (tests/hostile.rs).
[ -x /usr/bin/time ] || missing+=(time)
# A font with CFF (PostScript) outlines, embedded differently from TrueType ones.
[ -e /usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf ] || missing+=(fonts-urw-base35)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "please install: ${missing[*]} (poppler-utils, qpdf, mupdf-tools, ghostscript, a CJK font, GNU time)" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo test --locked "$@"

# The guides name sections of their source article; their list is kept in tests/fixtures/.
# Where the article itself is at hand (beside the project, as in CI), check that list against it.
if [ -f ../shared/seeds/nocturnal-leg-cramps.txt ]; then
  cargo test --locked --test guide_sources -- --ignored
fi
