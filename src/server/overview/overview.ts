import type { TenantDb } from "../db/tenant";
import { assertCan } from "../auth/assert-can";
import type { OrgAccess } from "../auth/permissions";
import { cdmoOverview, type CdmoOverview } from "./cdmo";
import { sponsorOverview, type SponsorOverview } from "./sponsor";

export type Overview = SponsorOverview | CdmoOverview;

/** The organisation's overview page: what needs attention, by kind of organisation. */
export async function getOverview(db: TenantDb, org: OrgAccess & { id: string }, now = new Date()): Promise<Overview> {
  assertCan(org, "overview.read");
  return org.kind === "SPONSOR" ? sponsorOverview(db, org, now) : cdmoOverview(db, org, now);
}
