import type { TenantDb } from "../db/tenant";
import type { OrgAccess } from "../auth/permissions";
import { queryInbox, type InboxRow } from "../db/sql/inbox";
import { inboxItem, type InboxItem } from "../rfps/portal";
import { OVERVIEW_LIST_LIMIT } from "./sponsor";
import { teamCounts, type TeamCounts } from "./team";

// A CDMO's overview: its RFP inbox as work to do. Invitations still open (soonest due first)
// with where the response stands (not opened, draft saved, submitted, declined) and the
// sponsor's answers to its questions; the latest closed ones with their outcome; and whether
// its public profile exists. Sponsor rows arrive only through the share rules of ctx.db (a
// sent, unrevoked invitation to this organisation). A fixed number of statements.

/** An inbox row (rfps/portal.ts) with where the response and the questions stand. */
export type CdmoInvitation = Omit<InboxItem, "invitedAt"> & {
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
  // The invitations as the inbox reads them (one statement each: db/sql/inbox.ts), then what
  // the overview adds for those rows.
  const [open, past, profile, team] = await Promise.all([
    queryInbox(db, org.id, { show: "open", page: 1, pageSize: OVERVIEW_LIST_LIMIT, now }),
    queryInbox(db, org.id, { show: "past", page: 1, pageSize: 3, now }),
    db.vendor.findFirst({
      where: { organizationId: org.id, kind: "PLATFORM" },
      select: { isPublic: true, stages: true, updatedAt: true },
    }),
    teamCounts(db, org, now),
  ]);
  const rfpIds = [...open.rows, ...past.rows].map((i) => i.rfpId);
  const [responses, questions, answers] = rfpIds.length
    ? await Promise.all([
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
      ])
    : [[], [], []];

  const own = new Map(questions.map((q) => [q.id, q.rfpId]));
  const toItem = (r: InboxRow): CdmoInvitation => {
    const { invitedAt: _, ...item } = inboxItem(r, now);
    const draft = responses.find((d) => d.rfpId === r.rfpId && d.round === r.round);
    const mine = answers.filter((a) => a.rfpId === r.rfpId && a.clarificationId && own.has(a.clarificationId));
    return {
      ...item,
      draftSavedAt: draft?.updatedAt ?? null,
      questionsAsked: questions.filter((q) => q.rfpId === r.rfpId).length,
      questionsAnswered: mine.length,
      answersForAll: answers.filter((a) => a.rfpId === r.rfpId && a.audience === "ALL").length,
      award: r.awardOutcome,
    };
  };

  return {
    kind: "CDMO",
    open: open.rows.map(toItem),
    openCount: open.total,
    recent: past.rows.map(toItem),
    profile: {
      exists: Boolean(profile),
      published: Boolean(profile?.isPublic),
      stages: profile?.stages.length ?? 0,
      updatedAt: profile?.updatedAt ?? null,
    },
    team,
  };
}
