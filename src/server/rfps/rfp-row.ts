import { lockRfp } from "../db/sql/locks";
import type { TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import type { RfpStatus } from "./lifecycle";

// The sponsor's own RFP, locked for the rest of the transaction and read after the lock, so a
// status change decides on the latest committed row (READ COMMITTED reads anew per statement).

export const RFP_LIFECYCLE_SELECT = {
  id: true,
  organizationId: true,
  title: true,
  stages: true,
  content: true,
  weights: true,
  status: true,
  dueAt: true,
  timeZone: true,
  round: true,
  publishedAt: true,
  closedAt: true,
  reminderDueAt: true,
  cancelledAt: true,
  version: true,
} as const;

export type LockedRfp = {
  id: string;
  organizationId: string;
  title: string;
  stages: string[];
  content: unknown;
  weights: unknown;
  status: RfpStatus;
  dueAt: Date | null;
  timeZone: string;
  round: number;
  publishedAt: Date | null;
  closedAt: Date | null;
  reminderDueAt: Date | null;
  cancelledAt: Date | null;
  version: number;
};

const notFound = () => new AppError("NOT_FOUND", "The RFP was not found.");

/** Lock and read one of this organisation's RFPs (`orgId` keeps invitees' shared reads out). */
export async function lockOwnRfp(db: TenantDb, orgId: string, rfpId: string, version?: number): Promise<LockedRfp> {
  if (!(await lockRfp(db, rfpId))) throw notFound();
  const rfp = await db.rfp.findFirst({ where: { id: rfpId, organizationId: orgId }, select: RFP_LIFECYCLE_SELECT });
  if (!rfp) throw notFound();
  if (version !== undefined && version !== rfp.version)
    throw new AppError("CONFLICT", "Someone else changed this RFP since you opened it. Reload to see their changes.", {
      field: "version",
    });
  return rfp as LockedRfp;
}
