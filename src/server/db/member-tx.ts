import { getDb } from "./client";
import { withMembership } from "./request-tenant";
import { withTenant, type Membership, type TenantDb } from "./tenant";

// Tenancy for route handlers that are not tRPC (file upload and download): the same
// membership lookup orgProcedure uses (one statement that sets the RLS settings and finds the
// user's membership by slug; NOT_FOUND for a non-member), so a route handler resolves the user
// and organisation exactly as a procedure does, without a copy of the rule.

/** Run `fn` in one transaction as the user's membership in `orgSlug` (NOT_FOUND AppError if none). */
export async function asMember<T>(
  userId: string,
  orgSlug: string,
  fn: (m: Membership, db: TenantDb) => Promise<T>,
): Promise<T> {
  return withMembership(await getDb(), new Map(), userId, orgSlug, fn);
}

/** A further transaction as a membership already resolved in this request (a download's next chunk). */
export async function asResolvedMember<T>(m: Membership, userId: string, fn: (db: TenantDb) => Promise<T>): Promise<T> {
  return withTenant(await getDb(), { orgId: m.orgId, userId }, fn);
}
