// Pure parsing and validation of the two FDA CSV layouts, row by row. No database here:
// the same functions serve the tRPC import (rows arrive in chunks) and the CLI.
import { countryCodeOf } from "./catalog";

export type ImportKindCode = "INSPECTIONS" | "WARNING_LETTERS";

/** FDA Data Dashboard, inspection classification export. */
export const INSPECTION_COLUMNS = [
  "FEI Number",
  "Legal Name",
  "City",
  "State",
  "Country/Area",
  "Fiscal Year",
  "Inspection End Date",
  "Classification",
  "Product Type",
  "Project Area",
  "Posted Citations",
  "Inspection ID", // in the Data Dashboard export; optional (older exports and the sample have none)
] as const;
export const INSPECTION_REQUIRED = [
  "FEI Number",
  "Legal Name",
  "City",
  "Country/Area",
  "Inspection End Date",
  "Classification",
  "Project Area",
] as const;

/** FDA warning-letter listing. */
export const LETTER_COLUMNS = [
  "Posted Date",
  "Letter Issue Date",
  "Company Name",
  "Issuing Office",
  "Subject",
  "Response Letter",
  "Closeout Letter",
] as const;
export const LETTER_REQUIRED = ["Letter Issue Date", "Company Name", "Subject"] as const;

export const columnsOf = (kind: ImportKindCode) => (kind === "INSPECTIONS" ? INSPECTION_COLUMNS : LETTER_COLUMNS);
export const requiredOf = (kind: ImportKindCode) => (kind === "INSPECTIONS" ? INSPECTION_REQUIRED : LETTER_REQUIRED);

export type RowIssue = { line: number; column: string; message: string };

/** Header cells compare without a byte-order mark, surrounding blanks or case. */
export const headerKey = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();

/** The first required column the header lacks, or null. */
export function missingColumn(kind: ImportKindCode, header: string[]): string | null {
  const have = new Set(header.map(headerKey));
  return requiredOf(kind).find((c) => !have.has(headerKey(c))) ?? null;
}

/** The layout of a file by its header: inspections, warning letters, or null when neither. */
export function kindOfHeader(header: string[]): ImportKindCode | null {
  if (!missingColumn("INSPECTIONS", header)) return "INSPECTIONS";
  if (!missingColumn("WARNING_LETTERS", header)) return "WARNING_LETTERS";
  return null;
}

const KIND_CHOICE: Record<ImportKindCode, { file: string; choice: string }> = {
  INSPECTIONS: { file: "an inspection export", choice: "Inspections" },
  WARNING_LETTERS: { file: "a warning-letter file", choice: "Warning letters" },
};

/**
 * What to tell someone whose file lacks a column of the layout they chose: when the header is
 * the other layout's, say so and which choice to make, rather than name a column they never had.
 */
export function missingColumnMessage(kind: ImportKindCode, header: string[]): string | null {
  const missing = missingColumn(kind, header);
  if (!missing) return null;
  const actual = kindOfHeader(header);
  if (actual && actual !== kind) {
    const { file, choice } = KIND_CHOICE[actual];
    return `This looks like ${file}, not ${KIND_CHOICE[kind].file}: choose "${choice}" and upload it again.`;
  }
  return `The file has no "${missing}" column. Export the file again from the FDA site, or rename the column.`;
}

/** A row's cells by canonical column name (whatever spelling the file's header used). */
export function canonicalRow(kind: ImportKindCode, data: Record<string, string>): Record<string, string> {
  const byKey = new Map(Object.entries(data).map(([k, v]) => [headerKey(k), v ?? ""]));
  const out: Record<string, string> = {};
  for (const c of columnsOf(kind)) out[c] = (byKey.get(headerKey(c)) ?? "").trim();
  return out;
}

/** "M/D/YYYY" or "YYYY-MM-DD" (a real calendar date) -> "YYYY-MM-DD"; null if neither. */
export function parseDay(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (match) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)))
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1900) return null;
  return t.toISOString().slice(0, 10);
}

const CLASSIFICATIONS: Record<string, "NAI" | "VAI" | "OAI"> = {
  nai: "NAI",
  "no action indicated": "NAI",
  "no action indicated (nai)": "NAI",
  vai: "VAI",
  "voluntary action indicated": "VAI",
  "voluntary action indicated (vai)": "VAI",
  oai: "OAI",
  "official action indicated": "OAI",
  "official action indicated (oai)": "OAI",
};

export function parseClassification(value: string): "NAI" | "VAI" | "OAI" | null {
  return CLASSIFICATIONS[value.trim().replace(/\s+/g, " ").toLowerCase()] ?? null;
}

export type InspectionRecord = {
  feiNumber: string | null;
  legalName: string;
  city: string;
  state: string | null;
  country: string | null; // ISO code when recognised
  countryText: string;
  fiscalYear: number | null;
  endDate: string; // YYYY-MM-DD
  classification: "NAI" | "VAI" | "OAI";
  productType: string | null;
  projectArea: string | null;
  postedCitations: "Yes" | "No" | null;
  fdaInspectionId?: string | null; // optional: rows staged before the column was read have none
};

export type LetterRecord = {
  postedDate: string | null;
  issueDate: string;
  companyName: string;
  issuingOffice: string | null;
  subject: string;
  responseLetter: string | null;
  status: "OPEN" | "CLOSED";
  closedAt: string | null;
};

export type Parsed<T> = { ok: true; record: T } | { ok: false; errors: RowIssue[] };

const orNull = (s: string) => (s ? s : null);
const DATE_HINT = "use M/D/YYYY or YYYY-MM-DD";

export function parseInspectionRow(
  line: number,
  data: Record<string, string>,
  today = new Date().toISOString().slice(0, 10),
): Parsed<InspectionRecord> {
  const r = canonicalRow("INSPECTIONS", data);
  const errors: RowIssue[] = [];
  const err = (column: string, message: string) => errors.push({ line, column, message });
  const fei = r["FEI Number"]!.replace(/\s/g, "");
  if (fei && !/^\d{7,10}$/.test(fei)) err("FEI Number", `"${r["FEI Number"]}" is not an FEI number (7 to 10 digits).`);
  if (!r["Legal Name"]) err("Legal Name", "The legal name is missing.");
  if (!r["City"]) err("City", "The city is missing.");
  if (!r["Country/Area"]) err("Country/Area", "The country is missing.");
  let fiscalYear: number | null = null;
  if (r["Fiscal Year"]) {
    fiscalYear = /^\d{4}$/.test(r["Fiscal Year"]) ? Number(r["Fiscal Year"]) : NaN;
    if (Number.isNaN(fiscalYear) || fiscalYear < 1900 || fiscalYear > 2200)
      err("Fiscal Year", `"${r["Fiscal Year"]}" is not a year.`);
  }
  const raw = r["Inspection End Date"]!;
  const endDate = raw ? parseDay(raw) : null;
  if (!raw) err("Inspection End Date", "The inspection end date is missing.");
  else if (!endDate) err("Inspection End Date", `"${raw}" is not a date; ${DATE_HINT}.`);
  else if (endDate > today) err("Inspection End Date", `${endDate} is in the future.`);
  const classification = parseClassification(r["Classification"]!);
  if (!classification) {
    err(
      "Classification",
      r["Classification"]
        ? `"${r["Classification"]}" is not a classification; use NAI, VAI or OAI.`
        : "The classification is missing.",
    );
  }
  const pc = r["Posted Citations"]!.toLowerCase();
  const postedCitations = pc === "yes" ? "Yes" : pc === "no" ? "No" : null;
  if (pc && !postedCitations) err("Posted Citations", `"${r["Posted Citations"]}" is neither Yes nor No.`);
  const inspectionId = r["Inspection ID"]!;
  if (inspectionId && !/^[A-Za-z0-9-]{1,20}$/.test(inspectionId))
    err("Inspection ID", `"${inspectionId}" is not an FDA inspection id (letters and digits).`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    record: {
      feiNumber: orNull(fei),
      legalName: r["Legal Name"]!,
      city: r["City"]!,
      state: orNull(r["State"]!),
      country: countryCodeOf(r["Country/Area"]),
      countryText: r["Country/Area"]!,
      fiscalYear,
      endDate: endDate!,
      classification: classification!,
      productType: orNull(r["Product Type"]!),
      projectArea: orNull(r["Project Area"]!),
      postedCitations,
      fdaInspectionId: orNull(inspectionId),
    },
  };
}

export function parseLetterRow(
  line: number,
  data: Record<string, string>,
  today = new Date().toISOString().slice(0, 10),
): Parsed<LetterRecord> {
  const r = canonicalRow("WARNING_LETTERS", data);
  const errors: RowIssue[] = [];
  const err = (column: string, message: string) => errors.push({ line, column, message });
  const date = (column: string, required: boolean): string | null => {
    const raw = r[column]!;
    if (!raw) {
      if (required) err(column, "The date is missing.");
      return null;
    }
    const d = parseDay(raw);
    if (!d) err(column, `"${raw}" is not a date; ${DATE_HINT}.`);
    else if (d > today) err(column, `${d} is in the future.`);
    return d;
  };
  const postedDate = date("Posted Date", false);
  const issueDate = date("Letter Issue Date", true);
  if (!r["Company Name"]) err("Company Name", "The company name is missing.");
  if (!r["Subject"]) err("Subject", "The subject is missing.");
  // FDA lists a close-out letter (its date, or a link) once the letter is closed.
  const closeout = r["Closeout Letter"]!;
  const closed = closeout !== "" && closeout.toLowerCase() !== "no";
  const closedAt = closed ? parseDay(closeout) : null;
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    record: {
      postedDate,
      issueDate: issueDate!,
      companyName: r["Company Name"]!,
      issuingOffice: orNull(r["Issuing Office"]!),
      subject: r["Subject"]!,
      responseLetter: orNull(r["Response Letter"]!),
      status: closed ? "CLOSED" : "OPEN",
      closedAt: closedAt && closedAt >= issueDate! ? closedAt : null,
    },
  };
}

export const formatIssue = (e: RowIssue) => `Line ${e.line}, column ${e.column}: ${e.message}`;
