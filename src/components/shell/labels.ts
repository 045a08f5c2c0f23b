import type { OrgKind, Role } from "@/server/api/roles";

const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  EVALUATOR: "Evaluator",
  VIEWER: "Viewer",
  RESPONDER: "Responder",
};

export const roleLabel = (role: Role | string) => ROLE_LABELS[role as Role] ?? role;
export const kindLabel = (kind: OrgKind | string) => (kind === "CDMO" ? "CDMO" : "Sponsor");
