// Prints the link annotations pdf.js (Firefox's PDF viewer) finds on page 1 of a PDF, as JSON:
// for each, the page (from 1) the viewer goes to when it is followed, its description and its
// rectangle.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
const page = await pdf.getPage(1);
const links = [];
for (const a of await page.getAnnotations()) {
  if (a.subtype !== "Link") continue;
  // A named destination is looked up first; an explicit one starts with its page's reference.
  const dest = typeof a.dest === "string" ? await pdf.getDestination(a.dest) : a.dest;
  const to = Array.isArray(dest) ? (await pdf.getPageIndex(dest[0])) + 1 : null;
  links.push({ to, contents: a.contentsObj ? a.contentsObj.str : null, rect: a.rect });
}
process.stdout.write(JSON.stringify(links));
