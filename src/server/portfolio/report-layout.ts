// Building blocks of the decision report's pdfmake document: headings, tables, key-value lists.
import type { Content, TableCell } from "pdfmake/interfaces";

export const h2 = (text: string): Content => ({ text, style: "h2" });
export const h3 = (text: string): Content => ({ text, style: "h3" });

/**
 * A heading with the block it introduces, kept on one page so no heading ends a page alone; a
 * block of more than `rows` table rows may break (its header row repeats on the next page).
 */
export const keep = (rows: number, ...content: Content[]): Content => ({ stack: content, unbreakable: rows <= 25 });
export const para = (text: string, style?: string): Content => ({ text, ...(style ? { style } : {}) });
export const note = (text: string): Content => ({ text, style: "note" });

type Cell = string | number | { text: string; bold?: boolean; color?: string; colSpan?: number };

/** A compact table with a repeated header row. */
export function table(headers: string[], rows: Cell[][], widths?: (number | string)[]): Content {
  const cell = (c: Cell): TableCell => (typeof c === "object" ? c : { text: String(c) });
  return {
    style: "table",
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: widths ?? headers.map(() => "auto"),
      body: [headers.map((h) => ({ text: h, style: "th" })), ...rows.map((r) => r.map(cell))],
    },
    layout: "lightHorizontalLines",
  };
}

/** Label: value lines, as on the title block. */
export function keyValues(rows: [string, string][]): Content {
  return {
    style: "table",
    table: {
      widths: [110, "*"],
      body: rows.map(([k, v]) => [
        { text: k, bold: true },
        { text: v, noWrap: false },
      ]),
    },
    layout: "noBorders",
  };
}

/** A chart with its title, kept on one page. */
export function figure(title: string, svg: string, caption?: string): Content {
  return {
    unbreakable: true,
    stack: [h3(title), { svg, width: 515, font: "Helvetica" } as Content, ...(caption ? [note(caption)] : [])],
    margin: [0, 4, 0, 8],
  };
}
