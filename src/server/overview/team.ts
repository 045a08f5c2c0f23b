import type { TenantDb } from "../db/tenant";
import { can, type OrgAccess } from "../auth/permissions";

export type TeamCounts = { members: number; pendingInvitations: number | null };

/** Members, and (for those who may invite) invitations not yet accepted, revoked or expired. */
export async function teamCounts(db: TenantDb, org: OrgAccess & { id: string }, now: Date): Promise<TeamCounts> {
  const [members, pendingInvitations] = await Promise.all([
    db.membership.count({ where: { organizationId: org.id } }),
    can(org, "members.invite")
      ? db.invitation.count({
          where: { organizationId: org.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        })
      : null,
  ]);
  return { members, pendingInvitations };
}
