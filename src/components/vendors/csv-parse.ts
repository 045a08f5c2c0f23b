import Papa from "papaparse";

export type CsvRow = { line: number; data: Record<string, string> };
export type ParsedCsv = { header: string[]; rows: CsvRow[]; problems: string[] };

/**
 * Parse a CSV file in the browser (papaparse, header row, empty lines skipped), row by row so
 * a large file never holds a second full copy in memory. Each row keeps the line number it
 * starts on in the file (the header is line 1), so errors can point at the right line even
 * with blank lines or quoted line breaks.
 */
export async function parseCsv(file: File, onProgress?: (rowsRead: number) => void): Promise<ParsedCsv> {
  const text = (await file.text()).replace(/^\uFEFF/, "");
  const rows: CsvRow[] = [];
  const problems: string[] = [];
  let header: string[] = [];
  let scanned = 0; // offset up to which newlines have been counted
  let newlines = 0;
  // Data rows begin after the header line (header names never contain line breaks).
  const firstBreak = text.indexOf("\n");
  let prevCursor = firstBreak === -1 ? text.length : firstBreak + 1;

  const lineAt = (offset: number) => {
    for (let i = scanned; i < offset; i++) if (text.charCodeAt(i) === 10) newlines++;
    scanned = Math.max(scanned, offset);
    return newlines + 1;
  };

  await new Promise<void>((resolve) => {
    Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: true,
      transformHeader: (h) => h.trim(),
      step: (res) => {
        // The row starts at the first non-line-break character after the previous row.
        let start = prevCursor;
        while (start < text.length && (text[start] === "\n" || text[start] === "\r")) start++;
        prevCursor = res.meta.cursor;
        if (!header.length) header = (res.meta.fields ?? []).filter(Boolean);
        const data: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.data)) if (k !== "__parsed_extra" && k) data[k] = v == null ? "" : String(v);
        const line = lineAt(start);
        for (const e of res.errors) if (e.type === "Quotes") problems.push(`Line ${line}: ${e.message}`);
        rows.push({ line, data });
        if (onProgress && rows.length % 2000 === 0) onProgress(rows.length);
      },
      complete: () => resolve(),
    });
  });
  return { header, rows, problems };
}

export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
