import { Prisma } from "../generated/client";
import type { TenantDb } from "../tenant";
import { fullClientOf } from "../tenant-db";
import type { TDirectoryInput } from "../../vendors/schemas";

// The directory as one SQL statement (plus a count only when a page lies past the end).
// It runs on the tenant transaction, so row-level security still decides which vendors,
// sites, tags and quality views exist; the explicit organisation conditions below only
// help the planner. The quality shown is the viewer's VendorQualityView when it has one
// (it imported history of its own), else the vendor's cached public summary.

export type DirectoryItem = {
  id: string;
  kind: "PLATFORM" | "PRIVATE";
  name: string;
  hqCountry: string | null;
  hqCity: string | null;
  regions: string[];
  stages: string[];
  modalities: string[];
  scaleTiers: string[];
  maxBioreactorLitres: number | null;
  /** Largest fill-finish batch, in units: the row shows it when fill-finish is what was asked for. */
  maxBatchUnits: number | null;
  certifications: string[];
  qualityScore: number | null;
  /** The score of the public records alone (the vendor's cached score), the same for every viewer. */
  publicScore: number | null;
  /** How many of the viewer's private records qualityScore includes (0 without a view). */
  privateRecords: number;
  hasOpenWarningLetter: boolean;
  lastInspectionAt: Date | null;
  siteCount: number;
  tags: string[];
  linkedVendorId: string | null;
};

export type DirectoryPage = { items: DirectoryItem[]; total: number; page: number; pageSize: number };

const SCORE = Prisma.sql`CASE WHEN qv.id IS NULL THEN v."qualityScore" ELSE qv."qualityScore" END`;
const OPEN_WL = Prisma.sql`CASE WHEN qv.id IS NULL THEN v."hasOpenWarningLetter" ELSE qv."hasOpenWarningLetter" END`;
const LAST_INSP = Prisma.sql`CASE WHEN qv.id IS NULL THEN v."lastInspectionAt" ELSE qv."lastInspectionAt" END`;

/** Words of a search for a prefix query ("kest bio" -> kest:* & bio:*); only letters and digits reach to_tsquery. */
export function prefixTsQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 8)
        .map((w) => `${w}:*`)
        .join(" & ")
    : null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const textArray = (a: string[]) => Prisma.sql`${a}::text[]`;

/** The WHERE conditions of a directory query, each a Prisma.Sql fragment (ANDed). */
export function directoryConditions(orgId: string, f: TDirectoryInput): Prisma.Sql[] {
  const c: Prisma.Sql[] = [
    Prisma.sql`v."archivedAt" IS NULL`,
    Prisma.sql`(v."organizationId" = ${orgId} OR v."isPublic")`,
  ];
  if (f.q) {
    const alts = [
      Prisma.sql`v."searchVector" @@ websearch_to_tsquery('simple', ${f.q})`,
      Prisma.sql`v.name ILIKE ${`%${escapeLike(f.q)}%`}`,
    ];
    // Websearch syntax (quotes, -exclusion, "or") is honoured as typed; plain words also match as prefixes.
    const prefix = /["-]|\bor\b/i.test(f.q) ? null : prefixTsQuery(f.q);
    if (prefix) alts.push(Prisma.sql`v."searchVector" @@ to_tsquery('simple', ${prefix})`);
    c.push(Prisma.sql`(${Prisma.join(alts, " OR ")})`);
  }
  if (f.stages?.length) c.push(Prisma.sql`v.stages && ${textArray(f.stages)}`);
  if (f.modalities?.length) c.push(Prisma.sql`v.modalities && ${textArray(f.modalities)}`);
  if (f.regions?.length) c.push(Prisma.sql`v.regions && ${textArray(f.regions)}`);
  if (f.scaleTiers?.length) c.push(Prisma.sql`v."scaleTiers" && ${textArray(f.scaleTiers)}`);
  if (f.countries?.length) {
    c.push(Prisma.sql`(v."hqCountry" = ANY(${textArray(f.countries)}) OR EXISTS (
      SELECT 1 FROM "VendorSite" s WHERE s."vendorId" = v.id AND s."removedAt" IS NULL AND s.country = ANY(${textArray(f.countries)})))`);
  }
  if (f.minBioreactorLitres !== undefined) c.push(Prisma.sql`v."maxBioreactorLitres" >= ${f.minBioreactorLitres}`);
  if (f.minBatchUnits !== undefined) c.push(Prisma.sql`v."maxBatchUnits" >= ${f.minBatchUnits}`);
  if (f.qualityMin !== undefined) c.push(Prisma.sql`${SCORE} >= ${f.qualityMin}`);
  if (f.qualityMax !== undefined) c.push(Prisma.sql`${SCORE} <= ${f.qualityMax}`);
  if (f.hasOpenWarningLetter !== undefined) c.push(Prisma.sql`${OPEN_WL} = ${f.hasOpenWarningLetter}`);
  if (f.source === "PLATFORM") c.push(Prisma.sql`v.kind = 'PLATFORM'`);
  if (f.source === "PRIVATE") c.push(Prisma.sql`v.kind = 'PRIVATE'`);
  if (f.tags?.length) {
    c.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "VendorTag" t WHERE t."organizationId" = ${orgId} AND t."vendorId" = v.id AND t.tag = ANY(${textArray(f.tags)}))`,
    );
  }
  return c;
}

/** The sort key of the chosen order (NULL for "name", which sorts by name alone). */
function sortKey(f: Pick<TDirectoryInput, "sort">): Prisma.Sql {
  if (f.sort === "qualityScore") return SCORE;
  if (f.sort === "lastInspectionAt") return LAST_INSP;
  if (f.sort === "country") return Prisma.sql`v."hqCountry"`;
  return Prisma.sql`NULL::text`;
}

/**
 * ORDER BY over the selected columns "sortKey", "sortName" (lower(name), byte order so every
 * database sorts alike) and id: the chosen key (nulls last either way), then name, then id,
 * so pages never overlap. For "name" the direction applies to name and id.
 */
export function directoryOrder(f: Pick<TDirectoryInput, "sort" | "dir">, alias = ""): Prisma.Sql {
  const col = (c: string) => Prisma.raw(alias ? `${alias}."${c}"` : `"${c}"`);
  const dir = Prisma.raw(f.dir === "desc" ? "DESC" : "ASC");
  if (f.sort === "name") return Prisma.sql`${col("sortName")} ${dir}, ${col("id")} ${dir}`;
  return Prisma.sql`${col("sortKey")} ${dir} NULLS LAST, ${col("sortName")} ASC, ${col("id")} ASC`;
}

type Row = Omit<DirectoryItem, "siteCount" | "privateRecords"> & {
  siteCount: number | bigint;
  privateRecords: number | bigint;
  total: number | bigint;
};

export async function queryDirectory(db: TenantDb, orgId: string, f: TDirectoryInput): Promise<DirectoryPage> {
  const where = Prisma.join(directoryConditions(orgId, f), " AND ");
  const from = Prisma.sql`FROM "Vendor" v
    LEFT JOIN "VendorQualityView" qv ON qv."organizationId" = ${orgId} AND qv."vendorId" = v.id
    WHERE ${where}`;
  const offset = (f.page - 1) * f.pageSize;
  const rows = await fullClientOf(db).$queryRaw<Row[]>`
    WITH page AS (
      SELECT v.id, v.kind::text AS kind, v.name, v."hqCountry", v."hqCity", v.regions, v.stages, v.modalities, v."scaleTiers",
        v."maxBioreactorLitres", v."maxBatchUnits", v.certifications, v."linkedVendorId",
        ${SCORE} AS "qualityScore", v."qualityScore" AS "publicScore", COALESCE(qv."privateRecords", 0) AS "privateRecords",
        ${OPEN_WL} AS "hasOpenWarningLetter", ${LAST_INSP} AS "lastInspectionAt",
        ${sortKey(f)} AS "sortKey", lower(v.name) COLLATE "C" AS "sortName",
        count(*) OVER () AS total
      ${from}
      ORDER BY ${directoryOrder(f)}
      LIMIT ${f.pageSize} OFFSET ${offset}
    )
    SELECT p.id, p.kind, p.name, p."hqCountry", p."hqCity", p.regions, p.stages, p.modalities, p."scaleTiers",
      p."maxBioreactorLitres", p."maxBatchUnits", p.certifications, p."linkedVendorId", p."qualityScore", p."publicScore", p."privateRecords", p."hasOpenWarningLetter",
      p."lastInspectionAt", p.total,
      (SELECT count(*) FROM "VendorSite" s WHERE s."vendorId" = p.id AND s."removedAt" IS NULL) AS "siteCount",
      COALESCE((SELECT array_agg(t.tag ORDER BY t.tag) FROM "VendorTag" t WHERE t."organizationId" = ${orgId} AND t."vendorId" = p.id), '{}') AS tags
    FROM page p ORDER BY ${directoryOrder(f, "p")}`;
  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (!rows.length && f.page > 1) {
    const c = await fullClientOf(db).$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n ${from}`;
    total = Number(c[0]!.n);
  }
  return {
    items: rows.map(({ total: _t, ...r }) => ({
      ...r,
      qualityScore: r.qualityScore === null ? null : Number(r.qualityScore),
      publicScore: r.publicScore === null ? null : Number(r.publicScore),
      privateRecords: Number(r.privateRecords),
      siteCount: Number(r.siteCount),
      tags: r.tags ?? [],
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}
