// Roles per organisation kind. What each role may do is not decided here: it is the
// permission table in src/server/auth/permissions.ts.
export const SPONSOR_ROLES = ["OWNER", "ADMIN", "EVALUATOR", "VIEWER"] as const;
export const CDMO_ROLES = ["OWNER", "ADMIN", "RESPONDER"] as const;
export type Role = "OWNER" | "ADMIN" | "EVALUATOR" | "VIEWER" | "RESPONDER";
export type OrgKind = "SPONSOR" | "CDMO";

export function rolesFor(kind: OrgKind): readonly Role[] {
  return kind === "SPONSOR" ? SPONSOR_ROLES : CDMO_ROLES;
}

export function isRoleValidFor(kind: OrgKind, role: Role): boolean {
  return rolesFor(kind).includes(role);
}
