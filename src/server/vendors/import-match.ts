import { createHash } from "node:crypto";
import type { InspectionRecord, LetterRecord } from "./import-csv";

// Matching imported rows to the sites and vendors a sponsor can see, and the natural keys
// that make re-imports idempotent. Pure (no database).

const SUFFIXES = new Set([
  "inc",
  "incorporated",
  "llc",
  "ltd",
  "limited",
  "corp",
  "corporation",
  "co",
  "company",
  "plc",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "sarl",
  "srl",
  "spa",
  "bv",
  "nv",
  "ab",
  "as",
  "oy",
  "kk",
  "pte",
  "pty",
  "pvt",
  "private",
  "llp",
  "lp",
  "kg",
  "se",
]);

/** "Kestrel Fill-Finish, Inc." -> "kestrel fill finish": case, accents, punctuation and legal suffixes ignored. */
export function normalizeName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\./g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(" ");
}

export function normalizeCity(city: string): string {
  return city
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ");
}

const hash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 40);

/**
 * Natural key of an inspection row: the FDA's inspection id when the file has one, else FEI (or
 * name + city without one), end date, project area.
 */
export function inspectionSourceKey(
  r: Pick<InspectionRecord, "feiNumber" | "legalName" | "city" | "endDate" | "projectArea" | "fdaInspectionId">,
): string {
  if (r.fdaInspectionId) return `insp:${hash(`fda:${r.fdaInspectionId.trim().toUpperCase()}`)}`;
  const who = r.feiNumber
    ? `fei:${r.feiNumber.replace(/^0+/, "")}`
    : `name:${normalizeName(r.legalName)}|${normalizeCity(r.city)}`;
  return `insp:${hash(`${who}|${r.endDate}|${(r.projectArea ?? "").trim().toLowerCase()}`)}`;
}

/** Natural key of a warning-letter row: company, issue date, subject. */
export function letterSourceKey(r: Pick<LetterRecord, "companyName" | "issueDate" | "subject">): string {
  return `wl:${hash(`${normalizeName(r.companyName)}|${r.issueDate}|${r.subject.trim().replace(/\s+/g, " ").toLowerCase()}`)}`;
}

export type SiteRef = {
  siteId: string;
  vendorId: string;
  vendorName: string;
  vendorLegalName: string | null;
  city: string;
  feiNumber: string | null;
  own: boolean; // the site belongs to the importing organisation
};

export type VendorRef = {
  vendorId: string;
  vendorName: string;
  legalName: string | null;
  own: boolean;
  siteIds: string[];
};

export type MatchIndex = {
  byFei: Map<string, SiteRef>;
  byNameCity: Map<string, SiteRef>;
  vendorsByName: Map<string, VendorRef>;
};

const feiKey = (f: string) => f.replace(/\D/g, "").replace(/^0+/, "");

/**
 * Index of the sites and vendors a sponsor can see. Where two candidates share a key, the
 * sponsor's own record wins over a platform profile (it curated that one), then the lower id.
 */
export function buildMatchIndex(sites: SiteRef[], vendors: VendorRef[]): MatchIndex {
  const order = <T extends { own: boolean }>(a: T[], id: (x: T) => string) =>
    [...a].sort((x, y) => (x.own === y.own ? (id(x) < id(y) ? -1 : 1) : x.own ? -1 : 1));
  const byFei = new Map<string, SiteRef>();
  const byNameCity = new Map<string, SiteRef>();
  for (const s of order(sites, (x) => x.siteId)) {
    if (s.feiNumber && !byFei.has(feiKey(s.feiNumber))) byFei.set(feiKey(s.feiNumber), s);
    for (const n of [s.vendorLegalName, s.vendorName]) {
      if (!n) continue;
      const k = `${normalizeName(n)}|${normalizeCity(s.city)}`;
      if (!byNameCity.has(k)) byNameCity.set(k, s);
    }
  }
  const vendorsByName = new Map<string, VendorRef>();
  for (const v of order(vendors, (x) => x.vendorId)) {
    for (const n of [v.legalName, v.vendorName]) {
      if (!n) continue;
      const k = normalizeName(n);
      if (k && !vendorsByName.has(k)) vendorsByName.set(k, v);
    }
  }
  return { byFei, byNameCity, vendorsByName };
}

export type InspectionMatch = { site: SiteRef; by: "fei" | "name+city" } | { site: null; reason: string };

export function matchInspection(
  ix: MatchIndex,
  r: Pick<InspectionRecord, "feiNumber" | "legalName" | "city">,
): InspectionMatch {
  if (r.feiNumber) {
    const s = ix.byFei.get(feiKey(r.feiNumber));
    if (s) return { site: s, by: "fei" };
  }
  const s = ix.byNameCity.get(`${normalizeName(r.legalName)}|${normalizeCity(r.city)}`);
  if (s) return { site: s, by: "name+city" };
  return {
    site: null,
    reason: r.feiNumber
      ? `No site you can see has FEI ${r.feiNumber}, and no vendor named "${r.legalName}" has a site in ${r.city}.`
      : `No vendor named "${r.legalName}" has a site in ${r.city}.`,
  };
}

export type LetterMatch = { vendor: VendorRef; siteId: string | null } | { vendor: null; reason: string };

/** A letter goes to the vendor of that name, on its site when it has exactly one. */
export function matchLetter(ix: MatchIndex, r: Pick<LetterRecord, "companyName">): LetterMatch {
  const v = ix.vendorsByName.get(normalizeName(r.companyName));
  if (!v) return { vendor: null, reason: `No vendor you can see is named "${r.companyName}".` };
  return { vendor: v, siteId: v.siteIds.length === 1 ? v.siteIds[0]! : null };
}
