import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, backupKindOf, backupTarget, restoreDatabase } from "@/server/db/backup";
import { createDb } from "@/server/db/client";
import { withUser } from "@/server/db/config";
import { migrateDatabase } from "@/server/db/migrate-database";
import { seedFoundation } from "../prisma/seed/foundation";
import { createTestDb, dropWhenIdle, testDbKind, testOwnerUrl, type TestDb } from "./helpers/test-db";

// db:backup and db:restore: a backup restored into an empty database finds the same data; a
// restore refuses to write over a database unless told to, and a backup of the other kind.
// PGlite always (a data directory of its own); PostgreSQL when TEST_DB=postgres.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cdmo-backup-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ORG_NAMES = `SELECT name FROM "Organization" ORDER BY name`;

// Each kind on its own run of the suite (registered, not skipped, on the other).
if (testDbKind() === "pglite")
  describe("backup and restore, PGlite", { timeout: 120_000 }, () => {
    it("restores a backup into a new directory with the same rows, and moves a replaced one aside", async () => {
      const dataDir = join(dir, "pglite");
      await migrateDatabase({ kind: "pglite", dataDir });
      const h = createDb({ kind: "pglite", dataDir });
      await h.ready;
      await seedFoundation(h.prisma);
      await h.prisma.$disconnect();
      await h.pglite?.close();

      const file = join(dir, "backup.tar.gz");
      const made = await backupDatabase({ kind: "pglite", dataDir }, file);
      expect(made).toMatchObject({ kind: "pglite" });
      expect(made.bytes).toBeGreaterThan(1000);
      expect(backupKindOf(file)).toBe("pglite");
      expect(statSync(file).mode & 0o777).toBe(0o600);

      const names = async (d: string) => {
        const db = new PGlite({ dataDir: d });
        try {
          return (await db.query<{ name: string }>(ORG_NAMES)).rows.map((r) => r.name);
        } finally {
          await db.close();
        }
      };
      const original = await names(dataDir);
      expect(original.length).toBeGreaterThan(1);

      const restored = join(dir, "restored");
      await restoreDatabase({ kind: "pglite", dataDir: restored }, file);
      expect(await names(restored)).toEqual(original);

      // Over an existing database: refused, then moved aside with replace.
      await expect(restoreDatabase({ kind: "pglite", dataDir: restored }, file)).rejects.toThrow(/--replace/);
      const { movedAside } = await restoreDatabase({ kind: "pglite", dataDir: restored }, file, { replace: true });
      expect(movedAside && existsSync(join(movedAside, "PG_VERSION"))).toBe(true);
      expect(await names(restored)).toEqual(original);

      // Not a backup, or a PostgreSQL one.
      const junk = join(dir, "junk.txt");
      writeFileSync(junk, "hello");
      await expect(restoreDatabase({ kind: "pglite", dataDir: join(dir, "x") }, junk)).rejects.toThrow(/not a backup/);
      const fake = join(dir, "fake.dump");
      writeFileSync(fake, "PGDMP...");
      await expect(restoreDatabase({ kind: "pglite", dataDir: join(dir, "x") }, fake)).rejects.toThrow(
        /PostgreSQL backup and the target is PGlite/,
      );
    });
  });

describe("where backups connect", () => {
  it("is the PGlite directory, or on PostgreSQL BACKUP_DATABASE_URL, which must be set", () => {
    expect(backupTarget({ kind: "pglite", dataDir: "/d" }, {})).toEqual({ kind: "pglite", dataDir: "/d" });
    const pgTarget = { kind: "postgres" as const, url: "postgres://cdmo_owner@h/db" };
    expect(() => backupTarget(pgTarget, {})).toThrow(/BACKUP_DATABASE_URL/);
    expect(backupTarget(pgTarget, { BACKUP_DATABASE_URL: "postgres://postgres@h/db" })).toEqual({
      kind: "postgres",
      url: "postgres://postgres@h/db",
    });
  });
});

if (testDbKind() === "postgres")
  describe("backup and restore, PostgreSQL", { timeout: 120_000 }, () => {
    let t: TestDb;
    const copy = `cdmo_restore_${randomBytes(4).toString("hex")}`;
    beforeAll(async () => {
      t = await createTestDb();
      await seedFoundation(t.prisma);
    });
    afterAll(async () => {
      await t?.drop();
      await dropWhenIdle(testOwnerUrl(), copy);
    });

    it("restores a dump into an empty database with the same rows and grants, and never over tables", async () => {
      // The owner cannot take a full dump: the tables force row-level security even on it.
      const file = join(dir, "backup.dump");
      await expect(backupDatabase({ kind: "postgres", url: t.ownerUrl! }, file)).rejects.toThrow(/BYPASSRLS/);
      const asSuperuser = (url: string) => withUser(url, "postgres");
      const made = await backupDatabase({ kind: "postgres", url: asSuperuser(t.ownerUrl!) }, file);
      expect(made.kind).toBe("postgres");
      expect(backupKindOf(file)).toBe("postgres");

      const admin = new pg.Client({ connectionString: testOwnerUrl() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${copy}`);
      await admin.end();
      const copyUrl = new URL(t.ownerUrl!);
      copyUrl.pathname = `/${copy}`;
      await restoreDatabase({ kind: "postgres", url: asSuperuser(copyUrl.toString()) }, file);

      const query = async (url: string, sql: string) => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          return (await c.query(sql)).rows;
        } finally {
          await c.end();
        }
      };
      const original = await query(t.ownerUrl!, ORG_NAMES);
      expect(original.length).toBeGreaterThan(1);
      expect(await query(copyUrl.toString(), ORG_NAMES)).toEqual(original);
      const appCopy = new URL(t.appUrl!);
      appCopy.pathname = `/${copy}`;
      // The app role's grants and row-level security came along: it may read, and sees only what
      // the policies show a session with no user (not every organisation).
      const [{ n }] = await query(appCopy.toString(), `SELECT count(*)::int AS n FROM "Organization"`);
      expect(n).toBeLessThan(original.length);

      const superCopy = { kind: "postgres" as const, url: asSuperuser(copyUrl.toString()) };
      // Never over a database with tables: restore beside it and switch.
      await expect(restoreDatabase(superCopy, file, { replace: true })).rejects.toThrow(/create an empty database/);
      expect(await query(copyUrl.toString(), ORG_NAMES)).toEqual(original);
    });
  });
