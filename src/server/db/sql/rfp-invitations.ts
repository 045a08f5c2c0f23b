import type { TenantDb } from "../tenant";
import { fullClientOf } from "../tenant-db";

export type ClaimedInvitation = { id: string; rfpId: string; organizationId: string };
export type ClaimOutcome =
  | { kind: "claimed"; invitation: ClaimedInvitation }
  /** No invitation has this token (or it was never sent). */
  | { kind: "unknown" }
  | { kind: "used" }
  | { kind: "revoked" }
  /** The organisation already holds an invitation to the same RFP. */
  | { kind: "already-invited" }
  /** Row-level security refused the write: the organisation is not a CDMO. */
  | { kind: "refused" };

/**
 * Someone invited by e-mail claims the sponsor's invitation row for the CDMO organisation the
 * transaction acts in (app.org_id). The scoped client cannot do this, as it only ever writes the
 * current organisation's rows: the row is the sponsor's, and only the migration's
 * claim_by_token policy lets a CDMO set vendorOrganizationId on it, with the token's hash in
 * app.invite_token, once (vendorOrganizationId still null), on a sent and unrevoked
 * invitation, to its own id, and only if it is a CDMO. The setting is cleared again before
 * returning, so nothing else in the transaction reads by token.
 */
export async function claimRfpInvitationByToken(db: TenantDb, tokenHash: string): Promise<ClaimOutcome> {
  const tx = fullClientOf(db);
  await tx.$queryRaw`SELECT set_config('app.invite_token', ${tokenHash}, true)`;
  let failed = false;
  try {
    const rows = await tx.$queryRaw<ClaimedInvitation[]>`
      UPDATE "RfpInvitation" SET "vendorOrganizationId" = (SELECT current_setting('app.org_id', true))
      WHERE "tokenHash" = ${tokenHash} AND "vendorOrganizationId" IS NULL
        AND "sentAt" IS NOT NULL AND "revokedAt" IS NULL
      RETURNING id, "rfpId", "organizationId"`;
    if (rows[0]) return { kind: "claimed", invitation: rows[0] };
    // Why not: the by_token policy shows the row to the holder of the token.
    const seen = await tx.$queryRaw<{ claimed: boolean; sent: boolean; revoked: boolean }[]>`
      SELECT "vendorOrganizationId" IS NOT NULL AS claimed, "sentAt" IS NOT NULL AS sent, "revokedAt" IS NOT NULL AS revoked
      FROM "RfpInvitation" WHERE "tokenHash" = ${tokenHash}`;
    const row = seen[0];
    if (!row || !row.sent) return { kind: "unknown" };
    if (row.revoked) return { kind: "revoked" };
    if (row.claimed) return { kind: "used" };
    return { kind: "unknown" };
  } catch (e) {
    failed = true;
    // (rfpId, vendorOrganizationId) is unique: the organisation is already invited (perhaps
    // under an invitation the sponsor revoked, which it cannot see).
    if (isUniqueViolation(e)) return { kind: "already-invited" };
    if (/42501|row-level security/i.test(errorText(e))) return { kind: "refused" };
    throw e;
  } finally {
    // After a failed statement PostgreSQL refuses everything until rollback, which follows.
    if (!failed) await tx.$queryRaw`SELECT set_config('app.invite_token', '', true)`;
  }
}

const errorText = (e: unknown) => `${JSON.stringify((e as { meta?: unknown })?.meta ?? {})} ${String(e)}`;
const isUniqueViolation = (e: unknown) => /23505|unique constraint|duplicate key/i.test(errorText(e));
