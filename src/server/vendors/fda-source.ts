import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { parseCsvText } from "./csv-file";
import { kindOfHeader, missingColumn, type ImportKindCode } from "./import-csv";
import { loadPublicFda, type FdaLoadResult } from "./fda-public";

// Reading an FDA file for the public load, from a path or an http(s) URL, shared by
// `cdmo import-fda` and the scheduled fda.load job.

const isUrl = (s: string) => /^https?:\/\//i.test(s);

export async function readFdaSource(source: string): Promise<{ text: string; name: string }> {
  if (isUrl(source)) {
    const res = await fetch(source, { signal: AbortSignal.timeout(120_000) });
    if (!res.ok) throw new AppError("BAD_REQUEST", `${source} answered ${res.status}; nothing was loaded.`);
    return { text: await res.text(), name: path.basename(new URL(source).pathname) || source };
  }
  try {
    return { text: await readFile(source, "utf8"), name: path.basename(source) };
  } catch (e) {
    throw new AppError("BAD_REQUEST", `Cannot read ${source}: ${(e as Error).message}`, { field: "file" });
  }
}

/**
 * Parse the text and load it publicly. `kind` null: told by the header. Throws AppError
 * (BAD_REQUEST) naming the column or the first bad cell; nothing is written then.
 */
export async function loadFdaText(
  base: PrismaClient,
  input: { text: string; name: string; kind: ImportKindCode | null; sourceDate: string; dryRun?: boolean },
): Promise<FdaLoadResult> {
  const csv = parseCsvText(input.text);
  if (csv.problems.length) throw new AppError("BAD_REQUEST", `${input.name}: ${csv.problems[0]}`, { field: "file" });
  const kind = input.kind ?? kindOfHeader(csv.header);
  if (!kind) {
    throw new AppError(
      "BAD_REQUEST",
      `${input.name} is neither a Data Dashboard inspection export (no "Inspection End Date" column) nor a warning-letter listing (no "Letter Issue Date" column).`,
      { field: "header" },
    );
  }
  const missing = missingColumn(kind, csv.header);
  if (missing) throw new AppError("BAD_REQUEST", `${input.name} has no "${missing}" column.`, { field: "header" });
  return loadPublicFda(base, {
    kind,
    fileName: input.name,
    rows: csv.rows,
    sourceDate: input.sourceDate,
    dryRun: input.dryRun,
  });
}
