import { Prisma } from "../generated/client";
import type { TenantDb } from "../tenant";
import { fullClientOf } from "../tenant-db";

// A CDMO's inbox page as one statement (plus a count only when the page lies past the end).
// It used to be five (count, page, then the RFPs, participations and sponsor names of the
// page); at 20 concurrent users the Node CPU of each extra round trip was what kept p95 above
// 100 ms (bench/README.md). It runs on the tenant transaction, so row-level security still
// decides which invitations, RFPs and sponsor names the CDMO sees; the conditions below repeat
// the portal's share rule (its own sent, unrevoked invitations to RFPs that are not drafts).

export type InboxRow = {
  invitationId: string;
  rfpId: string;
  sponsorId: string;
  sponsorName: string | null;
  sentAt: Date | null;
  title: string;
  dueAt: Date | null;
  timeZone: string;
  round: number;
  status: string;
  viewedAt: Date | null;
  declinedAt: Date | null;
  submittedAt: Date | null;
  awardOutcome: "AWARDED" | "NOT_AWARDED" | null;
};

export type InboxQuery = { show: "open" | "past"; page: number; pageSize: number; now: Date };

export async function queryInbox(
  db: TenantDb,
  orgId: string,
  q: InboxQuery,
): Promise<{ rows: InboxRow[]; total: number }> {
  const open = Prisma.sql`(r.status = 'PUBLISHED' AND r."dueAt" > ${q.now})`;
  // An RFP is open or past, never neither: IS [NOT] TRUE keeps a missing due date on one side.
  const where = Prisma.sql`i."vendorOrganizationId" = ${orgId} AND i."sentAt" IS NOT NULL AND i."revokedAt" IS NULL
    AND r.status <> 'DRAFT' AND ${open} ${Prisma.raw(q.show === "open" ? "IS TRUE" : "IS NOT TRUE")}`;
  const from = Prisma.sql`FROM "RfpInvitation" i
    JOIN "Rfp" r ON r.id = i."rfpId" AND r."organizationId" = i."organizationId"`;
  const client = fullClientOf(db);
  const rows = await client.$queryRaw<(InboxRow & { total: bigint | number })[]>`
    SELECT i.id AS "invitationId", i."rfpId", i."organizationId" AS "sponsorId", o.name AS "sponsorName", i."sentAt",
      r.title, r."dueAt", r."timeZone", r.round, r.status::text AS status,
      p."viewedAt", p."declinedAt", p."submittedAt", i."awardOutcome"::text AS "awardOutcome",
      count(*) OVER () AS total
    ${from}
    LEFT JOIN "Organization" o ON o.id = i."organizationId"
    LEFT JOIN "RfpParticipation" p ON p."organizationId" = ${orgId} AND p."invitationId" = i.id
    WHERE ${where}
    ORDER BY r."dueAt" ${Prisma.raw(q.show === "open" ? "ASC" : "DESC")}, i.id ASC
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
  if (rows.length) return { rows: rows.map(({ total: _, ...r }) => r), total: Number(rows[0]!.total) };
  if (q.page === 1) return { rows: [], total: 0 };
  const [count] = await client.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n ${from} WHERE ${where}`;
  return { rows: [], total: Number(count?.n ?? 0) };
}
