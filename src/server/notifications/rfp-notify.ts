import type { Role } from "../api/roles";
import type { TenantDb } from "../db/tenant";
import { sendEmail } from "../email/send-email";
import { AppError } from "../errors/app-error";
import type { NotificationKind } from "./kinds";
import { notify, orgPath } from "./notify";

// Who an RFP event concerns. The sponsor's side tells its invitees (each sent, unrevoked
// invitation: the CDMO organisation's members, or the e-mail address of someone not on the
// platform yet); the CDMO's side tells the sponsor.

export type RfpMessage = { kind: NotificationKind; title: string; body: string };

export type InviteeFilter = {
  /** Leave out invitees that submitted a response in this round (and those that declined). */
  notSubmittedRound?: number;
  /** Only these CDMO organisations (a private clarification answer, say). */
  orgIds?: readonly string[];
  /** Also e-mail invitees not on the platform yet (default true). */
  unclaimed?: boolean;
};

/** The invitee's page of the RFP, in its own organisation. */
export const inviteePath = (rfpId: string) => `/inbox/${rfpId}`;
/** The sponsor's page of the RFP. */
export const sponsorPath = (rfpId: string) => `/rfps/${rfpId}`;

/**
 * Tell every sent, unrevoked invitee of the sponsor's RFP `rfpId` (`db` acts as the sponsor).
 * Platform CDMOs get in-app notifications (and e-mail unless turned off); people invited by
 * e-mail who have not joined yet get the e-mail only. Returns how many invitees were told.
 */
export async function notifyInvitees(
  db: TenantDb,
  rfpId: string,
  msg: RfpMessage & { path?: string },
  filter: InviteeFilter = {},
): Promise<number> {
  const invitations = await db.rfpInvitation.findMany({
    where: {
      rfpId,
      sentAt: { not: null },
      revokedAt: null,
      ...(filter.orgIds ? { vendorOrganizationId: { in: [...filter.orgIds] } } : {}),
    },
    select: { id: true, vendorOrganizationId: true, email: true, participation: { select: { declinedAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  let done: Set<string> = new Set();
  if (filter.notSubmittedRound !== undefined) {
    const submitted = await db.rfpResponse.findMany({
      where: { rfpId, round: filter.notSubmittedRound, submittedAt: { not: null } },
      select: { organizationId: true },
    });
    done = new Set(submitted.map((r) => r.organizationId));
  }
  let told = 0;
  for (const inv of invitations) {
    if (filter.notSubmittedRound !== undefined && inv.participation?.declinedAt) continue;
    if (inv.vendorOrganizationId) {
      if (done.has(inv.vendorOrganizationId)) continue;
      const link = await orgPath(db, inv.vendorOrganizationId, msg.path ?? inviteePath(rfpId));
      await notify(db, { orgId: inv.vendorOrganizationId, kind: msg.kind, title: msg.title, body: msg.body, link });
      told++;
    } else if (inv.email && filter.unclaimed !== false && !filter.orgIds) {
      await sendEmail({ to: inv.email, subject: msg.title, text: unclaimedText(msg.body) }, db);
      told++;
    }
  }
  return told;
}

// Someone invited by e-mail has no account yet: no preferences to honour, and the one way in is
// the link of their invitation e-mail (its raw token is stored nowhere).
const unclaimedText = (body: string) =>
  [
    "Hello,",
    "",
    body,
    "",
    "To open the RFP, use the link in the invitation e-mail you received from CDMO Select.",
    "",
    "--",
    "You receive this e-mail because a sponsor invited this address to respond to an RFP on CDMO Select.",
  ].join("\n");

/**
 * Tell the sponsor of `rfpId` (its members of `roles`, default all). `db` acts as an invited
 * CDMO (the share rules let it read the RFP) or as the sponsor itself (the closing job).
 */
export async function notifySponsor(
  db: TenantDb,
  rfpId: string,
  msg: RfpMessage & { path?: string; roles?: readonly Role[] },
): Promise<void> {
  const rfp = await db.rfp.findFirst({ where: { id: rfpId }, select: { organizationId: true } });
  if (!rfp) throw new AppError("NOT_FOUND", "The RFP was not found.");
  const link = await orgPath(db, rfp.organizationId, msg.path ?? sponsorPath(rfpId));
  await notify(db, {
    orgId: rfp.organizationId,
    kind: msg.kind,
    title: msg.title,
    body: msg.body,
    link,
    roles: msg.roles,
  });
}
