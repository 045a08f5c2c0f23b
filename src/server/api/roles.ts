// Roles per organisation kind, and their order. A procedure declares the least role it
// needs; anyone ranked at or above it passes.
export const SPONSOR_ROLES = ["OWNER", "ADMIN", "EVALUATOR", "VIEWER"] as const;
export const CDMO_ROLES = ["OWNER", "ADMIN", "RESPONDER"] as const;
export type Role = "OWNER" | "ADMIN" | "EVALUATOR" | "VIEWER" | "RESPONDER";
export type OrgKind = "SPONSOR" | "CDMO";

const RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, EVALUATOR: 2, RESPONDER: 2, VIEWER: 1 };

export function rolesFor(kind: OrgKind): readonly Role[] {
  return kind === "SPONSOR" ? SPONSOR_ROLES : CDMO_ROLES;
}

export function isRoleValidFor(kind: OrgKind, role: Role): boolean {
  return rolesFor(kind).includes(role);
}

export function hasAtLeast(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}
