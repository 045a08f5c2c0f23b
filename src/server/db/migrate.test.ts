import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { OWNER_ROLE, withUser } from "./config";
import {
  applyMigrations,
  checkDrift,
  createMigrationSql,
  migrationTimestamp,
  readMigrationsList,
  resolvePaths,
  writeMigration,
  type MigrateOptions,
} from "./migrate";

// A scratch project (schema + migrations) in a temp dir; the real schema's drift test lives elsewhere.
const SCHEMA = `
generator client {
  provider = "prisma-client"
  output   = "./generated"
}

datasource db {
  provider = "postgresql"
}

model Org {
  id     String  @id @default(uuid()) @db.Uuid
  name   String
  events AuditEvent[]
}

model AuditEvent {
  id     BigInt   @id @default(autoincrement())
  orgId  String   @db.Uuid
  org    Org      @relation(fields: [orgId], references: [id])
  action String
  at     DateTime @default(now())

  @@index([orgId, at])
}
`;

const EXTRA_MODEL = `
model Site {
  id    String @id @default(uuid()) @db.Uuid
  orgId String @db.Uuid
  name  String
}
`;

// Hand-written SQL appended after Prisma's, as our real migrations do.
const HAND_WRITTEN = `
-- Row-level security (hand-written)
-- (a DO block with ';' inside; it needs no privilege beyond the test role's own, since CI's
-- role may not create roles)
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user) THEN
    RAISE EXCEPTION 'no current role; impossible';
  END IF;
END
$$;
GRANT SELECT, INSERT ON "Org", "AuditEvent" TO PUBLIC;
ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_event_org ON "AuditEvent"
  USING ("orgId"::text = current_setting('app.org_id', true))
  WITH CHECK ("orgId"::text = current_setting('app.org_id', true));

-- Append-only audit table (hand-written; ';' inside the body on purpose)
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only; % rejected', TG_OP;
END
$$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
`;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

let root: string;
let options: MigrateOptions;
let initName: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-test-"));
  fs.mkdirSync(path.join(root, "prisma"));
  fs.writeFileSync(path.join(root, "prisma", "schema.prisma"), SCHEMA);
  options = { rootDir: root };
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("migrate (wasm schema engine)", { timeout: 60_000 }, () => {
  it("resolves Prisma's default layout and names migrations with a UTC timestamp", () => {
    expect(resolvePaths({ rootDir: "/r" })).toEqual({
      schemaPath: "/r/prisma/schema.prisma",
      migrationsDir: "/r/prisma/migrations",
    });
    expect(migrationTimestamp(new Date("2026-01-02T03:04:05.678Z"))).toBe("20260102030405");
  });

  it("createMigrationSql from no migrations produces the CREATE TABLEs", async () => {
    const sql = await createMigrationSql(options);
    expect(sql).toContain('CREATE TABLE "Org"');
    expect(sql).toContain('CREATE TABLE "AuditEvent"');
    expect(sql).toContain('CREATE INDEX "AuditEvent_orgId_at_idx"');
    expect(sql).toContain('FOREIGN KEY ("orgId") REFERENCES "Org"("id")');

    const dir = writeMigration("init", sql + HAND_WRITTEN, options, new Date("2026-01-01T00:00:00Z"));
    initName = path.basename(dir);
    expect(initName).toBe("20260101000000_init");
    expect(fs.readFileSync(path.join(root, "prisma", "migrations", "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );
  });

  it("checkDrift: no drift when the migrations (with policies, roles, triggers) match the schema", async () => {
    expect(await checkDrift(options)).toEqual({ drift: false, sql: "" });
  });

  it("applyMigrations on an in-memory PGlite applies once, is idempotent, and records _prisma_migrations", async () => {
    const db = await PGlite.create();
    try {
      expect(await applyMigrations({ kind: "pglite", pglite: db }, options)).toEqual([initName]);
      expect(await applyMigrations({ kind: "pglite", pglite: db }, options)).toEqual([]);

      const rows = await db.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        applied_steps_count: number;
      }>("SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations");
      const file = fs.readFileSync(path.join(root, "prisma", "migrations", initName, "migration.sql"), "utf8");
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0]).toMatchObject({
        migration_name: initName,
        checksum: sha256(file),
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(rows.rows[0].finished_at).toBeInstanceOf(Date);

      // The hand-written part ran too.
      const policies = await db.query<{ polname: string }>("SELECT polname FROM pg_policy");
      expect(policies.rows.map((r) => r.polname)).toEqual(["audit_event_org"]);
      const org = await db.query<{ id: string }>(
        `INSERT INTO "Org"(id, name) VALUES (gen_random_uuid(), 'a') RETURNING id`,
      );
      await db.query(`INSERT INTO "AuditEvent"("orgId", action) VALUES ($1, 'x')`, [org.rows[0].id]);
      await expect(db.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only; DELETE rejected/);
    } finally {
      await db.close();
    }
  });

  it("checkDrift reports a model missing from the migrations, and no drift once its migration exists", async () => {
    fs.appendFileSync(path.join(root, "prisma", "schema.prisma"), EXTRA_MODEL);
    const drift = await checkDrift(options);
    expect(drift.drift).toBe(true);
    expect(drift.sql).toContain('CREATE TABLE "Site"');
    expect(drift.sql).not.toContain('"Org"');

    writeMigration("add site", drift.sql, options, new Date("2026-01-02T00:00:00Z"));
    expect(readMigrationsList(resolvePaths(options).migrationsDir).migrationDirectories.map((d) => d.path)).toEqual([
      initName,
      "20260102000000_add_site",
    ]);
    expect(await checkDrift(options)).toEqual({ drift: false, sql: "" });
  });

  it("reads a prisma/schema/ folder of .prisma files", async () => {
    const folderRoot = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-test-folder-"));
    try {
      const schemaDir = path.join(folderRoot, "prisma", "schema");
      fs.mkdirSync(path.join(schemaDir, "models"), { recursive: true });
      const [head, ...models] = SCHEMA.split(/(?=^model )/m);
      fs.writeFileSync(path.join(schemaDir, "schema.prisma"), head);
      fs.writeFileSync(path.join(schemaDir, "models", "audit.prisma"), models.join("\n") + EXTRA_MODEL);
      fs.cpSync(path.join(root, "prisma", "migrations"), path.join(folderRoot, "prisma", "migrations"), {
        recursive: true,
      });
      expect(resolvePaths({ rootDir: folderRoot }).schemaPath).toBe(schemaDir);
      expect(await checkDrift({ rootDir: folderRoot })).toEqual({ drift: false, sql: "" });
    } finally {
      fs.rmSync(folderRoot, { recursive: true, force: true });
    }
  });

  it("a failing migration rejects and is recorded as failed, not as applied", async () => {
    const failRoot = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-test-fail-"));
    const db = await PGlite.create();
    try {
      const failOptions = { rootDir: failRoot };
      writeMigration("ok", 'CREATE TABLE "A" (id int);', failOptions, new Date("2026-01-01T00:00:00Z"));
      writeMigration(
        "broken",
        'CREATE TABLE "B" (id int);\nSELECT * FROM missing_table;',
        failOptions,
        new Date("2026-01-02T00:00:00Z"),
      );
      await expect(applyMigrations({ kind: "pglite", pglite: db }, failOptions)).rejects.toThrow(/missing_table/);
      const rows = await db.query<{ migration_name: string; finished_at: Date | null }>(
        "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.rows.map((r) => [r.migration_name, r.finished_at !== null])).toEqual([
        ["20260101000000_ok", true],
        ["20260102000000_broken", false],
      ]);
      // The failed script ran as one implicit transaction: nothing of it is left behind.
      expect((await db.query(`SELECT to_regclass('"B"') AS b`)).rows).toEqual([{ b: null }]);
    } finally {
      await db.close();
      fs.rmSync(failRoot, { recursive: true, force: true });
    }
  });

  it("applyMigrations on a PGlite data directory creates its parent folders", async () => {
    const dataDir = path.join(root, "data", "nested", "pglite");
    expect(await applyMigrations({ kind: "pglite", dataDir }, options)).toHaveLength(2);
    expect(await applyMigrations({ kind: "pglite", dataDir }, options)).toEqual([]);
  });
});

// Migrations run as the owner role (TEST_MIGRATION_DATABASE_URL, default: TEST_DATABASE_URL's server as cdmo_owner).
const testDatabaseUrl = process.env.TEST_DATABASE_URL
  ? process.env.TEST_MIGRATION_DATABASE_URL?.trim() || withUser(process.env.TEST_DATABASE_URL, OWNER_ROLE)
  : undefined;

if (testDatabaseUrl) {
  describe("applyMigrations on PostgreSQL (TEST_DATABASE_URL)", { timeout: 60_000 }, () => {
    const adminUrl = new URL(testDatabaseUrl);
    adminUrl.pathname = "/postgres";
    const dbName = `migrate_test_${randomBytes(4).toString("hex")}`;
    const dbUrl = new URL(testDatabaseUrl);
    dbUrl.pathname = `/${dbName}`;
    const admin = new pg.Client({ connectionString: adminUrl.toString() });

    beforeAll(async () => {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
    });

    afterAll(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    });

    it("applies the migrations (hand-written SQL included), then nothing", async () => {
      const target = { kind: "postgres", url: dbUrl.toString() } as const;
      const names = readMigrationsList(resolvePaths(options).migrationsDir).migrationDirectories.map((d) => d.path);
      expect(await applyMigrations(target, options)).toEqual(names);
      expect(await applyMigrations(target, options)).toEqual([]);

      const client = new pg.Client({ connectionString: dbUrl.toString() });
      await client.connect();
      try {
        const rows = await client.query(
          "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
        );
        expect(rows.rows.map((r) => r.migration_name)).toEqual(names);
        expect(rows.rows.every((r) => r.finished_at instanceof Date)).toBe(true);
        const policies = await client.query("SELECT polname FROM pg_policy");
        expect(policies.rows.map((r) => r.polname)).toEqual(["audit_event_org"]);
        const org = await client.query(`INSERT INTO "Org"(id, name) VALUES (gen_random_uuid(), 'a') RETURNING id`);
        // The test role owns the tables and FORCE applies to owners too: act as the org.
        await client.query("BEGIN");
        await client.query(`SELECT set_config('app.org_id', $1, true)`, [org.rows[0].id]);
        await client.query(`INSERT INTO "AuditEvent"("orgId", action) VALUES ($1, 'x')`, [org.rows[0].id]);
        await expect(client.query(`UPDATE "AuditEvent" SET action = 'y'`)).rejects.toThrow(
          /append-only; UPDATE rejected/,
        );
        await client.query("ROLLBACK");
      } finally {
        await client.end();
      }
    });
  });
} else {
  describe("applyMigrations on PostgreSQL without TEST_DATABASE_URL", { timeout: 60_000 }, () => {
    it("reports an unreachable server as an error instead of hanging", async () => {
      await expect(
        applyMigrations({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/none" }, options),
      ).rejects.toThrow();
    });
  });
}
