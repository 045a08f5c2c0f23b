import Papa from "papaparse";

export type CsvRow = { line: number; data: Record<string, string> };

/**
 * A whole CSV text -> header and rows keyed by header cell, each row with the line it starts
 * on (the header is line 1; blank lines are skipped but counted; quoted line breaks are kept
 * inside their cell). Used by the CLI; the browser has the same logic for File objects.
 */
export function parseCsvText(input: string): { header: string[]; rows: CsvRow[] } {
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let header: string[] | null = null;
  const rows: CsvRow[] = [];
  let prevCursor = 0;
  let counted = 0;
  let newlines = 0;
  const lineAt = (offset: number) => {
    for (let i = counted; i < offset; i++) if (text.charCodeAt(i) === 10) newlines++;
    counted = Math.max(counted, offset);
    return newlines + 1;
  };
  Papa.parse<string[]>(text, {
    step: (res) => {
      let start = prevCursor;
      while (start < text.length && text[start] === "\n") start++;
      prevCursor = res.meta.cursor;
      const cells = res.data.map((c) => (c == null ? "" : String(c)));
      if (cells.every((c) => c.trim() === "")) return;
      if (!header) {
        header = cells.map((c) => c.trim());
        return;
      }
      const data: Record<string, string> = {};
      header.forEach((h, i) => {
        if (h) data[h] = cells[i] ?? "";
      });
      rows.push({ line: lineAt(start), data });
    },
  });
  return { header: header ?? [], rows };
}
