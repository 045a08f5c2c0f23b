import Papa from "papaparse";

// The one CSV parser of the import, for the browser (the import page reads the File's text
// and sends rows in chunks) and the server (the CLI reads the file). Pure: no DOM, no Node
// APIs, so both bundles can import it and both see the same rows, lines and header.

export type CsvRow = { line: number; data: Record<string, string> };
export type ParsedCsv = { header: string[]; rows: CsvRow[]; problems: string[] };

/**
 * A whole CSV text -> header and rows keyed by header cell, each row with the line it starts
 * on (the header is line 1; blank lines are skipped but counted; quoted line breaks are kept
 * inside their cell). A byte-order mark is dropped and CRLF/CR read as LF. Unbalanced quotes
 * are reported in `problems` by line. `onProgress` hears the number of rows read every 2,000.
 */
export function parseCsvText(input: string, onProgress?: (rowsRead: number) => void): ParsedCsv {
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let header: string[] | null = null;
  const rows: CsvRow[] = [];
  const problems: string[] = [];
  let prevCursor = 0;
  let counted = 0; // offset up to which line breaks have been counted
  let newlines = 0;
  const lineAt = (offset: number) => {
    for (let i = counted; i < offset; i++) if (text.charCodeAt(i) === 10) newlines++;
    counted = Math.max(counted, offset);
    return newlines + 1;
  };
  Papa.parse<string[]>(text, {
    step: (res) => {
      // A row starts at the first character after the line breaks that follow the previous row.
      let start = prevCursor;
      while (start < text.length && text[start] === "\n") start++;
      prevCursor = res.meta.cursor;
      const cells = res.data.map((c) => (c == null ? "" : String(c)));
      const line = lineAt(start);
      for (const e of res.errors) if (e.type === "Quotes") problems.push(`Line ${line}: ${e.message}`);
      if (cells.every((c) => c.trim() === "")) return;
      if (!header) {
        header = cells.map((c) => c.trim());
        return;
      }
      const data: Record<string, string> = {};
      header.forEach((h, i) => {
        if (h) data[h] = cells[i] ?? "";
      });
      rows.push({ line, data });
      if (onProgress && rows.length % 2000 === 0) onProgress(rows.length);
    },
  });
  return { header: header ?? [], rows, problems };
}
