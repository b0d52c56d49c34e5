"""Prints what PyMuPDF finds of the links on page 1 of a PDF, as JSON: for each link, the
text under it, the page (from 1) it goes to, its /Contents, and whether the structure tree
holds it: a /Link element with an /OBJR to the annotation, which the parent tree names for
the annotation's /StructParent."""
import json
import re
import sys

import pymupdf

doc = pymupdf.open(sys.argv[1])
page = doc[0]

# Every structure element of the Link type, and the annotations it holds.
link_elements = {}
for xref in range(1, doc.xref_length()):
    obj = doc.xref_object(xref, compressed=True)
    if re.match(r"<</S/Link\b", obj) or "/S/Link/" in obj[:12]:
        link_elements[xref] = [int(n) for n in re.findall(r"/Type/OBJR/Obj (\d+) 0 R", obj)]

root = doc.pdf_catalog()
tree_root = int(doc.xref_get_key(root, "StructTreeRoot")[1].split()[0])
parent_tree = int(doc.xref_get_key(tree_root, "ParentTree")[1].split()[0])
nums = doc.xref_get_key(parent_tree, "Nums")[1]

links = []
for link in page.get_links():
    xref = link["xref"]
    kind, contents = doc.xref_get_key(xref, "Contents")
    kind_sp, key = doc.xref_get_key(xref, "StructParent")
    holders = [e for e, objs in link_elements.items() if xref in objs]
    named = None
    if kind_sp == "int":
        m = re.search(r"(?:^|[\[ \]])%s (\d+) 0 R" % key, nums)
        named = int(m.group(1)) if m else None
    links.append({
        "text": page.get_textbox(link["from"]),
        "to": link["page"] + 1 if link.get("kind") == pymupdf.LINK_GOTO else None,
        "contents": contents if kind == "string" else None,
        "in_link_element": len(holders) == 1,
        "parent_tree_names_it": len(holders) == 1 and named == holders[0],
    })
print(json.dumps({"links": links, "page_1_text": page.get_text()}))
