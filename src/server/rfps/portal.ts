// The CDMO portal: the inbox of invitations and the read-only RFP. Everything here acts in the
// CDMO's own organisation and reads the sponsor's rows only through the share rules (a sent,
// unrevoked invitation to this organisation). Answers are built field by field from what the
// invitee may know: never another invitee, never anything of RfpInvitation but its own row.
import type { TenantDb } from "../db/tenant";
import { queryInbox, type InboxRow } from "../db/sql/inbox";
import { queryPortalRfpHead } from "../db/sql/portal-rfp";
import { recordAudit, type Actor } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import type { OrgAccess } from "../auth/permissions";
import { AppError, conflict, notFound } from "../errors/app-error";
import { acceptsResponses, effectiveStatus, type RfpStatus } from "./lifecycle";
import { invitationStatus, type InvitationStatus } from "./invitation-status";
import type { RfpContent } from "./content";
import type { TInboxInput } from "./portal-schemas";
import { notifySponsor } from "../notifications/rfp-notify";

export type PortalOrg = OrgAccess & { id: string; name: string };

const visibleInvitation = (orgId: string) => ({ vendorOrganizationId: orgId, sentAt: { not: null }, revokedAt: null });

export type InboxItem = {
  rfpId: string;
  title: string;
  sponsorName: string;
  dueAt: Date | null;
  timeZone: string;
  round: number;
  rfpStatus: RfpStatus;
  status: InvitationStatus;
  invitedAt: Date;
};

/** One inbox row as the CDMO reads it (the inbox page and the CDMO's overview). */
export function inboxItem(r: InboxRow, now: Date): InboxItem {
  return {
    rfpId: r.rfpId,
    title: r.title,
    sponsorName: r.sponsorName ?? "Sponsor",
    dueAt: r.dueAt,
    timeZone: r.timeZone,
    round: r.round,
    rfpStatus: effectiveStatus({ status: r.status as RfpStatus, dueAt: r.dueAt }, now),
    status: invitationStatus(r),
    invitedAt: r.sentAt ?? now,
  };
}

export async function inbox(db: TenantDb, org: PortalOrg, input: TInboxInput, now = new Date()) {
  assertCan(org, "portal.read");
  const { rows, total } = await queryInbox(db, org.id, { ...input, now });
  const items = rows.map((r) => inboxItem(r, now));
  return { items, total, page: input.page, pageSize: input.pageSize, show: input.show };
}

/** The organisation's own, sent and unrevoked invitation to this RFP, or NOT_FOUND. */
async function ownInvitation(db: TenantDb, org: PortalOrg, rfpId: string) {
  const inv = await db.rfpInvitation.findFirst({
    where: { rfpId, ...visibleInvitation(org.id) },
    select: {
      id: true,
      rfpId: true,
      organizationId: true,
      sentAt: true,
      awardOutcome: true,
      awardStages: true,
      awardedAt: true,
    },
  });
  if (!inv) throw notFound("The RFP");
  const rfp = await db.rfp.findFirst({
    where: { id: rfpId, organizationId: inv.organizationId, status: { not: "DRAFT" } },
    select: {
      id: true,
      title: true,
      summary: true,
      stages: true,
      status: true,
      content: true,
      dueAt: true,
      timeZone: true,
      sealed: true,
      round: true,
      publishedAt: true,
      version: true,
    },
  });
  if (!rfp) throw notFound("The RFP");
  return { inv, rfp };
}

type Invitation = Awaited<ReturnType<typeof ownInvitation>>["inv"];

/**
 * The organisation's participation in this invitation, created if it has none (race-free:
 * an insert that skips an existing row). The response editor shares it; one per invitation.
 * Read first, so every view after the first is one SELECT and writes nothing.
 */
export async function ensureParticipation(db: TenantDb, inv: Invitation) {
  const existing = await db.rfpParticipation.findFirst({ where: { invitationId: inv.id } });
  if (existing) return existing;
  await db.rfpParticipation.createMany({
    data: [{ invitationId: inv.id, rfpId: inv.rfpId, sponsorOrganizationId: inv.organizationId }],
    skipDuplicates: true,
  });
  const p = await db.rfpParticipation.findFirst({ where: { invitationId: inv.id } });
  if (!p) throw notFound("The invitation");
  return p;
}

/** The RFP as the invitee reads it; the first read marks the invitation viewed. */
export async function portalRfp(db: TenantDb, actor: Actor, org: PortalOrg, rfpId: string, now = new Date()) {
  assertCan(org, "portal.read");
  // Invitation, RFP, sponsor name and participation in one statement (db/sql/portal-rfp.ts).
  const head = await queryPortalRfpHead(db, org.id, rfpId);
  if (!head) throw notFound("The RFP");
  const { inv, rfp } = head;
  const sponsorId = inv.organizationId;
  const [changes, attachments, answers] = await Promise.all([
    db.rfpChange.findMany({
      where: { rfpId, organizationId: sponsorId },
      select: { id: true, round: true, summary: true, at: true },
      orderBy: [{ at: "desc" }, { id: "asc" }],
    }),
    db.storedFile.findMany({
      where: { rfpId, organizationId: sponsorId, purpose: "RFP_ATTACHMENT", deletedAt: null },
      select: { id: true, fileName: true, contentType: true, size: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.clarificationAnswer.findMany({
      where: {
        rfpId,
        organizationId: sponsorId,
        OR: [{ audience: "ALL" }, { audience: "PRIVATE", recipientOrganizationId: org.id }],
      },
      select: { id: true, question: true, answer: true, audience: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  // The first view creates the participation (the response editor shares it).
  let participation = head.participation ?? (await ensureParticipation(db, inv));
  if (!participation.viewedAt) {
    const marked = await db.rfpParticipation.updateMany({
      where: { id: participation.id, viewedAt: null },
      data: { viewedAt: now },
    });
    if (marked.count === 1) {
      await recordAudit(db, {
        actor,
        action: "rfp_participation.viewed",
        entityType: "RfpParticipation",
        entityId: participation.id,
        changes: { viewedAt: { old: null, new: now.toISOString() } },
      });
      participation = { ...participation, viewedAt: now };
    }
  }
  const status = effectiveStatus(rfp, now);
  return {
    rfp: {
      id: rfp.id,
      title: rfp.title,
      summary: rfp.summary,
      stages: rfp.stages,
      content: rfp.content as RfpContent,
      dueAt: rfp.dueAt,
      timeZone: rfp.timeZone,
      sealed: rfp.sealed,
      round: rfp.round,
      publishedAt: rfp.publishedAt,
      /** Grows with every edit: the calendar file's SEQUENCE, so a newer file moves the event. */
      version: rfp.version,
      status,
      acceptsResponses: acceptsResponses(rfp, now),
    },
    sponsorName: head.sponsorName ?? "Sponsor",
    invitedAt: inv.sentAt,
    /** This CDMO's own outcome once the sponsor has awarded the RFP (its invitation is all it can read). */
    award: inv.awardOutcome ? { outcome: inv.awardOutcome, stages: inv.awardStages ?? [], at: inv.awardedAt } : null,
    participation: {
      status: invitationStatus(participation),
      viewedAt: participation.viewedAt,
      declinedAt: participation.declinedAt,
      declineReason: participation.declineReason,
      submittedAt: participation.submittedAt,
    },
    changes,
    attachments,
    answers: answers.map((a) => ({ ...a, audience: a.audience === "ALL" ? ("ALL" as const) : ("PRIVATE" as const) })),
  };
}

/** Decline the invitation, with a reason the sponsor reads; only while the RFP accepts responses. */
export async function declineInvitation(
  db: TenantDb,
  actor: Actor,
  org: PortalOrg,
  input: { rfpId: string; reason: string },
  now = new Date(),
) {
  assertCan(org, "response.write");
  const { inv, rfp } = await ownInvitation(db, org, input.rfpId);
  if (!acceptsResponses(rfp, now)) {
    const status = effectiveStatus(rfp, now);
    throw new AppError(
      "CONFLICT",
      status === "CLOSED"
        ? "The due date has passed, so there is nothing left to decline."
        : `This RFP is ${status.toLowerCase()}; there is nothing left to decline.`,
    );
  }
  const p = await ensureParticipation(db, inv);
  if (p.declinedAt) throw conflict("You have already declined this invitation.");
  const submitted = await db.rfpResponse.count({
    where: { participationId: p.id, round: rfp.round, submittedAt: { not: null } },
  });
  if (submitted) {
    throw new AppError("CONFLICT", "You have already submitted a response in this round, so it cannot be declined.");
  }
  const done = await db.rfpParticipation.updateMany({
    where: { id: p.id, declinedAt: null, version: p.version },
    data: { declinedAt: now, declineReason: input.reason, viewedAt: p.viewedAt ?? now, version: { increment: 1 } },
  });
  if (done.count !== 1) throw conflict("Someone in your organisation changed this invitation. Reload and try again.");
  await recordAudit(db, {
    actor,
    action: "rfp_participation.declined",
    entityType: "RfpParticipation",
    entityId: p.id,
    changes: { declinedAt: { old: null, new: now.toISOString() }, declineReason: { old: null, new: input.reason } },
    reason: input.reason,
  });
  await notifySponsor(db, rfp.id, {
    kind: "INVITATION",
    title: `${org.name} declined “${rfp.title}”`,
    body: `${org.name} declined your invitation to respond. Their reason: ${input.reason}`,
  });
  return { status: "DECLINED" as InvitationStatus, declinedAt: now };
}
