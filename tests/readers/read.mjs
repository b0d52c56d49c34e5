// Prints the text pdf.js (Firefox's PDF viewer) gives for each page of a PDF, as JSON:
// the strings of getTextContent joined as the viewer joins them for find and copy, a line
// end where pdf.js marks one.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  let text = "";
  for (const item of content.items) {
    text += item.str;
    if (item.hasEOL) text += "\n";
  }
  pages.push(text);
}
process.stdout.write(JSON.stringify(pages));
