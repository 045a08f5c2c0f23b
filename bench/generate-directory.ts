/**
 * Seeded generator of a large vendor directory, and a fast loader for it.
 *
 * - `generateDirectory({ vendors, inspections, ... })` builds rows in memory (deterministic for
 *   a seed): platform vendors (each owned by a CDMO organisation of its own, public), sponsors'
 *   private vendors, sites, inspections, warning letters, sponsor tags, sponsor-private history
 *   on platform vendors, and the cached quality summaries and VendorQualityViews, computed with
 *   the same functions the services use (the decision core's formula, deriveFields).
 * - `loadDirectory(sql, data)` writes it with multi-row `INSERT ... SELECT FROM unnest(...)` in
 *   one transaction, as the table owner with row-level security switched off for the load
 *   only (ALTER TABLE is transactional, so a failed load leaves the policies forced).
 *
 * CLI: `npx tsx bench/generate-directory.ts [--vendors 5000] [--inspections 50000] [--seed 1]`
 * loads into BENCH_DATABASE_URL (default postgres://cdmo_app@127.0.0.1:5432/cdmo_bench),
 * replacing earlier generated rows.
 */
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import {
  COUNTRIES,
  MODALITY_CODES,
  SCALE_TIER_CODES,
  STAGE_CODES,
  CERTIFICATIONS,
} from "../src/server/vendors/catalog";
import { deriveFields } from "../src/server/vendors/derived";
import { summarize, type HistoryRows } from "../src/server/vendors/quality";
import { OWNER_ROLE, withUser } from "../src/server/db/config";

export type GenOptions = {
  vendors: number;
  inspections: number;
  letters?: number;
  seed?: number;
  /** Sponsor organisations: private vendors, tags and own history are spread over them. */
  sponsorIds: string[];
  privateShare?: number;
  /** Id prefix, so several datasets can live in one database. */
  prefix?: string;
  asOf?: string;
};

export type GenVendor = {
  id: string;
  organizationId: string;
  isPublic: boolean;
  kind: "PLATFORM" | "PRIVATE";
  name: string;
  legalName: string;
  hqCountry: string | null;
  hqCity: string | null;
  summary: string;
  stages: string[];
  modalities: string[];
  certifications: string[];
  scaleTiers: string[];
  maxBioreactorLitres: number | null;
  maxBatchUnits: number | null;
  regions: string[];
  linkedVendorId: string | null;
  qualityScore: number | null;
  qualityAsOf: Date | null;
  hasOpenWarningLetter: boolean;
  lastInspectionAt: Date | null;
  searchText: string;
  archivedAt: Date | null;
};
export type GenSite = {
  id: string;
  organizationId: string;
  isPublic: boolean;
  vendorId: string;
  name: string | null;
  country: string;
  city: string;
  feiNumber: string | null;
};
export type GenInspection = {
  id: string;
  organizationId: string;
  isPublic: boolean;
  vendorId: string;
  siteId: string;
  endDate: Date;
  classification: "NAI" | "VAI" | "OAI";
  observations483: number | null;
};
export type GenLetter = {
  id: string;
  organizationId: string;
  isPublic: boolean;
  vendorId: string;
  siteId: string | null;
  issuedAt: Date;
  subject: string;
  status: "OPEN" | "CLOSED";
};
export type GenTag = { id: string; organizationId: string; vendorId: string; tag: string };
export type GenView = {
  id: string;
  organizationId: string;
  vendorId: string;
  qualityScore: number | null;
  qualityAsOf: Date;
  hasOpenWarningLetter: boolean;
  lastInspectionAt: Date | null;
};
export type GenOrg = { id: string; slug: string; name: string };

export type GenData = {
  orgs: GenOrg[];
  vendors: GenVendor[];
  sites: GenSite[];
  inspections: GenInspection[];
  letters: GenLetter[];
  tags: GenTag[];
  views: GenView[];
};

/** mulberry32: small, fast, good enough for test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(a: readonly T[]): T => a[Math.floor(next() * a.length)]!;
  const some = <T>(a: readonly T[], lo: number, hi: number): T[] => {
    const n = Math.min(a.length, int(lo, hi));
    const copy = [...a];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, some };
}

const FIRST = [
  "Alder",
  "Bright",
  "Cedar",
  "Delta",
  "Ember",
  "Fjord",
  "Granite",
  "Harbor",
  "Iris",
  "Juniper",
  "Kestrel",
  "Lumen",
  "Meridian",
  "Nova",
  "Orchid",
  "Pioneer",
  "Quartz",
  "Riverside",
  "Summit",
  "Tidal",
  "Umber",
  "Vale",
  "Willow",
  "Xenon",
  "Yarrow",
  "Zephyr",
];
const SECOND = ["Bio", "Gene", "Cell", "Pharma", "Thera", "Vector", "Sterile", "Peptide", "Analytic", "Process"];
const TYPE = ["Biologics", "Manufacturing", "Sciences", "Solutions", "Labs", "Services", "Therapeutics", "Fill-Finish"];
const CITIES: Record<string, string[]> = {};
const SUBJECTS = [
  "CGMP/Finished Pharmaceuticals/Adulterated",
  "CGMP/Biologics/Adulterated",
  "CGMP/Active Pharmaceutical Ingredient (API)/Adulterated",
];
export const GEN_TAGS = ["shortlist", "HX-201", "needs audit", "backup", "incumbent"];
const COUNTRY_CODES = Object.keys(COUNTRIES);
const cityOf = (c: string, i: number) =>
  (CITIES[c] ??= [`${COUNTRIES[c]![0]} City`, `North ${COUNTRIES[c]![0]}`, `Port ${c}`])[i % 3]!;

const DAY = 86_400_000;

export function generateDirectory(o: GenOptions): GenData {
  const r = rng(o.seed ?? 1);
  const p = o.prefix ?? "gen";
  const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
  const end = Date.parse(asOf);
  const start = Date.parse("2012-01-01");
  const randDay = () => new Date(Math.floor((start + r.next() * (end - start)) / DAY) * DAY);
  const data: GenData = { orgs: [], vendors: [], sites: [], inspections: [], letters: [], tags: [], views: [] };
  const sitesOf = new Map<string, GenSite[]>();

  for (let i = 0; i < o.vendors; i++) {
    const isPrivate = r.next() < (o.privateShare ?? 0.2) && o.sponsorIds.length > 0;
    const id = `${p}v${String(i).padStart(6, "0")}`;
    let organizationId: string;
    if (isPrivate) organizationId = r.pick(o.sponsorIds);
    else {
      organizationId = `${p}org${String(i).padStart(6, "0")}`;
      data.orgs.push({ id: organizationId, slug: `${p}-cdmo-${i}`, name: `Generated CDMO ${i}` });
    }
    const name = `${r.pick(FIRST)} ${r.pick(SECOND)} ${r.pick(TYPE)}`;
    const hqCountry = r.next() < 0.05 ? null : r.pick(COUNTRY_CODES);
    const profile = {
      name,
      legalName: `${name} ${r.pick(["Inc.", "Ltd", "GmbH", "LLC", "S.A."])}`,
      hqCountry,
      hqCity: hqCountry ? cityOf(hqCountry, i) : null,
      summary: `${name} is a generated contract manufacturer.`,
      stages: r.some(STAGE_CODES, 1, 5),
      modalities: r.some(MODALITY_CODES, 1, 4),
      certifications: r.some(CERTIFICATIONS, 0, 3),
    };
    const nSites = r.int(1, 3);
    const sites: GenSite[] = [];
    for (let s = 0; s < nSites; s++) {
      const country = hqCountry && r.next() < 0.6 ? hqCountry : r.pick(COUNTRY_CODES);
      sites.push({
        id: `${id}s${s}`,
        organizationId,
        isPublic: !isPrivate,
        vendorId: id,
        name: s === 0 ? "Main site" : null,
        country,
        city: cityOf(country, i + s),
        feiNumber: r.next() < 0.8 ? String(3_000_000_000 + i * 10 + s) : null,
      });
    }
    sitesOf.set(id, sites);
    data.sites.push(...sites);
    data.vendors.push({
      id,
      organizationId,
      isPublic: !isPrivate,
      kind: isPrivate ? "PRIVATE" : "PLATFORM",
      ...profile,
      scaleTiers: r.some(SCALE_TIER_CODES, 1, 3),
      maxBioreactorLitres: r.next() < 0.3 ? null : r.pick([50, 200, 500, 1000, 2000, 5000, 12000, 20000]),
      // From the index, not the random stream, so adding the field left every other value as it was.
      maxBatchUnits: profile.stages.includes("FILL") ? [20_000, 60_000, 120_000, 400_000][i % 4]! : null,
      ...deriveFields(profile, sites),
      linkedVendorId: null,
      qualityScore: null,
      qualityAsOf: null,
      hasOpenWarningLetter: false,
      lastInspectionAt: null,
      archivedAt: r.next() < 0.02 ? new Date(end) : null,
    });
  }
  const vendors = data.vendors;
  const platform = vendors.filter((v) => v.kind === "PLATFORM");
  // A few private records point at the platform profile of the same company.
  for (const v of vendors)
    if (v.kind === "PRIVATE" && platform.length && r.next() < 0.2) v.linkedVendorId = r.pick(platform).id;

  // History: mostly the owner's (public on platform profiles); ~4% sponsors' own rows on platform sites.
  for (let i = 0; i < o.inspections; i++) {
    const sponsorRow = o.sponsorIds.length > 0 && platform.length > 0 && r.next() < 0.04;
    const v = sponsorRow ? r.pick(platform) : r.pick(vendors);
    const site = r.pick(sitesOf.get(v.id)!);
    const c = r.next();
    data.inspections.push({
      id: `${p}i${i}`,
      organizationId: sponsorRow ? r.pick(o.sponsorIds) : v.organizationId,
      isPublic: !sponsorRow && v.isPublic,
      vendorId: v.id,
      siteId: site.id,
      endDate: randDay(),
      classification: c < 0.6 ? "NAI" : c < 0.9 ? "VAI" : "OAI",
      observations483: c < 0.6 ? null : r.int(0, 12),
    });
  }
  const nLetters = o.letters ?? Math.round(o.inspections / 20);
  for (let i = 0; i < nLetters; i++) {
    const sponsorRow = o.sponsorIds.length > 0 && platform.length > 0 && r.next() < 0.04;
    const v = sponsorRow ? r.pick(platform) : r.pick(vendors);
    data.letters.push({
      id: `${p}w${i}`,
      organizationId: sponsorRow ? r.pick(o.sponsorIds) : v.organizationId,
      isPublic: !sponsorRow && v.isPublic,
      vendorId: v.id,
      siteId: r.next() < 0.7 ? r.pick(sitesOf.get(v.id)!).id : null,
      issuedAt: randDay(),
      subject: r.pick(SUBJECTS),
      status: r.next() < 0.3 ? "OPEN" : "CLOSED",
    });
  }
  for (const s of o.sponsorIds) {
    for (const v of vendors) {
      if ((v.isPublic || v.organizationId === s) && r.next() < 0.1) {
        for (const tag of r.some(GEN_TAGS, 1, 2))
          data.tags.push({ id: `${p}t${data.tags.length}`, organizationId: s, vendorId: v.id, tag });
      }
    }
  }

  // Cached summaries: the owner's view on the vendor, and a view per sponsor holding own rows.
  const hist = new Map<string, { insp: GenInspection[]; wl: GenLetter[] }>(
    vendors.map((v) => [v.id, { insp: [], wl: [] }]),
  );
  for (const x of data.inspections) hist.get(x.vendorId)!.insp.push(x);
  for (const x of data.letters) hist.get(x.vendorId)!.wl.push(x);
  const rows = (insp: GenInspection[], wl: GenLetter[]): HistoryRows => ({
    inspections: insp.map((x) => ({
      organizationId: x.organizationId,
      endDate: x.endDate,
      classification: x.classification,
      observations483: x.observations483,
    })),
    warningLetters: wl.map((x) => ({ organizationId: x.organizationId, issuedAt: x.issuedAt, status: x.status })),
    recalls: [],
  });
  for (const v of vendors) {
    const h = hist.get(v.id)!;
    const own = (org: string) => (x: { organizationId: string }) => x.organizationId === org;
    // Computed for asOf, as the app's own caches are (else the daily refresh would redo them).
    Object.assign(v, summarize(rows(h.insp.filter(own(v.organizationId)), h.wl.filter(own(v.organizationId))), asOf), {
      qualityAsOf: new Date(asOf),
    });
    if (v.kind !== "PLATFORM") continue;
    for (const s of o.sponsorIds) {
      if (!h.insp.some(own(s)) && !h.wl.some(own(s))) continue;
      const seen = (x: { organizationId: string; isPublic: boolean }) => x.isPublic || x.organizationId === s;
      data.views.push({
        id: `${p}q${data.views.length}`,
        organizationId: s,
        vendorId: v.id,
        qualityAsOf: new Date(asOf),
        ...summarize(rows(h.insp.filter(seen), h.wl.filter(seen)), asOf),
      });
    }
  }
  return data;
}

// ---------- loading ----------

export type SqlClient = { query(sql: string, params?: unknown[]): Promise<unknown> };

const pgArray = (a: string[]) => `{${a.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
const VENDOR_TABLES = ["Vendor", "VendorSite", "Inspection", "WarningLetter", "VendorTag", "VendorQualityView"];

/** Columns as [name, sql type, value getter]; `[]` types travel as array literals. */
type Col<T> = [string, string, (row: T) => unknown];

async function insert<T>(sql: SqlClient, table: string, cols: Col<T>[], rows: T[], chunk = 2000) {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params = cols.map(([, type, get]) =>
      part.map((row) => {
        const v = get(row);
        if (v === null || v === undefined) return null;
        if (type.endsWith("[]")) return pgArray(v as string[]);
        if (v instanceof Date) return v.toISOString();
        return String(v);
      }),
    );
    const select = cols
      .map(([name, type], k) => `${type.endsWith("[]") ? `c${k}::${type}` : `c${k}::${type}`} AS "${name}"`)
      .join(", ");
    const unnest = cols.map((_, k) => `$${k + 1}::text[]`).join(", ");
    const names = cols.map(([n]) => `"${n}"`).join(", ");
    const aliases = cols.map((_, k) => `c${k}`).join(", ");
    await sql.query(
      `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${unnest}) AS u(${aliases})`,
      params,
    );
  }
}

/** Writes the dataset in one transaction (see the file comment); returns the row counts. */
export async function loadDirectory(sql: SqlClient, d: GenData): Promise<Record<string, number>> {
  await sql.query("BEGIN");
  try {
    for (const t of VENDOR_TABLES) await sql.query(`ALTER TABLE "${t}" NO FORCE ROW LEVEL SECURITY`);
    await insert<GenOrg>(
      sql,
      "Organization",
      [
        ["id", "text", (x) => x.id],
        ["slug", "text", (x) => x.slug],
        ["name", "text", (x) => x.name],
        ["kind", `"OrgKind"`, () => "CDMO"],
        ["updatedAt", "timestamp", () => new Date()],
      ],
      d.orgs,
    );
    await insert<GenVendor>(
      sql,
      "Vendor",
      [
        ["id", "text", (x) => x.id],
        ["organizationId", "text", (x) => x.organizationId],
        ["isPublic", "boolean", (x) => x.isPublic],
        ["kind", `"VendorKind"`, (x) => x.kind],
        ["name", "text", (x) => x.name],
        ["legalName", "text", (x) => x.legalName],
        ["hqCountry", "text", (x) => x.hqCountry],
        ["hqCity", "text", (x) => x.hqCity],
        ["summary", "text", (x) => x.summary],
        ["stages", "text[]", (x) => x.stages],
        ["modalities", "text[]", (x) => x.modalities],
        ["certifications", "text[]", (x) => x.certifications],
        ["scaleTiers", "text[]", (x) => x.scaleTiers],
        ["maxBioreactorLitres", "integer", (x) => x.maxBioreactorLitres],
        ["maxBatchUnits", "integer", (x) => x.maxBatchUnits],
        ["regions", "text[]", (x) => x.regions],
        ["linkedVendorId", "text", (x) => x.linkedVendorId],
        ["qualityScore", "double precision", (x) => x.qualityScore],
        ["qualityAsOf", "date", (x) => x.qualityAsOf],
        ["hasOpenWarningLetter", "boolean", (x) => x.hasOpenWarningLetter],
        ["lastInspectionAt", "timestamp", (x) => x.lastInspectionAt],
        ["searchText", "text", (x) => x.searchText],
        ["archivedAt", "timestamp", (x) => x.archivedAt],
        ["updatedAt", "timestamp", () => new Date(Date.now() - 60_000)],
      ],
      d.vendors,
    );
    await insert<GenSite>(
      sql,
      "VendorSite",
      [
        ["id", "text", (x) => x.id],
        ["organizationId", "text", (x) => x.organizationId],
        ["isPublic", "boolean", (x) => x.isPublic],
        ["vendorId", "text", (x) => x.vendorId],
        ["name", "text", (x) => x.name],
        ["country", "text", (x) => x.country],
        ["city", "text", (x) => x.city],
        ["feiNumber", "text", (x) => x.feiNumber],
        ["updatedAt", "timestamp", () => new Date()],
      ],
      d.sites,
    );
    await insert<GenInspection>(
      sql,
      "Inspection",
      [
        ["id", "text", (x) => x.id],
        ["organizationId", "text", (x) => x.organizationId],
        ["isPublic", "boolean", (x) => x.isPublic],
        ["vendorId", "text", (x) => x.vendorId],
        ["siteId", "text", (x) => x.siteId],
        ["endDate", "date", (x) => x.endDate],
        ["classification", `"InspectionClassification"`, (x) => x.classification],
        ["observations483", "integer", (x) => x.observations483],
      ],
      d.inspections,
      5000,
    );
    await insert<GenLetter>(
      sql,
      "WarningLetter",
      [
        ["id", "text", (x) => x.id],
        ["organizationId", "text", (x) => x.organizationId],
        ["isPublic", "boolean", (x) => x.isPublic],
        ["vendorId", "text", (x) => x.vendorId],
        ["siteId", "text", (x) => x.siteId],
        ["issuedAt", "date", (x) => x.issuedAt],
        ["subject", "text", (x) => x.subject],
        ["status", `"WarningLetterStatus"`, (x) => x.status],
      ],
      d.letters,
    );
    await insert<GenTag>(
      sql,
      "VendorTag",
      [
        ["id", "text", (x) => x.id],
        ["organizationId", "text", (x) => x.organizationId],
        ["vendorId", "text", (x) => x.vendorId],
        ["tag", "text", (x) => x.tag],
      ],
      d.tags,
    );
    await insert<GenView>(
      sql,
      "VendorQualityView",
      [
        ["id", "text", (x) => x.id],
        ["organizationId", "text", (x) => x.organizationId],
        ["vendorId", "text", (x) => x.vendorId],
        ["qualityScore", "double precision", (x) => x.qualityScore],
        ["qualityAsOf", "date", (x) => x.qualityAsOf],
        ["hasOpenWarningLetter", "boolean", (x) => x.hasOpenWarningLetter],
        ["lastInspectionAt", "timestamp", (x) => x.lastInspectionAt],
        ["updatedAt", "timestamp", () => new Date()],
      ],
      d.views,
    );
    for (const t of VENDOR_TABLES) await sql.query(`ALTER TABLE "${t}" FORCE ROW LEVEL SECURITY`);
    await sql.query("COMMIT");
  } catch (e) {
    await sql.query("ROLLBACK");
    throw e;
  }
  for (const t of VENDOR_TABLES) await sql.query(`ANALYZE "${t}"`);
  return {
    orgs: d.orgs.length,
    vendors: d.vendors.length,
    sites: d.sites.length,
    inspections: d.inspections.length,
    letters: d.letters.length,
    tags: d.tags.length,
    views: d.views.length,
  };
}

/** Removes an earlier dataset with this id prefix (same transaction rules as the load). */
export async function clearGenerated(sql: SqlClient, prefix = "gen"): Promise<void> {
  await sql.query("BEGIN");
  try {
    for (const t of VENDOR_TABLES) await sql.query(`ALTER TABLE "${t}" NO FORCE ROW LEVEL SECURITY`);
    for (const t of [...VENDOR_TABLES].reverse())
      await sql.query(`DELETE FROM "${t}" WHERE id LIKE $1`, [`${prefix}%`]);
    await sql.query(`DELETE FROM "Organization" WHERE id LIKE $1`, [`${prefix}org%`]);
    for (const t of VENDOR_TABLES) await sql.query(`ALTER TABLE "${t}" FORCE ROW LEVEL SECURITY`);
    await sql.query("COMMIT");
  } catch (e) {
    await sql.query("ROLLBACK");
    throw e;
  }
}

export const BENCH_URL = process.env.BENCH_DATABASE_URL ?? "postgres://cdmo_app@127.0.0.1:5432/cdmo_bench";
// Created, migrated and loaded as the owner role; the timed app connection is BENCH_URL's cdmo_app.
export const BENCH_OWNER_URL = process.env.BENCH_MIGRATION_DATABASE_URL ?? withUser(BENCH_URL, OWNER_ROLE);
export const BENCH_SPONSORS = ["bench-sponsor-1", "bench-sponsor-2", "bench-sponsor-3"];

/** Creates the bench database on first use (the owner role has CREATEDB), through the server's `postgres` database. */
export async function ensureDatabase(pg: typeof import("pg").default, url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!found.rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

/** Migrates the bench database, adds the sponsor organisations, replaces the generated rows. */
export async function prepareBenchDatabase(opts: { vendors: number; inspections: number; seed: number }) {
  const { migrateDatabase } = await import("../src/server/db/migrate-database");
  const pg = (await import("pg")).default;
  await ensureDatabase(pg, BENCH_OWNER_URL);
  await migrateDatabase({ kind: "postgres", url: BENCH_OWNER_URL });
  const client = new pg.Client({ connectionString: BENCH_OWNER_URL });
  await client.connect();
  try {
    for (const id of BENCH_SPONSORS) {
      await client.query(
        `INSERT INTO "Organization" (id, slug, name, kind, "updatedAt") VALUES ($1, $1, $1, 'SPONSOR', now()) ON CONFLICT (id) DO NOTHING`,
        [id],
      );
    }
    const started = Date.now();
    await clearGenerated(client);
    const data = generateDirectory({ ...opts, sponsorIds: BENCH_SPONSORS });
    const counts = await loadDirectory(client, data);
    return { counts, ms: Date.now() - started };
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { vendors: { type: "string" }, inspections: { type: "string" }, seed: { type: "string" } },
  });
  const r = await prepareBenchDatabase({
    vendors: Number(values.vendors ?? 5000),
    inspections: Number(values.inspections ?? 50000),
    seed: Number(values.seed ?? 1),
  });
  console.log(`Loaded into ${BENCH_URL.replace(/\/\/[^@]*@/, "//")} in ${(r.ms / 1000).toFixed(1)} s:`, r.counts);
}
