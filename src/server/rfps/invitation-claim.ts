// The e-mailed invitation link (/rfp-invite/<token>): someone not yet on the platform was
// invited by address. Whoever holds the link sees the RFP's title and the sponsor's name, and
// claims the invitation once, for a CDMO organisation they belong to; from then on it is an
// ordinary platform invitation of that organisation.
import type { PrismaClient } from "../db/generated/client";
import { organizationSummary } from "../db/globals";
import { claimRfpInvitationByToken } from "../db/sql/rfp-invitations";
import { withInviteToken, withTenant, type TenantDb } from "../db/tenant";
import { recordAudit, type Actor } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import type { OrgAccess } from "../auth/permissions";
import { AppError, notFound } from "../errors/app-error";
import { hashToken } from "../accounts/tokens";
import { effectiveStatus, type RfpStatus } from "./lifecycle";
import { notifySponsor } from "../notifications/rfp-notify";

export type RfpInviteView = {
  rfpTitle: string;
  sponsorName: string;
  email: string | null;
  dueAt: Date | null;
  timeZone: string;
  rfpStatus: RfpStatus;
  /** OPEN: can be claimed; CLAIMED: the link was used; REVOKED: the sponsor withdrew it. */
  status: "OPEN" | "CLAIMED" | "REVOKED";
};

/** What the claim page shows to the holder of the link; NOT_FOUND for any other token. */
export async function viewRfpInvite(base: PrismaClient, token: string, now = new Date()): Promise<RfpInviteView> {
  const tokenHash = hashToken(token);
  // The by_token policy shows the row to the holder of its token, and nothing else.
  const inv = await withInviteToken(base, tokenHash, (db) =>
    db.rfpInvitation.findUnique({
      where: { tokenHash },
      select: {
        organizationId: true,
        rfpId: true,
        email: true,
        sentAt: true,
        revokedAt: true,
        vendorOrganizationId: true,
      },
    }),
  );
  if (!inv || !inv.sentAt) throw notFound("The invitation");
  // The title and the sponsor's name are read as the sponsor, exactly these fields, as the
  // member invitation link does: the token is the credential for them.
  const rfp = await withTenant(base, { orgId: inv.organizationId }, async (db) => {
    const r = await db.rfp.findFirst({
      where: { id: inv.rfpId, organizationId: inv.organizationId },
      select: { title: true, status: true, dueAt: true, timeZone: true },
    });
    const sponsor = await organizationSummary(db, inv.organizationId);
    return r && sponsor ? { ...r, sponsorName: sponsor.name } : null;
  });
  if (!rfp) throw notFound("The invitation");
  return {
    rfpTitle: rfp.title,
    sponsorName: rfp.sponsorName,
    email: inv.email,
    dueAt: rfp.dueAt,
    timeZone: rfp.timeZone,
    rfpStatus: effectiveStatus(rfp, now),
    status: inv.revokedAt ? "REVOKED" : inv.vendorOrganizationId ? "CLAIMED" : "OPEN",
  };
}

/** Claim the invitation for the CDMO organisation `org` (the caller's, resolved by orgProcedure). */
export async function claimRfpInvite(
  db: TenantDb,
  actor: Actor,
  org: OrgAccess & { id: string; slug: string; name: string },
  token: string,
): Promise<{ rfpId: string; orgSlug: string }> {
  assertCan(org, "portal.read");
  if (org.kind !== "CDMO") {
    throw new AppError("FORBIDDEN", "Only a CDMO organisation can accept an RFP invitation.", { field: "orgSlug" });
  }
  const outcome = await claimRfpInvitationByToken(db, hashToken(token));
  switch (outcome.kind) {
    case "claimed":
      break;
    case "used":
      throw new AppError("CONFLICT", "This invitation was already accepted. Ask the sponsor for a new one if needed.");
    case "revoked":
      throw new AppError("CONFLICT", "The sponsor withdrew this invitation.");
    case "already-invited":
      throw new AppError(
        "CONFLICT",
        "Your organisation is already invited to this RFP. Open it from your inbox, or accept the link for another organisation.",
        { field: "orgSlug" },
      );
    case "refused":
      throw new AppError("FORBIDDEN", "Only a CDMO organisation can accept an RFP invitation.", { field: "orgSlug" });
    default:
      throw notFound("The invitation");
  }
  await recordAudit(db, {
    actor,
    action: "rfp_invitation.claimed",
    entityType: "RfpInvitation",
    entityId: outcome.invitation.id,
    changes: { vendorOrganizationId: { old: null, new: org.id } },
  });
  // The sponsor's list now shows the organisation's progress; tell them who took the link.
  const rfp = await db.rfp.findFirst({ where: { id: outcome.invitation.rfpId }, select: { title: true } });
  await notifySponsor(db, outcome.invitation.rfpId, {
    kind: "INVITATION",
    title: `${org.name} accepted your invitation`,
    body: `${org.name} accepted the invitation you e-mailed for “${rfp?.title ?? "your RFP"}” and can now respond on CDMO Select.`,
  });
  return { rfpId: outcome.invitation.rfpId, orgSlug: org.slug };
}
