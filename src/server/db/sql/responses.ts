import type { TenantDb } from "../tenant";
import { fullClientOf } from "../tenant-db";

/**
 * Lock one of the organisation's own responses until the transaction ends (SELECT ... FOR
 * UPDATE), so a submission reads, checks and seals exactly the row no one else is writing.
 * Returns false when there is no such row in this organisation (row-level security hides others').
 */
export async function lockOwnResponse(db: TenantDb, orgId: string, responseId: string): Promise<boolean> {
  const rows = await fullClientOf(db).$queryRaw<{ id: string }[]>`
    SELECT id FROM "RfpResponse" WHERE id = ${responseId} AND "organizationId" = ${orgId} FOR UPDATE`;
  return rows.length === 1;
}
