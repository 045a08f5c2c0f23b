import {
  COUNTRIES,
  MODALITY_CODES,
  REGION_CODES,
  SCALE_TIER_CODES,
  STAGE_CODES,
  type ModalityCode,
  type RegionCode,
  type ScaleTierCode,
  type StageCode,
} from "@/server/vendors/catalog";
import { SEARCH_MAX } from "@/server/validation/text";

/**
 * The directory's whole state lives in the URL (shareable, and the back button undoes a
 * filter). This module is the one place that reads and writes those search params.
 */
export type SortKey = "name" | "qualityScore" | "lastInspectionAt" | "country";
export type Source = "ALL" | "PLATFORM" | "PRIVATE";

export type DirectoryState = {
  q: string;
  stages: string[];
  modalities: string[];
  regions: string[];
  countries: string[];
  scaleTiers: string[];
  tags: string[];
  minBioreactorLitres: string;
  minBatchUnits: string;
  qualityMin: string;
  qualityMax: string;
  hasOpenWarningLetter: boolean;
  source: Source;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

export const PAGE_SIZES = [10, 25, 50, 100] as const;
const SORTS: SortKey[] = ["name", "qualityScore", "lastInspectionAt", "country"];
const LISTS = ["stages", "modalities", "regions", "countries", "scaleTiers", "tags"] as const;
export type ListKey = (typeof LISTS)[number];

export const DEFAULT_STATE: DirectoryState = {
  q: "",
  stages: [],
  modalities: [],
  regions: [],
  countries: [],
  scaleTiers: [],
  tags: [],
  minBioreactorLitres: "",
  minBatchUnits: "",
  qualityMin: "",
  qualityMax: "",
  hasOpenWarningLetter: false,
  source: "ALL",
  sort: "name",
  dir: "asc",
  page: 1,
  pageSize: 25,
};

const COUNTRY_CODES = Object.keys(COUNTRIES);

type Readable = { get(name: string): string | null };

const posInt = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const numeric = (v: string | null) => (v && Number.isFinite(Number(v)) ? v : "");

export function parseState(sp: Readable): DirectoryState {
  const list = (k: string, allowed?: readonly string[]) =>
    (sp.get(k) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s && (!allowed || allowed.includes(s)));
  const sort = sp.get("sort") as SortKey | null;
  const source = sp.get("source");
  const size = posInt(sp.get("pageSize"), DEFAULT_STATE.pageSize);
  return {
    // A longer search (a pasted link) is cut as the server would cut it, not refused.
    q: (sp.get("q") ?? "").slice(0, SEARCH_MAX),
    // Unknown codes (an old or hand-edited link) are dropped rather than failing the search.
    stages: list("stages", STAGE_CODES),
    modalities: list("modalities", MODALITY_CODES),
    regions: list("regions", REGION_CODES),
    countries: list("countries", COUNTRY_CODES),
    scaleTiers: list("scaleTiers", SCALE_TIER_CODES),
    tags: list("tags"),
    minBioreactorLitres: numeric(sp.get("minBioreactorLitres")),
    minBatchUnits: numeric(sp.get("minBatchUnits")),
    qualityMin: numeric(sp.get("qualityMin")),
    qualityMax: numeric(sp.get("qualityMax")),
    hasOpenWarningLetter: sp.get("hasOpenWarningLetter") === "1",
    source: source === "PLATFORM" || source === "PRIVATE" ? source : "ALL",
    sort: sort && SORTS.includes(sort) ? sort : DEFAULT_STATE.sort,
    dir: sp.get("dir") === "desc" ? "desc" : "asc",
    page: posInt(sp.get("page"), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_STATE.pageSize,
  };
}

/** Only values that differ from the defaults go into the URL, so links stay short. */
export function toSearchParams(s: DirectoryState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set("q", s.q.trim());
  for (const k of LISTS) if (s[k].length) p.set(k, s[k].join(","));
  if (s.minBioreactorLitres) p.set("minBioreactorLitres", s.minBioreactorLitres);
  if (s.minBatchUnits) p.set("minBatchUnits", s.minBatchUnits);
  if (s.qualityMin) p.set("qualityMin", s.qualityMin);
  if (s.qualityMax) p.set("qualityMax", s.qualityMax);
  if (s.hasOpenWarningLetter) p.set("hasOpenWarningLetter", "1");
  if (s.source !== "ALL") p.set("source", s.source);
  if (s.sort !== DEFAULT_STATE.sort) p.set("sort", s.sort);
  if (s.dir !== DEFAULT_STATE.dir) p.set("dir", s.dir);
  if (s.page !== 1) p.set("page", String(s.page));
  if (s.pageSize !== DEFAULT_STATE.pageSize) p.set("pageSize", String(s.pageSize));
  return p;
}

// Typed numbers are kept within what the server accepts, so a stray value narrows the search
// instead of failing it.
const score = (v: string) => (v === "" ? undefined : Math.min(100, Math.max(0, Number(v))));
const wholeUpTo = (max: number) => (v: string) =>
  v === "" ? undefined : Math.min(max, Math.max(0, Math.floor(Number(v))));
const litres = wholeUpTo(1_000_000);
const units = wholeUpTo(100_000_000);

/** The API input for one state (empty filters dropped). */
export function toDirectoryInput(orgSlug: string, s: DirectoryState) {
  return {
    orgSlug,
    q: s.q.trim() || undefined,
    stages: s.stages.length ? (s.stages as StageCode[]) : undefined,
    modalities: s.modalities.length ? (s.modalities as ModalityCode[]) : undefined,
    regions: s.regions.length ? (s.regions as RegionCode[]) : undefined,
    countries: s.countries.length ? s.countries : undefined,
    scaleTiers: s.scaleTiers.length ? (s.scaleTiers as ScaleTierCode[]) : undefined,
    tags: s.tags.length ? s.tags : undefined,
    minBioreactorLitres: litres(s.minBioreactorLitres),
    minBatchUnits: units(s.minBatchUnits),
    qualityMin: score(s.qualityMin),
    qualityMax: score(s.qualityMax),
    hasOpenWarningLetter: s.hasOpenWarningLetter || undefined,
    source: s.source,
    sort: s.sort,
    dir: s.dir,
    page: s.page,
    pageSize: s.pageSize,
  };
}

/** How many filters (not sort or paging) are active: shown on the filter toggle. */
export function activeFilterCount(s: DirectoryState): number {
  let n = LISTS.reduce((acc, k) => acc + (s[k].length ? 1 : 0), 0);
  for (const v of [s.minBioreactorLitres, s.minBatchUnits, s.qualityMin, s.qualityMax]) if (v) n++;
  if (s.hasOpenWarningLetter) n++;
  if (s.source !== "ALL") n++;
  return n;
}

/** A saved filter stores the filters and sort (the server's ZDirectoryFilter), not the page. */
export function savedQueryOf(s: DirectoryState) {
  const { orgSlug: _o, page: _p, ...query } = toDirectoryInput("", s);
  return query;
}

/** Back from a stored filter to the URL state; anything unexpected is dropped by parseState. */
export function stateFromSaved(query: unknown): DirectoryState {
  const rec = query && typeof query === "object" ? (query as Record<string, unknown>) : {};
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(rec)) {
    if (Array.isArray(v)) p.set(k, v.join(","));
    else if (typeof v === "boolean") p.set(k, v ? "1" : "");
    else if (typeof v === "string" || typeof v === "number") p.set(k, String(v));
  }
  return parseState(p);
}
