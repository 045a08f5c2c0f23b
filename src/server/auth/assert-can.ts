import { AppError } from "../errors/app-error";
import { can, refusal, type OrgAccess, type Permission } from "./permissions";

/** Services re-check with the same table the middleware and the UI read (permissions.ts). */
export function assertCan(org: OrgAccess, permission: Permission): void {
  if (!can(org, permission)) throw new AppError("FORBIDDEN", refusal(org, permission));
}
