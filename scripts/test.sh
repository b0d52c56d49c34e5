#!/usr/bin/env bash
# Runs the tests. They read the sheets back with independent PDF readers (poppler, qpdf,
# MuPDF, Ghostscript; PyMuPDF, pdfminer.six, pypdf and pdf.js), render Chinese, Arabic,
# Hebrew, Devanagari, Bengali and Thai with system fonts, and compare shaping with
# HarfBuzz's hb-shape: missing system packages are installed first with apt-get (as root,
# or through sudo), the Python readers with pip and pdf.js with npm.
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
# Noto fonts for Arabic, Hebrew, Devanagari, Bengali and Thai, and HarfBuzz's hb-shape, the
# reference their shaping is compared with.
[ -e /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf ] || missing+=(fonts-noto-core)
command -v hb-shape >/dev/null 2>&1 || missing+=(libharfbuzz-bin)
# `visitprep serve` is tested in headless Chromium, driven by Playwright on Node.js
# (tests/serve.rs, tests/web/).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "please install: ${missing[*]} (poppler-utils, qpdf, mupdf-tools, ghostscript, CJK and Noto fonts, hb-shape, GNU time, chromium, nodejs, npm)" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# playwright-core and axe-core, exactly as tests/web/package-lock.json pins them.
(cd tests/web && npm ci --no-audit --no-fund --loglevel=error)
# The PDF readers tests/readers.rs reads right-to-left text back with: PyMuPDF, pdfminer.six and
# pypdf from the Python package registry, pdf.js (Firefox's reader) from npm, at the versions
# the test was measured with.
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
  pymupdf==2.0 pdfminer.six==20260107 pypdf==7.1.1
npm ci --prefix tests/readers --silent --no-audit --no-fund

cargo test --locked "$@"

# The guides name sections of their source article; their list is kept in tests/fixtures/.
# Where the article itself is at hand (beside the project, as in CI), check that list against it.
if [ -f ../shared/seeds/nocturnal-leg-cramps.txt ]; then
  cargo test --locked --test guide_sources -- --ignored
fi
