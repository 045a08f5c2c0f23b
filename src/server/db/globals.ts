import type { PrismaClient } from "./generated/client";
import { fullClientOf, type TenantDb } from "./tenant-db";

// Reads of global (not tenant-owned) rows that request plumbing needs, as named functions:
// each is one statement and returns only the columns its caller uses.

export type SessionRow = {
  expiresAt: Date;
  createdAt: Date;
  lastSeenAt: Date;
  userId: string;
  email: string;
  name: string;
  passwordChangedAt: Date;
};

/**
 * A session and its user in one statement, with no transaction around it (every signed-in
 * request does this). Sessions are under row-level security keyed on app.session_id
 * (db/auth-scope.ts): the LATERAL join makes the row that sets it come first, so the session
 * is read after; the setting ends with the statement.
 */
export async function findSessionWithUser(base: PrismaClient, sessionId: string): Promise<SessionRow | null> {
  const rows = await base.$queryRaw<SessionRow[]>`
    SELECT x."expiresAt", x."createdAt", x."lastSeenAt", x."userId", x.email, x.name, x."passwordChangedAt"
    FROM (SELECT set_config('app.session_id', ${sessionId}, true) AS sid) s
    CROSS JOIN LATERAL (
      SELECT a."expiresAt", a."createdAt", a."lastSeenAt", u.id AS "userId", u.email, u.name, u."passwordChangedAt"
      FROM "AuthSession" a JOIN "User" u ON u.id = a."userId"
      WHERE a.id = s.sid) x`;
  return rows[0] ?? null;
}

// Global rows reached from inside a tenant transaction. A TenantDb has no `user` or
// `organization` delegate, so these are the only ways in, each reading or writing exactly
// what its caller needs.

/** Display names of users (note authors, say), by id. */
export async function userNames(db: TenantDb, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await fullClientOf(db).user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

// "User" and "Organization" are under forced row-level security (migration
// users_and_organizations_are_not_readable_by_mistake): a query sees the users and
// organisations its settings admit. The few reads that must see past them go through the
// SECURITY DEFINER functions of that migration, here.

type Runner = Pick<PrismaClient, "$queryRaw">;
const runnerOf = (db: TenantDb | PrismaClient): Runner =>
  "organization" in db ? (db as PrismaClient) : fullClientOf(db as TenantDb);

/** Slugs in use, in every organisation, that start with `prefix` (to pick a free one). */
export async function slugsStartingWith(db: TenantDb | PrismaClient, prefix: string): Promise<string[]> {
  const rows = await runnerOf(db).$queryRaw<
    { slug: string }[]
  >`SELECT slug FROM organization_slugs_with_prefix(${prefix})`;
  return rows.map((r) => r.slug);
}

/** The account with this e-mail (id and name), for sign-up, reset and invitations; null when none. */
export async function userByEmail(
  db: TenantDb | PrismaClient,
  email: string,
): Promise<{ id: string; name: string } | null> {
  const rows = await runnerOf(db).$queryRaw<
    { id: string; name: string }[]
  >`SELECT id, name FROM auth_user_by_email(${email})`;
  return rows[0] ?? null;
}

/** Every organisation's id and kind, by id (daily jobs sweep each in its own transaction). */
export async function allOrganizations(db: PrismaClient): Promise<{ id: string; kind: "SPONSOR" | "CDMO" }[]> {
  return db.$queryRaw<{ id: string; kind: "SPONSOR" | "CDMO" }[]>`SELECT id, kind FROM organization_ids()`;
}

/** An organisation's id, slug and kind by slug (the operator's CLI); null when none. */
export async function organizationBySlug(
  db: PrismaClient,
  slug: string,
): Promise<{ id: string; slug: string; kind: "SPONSOR" | "CDMO" } | null> {
  const rows = await db.$queryRaw<{ id: string; slug: string; kind: "SPONSOR" | "CDMO" }[]>`
    SELECT id, slug, kind FROM organization_by_slug(${slug})`;
  return rows[0] ?? null;
}

/** The organisation row of a new organisation, in the transaction that scopes to it. */
export async function insertOrganization(
  db: TenantDb,
  org: { id: string; slug: string; name: string; kind: "SPONSOR" | "CDMO" },
): Promise<void> {
  await fullClientOf(db).organization.create({ data: org, select: { id: true } });
}

/** A new user, created in the transaction that also makes them a member somewhere. */
export async function insertUser(
  db: TenantDb,
  user: { id: string; email: string; name: string; passwordHash: string },
): Promise<void> {
  // Returning only the id: the app role may not read password hashes back.
  await fullClientOf(db).user.create({ data: user, select: { id: true } });
}

/** An organisation's public face: name, slug and kind. */
export async function organizationSummary(
  db: TenantDb,
  orgId: string,
): Promise<{ id: string; slug: string; name: string; kind: "SPONSOR" | "CDMO" } | null> {
  return fullClientOf(db).organization.findUnique({
    where: { id: orgId },
    select: { id: true, slug: true, name: true, kind: true },
  });
}

/**
 * Names of organisations by id, as far as row-level security lets the current one see them: a
 * CDMO sees the sponsors whose sent invitations it holds, anyone sees CDMOs (the directory).
 */
export async function organizationNames(db: TenantDb, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await fullClientOf(db).organization.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** One e-mail into the outbox, in the caller's transaction when there is one (db/outbox.ts). */
export async function insertOutboxMessage(
  db: TenantDb | PrismaClient,
  message: { id?: string; to: string; subject: string; text: string; html: string | null },
): Promise<void> {
  const client = "emailOutbox" in db ? (db as PrismaClient) : fullClientOf(db);
  // createMany: an INSERT without RETURNING, since the app may write the outbox but not read it back.
  await client.emailOutbox.createMany({ data: [message] });
}
