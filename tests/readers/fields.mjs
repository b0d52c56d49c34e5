// Prints the form fields pdf.js (Firefox's PDF viewer) finds on every page of a PDF, as JSON:
// for each, its page (from 1), type, name, tooltip (what a screen reader announces), value,
// and whether the viewer lets it be typed into.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
const fields = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  for (const a of await page.getAnnotations()) {
    if (a.subtype !== "Widget") continue;
    fields.push({
      page: n,
      type: a.fieldType,
      name: a.fieldName,
      label: a.alternativeText,
      value: a.fieldValue,
      editable: !a.readOnly && !a.hidden,
      rect: a.rect,
    });
  }
}
process.stdout.write(JSON.stringify(fields));
