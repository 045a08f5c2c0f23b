import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { statementNamer } from "./statement-names";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { withStatementLog } from "./statement-log";
import { APP_ROLE, resolveDbTarget, type DbTarget } from "./config";

// The unscoped client. Only modules on the allow-list in eslint.config.js may import
// this file; everything tenant-owned goes through src/server/db/tenant.ts instead.

export type Db = PrismaClient;

type Handle = { prisma: PrismaClient; target: DbTarget; pglite?: PGlite; ready: Promise<void> };

const globalForDb = globalThis as unknown as { __cdmoDb?: Handle };

/**
 * PGlite's connection is a superuser; switch it to the application role for good. The role
 * and its grants come from the migration run (src/server/db/grants.ts), like on PostgreSQL.
 */
export async function switchToAppRoleOnPglite(pg: PGlite): Promise<void> {
  try {
    await pg.exec(`SET ROLE ${APP_ROLE}`);
  } catch (e) {
    throw new Error(
      `Cannot switch the embedded database to the role ${APP_ROLE} (${(e as Error).message}): run npm run db:migrate first.`,
    );
  }
}

type RoleFacts = { rolname: string; rolsuper: boolean; rolbypassrls: boolean; owns: string | null };

/**
 * Refuse to run where row-level security or the audit trigger could be switched off: as a
 * superuser, as a BYPASSRLS role, or as a role that owns (or may act as the owner of) any
 * table, view or sequence in the schema, since an owner can ALTER TABLE ... DISABLE TRIGGER
 * and NO FORCE ROW LEVEL SECURITY.
 */
export async function assertNotPrivileged(prisma: PrismaClient): Promise<void> {
  const rows = await prisma.$queryRaw<RoleFacts[]>`
    SELECT r.rolname, r.rolsuper, r.rolbypassrls,
      (SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
          AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND pg_has_role(current_user, c.relowner, 'MEMBER')
        ORDER BY 1 LIMIT 1) AS owns
    FROM pg_roles r WHERE r.rolname = current_user`;
  const me = rows[0];
  const why = !me
    ? "is unknown"
    : me.rolsuper
      ? "is a superuser"
      : me.rolbypassrls
        ? "has BYPASSRLS"
        : me.owns
          ? `owns the table ${me.owns} (or is a member of its owner), so it could switch row-level security and the audit trigger off`
          : null;
  if (why) {
    throw new Error(
      `Refusing to start: database role "${me?.rolname ?? "?"}" ${why}. Connect DATABASE_URL as the ` +
        `application role ${APP_ROLE}, which owns nothing; migrations run as the owner through MIGRATION_DATABASE_URL ` +
        "(see README: PostgreSQL).",
    );
  }
}

export function openPglite(dataDir: string): PGlite {
  if (!dataDir.startsWith("memory://")) {
    // PGlite creates only the last level of its directory.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  }
  return new PGlite({ dataDir });
}

/** Build a client for a target. Tests call this with their own target. */
export function createDb(target: DbTarget, existing?: PGlite): Handle {
  if (target.kind === "postgres") {
    const prisma = new PrismaClient({
      adapter: withStatementLog(
        new PrismaPg({ connectionString: target.url, max: 10 }, { statementNameGenerator: statementNamer() }),
      ),
    });
    return { prisma, target, ready: assertNotPrivileged(prisma) };
  }
  const pglite = existing ?? openPglite(target.dataDir);
  const prisma = new PrismaClient({ adapter: withStatementLog(new PrismaPGlite(pglite)) });
  return { prisma, target, pglite, ready: switchToAppRoleOnPglite(pglite).then(() => assertNotPrivileged(prisma)) };
}

function handle(): Handle {
  if (!globalForDb.__cdmoDb) {
    const h = createDb(resolveDbTarget());
    globalForDb.__cdmoDb = h;
    // The server (scripts/server.mjs) calls this last when it shuts down: the pool's connections
    // end cleanly, and the embedded database is closed with everything written to its directory.
    (globalThis as { __cdmoCloseDb?: () => Promise<void> }).__cdmoCloseDb = async () => {
      await h.prisma.$disconnect().catch(() => {});
      await h.pglite?.close().catch(() => {});
    };
  }
  return globalForDb.__cdmoDb;
}

/** The process-wide client, ready to use (role checked or switched). */
export async function getDb(): Promise<PrismaClient> {
  const h = handle();
  await h.ready;
  return h.prisma;
}

/** Where the process-wide client points (without opening it). */
export function currentDbTarget(): DbTarget {
  return handle().target;
}

/** The process-wide handle (the job runner needs the PGlite instance or the URL). */
export async function getDbHandle(): Promise<Handle> {
  const h = handle();
  await h.ready;
  return h;
}

/** For tests: replace the process-wide client. */
export function setDbForTests(h: Handle | undefined): void {
  globalForDb.__cdmoDb = h;
}
export type { Handle as DbHandle };
