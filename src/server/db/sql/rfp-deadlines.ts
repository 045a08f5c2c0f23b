import type { PrismaClient } from "../generated/client";

// The RFP deadline jobs' sweeps across every sponsor (SECURITY DEFINER functions of migration
// rfp_deadline_sweeps): ids and owners only; each RFP is then handled in its owner's tenant
// transaction.

export type DueRfp = { id: string; organizationId: string };

/** Published RFPs whose due date is at or before `now` (their stored status lags the clock). */
export async function rfpsDueToClose(base: PrismaClient, now: Date, limit: number): Promise<DueRfp[]> {
  return base.$queryRaw<
    DueRfp[]
  >`SELECT id, "organizationId" FROM rfps_due_to_close(${now}::timestamptz, ${limit}::int)`;
}

/** Published RFPs due within `windowHours` of `now` whose reminder for that due date has not gone out. */
export async function rfpsDueForReminder(
  base: PrismaClient,
  now: Date,
  windowHours: number,
  limit: number,
): Promise<DueRfp[]> {
  return base.$queryRaw<DueRfp[]>`
    SELECT id, "organizationId"
    FROM rfps_due_for_reminder(${now}::timestamptz, make_interval(hours => ${windowHours}::int), ${limit}::int)`;
}
