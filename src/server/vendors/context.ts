import type { Actor } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import { can, type Grantee, type OrgKind } from "../auth/permissions";

// What every vendor service receives besides the tenant-scoped db: the organisation as
// resolved by orgProcedure (never an id from the client) and the acting user (null for the
// operator CLI, whose role is OPERATOR). Invariant: `db` is already scoped to `org.id`, and
// RLS enforces it again.
export type VendorOrg = { id: string; kind: OrgKind; role: Grantee };
export type { Actor };

/** Edit the organisation's own vendor records ("vendor.write" in permissions.ts). */
export function canWriteVendors(org: VendorOrg): boolean {
  return can(org, "vendor.write");
}

export function assertCanWriteVendors(org: VendorOrg): void {
  assertCan(org, "vendor.write");
}

/** A calendar date as "YYYY-MM-DD" (the quality formula's date format). */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
