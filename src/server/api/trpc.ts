import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { getDb } from "../db/client";
import { withMembership, type MembershipMemo } from "../db/request-tenant";
import type { TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import type { SessionUser } from "../auth/sessions";
import { can, refusal, type Permission } from "../auth/permissions";
import type { OrgKind, Role } from "./roles";
import { toTRPCError, fieldMessage } from "./errors";
import { zSlug } from "../validation";

// The one place where requests meet tenancy. Context is built by the HTTP handler and by
// server components (src/trpc/server.ts) through the same function.

/** `memberships` memoises org lookups for one request (a batch, or one server render). */
export type Context = { user: SessionUser | null; ip: string; memberships?: MembershipMemo };

export async function createContext(opts: { user: SessionUser | null; ip?: string }): Promise<Context> {
  return { user: opts.user, ip: opts.ip ?? "local", memberships: new Map() };
}

export type Meta = { access: "public" | "user" | "org"; permission?: Permission };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zod = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      const field = error.cause instanceof AppError ? (error.cause.field ?? null) : null;
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        message: zod
          ? fieldMessage(error.cause as ZodError)
          : internal
            ? "Something went wrong on our side. Try again; if it persists, contact support."
            : shape.message,
        data: { ...shape.data, stack: undefined, zodError: zod, field },
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
 * inside the procedure's transaction and memoised for the request (db/request-tenant.ts);
 * non-members get NOT_FOUND (existence does not leak). The procedure runs inside one
 * transaction with a tenant-scoped client on ctx.db and RLS settings for this organisation,
 * so a change and its audit entry commit together. After this, no code trusts an org id
 * from the client.
 */
const orgBase = protectedProcedure.input(ZOrgInput).use(async ({ ctx, input, next }) => {
  const base = await getDb();
  return withMembership(base, ctx.memberships ?? new Map(), ctx.user.id, input.orgSlug, async (m, db: TenantDb) => {
    const org: OrgContext = { id: m.orgId, slug: m.slug, name: m.name, kind: m.kind, role: m.role };
    const result = await next({ ctx: { ...ctx, org, db } });
    // tRPC hands errors back as a result; rethrow so the transaction rolls back.
    if (!result.ok) throw result.error;
    return result;
  });
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
 * The base of every organisation procedure: `orgProcedure("vendor.write")`. A procedure
 * cannot be built without naming its permission, and the name is kept in its meta so tests
 * can enumerate the router and check each one.
 */
export function orgProcedure(permission: Permission) {
  return orgBase.meta({ access: "org", permission }).use(requirePermission(permission));
}
