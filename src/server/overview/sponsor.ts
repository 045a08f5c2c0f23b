import type { TenantDb } from "../db/tenant";
import type { OrgAccess } from "../auth/permissions";
import { effectiveStatus } from "../rfps/lifecycle";
import { teamCounts } from "./team";
import type { SponsorOverview, VendorAlert } from "./sponsor-types";

export type * from "./sponsor-types";

// What needs a sponsor's attention, for the overview page: open RFPs closing soon with their
// replies and unanswered questions, closed RFPs waiting for evaluation, proposed decisions
// waiting for signatures, and shortlisted vendors with a recent OAI or an open warning letter.
// A fixed number of statements whatever the data (two rounds of reads, no query per row):
// tests/overview.test.ts pins it. Every read is already scoped to the organisation by ctx.db.

const DAY = 24 * 60 * 60 * 1000;
/** An OAI inspection is news on the overview for a year after it ended. */
export const RECENT_OAI_DAYS = 365;
/** How many rows each list shows; the pages behind the links have the rest. */
export const OVERVIEW_LIST_LIMIT = 6;

const countBy = <T>(rows: T[], key: (r: T) => string | null | undefined) => {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
};

export async function sponsorOverview(
  db: TenantDb,
  org: OrgAccess & { id: string },
  now: Date = new Date(),
): Promise<SponsorOverview> {
  const active = { organizationId: org.id, archivedAt: null };
  // Round one: the organisation's own rows, independent of each other.
  const [programmes, rfps, decisions, entries, team] = await Promise.all([
    db.programme.findMany({
      where: active,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      select: { id: true, name: true, molecule: true, phase: true, targetDate: true },
    }),
    // Awarded and cancelled RFPs need nothing more from anyone.
    db.rfp.findMany({
      where: { organizationId: org.id, status: { in: ["DRAFT", "PUBLISHED", "CLOSED"] }, programme: active },
      select: { id: true, title: true, programmeId: true, status: true, dueAt: true, timeZone: true, closedAt: true },
    }),
    db.portfolioDecision.findMany({
      where: { organizationId: org.id, status: "PROPOSED" },
      orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
      select: { id: true, programmeId: true, proposedAt: true, requiredApprovers: true },
    }),
    db.shortlistEntry.findMany({
      where: { organizationId: org.id, programme: active },
      select: {
        vendorId: true,
        programmeId: true,
        stage: true,
        vendor: { select: { name: true, linkedVendorId: true } },
      },
    }),
    teamCounts(db, org, now),
  ]);

  const withStatus = rfps.map((r) => ({ ...r, effective: effectiveStatus(r, now) }));
  const open = withStatus
    .filter((r) => r.effective === "PUBLISHED")
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || a.id.localeCompare(b.id));
  const closed = withStatus
    .filter((r) => r.effective === "CLOSED")
    .sort((a, b) => (b.dueAt?.getTime() ?? 0) - (a.dueAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
  const shownOpen = open.slice(0, OVERVIEW_LIST_LIMIT);
  const shownClosed = closed.slice(0, OVERVIEW_LIST_LIMIT);
  const rfpIds = [...shownOpen, ...shownClosed].map((r) => r.id);
  const openIds = shownOpen.map((r) => r.id);
  const closedIds = shownClosed.map((r) => r.id);
  const decisionIds = decisions.slice(0, OVERVIEW_LIST_LIMIT).map((d) => d.id);
  // A private record linked to a platform profile: the public history is on the profile.
  const vendorIds = [...new Set(entries.flatMap((e) => [e.vendorId, e.vendor.linkedVendorId ?? []].flat()))];
  const since = new Date(now.getTime() - RECENT_OAI_DAYS * DAY);

  // Round two: what hangs off the rows above, each list in one statement.
  const [invitations, participations, questions, answers, scorecards, signatures, oais, letters] = await Promise.all([
    openIds.length
      ? db.rfpInvitation.findMany({
          where: { organizationId: org.id, rfpId: { in: openIds }, sentAt: { not: null }, revokedAt: null },
          select: { rfpId: true },
        })
      : [],
    rfpIds.length
      ? db.rfpParticipation.findMany({
          where: { sponsorOrganizationId: org.id, rfpId: { in: rfpIds } },
          select: { rfpId: true, submittedAt: true, declinedAt: true },
        })
      : [],
    openIds.length
      ? db.clarification.findMany({
          where: { sponsorOrganizationId: org.id, rfpId: { in: openIds } },
          select: { id: true, rfpId: true },
        })
      : [],
    openIds.length
      ? db.clarificationAnswer.findMany({
          where: { organizationId: org.id, rfpId: { in: openIds }, clarificationId: { not: null } },
          select: { clarificationId: true },
        })
      : [],
    closedIds.length
      ? db.scorecard.findMany({
          where: { organizationId: org.id, rfpId: { in: closedIds } },
          select: { rfpId: true, lockedAt: true, _count: { select: { submissions: true } } },
        })
      : [],
    decisionIds.length
      ? db.decisionSignature.findMany({
          where: { organizationId: org.id, decisionId: { in: decisionIds }, invalidatedAt: null, meaning: "APPROVER" },
          select: { decisionId: true, userId: true },
        })
      : [],
    vendorIds.length
      ? db.inspection.findMany({
          where: { vendorId: { in: vendorIds }, classification: "OAI", endDate: { gte: since } },
          select: { vendorId: true, endDate: true },
        })
      : [],
    vendorIds.length
      ? db.warningLetter.findMany({
          where: { vendorId: { in: vendorIds }, status: "OPEN" },
          select: { vendorId: true },
        })
      : [],
  ]);

  const programmeName = new Map(programmes.map((p) => [p.id, p.name]));
  const nameOf = (id: string) => programmeName.get(id) ?? "Programme";
  const invitedBy = countBy(invitations, (i) => i.rfpId);
  const submittedBy = countBy(participations, (p) => (p.submittedAt ? p.rfpId : null));
  const declinedBy = countBy(participations, (p) => (p.declinedAt && !p.submittedAt ? p.rfpId : null));
  const answered = new Set(answers.map((a) => a.clarificationId));
  const unansweredBy = countBy(questions, (q) => (answered.has(q.id) ? null : q.rfpId));
  const cardBy = new Map(scorecards.map((s) => [s.rfpId, s]));
  const approvedBy = new Map<string, Set<string>>();
  for (const s of signatures) approvedBy.set(s.decisionId, (approvedBy.get(s.decisionId) ?? new Set()).add(s.userId));

  const oaisBy = new Map<string, Date[]>();
  for (const i of oais) oaisBy.set(i.vendorId, [...(oaisBy.get(i.vendorId) ?? []), i.endDate]);
  const lettersBy = countBy(letters, (l) => l.vendorId);
  const alerts: VendorAlert[] = entries.flatMap((e) => {
    const ids = [e.vendorId, ...(e.vendor.linkedVendorId ? [e.vendor.linkedVendorId] : [])];
    const dates = ids.flatMap((id) => oaisBy.get(id) ?? []);
    const openLetters = ids.reduce((n, id) => n + (lettersBy.get(id) ?? 0), 0);
    if (!dates.length && !openLetters) return [];
    const latest = dates.reduce<Date | null>((a, d) => (!a || d > a ? d : a), null);
    return [
      {
        vendorId: e.vendorId,
        vendorName: e.vendor.name,
        programmeId: e.programmeId,
        programmeName: nameOf(e.programmeId),
        stage: e.stage,
        recentOais: dates.length,
        latestOaiAt: latest,
        openWarningLetters: openLetters,
      },
    ];
  });
  // Selected before shortlisted before the long list; then the most recent finding first.
  const stageRank = { SELECTED: 0, SHORT: 1, LONG: 2 } as const;
  alerts.sort(
    (a, b) =>
      stageRank[a.stage] - stageRank[b.stage] ||
      (b.latestOaiAt?.getTime() ?? 0) - (a.latestOaiAt?.getTime() ?? 0) ||
      a.vendorName.localeCompare(b.vendorName),
  );

  const openByProgramme = countBy(open, (r) => r.programmeId);
  const nextDue = new Map<string, Date>();
  for (const r of open) if (r.dueAt && !nextDue.has(r.programmeId)) nextDue.set(r.programmeId, r.dueAt);

  return {
    kind: "SPONSOR",
    programmeCount: programmes.length,
    programmes: programmes.slice(0, OVERVIEW_LIST_LIMIT).map((p) => ({
      ...p,
      openRfps: openByProgramme.get(p.id) ?? 0,
      nextDueAt: nextDue.get(p.id) ?? null,
    })),
    openRfpCount: open.length,
    draftRfpCount: withStatus.filter((r) => r.effective === "DRAFT").length,
    openRfps: shownOpen.map((r) => ({
      id: r.id,
      title: r.title,
      programmeId: r.programmeId,
      programmeName: nameOf(r.programmeId),
      dueAt: r.dueAt,
      timeZone: r.timeZone,
      invited: invitedBy.get(r.id) ?? 0,
      submitted: submittedBy.get(r.id) ?? 0,
      declined: declinedBy.get(r.id) ?? 0,
      unansweredQuestions: unansweredBy.get(r.id) ?? 0,
    })),
    toEvaluate: shownClosed.map((r) => {
      const card = cardBy.get(r.id);
      return {
        id: r.id,
        title: r.title,
        programmeId: r.programmeId,
        programmeName: nameOf(r.programmeId),
        closedAt: r.dueAt ?? r.closedAt,
        submitted: submittedBy.get(r.id) ?? 0,
        evaluatorsSubmitted: card?._count.submissions ?? 0,
        locked: Boolean(card?.lockedAt),
      };
    }),
    decisions: decisions.slice(0, OVERVIEW_LIST_LIMIT).map((d) => ({
      id: d.id,
      programmeId: d.programmeId,
      programmeName: nameOf(d.programmeId),
      proposedAt: d.proposedAt,
      approvers: d.requiredApprovers.length,
      approved: d.requiredApprovers.filter((u) => approvedBy.get(d.id)?.has(u)).length,
    })),
    alerts: alerts.slice(0, OVERVIEW_LIST_LIMIT),
    shortlistedCount: entries.length,
    team,
  };
}
