import type { TenantDb } from "../tenant";
import { fullClientOf } from "../tenant-db";

// The head of the CDMO's RFP page in one statement: its own sent, unrevoked invitation, the RFP
// (not a draft), the sponsor's name and the CDMO's participation if it has one. It used to be four
// statements one after another (invitation, RFP, sponsor, participation); every round trip costs
// Node CPU, which is what the 20-user benchmark runs out of (bench/README.md). It runs on the
// tenant transaction: row-level security still decides what the CDMO sees, and the conditions
// below repeat the portal's share rule.

export type PortalRfpHead = {
  inv: {
    id: string;
    rfpId: string;
    organizationId: string;
    sentAt: Date | null;
    awardOutcome: "AWARDED" | "NOT_AWARDED" | null;
    awardStages: string[];
    awardedAt: Date | null;
  };
  rfp: {
    id: string;
    title: string;
    summary: string | null;
    stages: string[];
    status: "DRAFT" | "PUBLISHED" | "CLOSED" | "AWARDED" | "CANCELLED";
    content: unknown;
    dueAt: Date | null;
    timeZone: string;
    sealed: boolean;
    round: number;
    publishedAt: Date | null;
    version: number;
  };
  sponsorName: string | null;
  participation: {
    id: string;
    viewedAt: Date | null;
    declinedAt: Date | null;
    declineReason: string | null;
    submittedAt: Date | null;
  } | null;
};

type Row = {
  invitationId: string;
  rfpId: string;
  sponsorId: string;
  sentAt: Date | null;
  awardOutcome: PortalRfpHead["inv"]["awardOutcome"];
  awardStages: string[] | null;
  awardedAt: Date | null;
  title: string;
  summary: string | null;
  stages: string[];
  status: PortalRfpHead["rfp"]["status"];
  content: unknown;
  dueAt: Date | null;
  timeZone: string;
  sealed: boolean;
  round: number;
  publishedAt: Date | null;
  version: number;
  sponsorName: string | null;
  participationId: string | null;
  viewedAt: Date | null;
  declinedAt: Date | null;
  declineReason: string | null;
  submittedAt: Date | null;
};

/** Null when the organisation holds no sent, unrevoked invitation to a published RFP of this id. */
export async function queryPortalRfpHead(db: TenantDb, orgId: string, rfpId: string): Promise<PortalRfpHead | null> {
  const [r] = await fullClientOf(db).$queryRaw<Row[]>`
    SELECT i.id AS "invitationId", i."rfpId", i."organizationId" AS "sponsorId", i."sentAt",
      i."awardOutcome"::text AS "awardOutcome", i."awardStages", i."awardedAt",
      r.title, r.summary, r.stages, r.status::text AS status, r.content, r."dueAt", r."timeZone", r.sealed,
      r.round, r."publishedAt", r.version,
      o.name AS "sponsorName",
      p.id AS "participationId", p."viewedAt", p."declinedAt", p."declineReason", p."submittedAt"
    FROM "RfpInvitation" i
    JOIN "Rfp" r ON r.id = i."rfpId" AND r."organizationId" = i."organizationId" AND r.status <> 'DRAFT'
    LEFT JOIN "Organization" o ON o.id = i."organizationId"
    LEFT JOIN "RfpParticipation" p ON p."organizationId" = ${orgId} AND p."invitationId" = i.id
    WHERE i."rfpId" = ${rfpId} AND i."vendorOrganizationId" = ${orgId}
      AND i."sentAt" IS NOT NULL AND i."revokedAt" IS NULL`;
  if (!r) return null;
  return {
    inv: {
      id: r.invitationId,
      rfpId: r.rfpId,
      organizationId: r.sponsorId,
      sentAt: r.sentAt,
      awardOutcome: r.awardOutcome,
      awardStages: r.awardStages ?? [],
      awardedAt: r.awardedAt,
    },
    rfp: {
      id: r.rfpId,
      title: r.title,
      summary: r.summary,
      stages: r.stages,
      status: r.status,
      content: r.content,
      dueAt: r.dueAt,
      timeZone: r.timeZone,
      sealed: r.sealed,
      round: r.round,
      publishedAt: r.publishedAt,
      version: r.version,
    },
    sponsorName: r.sponsorName,
    participation: r.participationId
      ? {
          id: r.participationId,
          viewedAt: r.viewedAt,
          declinedAt: r.declinedAt,
          declineReason: r.declineReason,
          submittedAt: r.submittedAt,
        }
      : null,
  };
}
