// Test helper: the text of a PDF, read back with pdf.js (its Node build), page by page. Used by
// the decision report's tests to check what a reader of the file sees, not what we meant to write.
import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const fonts = `${path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"))}/standard_fonts/`;

export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: fonts, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : ""))
        .join("")
        .replace(/[ \t]+/g, " "),
    );
  }
  await doc.destroy();
  return pages;
}

/** The whole text on one line per text line, spaces collapsed. */
export const pdfText = async (pdf: Uint8Array) => (await pdfPages(pdf)).join("\n");
