import type { PrismaClient } from "../db/generated/client";
import { userByEmail } from "../db/globals";
import { withInviteToken, withTenant, type TenantDb } from "../db/tenant";
import { AppError, conflict, forbidden, notFound } from "../errors/app-error";
import { recordAudit, type Actor } from "../audit/record-audit";
import { isRoleValidFor, type OrgKind, type Role } from "../api/roles";
import { can } from "../auth/permissions";
import { appUrl, sendEmail } from "../email/send-email";
import { hashToken, newToken } from "../accounts/tokens";

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
type Org = { id: string; name: string; kind: OrgKind; role: Role };

export async function listInvitations(db: TenantDb) {
  return db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function createInvitation(
  db: TenantDb,
  actor: Actor & object,
  org: Org,
  input: { email: string; role: Role },
) {
  if (!isRoleValidFor(org.kind, input.role)) {
    throw new AppError("BAD_REQUEST", `Choose a role that exists in a ${org.kind.toLowerCase()} organisation.`, {
      field: "role",
    });
  }
  if (input.role === "OWNER" && !can(org, "members.manageOwners"))
    throw forbidden("Only an owner can invite another owner.");
  const existing = await db.membership.findFirst({ where: { user: { email: input.email } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "This person is already a member.", { field: "email" });
  // A new invitation replaces any pending one for the same address.
  await db.invitation.updateMany({
    where: { email: input.email, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const { token, hash } = newToken();
  const inv = await db.invitation.create({
    data: {
      email: input.email,
      role: input.role,
      tokenHash: hash,
      invitedById: actor.id,
      expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    },
  });
  await recordAudit(db, {
    actor,
    action: "invitation.created",
    entityType: "Invitation",
    entityId: inv.id,
    changes: { email: { old: null, new: input.email }, role: { old: null, new: input.role } },
  });
  await sendEmail(
    {
      to: input.email,
      subject: `You are invited to ${org.name} on CDMO Select`,
      text: `${actor.email} invited you to join ${org.name} as ${input.role.toLowerCase()}.\n\nAccept the invitation:\n${appUrl(`/invite/${token}`)}\n\nThe link works for seven days.`,
    },
    db,
  );
  return { id: inv.id, email: inv.email, role: inv.role, expiresAt: inv.expiresAt };
}

export async function revokeInvitation(db: TenantDb, actor: Actor, invitationId: string) {
  const res = await db.invitation.updateMany({
    where: { id: invitationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (res.count !== 1) throw notFound("The pending invitation");
  await recordAudit(db, { actor, action: "invitation.revoked", entityType: "Invitation", entityId: invitationId });
}

export type InvitationView = {
  organizationName: string;
  organizationKind: OrgKind;
  email: string;
  role: Role;
  status: "PENDING" | "ACCEPTED" | "EXPIRED" | "REVOKED";
  hasAccount: boolean;
};

/** What the invitation link shows, to anyone who holds the link. */
export async function getInvitation(base: PrismaClient, token: string): Promise<InvitationView> {
  const inv = await withInviteToken(base, hashToken(token), (db) =>
    db.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { organization: { select: { name: true, kind: true } } },
    }),
  );
  if (!inv) throw notFound("The invitation");
  const hasAccount = !!(await userByEmail(base, inv.email));
  const status = inv.acceptedAt
    ? "ACCEPTED"
    : inv.revokedAt
      ? "REVOKED"
      : inv.expiresAt < new Date()
        ? "EXPIRED"
        : "PENDING";
  return {
    organizationName: inv.organization.name,
    organizationKind: inv.organization.kind,
    email: inv.email,
    role: inv.role as Role,
    status,
    hasAccount,
  };
}

/**
 * Accept as `user` (whose e-mail must be the invited one). `beforeJoin` runs in the same
 * transaction (sign-up through an invitation creates the user there). Returns the org slug.
 */
export async function acceptInvitation(
  base: PrismaClient,
  token: string,
  user: { id: string; email: string },
  beforeJoin?: (db: TenantDb) => Promise<void>,
): Promise<{ orgSlug: string }> {
  const tokenHash = hashToken(token);
  const found = await withInviteToken(base, tokenHash, (db) =>
    db.invitation.findUnique({ where: { tokenHash }, select: { organizationId: true } }),
  );
  if (!found) throw notFound("The invitation");
  return withTenant(base, { orgId: found.organizationId, userId: user.id }, async (db) => {
    const inv = await db.invitation.findUnique({
      where: { tokenHash },
      include: { organization: { select: { slug: true } } },
    });
    if (!inv || inv.revokedAt) throw notFound("The invitation");
    if (inv.acceptedAt) throw conflict("This invitation was already accepted.");
    if (inv.expiresAt < new Date())
      throw new AppError("PRECONDITION_FAILED", "This invitation has expired. Ask for a new one.");
    if (inv.email !== user.email.toLowerCase()) {
      throw forbidden(`This invitation is for ${inv.email}. Sign in with that address to accept it.`);
    }
    if (beforeJoin) await beforeJoin(db);
    const claimed = await db.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw conflict("This invitation was already accepted.");
    const already = await db.membership.findFirst({ where: { userId: user.id }, select: { id: true } });
    if (already) return { orgSlug: inv.organization.slug };
    const m = await db.membership.create({ data: { userId: user.id, role: inv.role } });
    const actor = { id: user.id, email: user.email };
    await recordAudit(db, { actor, action: "invitation.accepted", entityType: "Invitation", entityId: inv.id });
    await recordAudit(db, {
      actor,
      action: "membership.created",
      entityType: "Membership",
      entityId: m.id,
      changes: {
        userId: { old: null, new: user.id },
        role: { old: null, new: inv.role },
        via: { old: null, new: "invitation" },
      },
    });
    return { orgSlug: inv.organization.slug };
  });
}
