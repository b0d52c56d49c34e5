"""Prints the form fields PyMuPDF finds in a PDF, as JSON: for each, its page (from 1),
type, name, tooltip, rectangle (x0, y0, x1, y1 from the page's top-left), the page's words
above it in reading order, and the words of the page that stand inside it.

With a second argument, types "Typed <n>" into field n (from 1, in the order listed) of every
field, as a person filling the sheet on a screen would, and saves the file there."""
import json
import sys

import pymupdf

doc = pymupdf.open(sys.argv[1])
fields = []
for page in doc:
    words = page.get_text("words")
    for w in page.widgets():
        r = w.rect
        inside = [x[4] for x in words if pymupdf.Rect(x[:4]).intersects(r)]
        above = [x[4] for x in words if x[3] <= r.y0 + 0.5]
        fields.append({
            "page": page.number + 1,
            "type": w.field_type_string,
            "name": w.field_name,
            "label": w.field_label,
            "rect": [r.x0, r.y0, r.x1, r.y1],
            "text_above": " ".join(above),
            "words_inside": inside,
        })
if len(sys.argv) > 2:
    n = 0
    for page in doc:
        for w in page.widgets():
            n += 1
            w.field_value = "Typed %d" % n
            w.update()
    doc.save(sys.argv[2])
print(json.dumps(fields))
