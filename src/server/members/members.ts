import type { TenantDb } from "../db/tenant";
import { lockOwnerMemberships } from "../db/tenant";
import { AppError, conflict, forbidden, notFound } from "../errors/app-error";
import { recordAudit, type Actor } from "../audit/record-audit";
import { isRoleValidFor, type OrgKind, type Role } from "../api/roles";
import { can } from "../auth/permissions";

type Org = { id: string; kind: OrgKind; role: Role };

export async function listMembers(db: TenantDb) {
  const rows = await db.membership.findMany({
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map((m) => ({
    id: m.id,
    role: m.role as Role,
    version: m.version,
    createdAt: m.createdAt,
    user: m.user,
  }));
}

/** Only an OWNER may make someone an OWNER or change what an OWNER is. */
function assertMayTouch(org: Org, currentRole: Role, newRole?: Role) {
  if ((currentRole === "OWNER" || newRole === "OWNER") && !can(org, "members.manageOwners")) {
    throw forbidden("Only an owner can grant or change the owner role.");
  }
}

async function assertAnotherOwnerRemains(db: TenantDb, membershipId: string) {
  const owners = await lockOwnerMemberships(db);
  if (owners.filter((id) => id !== membershipId).length === 0) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "An organisation needs at least one owner. Make someone else an owner first.",
    );
  }
}

export async function changeRole(
  db: TenantDb,
  actor: Actor,
  org: Org,
  input: { membershipId: string; role: Role; version: number },
) {
  if (!isRoleValidFor(org.kind, input.role)) {
    throw new AppError(
      "BAD_REQUEST",
      `The ${input.role.toLowerCase()} role does not exist in a ${org.kind.toLowerCase()} organisation.`,
      { field: "role" },
    );
  }
  const current = await db.membership.findUnique({ where: { id: input.membershipId } });
  if (!current) throw notFound("The member");
  // A stale version is a conflict whatever the change: the caller decided on data that has moved.
  if (current.version !== input.version) throw conflict();
  if (current.role === input.role) return { id: current.id, role: current.role, version: current.version };
  assertMayTouch(org, current.role as Role, input.role);
  if (current.role === "OWNER") await assertAnotherOwnerRemains(db, current.id);
  const updated = await db.membership.updateMany({
    where: { id: current.id, version: input.version },
    data: { role: input.role, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw conflict();
  await recordAudit(db, {
    actor,
    action: "membership.role_changed",
    entityType: "Membership",
    entityId: current.id,
    changes: { role: { old: current.role, new: input.role } },
  });
  return { id: current.id, role: input.role, version: input.version + 1 };
}

export async function removeMember(
  db: TenantDb,
  actor: Actor,
  org: Org,
  input: { membershipId: string; version: number },
) {
  const current = await db.membership.findUnique({
    where: { id: input.membershipId },
    include: { user: { select: { email: true } } },
  });
  if (!current) throw notFound("The member");
  if (current.version !== input.version) throw conflict();
  assertMayTouch(org, current.role as Role);
  if (current.role === "OWNER") await assertAnotherOwnerRemains(db, current.id);
  const deleted = await db.membership.deleteMany({ where: { id: current.id, version: input.version } });
  if (deleted.count !== 1) throw conflict();
  await recordAudit(db, {
    actor,
    action: "membership.removed",
    entityType: "Membership",
    entityId: current.id,
    changes: {
      userId: { old: current.userId, new: null },
      email: { old: current.user.email, new: null },
      role: { old: current.role, new: null },
    },
  });
}
