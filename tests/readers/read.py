"""Prints, as JSON, the text of a PDF as three Python readers give it: PyMuPDF (MuPDF's
library API), pdfminer.six and pypdf; and, for each word given after the PDF's path, how
many times PyMuPDF's search_for finds it; and how many filled paths other than rectangles the
pages draw (glyphs drawn as shapes rather than as text are such paths); and the text in pieces,
each with the language (`/Lang`) of the marked content it is in, as pdfminer reads it."""

import html
import io
import json
import re
import sys

import pymupdf
from pdfminer.high_level import extract_text, extract_text_to_fp
from pypdf import PdfReader

path, words = sys.argv[1], sys.argv[2:]
doc = pymupdf.open(path)
found = {w: sum(len(page.search_for(w)) for page in doc) for w in words}
shapes = sum(
    1
    for page in doc
    for drawing in page.get_drawings()
    if drawing.get("fill") is not None and any(item[0] != "re" for item in drawing["items"])
)


def languages(path):
    """[language or None, text] for each piece of text between marked-content tags."""
    out = io.BytesIO()
    with open(path, "rb") as f:
        extract_text_to_fp(f, out, output_type="tag")
    pieces, stack = [], []
    for tag, text in re.findall(r"(<[^>]*>)|([^<]+)", out.getvalue().decode()):
        if tag.startswith("</"):
            if stack:
                stack.pop()
        elif tag.endswith("/>"):
            continue
        elif tag:
            lang = re.search(r'\bLang="([^"]*)"', tag)
            stack.append(lang.group(1) if lang else None)
        else:
            langs = [l for l in stack if l is not None]
            pieces.append([langs[-1] if langs else None, html.unescape(text)])
    return pieces


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
            "languages": languages(path),
        }
    )
)
