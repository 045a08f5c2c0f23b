import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createDb, setDbForTests, type DbHandle } from "@/server/db/client";
import { OWNER_ROLE, withUser } from "@/server/db/config";
import { closeLimiterStores } from "@/server/db/rate-limit-store";
import { migrateDatabase } from "@/server/db/migrate-database";

// Integration tests run against PGlite by default and against a real PostgreSQL when
// TEST_DB=postgres (scripts/test.mjs does both when TEST_DATABASE_URL is set). Each test
// file gets a fresh, fully migrated database of its own. On PostgreSQL, as in production,
// the owner role creates and migrates it (TEST_MIGRATION_DATABASE_URL, default: the
// TEST_DATABASE_URL server logged in as cdmo_owner, which needs CREATEDB) and the app
// connects as TEST_DATABASE_URL's role (cdmo_app), which owns nothing. `adminQuery` runs as
// the owner there, and as the superuser on PGlite.

export type TestDb = DbHandle & {
  kind: "pglite" | "postgres";
  drop: () => Promise<void>;
  adminQuery: (sql: string) => Promise<unknown[]>;
  /** PostgreSQL only: the app role's and the owner's connection strings for this database. */
  appUrl?: string;
  ownerUrl?: string;
};

/** The owner's connection to the server of TEST_DATABASE_URL (same database as the URL). */
export function testOwnerUrl(): string {
  const appUrl = process.env.TEST_DATABASE_URL;
  if (!appUrl) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  return process.env.TEST_MIGRATION_DATABASE_URL?.trim() || withUser(appUrl, OWNER_ROLE);
}

export const testDbKind = (): "pglite" | "postgres" => (process.env.TEST_DB === "postgres" ? "postgres" : "pglite");

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function createTestDb(): Promise<TestDb> {
  if (testDbKind() === "postgres") {
    const baseUrl = process.env.TEST_DATABASE_URL;
    if (!baseUrl) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
    const ownerBase = testOwnerUrl();
    const name = `cdmo_it_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: ownerBase });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = withDatabase(baseUrl, name);
    const ownerUrl = withDatabase(ownerBase, name);
    await migrateDatabase({ kind: "postgres", url: ownerUrl });
    const handle = createDb({ kind: "postgres", url });
    await handle.ready;
    setDbForTests(handle);
    const adminQuery = async (sql: string) => {
      const c = new pg.Client({ connectionString: ownerUrl });
      await c.connect();
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    };
    return {
      ...handle,
      kind: "postgres",
      adminQuery,
      appUrl: url,
      ownerUrl,
      drop: async () => {
        await handle.prisma.$disconnect();
        // The rate limits' own pool (src/server/db/rate-limit-store.ts) holds app-role connections too.
        await closeLimiterStores();
        setDbForTests(undefined);
        await dropWhenIdle(ownerBase, name);
      },
    };
  }
  const pglite = new PGlite();
  await migrateDatabase({ kind: "pglite", pglite });
  const handle = createDb({ kind: "pglite", dataDir: "memory://" }, pglite);
  await handle.ready;
  setDbForTests(handle);
  return {
    ...handle,
    kind: "pglite",
    // PGlite's connection has switched to the app role; the superuser is one RESET away.
    adminQuery: async (sql: string) => {
      await pglite.exec("RESET ROLE");
      try {
        return (await pglite.query(sql)).rows;
      } finally {
        await pglite.exec("SET ROLE cdmo_app");
      }
    },
    drop: async () => {
      await handle.prisma.$disconnect();
      setDbForTests(undefined);
      await pglite.close();
    },
  };
}

/**
 * Drops a test database once the app role's connections have gone. The owner may not end
 * another role's backends (WITH (FORCE) needs pg_signal_backend), and a pool's sockets can
 * outlive its `end()` by a moment on a loaded machine, so wait for them instead of forcing.
 */
export async function dropWhenIdle(ownerBase: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: ownerBase });
  await c.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (e) {
        // 55006: object_in_use (other sessions are still connected).
        if ((e as { code?: string }).code !== "55006" || attempt >= 100) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    await c.end();
  }
}
