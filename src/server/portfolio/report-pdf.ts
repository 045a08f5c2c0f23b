// pdfmake on the server, with the PDF standard fonts only: nothing to ship, nothing read from disk
// or the network. The access policies refuse every file and URL except the standard font names
// pdfmake passes through the same check, so a definition can never pull a resource in.
import * as pdfmakeModule from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

type PdfMake = typeof import("pdfmake");

const STANDARD = {
  Helvetica: {
    normal: "Helvetica",
    bold: "Helvetica-Bold",
    italics: "Helvetica-Oblique",
    bolditalics: "Helvetica-BoldOblique",
  },
  Courier: { normal: "Courier", bold: "Courier-Bold", italics: "Courier-Oblique", bolditalics: "Courier-BoldOblique" },
};
const FONT_NAMES = new Set(Object.values(STANDARD).flatMap((f) => Object.values(f)));

let engine: PdfMake | null = null;

function pdfmake(): PdfMake {
  if (engine) return engine;
  // pdfmake's Node entry is CommonJS exporting one instance (module.exports = new pdfmake()): an
  // ES import sees it as the default export, a bundler's interop may hand it over directly.
  const pm = ((pdfmakeModule as unknown as { default?: PdfMake }).default ?? pdfmakeModule) as PdfMake;
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => FONT_NAMES.has(path));
  engine = pm;
  return pm;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const pm = pdfmake();
  // The printer rewrites the font table it is given, so each document gets a fresh copy.
  pm.setFonts(structuredClone(STANDARD));
  return (await pm.createPdf(doc).getBuffer()) as Buffer;
}
