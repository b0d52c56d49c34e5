"""Prints, as JSON, the text of a PDF as three Python readers give it: PyMuPDF (MuPDF's
library API), pdfminer.six and pypdf; and, for each word given after the PDF's path, how
many times PyMuPDF's search_for finds it; and how many filled paths with curves the pages
draw (glyphs drawn as shapes rather than as text are such paths)."""

import json
import sys

import pymupdf
from pdfminer.high_level import extract_text
from pypdf import PdfReader

path, words = sys.argv[1], sys.argv[2:]
doc = pymupdf.open(path)
found = {w: sum(len(page.search_for(w)) for page in doc) for w in words}
shapes = sum(
    1
    for page in doc
    for drawing in page.get_drawings()
    if drawing.get("fill") is not None and any(item[0] == "c" for item in drawing["items"])
)
print(
    json.dumps(
        {
            "text": {
                "PyMuPDF": "\n".join(page.get_text() for page in doc),
                "pdfminer": extract_text(path),
                "pypdf": "\n".join(p.extract_text() or "" for p in PdfReader(path).pages),
            },
            "found": found,
            "shapes": shapes,
        }
    )
)
