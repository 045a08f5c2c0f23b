import type { TenantDb } from "../tenant";
import { fullClientOf } from "../tenant-db";

// The quality-score cache's raw queries (the directory filters and sorts on these caches).
// Each runs on a tenant transaction, so row-level security still applies.

/** Vendors of `orgId` with a score last computed before `asOf`, after cursor `after`. */
export async function agedVendorIds(
  db: TenantDb,
  orgId: string,
  asOf: string,
  after: string,
  limit: number,
): Promise<string[]> {
  const rows = await fullClientOf(db).$queryRaw<{ id: string }[]>`
    SELECT id FROM "Vendor"
    WHERE "organizationId" = ${orgId} AND "qualityScore" IS NOT NULL
      AND ("qualityAsOf" IS NULL OR "qualityAsOf" < ${asOf}::date) AND id > ${after}
    ORDER BY id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Vendors whose quality view in `orgId` was last computed before `asOf`, or is older than the
 * vendor itself (its owner changed the public history since), after cursor `after`.
 */
export async function agedViewVendorIds(
  db: TenantDb,
  orgId: string,
  asOf: string,
  after: string,
  limit: number,
): Promise<string[]> {
  const rows = await fullClientOf(db).$queryRaw<{ vendorId: string }[]>`
    SELECT qv."vendorId" FROM "VendorQualityView" qv JOIN "Vendor" v ON v.id = qv."vendorId"
    WHERE qv."organizationId" = ${orgId}
      AND (qv."qualityAsOf" IS NULL OR qv."qualityAsOf" < ${asOf}::date OR qv."updatedAt" < v."updatedAt")
      AND qv."vendorId" > ${after}
    ORDER BY qv."vendorId" LIMIT ${limit}`;
  return rows.map((r) => r.vendorId);
}

/** Vendors whose quality view in `orgId` is older than the vendor itself, after cursor `after`. */
export async function staleViewVendorIds(db: TenantDb, orgId: string, after: string, limit: number): Promise<string[]> {
  const rows = await fullClientOf(db).$queryRaw<{ vendorId: string }[]>`
    SELECT qv."vendorId" FROM "VendorQualityView" qv JOIN "Vendor" v ON v.id = qv."vendorId"
    WHERE qv."organizationId" = ${orgId} AND qv."updatedAt" < v."updatedAt" AND qv."vendorId" > ${after}
    ORDER BY qv."vendorId" LIMIT ${limit}`;
  return rows.map((r) => r.vendorId);
}
