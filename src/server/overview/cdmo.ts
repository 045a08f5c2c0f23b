import type { TenantDb } from "../db/tenant";
import type { OrgAccess } from "../auth/permissions";
import { organizationNames } from "../db/globals";
import { effectiveStatus, type RfpStatus } from "../rfps/lifecycle";
import { invitationStatus, type InvitationStatus } from "../rfps/invitation-status";
import { OVERVIEW_LIST_LIMIT } from "./sponsor";
import { teamCounts, type TeamCounts } from "./team";

// A CDMO's overview: its RFP inbox as work to do. Invitations still open (soonest due first)
// with where the response stands (not opened, draft saved, submitted, declined) and the
// sponsor's answers to its questions; the latest closed ones with their outcome; and whether
// its public profile exists. Sponsor rows arrive only through the share rules of ctx.db (a
// sent, unrevoked invitation to this organisation). A fixed number of statements.

export type CdmoInvitation = {
  rfpId: string;
  title: string;
  sponsorName: string;
  dueAt: Date | null;
  timeZone: string;
  round: number;
  rfpStatus: RfpStatus;
  status: InvitationStatus;
  /** When the draft of the current round was last saved, if there is one not yet submitted. */
  draftSavedAt: Date | null;
  questionsAsked: number;
  questionsAnswered: number;
  /** Answers the sponsor gave to every invitee. */
  answersForAll: number;
  award: "AWARDED" | "NOT_AWARDED" | null;
};

export type CdmoOverview = {
  kind: "CDMO";
  open: CdmoInvitation[];
  openCount: number;
  recent: CdmoInvitation[];
  profile: { exists: boolean; published: boolean; stages: number; updatedAt: Date | null };
  team: TeamCounts;
};

export async function cdmoOverview(
  db: TenantDb,
  org: OrgAccess & { id: string },
  now: Date = new Date(),
): Promise<CdmoOverview> {
  const visible = { vendorOrganizationId: org.id, sentAt: { not: null }, revokedAt: null };
  const openRfp = { status: "PUBLISHED" as const, dueAt: { gt: now } };
  const select = { id: true, rfpId: true, organizationId: true, awardOutcome: true } as const;
  const [openInvitations, openCount, pastInvitations, profile, team] = await Promise.all([
    db.rfpInvitation.findMany({
      where: { ...visible, rfp: openRfp },
      select,
      orderBy: [{ rfp: { dueAt: "asc" } }, { id: "asc" }],
      take: OVERVIEW_LIST_LIMIT,
    }),
    db.rfpInvitation.count({ where: { ...visible, rfp: openRfp } }),
    db.rfpInvitation.findMany({
      where: { ...visible, rfp: { status: { not: "DRAFT" }, NOT: openRfp } },
      select,
      orderBy: [{ rfp: { dueAt: "desc" } }, { id: "asc" }],
      take: 3,
    }),
    db.vendor.findFirst({
      where: { organizationId: org.id, kind: "PLATFORM" },
      select: { isPublic: true, stages: true, updatedAt: true },
    }),
    teamCounts(db, org, now),
  ]);

  const invitations = [...openInvitations, ...pastInvitations];
  const rfpIds = invitations.map((i) => i.rfpId);
  const [rfps, participations, responses, questions, answers, sponsors] = rfpIds.length
    ? await Promise.all([
        db.rfp.findMany({
          where: { id: { in: rfpIds } },
          select: { id: true, title: true, dueAt: true, timeZone: true, round: true, status: true },
        }),
        db.rfpParticipation.findMany({
          where: { organizationId: org.id, invitationId: { in: invitations.map((i) => i.id) } },
          select: { invitationId: true, viewedAt: true, declinedAt: true, submittedAt: true },
        }),
        db.rfpResponse.findMany({
          where: { organizationId: org.id, rfpId: { in: rfpIds }, submittedAt: null },
          select: { rfpId: true, round: true, updatedAt: true },
        }),
        db.clarification.findMany({
          where: { organizationId: org.id, rfpId: { in: rfpIds } },
          select: { id: true, rfpId: true },
        }),
        // The share rule admits answers for all invitees and those addressed to this organisation.
        db.clarificationAnswer.findMany({
          where: { rfpId: { in: rfpIds }, OR: [{ audience: "ALL" }, { recipientOrganizationId: org.id }] },
          select: { rfpId: true, clarificationId: true, audience: true },
        }),
        organizationNames(
          db,
          invitations.map((i) => i.organizationId),
        ),
      ])
    : [[], [], [], [], [], new Map<string, string>()];

  const rfpById = new Map(rfps.map((r) => [r.id, r]));
  const partBy = new Map(participations.map((p) => [p.invitationId, p]));
  const own = new Map(questions.map((q) => [q.id, q.rfpId]));
  const toItem = (i: (typeof invitations)[number]): CdmoInvitation[] => {
    const r = rfpById.get(i.rfpId);
    if (!r) return [];
    const draft = responses.find((d) => d.rfpId === r.id && d.round === r.round);
    const mine = answers.filter((a) => a.rfpId === r.id && a.clarificationId && own.has(a.clarificationId));
    return [
      {
        rfpId: r.id,
        title: r.title,
        sponsorName: sponsors.get(i.organizationId) ?? "Sponsor",
        dueAt: r.dueAt,
        timeZone: r.timeZone,
        round: r.round,
        rfpStatus: effectiveStatus(r, now),
        status: invitationStatus(partBy.get(i.id)),
        draftSavedAt: draft?.updatedAt ?? null,
        questionsAsked: questions.filter((q) => q.rfpId === r.id).length,
        questionsAnswered: mine.length,
        answersForAll: answers.filter((a) => a.rfpId === r.id && a.audience === "ALL").length,
        award: i.awardOutcome,
      },
    ];
  };

  return {
    kind: "CDMO",
    open: openInvitations.flatMap(toItem),
    openCount,
    recent: pastInvitations.flatMap(toItem),
    profile: {
      exists: Boolean(profile),
      published: Boolean(profile?.isPublic),
      stages: profile?.stages.length ?? 0,
      updatedAt: profile?.updatedAt ?? null,
    },
    team,
  };
}
