import type { PrismaClient } from "./generated/client";
import { asTenantDb, fullClientOf, type TenantDb } from "./tenant-db";
import { AppError } from "../errors/app-error";

// Tenancy, enforced once. Every tenant-owned model is listed here; the scoped client adds
// `organizationId` to every read and write of those models, and the same transaction sets
// `app.org_id` so PostgreSQL row-level security enforces it again underneath. Invariant:
// code handed a TenantDb never needs (or is allowed) to pass an organization id itself.
export const TENANT_MODELS = new Set<string>([
  "Membership",
  "Invitation",
  "AuditEvent",
  "Vendor",
  "VendorSite",
  "Inspection",
  "WarningLetter",
  "Recall",
  "VendorNote",
  "VendorTag",
  "VendorQualityView",
  "SavedFilter",
  "ImportRun",
  "ImportRow",
  "Programme",
  "Rfp",
  "RfpChange",
  "RfpInvitation",
  "RfpParticipation",
  "RfpResponse",
  "BidOpening",
  "Clarification",
  "ClarificationAnswer",
  "StoredFile",
  "FileChunk",
  "Scorecard",
  "Score",
  "ScoreSubmission",
  "ScoreOverride",
  "ScoreRationale",
  "ShortlistEntry",
  "ShortlistVote",
  "ShortlistComment",
  "PortfolioScenario",
  "PortfolioDecision",
  "DecisionSignature",
]);

// Of those, the models whose rows a CDMO can publish (`isPublic`): reads see own rows and
// public ones; writes still touch own rows only. The RLS policies say the same.
export const PUBLIC_READ_MODELS = new Set<string>(["Vendor", "VendorSite", "Inspection", "WarningLetter", "Recall"]);

const invitedTo = (orgId: string) => ({ vendorOrganizationId: orgId, sentAt: { not: null }, revokedAt: null });

/**
 * Rows another organisation may read besides its own, through an RFP invitation (and public
 * profiles). Reads of these models see `own rows OR share(orgId)`; writes touch own rows only.
 * The migration's policies say the same and are the authority: where a rule needs a table the
 * model has no relation to (an attachment's RFP, a file's submitted response), the predicate
 * here is the column part of it and row-level security applies the rest.
 */
export const SHARED_READS: Record<string, (orgId: string) => object> = {
  ...Object.fromEntries([...PUBLIC_READ_MODELS].map((m) => [m, () => ({ isPublic: true })])),
  Rfp: (orgId) => ({ status: { not: "DRAFT" }, invitations: { some: invitedTo(orgId) } }),
  RfpChange: (orgId) => ({ rfp: { status: { not: "DRAFT" }, invitations: { some: invitedTo(orgId) } } }),
  RfpInvitation: invitedTo,
  RfpParticipation: (orgId) => ({ sponsorOrganizationId: orgId }),
  RfpResponse: (orgId) => ({ sponsorOrganizationId: orgId, submittedAt: { not: null } }),
  Clarification: (orgId) => ({ sponsorOrganizationId: orgId }),
  ClarificationAnswer: (orgId) => ({ OR: [{ audience: "ALL" }, { recipientOrganizationId: orgId }] }),
  StoredFile: () => ({ deletedAt: null }),
  // Always true (every chunk has seq >= 0): a chunk is readable exactly when its file is, which only
  // row-level security can say (no relation to join on here). Not `{}`: Prisma reads an empty
  // object inside OR as false, which hid every shared chunk.
  FileChunk: () => ({ seq: { gte: 0 } }),
};

export type { TenantDb };

const READ_OPS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
]);

const WHERE_OPS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "count",
  "aggregate",
  "groupBy",
  "upsert",
]);

type AnyArgs = Record<string, unknown> & { where?: object; data?: unknown; create?: object };

function withOrg(data: unknown, orgId: string): unknown {
  if (Array.isArray(data)) return data.map((d) => withOrg(d, orgId));
  const row = (data ?? {}) as Record<string, unknown>;
  if (row.organizationId !== undefined && row.organizationId !== orgId) {
    throw new AppError("FORBIDDEN", "A record cannot be written into another organisation.");
  }
  return { ...row, organizationId: orgId };
}

/** Add the organisation to a Prisma operation's arguments. Exported for unit tests. */
export function scopeArgs(
  operation: string,
  args: AnyArgs | undefined,
  orgId: string,
  share?: (orgId: string) => object,
): AnyArgs {
  const next: AnyArgs = { ...(args ?? {}) };
  if (share && READ_OPS.has(operation)) {
    const where = (next.where ?? {}) as Record<string, unknown>;
    const and = where.AND === undefined ? [] : Array.isArray(where.AND) ? where.AND : [where.AND];
    next.where = { ...where, AND: [...and, { OR: [{ organizationId: orgId }, share(orgId)] }] };
  } else if (WHERE_OPS.has(operation)) next.where = { ...(next.where ?? {}), organizationId: orgId };
  if (operation === "create" || operation === "createMany" || operation === "createManyAndReturn") {
    next.data = withOrg(next.data, orgId);
  }
  if (operation === "upsert") next.create = withOrg(next.create, orgId) as object;
  if ((operation === "update" || operation === "updateMany" || operation === "upsert") && next.data) {
    const data = next.data as Record<string, unknown>;
    if (data.organizationId !== undefined && data.organizationId !== orgId) {
      throw new AppError("FORBIDDEN", "A record cannot be moved into another organisation.");
    }
  }
  return next;
}

// `scope.orgId` is read at each operation, so a transaction can learn its organisation from
// its own first statement (withMembership) before any tenant model is touched.
/** For src/server/db/ modules only: services receive a TenantDb, never build one. */
export function scopedClient(base: PrismaClient, scope: { orgId: string }) {
  return base.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!TENANT_MODELS.has(model)) return query(args);
          if (!scope.orgId) throw new Error("Tenant model used before the organisation was resolved.");
          return query(scopeArgs(operation, args as AnyArgs, scope.orgId, SHARED_READS[model]) as typeof args);
        },
      },
    },
  });
}

export const TX_OPTIONS = { maxWait: 20_000, timeout: 60_000 } as const;

export async function setSessionVars(tx: TenantDb, vars: { orgId?: string; userId?: string; inviteToken?: string }) {
  await fullClientOf(tx).$queryRaw`SELECT
    set_config('app.org_id', ${vars.orgId ?? ""}, true),
    set_config('app.user_id', ${vars.userId ?? ""}, true),
    set_config('app.invite_token', ${vars.inviteToken ?? ""}, true)`;
}

/** Run `fn` in one transaction as organisation `orgId`: scoped client plus RLS settings. */
export async function withTenant<T>(
  base: PrismaClient,
  scope: { orgId: string; userId?: string },
  fn: (db: TenantDb) => Promise<T>,
): Promise<T> {
  const client = scopedClient(base, { orgId: scope.orgId });
  return client.$transaction(async (tx) => {
    await setSessionVars(asTenantDb(tx), scope);
    return fn(asTenantDb(tx));
  }, TX_OPTIONS) as Promise<T>;
}

/**
 * Run `fn` in one transaction that sees the public records only (platform profiles, their
 * sites and history), as no organisation: the operator's FDA load matches a file against them
 * here before writing each CDMO's share in that CDMO's own transaction. The scope is an id no
 * organisation has, so the scoped client finds no "own" rows and row-level security refuses
 * every write.
 */
export function withPublicRecords<T>(base: PrismaClient, fn: (db: TenantDb) => Promise<T>): Promise<T> {
  return withTenant(base, { orgId: PUBLIC_READER }, fn);
}
export const PUBLIC_READER = "~public-reader";

export type Membership = {
  orgId: string;
  slug: string;
  name: string;
  kind: "SPONSOR" | "CDMO";
  role: "OWNER" | "ADMIN" | "EVALUATOR" | "VIEWER" | "RESPONDER";
  membershipId: string;
};

/** The user's membership in the organisation with this slug, in one query; null if none. */
export async function findMembership(base: PrismaClient, userId: string, orgSlug: string): Promise<Membership | null> {
  return base.$transaction(async (tx) => {
    await setSessionVars(asTenantDb(tx), { userId });
    const rows = await tx.$queryRaw<Membership[]>`
      SELECT o.id AS "orgId", o.slug, o.name, o.kind::text AS kind, m.role::text AS role, m.id AS "membershipId"
      FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
      WHERE m."userId" = ${userId} AND o.slug = ${orgSlug}
      LIMIT 1`;
    return rows[0] ?? null;
  });
}

/** All organisations the user belongs to (for the switcher), in one query. */
export async function listMemberships(base: PrismaClient, userId: string): Promise<Membership[]> {
  return base.$transaction(async (tx) => {
    await setSessionVars(asTenantDb(tx), { userId });
    return tx.$queryRaw<Membership[]>`
      SELECT o.id AS "orgId", o.slug, o.name, o.kind::text AS kind, m.role::text AS role, m.id AS "membershipId"
      FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
      WHERE m."userId" = ${userId}
      ORDER BY o.name`;
  });
}

/** Read an invitation by its token hash, across tenants (RLS admits it by the token alone). */
export async function withInviteToken<T>(base: PrismaClient, tokenHash: string, fn: (db: TenantDb) => Promise<T>) {
  return base.$transaction(async (tx) => {
    await setSessionVars(asTenantDb(tx), { inviteToken: tokenHash });
    return fn(asTenantDb(tx));
  }, TX_OPTIONS);
}

/**
 * Lock this organisation's OWNER memberships until the transaction ends and return their
 * ids, so two concurrent demotions cannot both see "another owner remains".
 */
export async function lockOwnerMemberships(db: TenantDb): Promise<string[]> {
  const rows = await fullClientOf(db).$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership"
    WHERE "organizationId" = current_setting('app.org_id', true) AND role = 'OWNER'
    FOR UPDATE`;
  return rows.map((r) => r.id);
}
