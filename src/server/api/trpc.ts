import { initTRPC, TRPCError } from "@trpc/server";
import type { Logger } from "pino";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { getDb } from "../db/client";
import { withBatchMembership, withMembership, type MembershipMemo, type RequestBatch } from "../db/request-tenant";
import type { Membership, TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import { internalErrorMessage, RequestFailure } from "../errors/internal-error";
import type { SessionUser } from "../auth/sessions";
import { can, refusal, type Permission } from "../auth/permissions";
import { consumeProcedureLimit, reward, type ProcedureLimit } from "../auth/rate-limit";
import type { OrgKind, Role } from "./roles";
import { toTRPCError, fieldMessage } from "./errors";
import { zSlug } from "../validation";
import { log as rootLog } from "../log";

// The one place where requests meet tenancy. Context is built by the HTTP handler and by
// server components (src/trpc/server.ts) through the same function.

/**
 * `memberships` memoises org lookups for one request's mutations; `batch` holds the
 * transaction the request's org queries share, with its own memo (db/request-tenant.ts).
 * `requestId` names the request in its log lines (`log` carries it) and in the message a user
 * sees when something fails on our side.
 */
export type Context = {
  user: SessionUser | null;
  ip: string;
  requestId: string;
  log: Logger;
  memberships?: MembershipMemo;
  batch?: RequestBatch;
};

export async function createContext(opts: {
  user: SessionUser | null;
  ip?: string;
  requestId?: string;
  log?: Logger;
}): Promise<Context> {
  const requestId = opts.requestId ?? crypto.randomUUID();
  // One child logger per request (this runs on every request): the route's, which already names
  // the request, gains the user; otherwise the root logger's gets both at once.
  const userId = opts.user?.id ?? null;
  const log = opts.log ? opts.log.child({ userId }) : rootLog.child({ requestId, userId });
  return {
    user: opts.user,
    ip: opts.ip ?? "local",
    requestId,
    log,
    memberships: new Map(),
    batch: { memberships: new Map() },
  };
}

export type Meta = { access: "public" | "user" | "org"; permission?: Permission; limit?: ProcedureLimit };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const zod = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      const field = error.cause instanceof AppError ? (error.cause.field ?? null) : null;
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const requestId = ctx?.requestId ?? (error.cause instanceof RequestFailure ? error.cause.requestId : null);
      return {
        ...shape,
        message: zod
          ? fieldMessage(error.cause as ZodError)
          : internal
            ? internalErrorMessage(requestId ?? undefined)
            : shape.message,
        data: { ...shape.data, stack: undefined, zodError: zod, field, requestId },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Turns AppError and database errors into tRPC errors with a user-facing message. */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const publicProcedure = t.procedure.meta({ access: "public" }).use(errorMapping);

export const protectedProcedure = t.procedure
  .meta({ access: "user" })
  .use(errorMapping)
  .use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    return next({ ctx: { ...ctx, user: ctx.user } });
  });

export const ZOrgInput = z.object({ orgSlug: zSlug });

export type OrgContext = { id: string; slug: string; name: string; kind: OrgKind; role: Role };

/**
 * Resolves the organisation from the slug and the session with one membership query, made
 * inside the transaction and memoised for the request (db/request-tenant.ts); non-members
 * get NOT_FOUND (existence does not leak). Queries of one request (an HTTP batch, one server
 * render) share one transaction, each in its own savepoint with the RLS settings of its own
 * organisation; a mutation runs in a transaction of its own, so a change and its audit entry
 * commit together and alone. After this, no code trusts an org id from the client.
 */
const orgBase = protectedProcedure.input(ZOrgInput).use(async ({ ctx, input, next, type }) => {
  const base = await getDb();
  const memo = ctx.memberships ?? new Map();
  const run = async (m: Membership, db: TenantDb) => {
    const org: OrgContext = { id: m.orgId, slug: m.slug, name: m.name, kind: m.kind, role: m.role };
    const result = await next({ ctx: { ...ctx, org, db } });
    // tRPC hands errors back as a result; rethrow so the transaction (or savepoint) rolls back.
    if (!result.ok) throw result.error;
    return result;
  };
  // Queries of one request share one transaction, each in its own savepoint; a mutation
  // always has a transaction of its own, so it commits or fails alone.
  return type === "query" && ctx.batch
    ? withBatchMembership(ctx.batch, base, ctx.user.id, input.orgSlug, run)
    : withMembership(base, memo, ctx.user.id, input.orgSlug, run);
});

/** Refuses unless the organisation's kind and the member's role hold `permission` (permissions.ts). */
export function requirePermission(permission: Permission) {
  return t.middleware(({ ctx, next }) => {
    const org = (ctx as { org?: OrgContext }).org;
    if (!org)
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "requirePermission used outside orgProcedure" });
    if (!can(org, permission)) throw new TRPCError({ code: "FORBIDDEN", message: refusal(org, permission) });
    return next();
  });
}

/**
 * An expensive procedure's per-user allowance (rate-limit.ts): one point per call by a member
 * who holds the permission. A call refused for its input (BAD_REQUEST) gives its point back, so
 * a form's validation errors never use up anyone's allowance.
 */
function perUserLimit(limit: ProcedureLimit | undefined) {
  return t.middleware(async ({ ctx, next }) => {
    if (!limit) return next();
    const userId = (ctx as { user: SessionUser }).user.id;
    await consumeProcedureLimit(limit, userId);
    const result = await next();
    if (!result.ok && result.error.code === "BAD_REQUEST") await reward(limit, userId);
    return result;
  });
}

/**
 * The base of every organisation procedure: `orgProcedure("vendor.write")`, or with a per-user
 * limit for expensive work, `orgProcedure("audit.read", { limit: "export" })`. A procedure
 * cannot be built without naming its permission; the name and the limit are kept in its meta so
 * tests can enumerate the router and check each one.
 */
export function orgProcedure(permission: Permission, options: { limit?: ProcedureLimit } = {}) {
  return orgBase
    .meta({ access: "org", permission, limit: options.limit })
    .use(requirePermission(permission))
    .use(perUserLimit(options.limit));
}
