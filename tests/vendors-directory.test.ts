import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import {
  generateDirectory,
  GEN_TAGS,
  loadDirectory,
  type GenData,
  type GenVendor,
  type SqlClient,
} from "../bench/generate-directory";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { makeTeam, type TestOrg } from "./helpers/vendors";

// Directory filters, sorts and pagination on a generated dataset, each checked against an
// independent computation over the generated rows (not against another SQL query).

let t: TestDb;
let a: TestOrg;
let b: TestOrg;
let data: GenData;

/** A connection that bypasses nothing by itself: the loader switches RLS off in its own transaction. */
async function withLoader<T>(fn: (sql: SqlClient) => Promise<T>): Promise<T> {
  if (t.kind === "pglite") {
    const pglite = (t as unknown as { pglite: PGlite }).pglite;
    await pglite.exec("RESET ROLE");
    try {
      return await fn(pglite);
    } finally {
      await pglite.exec("SET ROLE cdmo_app");
    }
  }
  // The loader switches FORCE off while it writes, which only the tables' owner may do.
  const client = new pg.Client({ connectionString: t.ownerUrl! });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  t = await createTestDb();
  a = await makeTeam("SPONSOR", "Directory A");
  b = await makeTeam("SPONSOR", "Directory B");
  data = generateDirectory({ vendors: 400, inspections: 2500, seed: 42, sponsorIds: [a.id, b.id], privateShare: 0.25 });
  await withLoader((sql) => loadDirectory(sql, data));
});
afterAll(async () => t?.drop());

type Filter = {
  q?: string;
  stages?: string[];
  modalities?: string[];
  regions?: string[];
  countries?: string[];
  scaleTiers?: string[];
  minBioreactorLitres?: number;
  minBatchUnits?: number;
  qualityMin?: number;
  qualityMax?: number;
  hasOpenWarningLetter?: boolean;
  source?: "ALL" | "PLATFORM" | "PRIVATE";
  tags?: string[];
  sort?: "name" | "qualityScore" | "lastInspectionAt" | "country";
  dir?: "asc" | "desc";
};

/** What sponsor A should see, in order: written from the rules, over the generated rows. */
function expected(f: Filter): string[] {
  const views = new Map(data.views.filter((v) => v.organizationId === a.id).map((v) => [v.vendorId, v]));
  const eff = (v: GenVendor) => views.get(v.id) ?? v;
  const tagsOf = new Map<string, Set<string>>();
  for (const x of data.tags)
    if (x.organizationId === a.id)
      (tagsOf.get(x.vendorId) ?? tagsOf.set(x.vendorId, new Set()).get(x.vendorId)!).add(x.tag);
  const siteCountries = new Map<string, Set<string>>();
  for (const s of data.sites)
    (siteCountries.get(s.vendorId) ?? siteCountries.set(s.vendorId, new Set()).get(s.vendorId)!).add(s.country);
  const any = (have: string[], want?: string[]) => !want?.length || want.some((w) => have.includes(w));
  const rows = data.vendors.filter((v) => {
    if (v.archivedAt || !(v.isPublic || v.organizationId === a.id)) return false;
    const q = eff(v);
    if (f.q && !v.name.toLowerCase().includes(f.q.toLowerCase())) return false;
    if (
      !any(v.stages, f.stages) ||
      !any(v.modalities, f.modalities) ||
      !any(v.regions, f.regions) ||
      !any(v.scaleTiers, f.scaleTiers)
    )
      return false;
    if (
      f.countries?.length &&
      !(f.countries.includes(v.hqCountry ?? "") || f.countries.some((c) => siteCountries.get(v.id)?.has(c)))
    )
      return false;
    if (
      f.minBioreactorLitres !== undefined &&
      !(v.maxBioreactorLitres !== null && v.maxBioreactorLitres >= f.minBioreactorLitres)
    )
      return false;
    if (f.minBatchUnits !== undefined && !(v.maxBatchUnits !== null && v.maxBatchUnits >= f.minBatchUnits))
      return false;
    if (f.qualityMin !== undefined && !(q.qualityScore !== null && q.qualityScore >= f.qualityMin)) return false;
    if (f.qualityMax !== undefined && !(q.qualityScore !== null && q.qualityScore <= f.qualityMax)) return false;
    if (f.hasOpenWarningLetter !== undefined && q.hasOpenWarningLetter !== f.hasOpenWarningLetter) return false;
    if (f.source === "PLATFORM" && v.kind !== "PLATFORM") return false;
    if (f.source === "PRIVATE" && v.kind !== "PRIVATE") return false;
    if (f.tags?.length && !f.tags.some((tg) => tagsOf.get(v.id)?.has(tg))) return false;
    return true;
  });
  const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  const byName = (x: GenVendor, y: GenVendor) => cmp(x.name.toLowerCase(), y.name.toLowerCase()) || cmp(x.id, y.id);
  const sign = f.dir === "desc" ? -1 : 1;
  const key = (v: GenVendor): string | number | null =>
    f.sort === "qualityScore"
      ? eff(v).qualityScore
      : f.sort === "lastInspectionAt"
        ? (eff(v).lastInspectionAt?.getTime() ?? null)
        : v.hqCountry;
  rows.sort((x, y) => {
    if (!f.sort || f.sort === "name") return sign * byName(x, y);
    const kx = key(x);
    const ky = key(y);
    if (kx === null || ky === null) return kx === ky ? byName(x, y) : kx === null ? 1 : -1;
    return sign * cmp(kx, ky) || byName(x, y);
  });
  return rows.map((v) => v.id);
}

const directory = (f: Filter & { page?: number; pageSize?: number }) =>
  callerFor(a.viewer).vendors.directory({ orgSlug: a.slug, ...f });

async function check(f: Filter, pageSize = 25) {
  const want = expected(f);
  const first = await directory({ ...f, pageSize });
  expect(first.total, JSON.stringify(f)).toBe(want.length);
  expect(
    first.items.map((i) => i.id),
    JSON.stringify(f),
  ).toEqual(want.slice(0, pageSize));
  const last = Math.max(1, Math.ceil(want.length / pageSize));
  if (last > 1) {
    const page = await directory({ ...f, pageSize, page: last });
    expect(
      page.items.map((i) => i.id),
      `${JSON.stringify(f)} last page`,
    ).toEqual(want.slice((last - 1) * pageSize));
  }
  return want.length;
}

describe(`directory filters, sorts and pagination (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("the dataset is varied enough for the checks to mean something", () => {
    const visible = expected({});
    expect(visible.length).toBeGreaterThan(250);
    expect(data.vendors.some((v) => v.kind === "PRIVATE" && v.organizationId === b.id)).toBe(true);
    expect(data.views.some((v) => v.organizationId === a.id)).toBe(true);
    expect(data.vendors.some((v) => v.archivedAt)).toBe(true);
  });

  it("default listing: every page in order, no overlaps, nothing of sponsor B's", async () => {
    const want = expected({});
    const got: string[] = [];
    for (let page = 1; page <= Math.ceil(want.length / 100); page++) {
      const r = await directory({ page, pageSize: 100 });
      expect(r).toMatchObject({ page, pageSize: 100, total: want.length });
      got.push(...r.items.map((i) => i.id));
    }
    expect(got).toEqual(want);
    const beyond = await directory({ page: 99, pageSize: 10 });
    expect(beyond).toMatchObject({ items: [], total: want.length });
  });

  it.each<[string, Filter]>([
    ["stage + modality", { stages: ["FILL", "LYO"], modalities: ["MAB"] }],
    ["region + quality range", { regions: ["EU", "UK"], qualityMin: 60, qualityMax: 95 }],
    ["open warning letter", { hasOpenWarningLetter: true }],
    ["no open warning letter, by score desc", { hasOpenWarningLetter: false, sort: "qualityScore", dir: "desc" }],
    ["sort by score asc (nulls last)", { sort: "qualityScore", dir: "asc" }],
    ["sort by last inspection desc", { sort: "lastInspectionAt", dir: "desc" }],
    ["sort by country", { sort: "country", dir: "asc" }],
    ["name desc", { sort: "name", dir: "desc" }],
    ["countries (HQ or site)", { countries: ["DE", "JP", "US"] }],
    ["scale + bioreactor", { scaleTiers: ["COMMERCIAL"], minBioreactorLitres: 5000 }],
    ["fill batch of at least 100,000 units", { stages: ["FILL"], minBatchUnits: 100_000 }],
    ["private only", { source: "PRIVATE" }],
    ["platform only with tags", { source: "PLATFORM", tags: ["shortlist", "backup"] }],
    ["text search, whole word", { q: "Kestrel" }],
    ["text search, prefix", { q: "Meri" }],
  ])("%s", async (_label, f) => {
    // Every named case matches something, or it would prove nothing.
    expect(await check(f)).toBeGreaterThan(0);
  });

  it("random combinations match the independent computation", async () => {
    const arb = fc.record(
      {
        stages: fc.subarray(["CLD", "PD", "DS_CLIN", "DS_COMM", "FILL", "QC"], { maxLength: 2 }),
        modalities: fc.subarray(["MAB", "AAV", "CELL", "MRNA", "ADC"], { maxLength: 2 }),
        regions: fc.subarray(["NA", "EU", "APAC", "LATAM"], { maxLength: 2 }),
        qualityMin: fc.integer({ min: 0, max: 90 }),
        hasOpenWarningLetter: fc.boolean(),
        source: fc.constantFrom("ALL" as const, "PLATFORM" as const, "PRIVATE" as const),
        tags: fc.subarray(GEN_TAGS, { maxLength: 1 }),
        sort: fc.constantFrom(
          "name" as const,
          "qualityScore" as const,
          "lastInspectionAt" as const,
          "country" as const,
        ),
        dir: fc.constantFrom("asc" as const, "desc" as const),
      },
      { requiredKeys: ["sort", "dir"] },
    );
    await fc.assert(
      fc.asyncProperty(arb, async (f) => void (await check(f, 10))),
      { numRuns: 25, seed: 7 },
    );
  });

  it("items carry the viewer's quality view, site counts and tags", async () => {
    const view = data.views.find(
      (v) => v.organizationId === a.id && !data.vendors.find((x) => x.id === v.vendorId)!.archivedAt,
    )!;
    const vendor = data.vendors.find((v) => v.id === view.vendorId)!;
    const page = await directory({ q: vendor.name, pageSize: 100 });
    const item = page.items.find((i) => i.id === vendor.id)!;
    expect(item.qualityScore).toBe(view.qualityScore);
    expect(item.hasOpenWarningLetter).toBe(view.hasOpenWarningLetter);
    expect(item.siteCount).toBe(data.sites.filter((s) => s.vendorId === vendor.id).length);
    // The capacities a row shows beside the capabilities that matched a filter.
    expect(item.maxBioreactorLitres).toBe(vendor.maxBioreactorLitres);
    expect(item.maxBatchUnits).toBe(vendor.maxBatchUnits);
    expect(item.tags).toEqual(
      data.tags
        .filter((x) => x.organizationId === a.id && x.vendorId === vendor.id)
        .map((x) => x.tag)
        .sort(),
    );
    // Sponsor B sees the public summary of the same vendor, not A's view.
    const other = await callerFor(b.viewer).vendors.directory({ orgSlug: b.slug, q: vendor.name, pageSize: 100 });
    const bView = data.views.find((v) => v.organizationId === b.id && v.vendorId === vendor.id);
    expect(other.items.find((i) => i.id === vendor.id)!.qualityScore).toBe((bView ?? vendor).qualityScore);
  });
});
