// The sponsor's side of RFP invitations: who is invited (a platform CDMO organisation, or an
// e-mail address for someone not on the platform yet), their derived status, and revoking.
// Invitations added to a draft wait (sentAt null) until the RFP is published, when
// sendPendingInvitations sends them in the publishing transaction; on a published RFP they go
// at once. Nothing of an invitation is visible to the invitee before it is sent (the share
// rules and row-level security require sentAt), and no invitee ever reads another's row.
import type { Rfp } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { organizationSummary } from "../db/globals";
import { lockForTransaction } from "../db/sql/locks";
import { recordAudit, type Actor } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import type { OrgAccess } from "../auth/permissions";
import { AppError, conflict, notFound } from "../errors/app-error";
import { appUrl, sendEmail } from "../email/send-email";
import { newToken } from "../accounts/tokens";
import { effectiveStatus, type RfpStatus } from "./lifecycle";
import { invitationStatus, type InvitationStatus } from "./invitation-status";
import { formatInZone } from "./time-zone";
import { notify, orgPath } from "../notifications/notify";
import { inviteePath } from "../notifications/rfp-notify";

export type SponsorOrg = OrgAccess & { id: string; name: string };

/** What sendPendingInvitations needs of the RFP (the full row will do). */
export type SendableRfp = Pick<Rfp, "id" | "organizationId" | "title" | "dueAt" | "timeZone">;

export type RfpInvitationView = {
  id: string;
  displayName: string;
  /** PLATFORM: a platform CDMO organisation (picked in the directory or claimed from an e-mail). */
  kind: "PLATFORM" | "EMAIL";
  email: string | null;
  vendorId: string | null;
  status: InvitationStatus;
  declineReason: string | null;
  viewedAt: Date | null;
  declinedAt: Date | null;
  submittedAt: Date | null;
  /** null: waits for the RFP to be published. */
  sentAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

/**
 * One writer of an RFP's invitee list at a time, publishing included (lifecycle-service.ts): taken
 * before the RFP's status is read, so an invitation added while the RFP is being published waits
 * and then sees it published (and is sent at once) instead of staying a draft's invitation.
 */
export const lockInvitations = (db: TenantDb, rfpId: string) => lockForTransaction(db, `rfp-invitations:${rfpId}`);

/** The organisation's own RFP, or NOT_FOUND (an RFP shared with it is not its to invite to). */
async function ownRfp(db: TenantDb, org: SponsorOrg, rfpId: string) {
  const rfp = await db.rfp.findFirst({
    where: { id: rfpId, organizationId: org.id },
    select: { id: true, organizationId: true, title: true, status: true, dueAt: true, timeZone: true },
  });
  if (!rfp) throw notFound("The RFP");
  return rfp;
}

type OwnRfp = Awaited<ReturnType<typeof ownRfp>>;

/** Invitees can change while the RFP is a draft or open; once it has closed the list is a record. */
function assertInvitationsOpen(rfp: OwnRfp, now: Date, doing: string): RfpStatus {
  const status = effectiveStatus(rfp, now);
  if (status !== "DRAFT" && status !== "PUBLISHED") {
    const why = status === "CLOSED" ? "its due date has passed" : `it is ${status.toLowerCase()}`;
    throw new AppError("CONFLICT", `You can no longer ${doing} on this RFP because ${why}.`);
  }
  return status;
}

export async function listRfpInvitations(db: TenantDb, org: SponsorOrg, rfpId: string): Promise<RfpInvitationView[]> {
  assertCan(org, "rfp.read");
  await ownRfp(db, org, rfpId);
  const invitations = await db.rfpInvitation.findMany({
    where: { rfpId, organizationId: org.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  // Participations are the CDMOs' rows; the sponsor reads those of its own RFPs.
  const participations = invitations.length
    ? await db.rfpParticipation.findMany({
        where: { rfpId, sponsorOrganizationId: org.id, invitationId: { in: invitations.map((i) => i.id) } },
        select: { invitationId: true, viewedAt: true, declinedAt: true, declineReason: true, submittedAt: true },
      })
    : [];
  const byInvitation = new Map(participations.map((p) => [p.invitationId, p]));
  const views = invitations.map((i): RfpInvitationView => {
    const p = byInvitation.get(i.id) ?? null;
    return {
      id: i.id,
      displayName: i.displayName,
      kind: i.vendorOrganizationId ? "PLATFORM" : "EMAIL",
      email: i.email,
      vendorId: i.vendorId,
      status: invitationStatus(p),
      declineReason: p?.declinedAt ? p.declineReason : null,
      viewedAt: p?.viewedAt ?? null,
      declinedAt: p?.declinedAt ?? null,
      submittedAt: p?.submittedAt ?? null,
      sentAt: i.sentAt,
      revokedAt: i.revokedAt,
      createdAt: i.createdAt,
    };
  });
  // Current invitees first, revoked ones after (kept as a record).
  return [...views.filter((v) => !v.revokedAt), ...views.filter((v) => v.revokedAt)];
}

/**
 * Invite a CDMO picked in the directory: a platform profile, or a private record linked to
 * one. A private record of a company not on the platform has no organisation to invite, so
 * the answer says to invite by e-mail instead.
 */
export async function invitePlatformCdmo(
  db: TenantDb,
  actor: Actor,
  org: SponsorOrg,
  input: { rfpId: string; vendorId: string },
  now = new Date(),
) {
  assertCan(org, "rfp.write");
  await lockInvitations(db, input.rfpId);
  const rfp = await ownRfp(db, org, input.rfpId);
  const status = assertInvitationsOpen(rfp, now, "invite CDMOs");
  const picked = await db.vendor.findFirst({
    where: { id: input.vendorId, archivedAt: null },
    select: { id: true, name: true, kind: true, organizationId: true, linkedVendorId: true },
  });
  if (!picked) throw new AppError("NOT_FOUND", "The vendor was not found.", { field: "vendorId" });
  const platform =
    picked.kind === "PLATFORM"
      ? picked
      : picked.linkedVendorId
        ? await db.vendor.findFirst({
            where: { id: picked.linkedVendorId, kind: "PLATFORM", archivedAt: null },
            select: { id: true, name: true, kind: true, organizationId: true, linkedVendorId: true },
          })
        : null;
  if (!platform || platform.organizationId === org.id) {
    throw new AppError(
      "BAD_REQUEST",
      `${picked.name} is not on the platform (your private record is not linked to a platform profile). Invite them by e-mail instead.`,
      { field: "vendorId" },
    );
  }
  const existing = await db.rfpInvitation.findFirst({
    where: { rfpId: rfp.id, organizationId: org.id, vendorOrganizationId: platform.organizationId },
  });
  if (existing && !existing.revokedAt) {
    throw new AppError(
      "CONFLICT",
      existing.displayName === picked.name
        ? `${picked.name} is already invited to this RFP.`
        : `${picked.name} is already invited to this RFP (as ${existing.displayName}).`,
      { field: "vendorId" },
    );
  }
  const invitation = existing
    ? await db.rfpInvitation.update({
        where: { id: existing.id },
        data: { revokedAt: null, sentAt: null, displayName: picked.name, vendorId: picked.id, createdById: actor?.id },
      })
    : await db.rfpInvitation.create({
        data: {
          rfpId: rfp.id,
          vendorOrganizationId: platform.organizationId,
          vendorId: picked.id,
          displayName: picked.name,
          createdById: actor?.id ?? null,
        },
      });
  await recordAudit(db, {
    actor,
    action: existing ? "rfp_invitation.reinstated" : "rfp_invitation.created",
    entityType: "RfpInvitation",
    entityId: invitation.id,
    changes: {
      rfpId: { old: null, new: rfp.id },
      displayName: { old: existing?.displayName ?? null, new: picked.name },
      vendorId: { old: existing?.vendorId ?? null, new: picked.id },
      ...(existing ? { revokedAt: { old: existing.revokedAt, new: null } } : {}),
    },
  });
  if (status === "PUBLISHED") await sendOne(db, actor, rfp, invitation, now);
  return { id: invitation.id, sent: status === "PUBLISHED" };
}

/** Invite someone not on the platform by e-mail; they claim it for their CDMO through the link. */
export async function inviteByEmail(
  db: TenantDb,
  actor: Actor,
  org: SponsorOrg,
  input: { rfpId: string; email: string; name: string | null },
  now = new Date(),
) {
  assertCan(org, "rfp.write");
  await lockInvitations(db, input.rfpId);
  const rfp = await ownRfp(db, org, input.rfpId);
  const status = assertInvitationsOpen(rfp, now, "invite CDMOs");
  const email = input.email.toLowerCase();
  const displayName = input.name ?? email;
  const existing = await db.rfpInvitation.findFirst({ where: { rfpId: rfp.id, organizationId: org.id, email } });
  if (existing && !existing.revokedAt) {
    throw new AppError("CONFLICT", `${email} is already invited to this RFP.`, { field: "email" });
  }
  const invitation = existing
    ? await db.rfpInvitation.update({
        where: { id: existing.id },
        data: { revokedAt: null, sentAt: null, tokenHash: null, displayName, createdById: actor?.id },
      })
    : await db.rfpInvitation.create({
        data: { rfpId: rfp.id, email, displayName, createdById: actor?.id ?? null },
      });
  await recordAudit(db, {
    actor,
    action: existing ? "rfp_invitation.reinstated" : "rfp_invitation.created",
    entityType: "RfpInvitation",
    entityId: invitation.id,
    changes: {
      rfpId: { old: null, new: rfp.id },
      email: { old: existing?.email ?? null, new: email },
      displayName: { old: existing?.displayName ?? null, new: displayName },
      ...(existing ? { revokedAt: { old: existing.revokedAt, new: null } } : {}),
    },
  });
  if (status === "PUBLISHED") await sendOne(db, actor, rfp, invitation, now);
  return { id: invitation.id, sent: status === "PUBLISHED" };
}

/** Withdraw an invitation: the invitee loses sight of the RFP at once (its own rows stay its own). */
export async function revokeRfpInvitation(
  db: TenantDb,
  actor: Actor,
  org: SponsorOrg,
  input: { rfpId: string; invitationId: string },
  now = new Date(),
) {
  assertCan(org, "rfp.write");
  await lockInvitations(db, input.rfpId);
  const rfp = await ownRfp(db, org, input.rfpId);
  assertInvitationsOpen(rfp, now, "revoke invitations");
  const inv = await db.rfpInvitation.findFirst({
    where: { id: input.invitationId, rfpId: rfp.id, organizationId: org.id },
    select: { id: true, revokedAt: true, displayName: true },
  });
  if (!inv) throw new AppError("NOT_FOUND", "The invitation was not found.", { field: "invitationId" });
  if (inv.revokedAt) throw conflict(`The invitation of ${inv.displayName} was already revoked.`);
  await db.rfpInvitation.update({ where: { id: inv.id }, data: { revokedAt: now } });
  await recordAudit(db, {
    actor,
    action: "rfp_invitation.revoked",
    entityType: "RfpInvitation",
    entityId: inv.id,
    changes: { revokedAt: { old: null, new: now.toISOString() } },
  });
  return { id: inv.id };
}

/**
 * Send every invitation of `rfp` that waits (added while it was a draft): the publishing
 * transaction calls this, so invitations go out with the RFP or not at all. Platform CDMOs are
 * notified (in the app, and by e-mail unless they turned it off); people invited by e-mail get
 * a claim link with a token made now (only its hash is stored). Returns how many were sent.
 */
export async function sendPendingInvitations(
  db: TenantDb,
  rfp: SendableRfp,
  actor: Actor = null,
  now = new Date(),
): Promise<{ sent: number }> {
  const pending = await db.rfpInvitation.findMany({
    where: { rfpId: rfp.id, organizationId: rfp.organizationId, sentAt: null, revokedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  for (const invitation of pending) await sendOne(db, actor, rfp, invitation, now);
  return { sent: pending.length };
}

type Sendable = { id: string; vendorOrganizationId: string | null; email: string | null; displayName: string };

async function sendOne(db: TenantDb, actor: Actor, rfp: SendableRfp, inv: Sendable, now: Date): Promise<void> {
  const sponsor = await organizationSummary(db, rfp.organizationId);
  const sponsorName = sponsor?.name ?? "A sponsor";
  const due = rfp.dueAt ? ` It is due ${`${formatInZone(rfp.dueAt, rfp.timeZone)} (${rfp.timeZone})`}.` : "";
  if (inv.vendorOrganizationId) {
    await db.rfpInvitation.update({ where: { id: inv.id }, data: { sentAt: now } });
    await notify(db, {
      orgId: inv.vendorOrganizationId,
      kind: "INVITATION",
      title: `${sponsorName} invites you to an RFP`,
      body: `${sponsorName} invites you to respond to “${rfp.title}”.${due}`,
      link: await orgPath(db, inv.vendorOrganizationId, inviteePath(rfp.id)),
    });
  } else if (inv.email) {
    // Only the hash is kept, so the link is made when the message is written.
    const { token, hash } = newToken();
    await db.rfpInvitation.update({ where: { id: inv.id }, data: { sentAt: now, tokenHash: hash } });
    await sendEmail(
      {
        to: inv.email,
        subject: `${sponsorName} invites you to respond to an RFP on CDMO Select`,
        text:
          `Hello,\n\n${sponsorName} invites your company to respond to the request for proposal “${rfp.title}” on CDMO Select.${due}\n\n` +
          `Open the invitation (you can create a free CDMO account there, or sign in):\n${appUrl(`/rfp-invite/${token}`)}\n\n` +
          `The link is for you: whoever opens it first can claim the invitation for their organisation.`,
      },
      db,
    );
  }
  await recordAudit(db, {
    actor,
    action: "rfp_invitation.sent",
    entityType: "RfpInvitation",
    entityId: inv.id,
    changes: { sentAt: { old: null, new: now.toISOString() } },
  });
}
