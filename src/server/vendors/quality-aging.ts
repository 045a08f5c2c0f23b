import type { PrismaClient } from "../db/generated/client";
import { agedVendorIds, agedViewVendorIds, staleViewVendorIds } from "../db/sql/quality";
import { allOrganizations } from "../db/globals";
import { withTenant, type TenantDb } from "../db/tenant";
import { refreshQuality, todayIso } from "./quality";

// Quality scores are recency-weighted: with no new history, a vendor's score still rises as
// its old findings age. The cached scores the directory filters and sorts on are therefore
// recomputed once a day. Each organisation's rows are recomputed in its own tenant
// transaction (RLS lets an organisation write only its own caches), in batches so no
// transaction holds many rows for long. Time passing is not a change to anyone's records,
// so this writes no audit entries.

const BATCH = 250;

export type AgingResult = { organizations: number; vendors: number; views: number };

type NextBatch = (db: TenantDb, orgId: string, asOf: string, after: string) => Promise<string[]>;

// Only vendors with history can change with time (a vendor without any has no score).
const agedVendors: NextBatch = (db, orgId, asOf, after) => agedVendorIds(db, orgId, asOf, after, BATCH);
// Views computed before `asOf`, and views older than their vendor (its owner changed the public
// history since; the quality.views job usually got there first).
const agedViews: NextBatch = (db, orgId, asOf, after) => agedViewVendorIds(db, orgId, asOf, after, BATCH);
// Only views older than their vendor (recomputed as of `asOf`, today for the job).
const staleViews: NextBatch = (db, orgId, _asOf, after) => staleViewVendorIds(db, orgId, after, BATCH);

/** Recompute, batch by batch, what `next` finds for one organisation; returns how many. */
async function sweep(base: PrismaClient, orgId: string, asOf: string, next: NextBatch): Promise<number> {
  let total = 0;
  // A cursor, not "until none are left": a row that cannot be recomputed (its vendor no
  // longer visible, say) must not keep the loop going.
  let after = "";
  for (;;) {
    const ids = await withTenant(base, { orgId }, async (db) => {
      const batch = await next(db, orgId, asOf, after);
      if (batch.length) await refreshQuality(db, { id: orgId }, batch, asOf, { queueViews: false });
      return batch;
    });
    total += ids.length;
    after = ids.at(-1) ?? after;
    if (ids.length < BATCH) return total;
  }
}

/** Recompute every cached quality summary computed before `asOf` (default: today, UTC). */
export async function refreshAgedQuality(base: PrismaClient, asOf = todayIso()): Promise<AgingResult> {
  const orgs = await allOrganizations(base);
  const touched = new Set<string>();
  const result: AgingResult = { organizations: 0, vendors: 0, views: 0 };
  // Owners' caches first, every organisation's, then sponsors' views: a view recomputed
  // before its vendor would look stale again (older than the vendor) and be redone.
  for (const { id } of orgs) {
    const n = await sweep(base, id, asOf, agedVendors);
    result.vendors += n;
    if (n) touched.add(id);
  }
  for (const { id } of orgs) {
    const n = await sweep(base, id, asOf, agedViews);
    result.views += n;
    if (n) touched.add(id);
  }
  result.organizations = touched.size;
  return result;
}

/**
 * Recompute, in each sponsor's own transaction, the views older than their vendor (the
 * quality.views job, after an owner changed public history). Returns how many.
 */
export async function refreshStaleViewsEverywhere(base: PrismaClient, asOf = todayIso()): Promise<number> {
  const sponsors = (await allOrganizations(base)).filter((o) => o.kind === "SPONSOR");
  let total = 0;
  for (const { id } of sponsors) total += await sweep(base, id, asOf, staleViews);
  return total;
}

const JOB = "quality.refresh";
const dayOf = (asOf: string) => new Date(`${asOf}T00:00:00Z`);

/** Whether the daily refresh for `asOf` still has to run: one primary-key read, no tenant data. */
export async function qualityRefreshDue(base: PrismaClient, asOf = todayIso()): Promise<boolean> {
  return !(await base.dailyJobRun.findUnique({
    where: { job_day: { job: JOB, day: dayOf(asOf) } },
    select: { day: true },
  }));
}

export type DailyRefreshResult = AgingResult | { skipped: "already-done" };

/**
 * The daily job: age every cached quality score to `asOf`, unless a run for that day already
 * finished (a server start, the schedule, another instance or `cdmo refresh-quality`), and
 * record the finished day. `force` runs it anyway (the CLI, after a restore).
 */
export async function runDailyQualityRefresh(
  base: PrismaClient,
  asOf = todayIso(),
  force = false,
): Promise<DailyRefreshResult> {
  if (!force && !(await qualityRefreshDue(base, asOf))) return { skipped: "already-done" };
  const result = await refreshAgedQuality(base, asOf);
  await base.dailyJobRun.upsert({
    where: { job_day: { job: JOB, day: dayOf(asOf) } },
    create: { job: JOB, day: dayOf(asOf), result },
    update: { finishedAt: new Date(), result },
  });
  return result;
}
