import type { Actor } from "../audit/record-audit";
import { hasAtLeast, type OrgKind, type Role } from "../api/roles";
import { AppError } from "../errors/app-error";

// What every vendor service receives besides the tenant-scoped db: the organisation as
// resolved by orgProcedure (never an id from the client) and the acting user (null for the
// operator CLI). Invariant: `db` is already scoped to `org.id`, and RLS enforces it again.
export type VendorOrg = { id: string; kind: OrgKind; role: Role };
export type { Actor };

/** Sponsors edit their records from EVALUATOR up; a CDMO edits its platform profile from ADMIN up. */
export function canWriteVendors(org: VendorOrg): boolean {
  return hasAtLeast(org.role, org.kind === "SPONSOR" ? "EVALUATOR" : "ADMIN");
}

export function assertCanWriteVendors(org: VendorOrg): void {
  if (!canWriteVendors(org)) {
    throw new AppError(
      "FORBIDDEN",
      org.kind === "SPONSOR" ? "This needs the evaluator role or higher." : "Only an administrator can edit the company profile.",
    );
  }
}

/** A calendar date as "YYYY-MM-DD" (the quality formula's date format). */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
