import { parseCsvText, type ParsedCsv } from "@/server/vendors/csv-file";

export type { CsvRow, ParsedCsv } from "@/server/vendors/csv-file";

/** Parse a CSV file in the browser with the same parser the server and the CLI use. */
export async function parseCsv(file: File, onProgress?: (rowsRead: number) => void): Promise<ParsedCsv> {
  return parseCsvText(await file.text(), onProgress);
}

export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
