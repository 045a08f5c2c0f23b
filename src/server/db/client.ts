import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { APP_ROLE, resolveDbTarget, type DbTarget } from "./config";

// The unscoped client. Only modules on the allow-list in eslint.config.js may import
// this file; everything tenant-owned goes through src/server/db/tenant.ts instead.

export type Db = PrismaClient;

type Handle = { prisma: PrismaClient; target: DbTarget; pglite?: PGlite; ready: Promise<void> };

const globalForDb = globalThis as unknown as { __cdmoDb?: Handle };

/** Grants for the application role on PGlite, where the connection is a superuser. */
export async function prepareAppRoleOnPglite(pg: PGlite): Promise<void> {
  await pg.exec(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOBYPASSRLS;
      END IF;
    END $$;
    GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
    DO $$ BEGIN
      IF to_regclass('public."AuditEvent"') IS NOT NULL THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM ${APP_ROLE};
      END IF;
    END $$;
    SET ROLE ${APP_ROLE};
  `);
}

/** Refuse to run where row-level security would silently not apply. */
export async function assertNotPrivileged(prisma: PrismaClient): Promise<void> {
  const rows = await prisma.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; rolname: string }[]>`
    SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
  const me = rows[0];
  if (!me || me.rolsuper || me.rolbypassrls) {
    throw new Error(
      `Refusing to start: database role "${me?.rolname ?? "?"}" is a superuser or has BYPASSRLS, ` +
        "so row-level security would not isolate tenants. Connect as an ordinary role " +
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
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }) });
    return { prisma, target, ready: assertNotPrivileged(prisma) };
  }
  const pglite = existing ?? openPglite(target.dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return { prisma, target, pglite, ready: prepareAppRoleOnPglite(pglite) };
}

function handle(): Handle {
  if (!globalForDb.__cdmoDb) globalForDb.__cdmoDb = createDb(resolveDbTarget());
  return globalForDb.__cdmoDb;
}

/** The process-wide client, ready to use (role checked or switched). */
export async function getDb(): Promise<PrismaClient> {
  const h = handle();
  await h.ready;
  return h.prisma;
}

/** For tests: replace the process-wide client. */
export function setDbForTests(h: Handle | undefined): void {
  globalForDb.__cdmoDb = h;
}
export type { Handle as DbHandle };
