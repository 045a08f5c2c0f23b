import type { SealedRfp } from "../../rfps/sealing";
import type { TenantDb } from "../tenant";
import { fullClientOf } from "../tenant-db";

// The response matrix's reads, two statements instead of six: the sponsor's RFP with its content,
// its programme's currency (Prisma reads a relation in a second statement) and its committee's
// bid openings (every round: a handful of rows), then a round's submitted responses with the name
// the sponsor gave each invitee. Round trips are what the 20-user benchmark spends its time on
// (bench/README.md). Both run on the tenant transaction, so row-level security still decides what
// the sponsor sees; the conditions repeat the sponsor's ownership anyway.

export type MatrixRfp = SealedRfp & {
  version: number;
  content: unknown;
  currency: string;
  /** Oldest first, as JSON gives them: `at` is an ISO string with an offset (the column is UTC, zoneless). */
  openings: { round: number; userId: string; at: string }[];
};

export type MatrixResponse = {
  id: string;
  organizationId: string;
  submittedAt: Date;
  round: number;
  version: number;
  answers: unknown;
  /** The invitation's display name; null when the invitation is gone. */
  name: string | null;
};

/** The sponsor's own RFP with what the matrix needs, or null. */
export async function queryMatrixRfp(db: TenantDb, orgId: string, rfpId: string): Promise<MatrixRfp | null> {
  const [r] = await fullClientOf(db).$queryRaw<MatrixRfp[]>`
    SELECT r.id, r."organizationId", r.title, r.status::text AS status, r."dueAt", r."timeZone", r.sealed,
      r."committeeOpening", r.round, r."cancelledAt", r.version, r.content, p.currency,
      COALESCE((
        SELECT json_agg(json_build_object('round', b.round, 'userId', b."userId", 'at', b.at AT TIME ZONE 'UTC')
          ORDER BY b.at, b.id)
        FROM "BidOpening" b WHERE b."rfpId" = r.id AND b."organizationId" = r."organizationId"
      ), '[]'::json) AS openings
    FROM "Rfp" r
    JOIN "Programme" p ON p.id = r."programmeId" AND p."organizationId" = r."organizationId"
    WHERE r.id = ${rfpId} AND r."organizationId" = ${orgId}`;
  return r ?? null;
}

/** The responses submitted in `round`, first submitted first. */
export async function queryMatrixResponses(
  db: TenantDb,
  orgId: string,
  rfpId: string,
  round: number,
): Promise<MatrixResponse[]> {
  return fullClientOf(db).$queryRaw<MatrixResponse[]>`
    SELECT s.id, s."organizationId", s."submittedAt", s.round, s.version, s.answers, i."displayName" AS name
    FROM "RfpResponse" s
    LEFT JOIN "RfpInvitation" i ON i."rfpId" = s."rfpId" AND i."organizationId" = s."sponsorOrganizationId"
      AND i."vendorOrganizationId" = s."organizationId"
    WHERE s."rfpId" = ${rfpId} AND s."sponsorOrganizationId" = ${orgId} AND s.round = ${round}
      AND s."submittedAt" IS NOT NULL
    ORDER BY s."submittedAt" ASC, s.id ASC`;
}
