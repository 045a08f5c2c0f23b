import type { TenantDb } from "../tenant";
import { fullClientOf } from "../tenant-db";

// Row locks for the file service. Adding or removing a file checks the state of what it belongs
// to (an RFP still open to edits, a response not yet submitted); locking that row until the
// transaction ends means a concurrent publish, cancel or submit either waits for the file, or
// commits first and is seen by the check (under READ COMMITTED, FOR UPDATE re-reads the row).

export type LockedRfp = {
  id: string;
  organizationId: string;
  title: string;
  status: string;
  dueAt: Date | null;
  round: number;
};
export type LockedResponse = {
  id: string;
  organizationId: string;
  rfpId: string;
  participationId: string;
  round: number;
  submittedAt: Date | null;
};

/** The organisation's own RFP, locked until the transaction ends; null if it has none with this id. */
export async function lockOwnRfp(db: TenantDb, rfpId: string): Promise<LockedRfp | null> {
  const rows = await fullClientOf(db).$queryRaw<LockedRfp[]>`
    SELECT id, "organizationId", title, status::text AS status, "dueAt", round FROM "Rfp"
    WHERE id = ${rfpId} AND "organizationId" = (SELECT current_setting('app.org_id', true))
    FOR UPDATE`;
  return rows[0] ?? null;
}

/** The organisation's own response, locked until the transaction ends; null if it has none with this id. */
export async function lockOwnResponse(db: TenantDb, responseId: string): Promise<LockedResponse | null> {
  const rows = await fullClientOf(db).$queryRaw<LockedResponse[]>`
    SELECT id, "organizationId", "rfpId", "participationId", round, "submittedAt" FROM "RfpResponse"
    WHERE id = ${responseId} AND "organizationId" = (SELECT current_setting('app.org_id', true))
    FOR UPDATE`;
  return rows[0] ?? null;
}
