import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT_MODELS, withTenant } from "@/server/db/tenant";
import { getDb } from "@/server/db/client";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, makeOrg, makeUser } from "./helpers/actors";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.drop());

type Row = { table: string; rls: boolean; forced: boolean };

async function tenantTables(): Promise<string[]> {
  const rows = (await t.adminQuery(`
    SELECT table_name AS name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'organizationId' ORDER BY 1`)) as { name: string }[];
  return rows.map((r) => r.name);
}

describe(`row-level security catalogue (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("every table with organizationId has forced RLS and a policy with USING and WITH CHECK", async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThanOrEqual(3);
    const flags = (await t.adminQuery(`
      SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`)) as Row[];
    const policies = (await t.adminQuery(`
      SELECT tablename AS table, cmd, qual, with_check FROM pg_policies WHERE schemaname = 'public'`)) as {
      table: string;
      cmd: string;
      qual: string | null;
      with_check: string | null;
    }[];
    const problems: string[] = [];
    for (const table of tables) {
      const f = flags.find((r) => r.table === table);
      if (!f?.rls) problems.push(`${table}: row-level security not enabled`);
      if (!f?.forced) problems.push(`${table}: row-level security not forced`);
      const writePolicy = policies.find(
        (p) =>
          p.table === table &&
          p.cmd === "ALL" &&
          p.qual?.includes("app.org_id") &&
          p.with_check?.includes("app.org_id"),
      );
      if (!writePolicy) problems.push(`${table}: no policy with USING and WITH CHECK on app.org_id`);
    }
    expect(problems).toEqual([]);
  });

  it("every policy reads its settings once per statement: current_setting() only inside a sub-SELECT", async () => {
    const policies = (await t.adminQuery(`
      SELECT tablename || '.' || policyname AS name, coalesce(qual, '') || ' ' || coalesce(with_check, '') AS expr
      FROM pg_policies WHERE schemaname = 'public'`)) as { name: string; expr: string }[];
    expect(policies.length).toBeGreaterThan(10);
    // Deparsed, a wrapped call reads "( SELECT current_setting('app.org_id'::text, true) AS current_setting)".
    const perRow = policies.filter(
      (p) =>
        (p.expr.match(/current_setting\(/g) ?? []).length !== (p.expr.match(/SELECT current_setting\(/g) ?? []).length,
    );
    expect(perRow.map((p) => p.name)).toEqual([]);
    expect(policies.filter((p) => p.expr.includes("current_setting")).length).toBeGreaterThan(10);
  });

  it("the tenant-scoped client knows every tenant table, and nothing else", async () => {
    expect([...TENANT_MODELS].sort()).toEqual((await tenantTables()).sort());
  });

  it("with no organisation set, tenant tables read empty; as the organisation, they do not", async () => {
    const owner = await makeUser("owner");
    const org = await makeOrg("SPONSOR", owner);
    await addMember(org.id, await makeUser("viewer"), "VIEWER");
    const db = await getDb();
    // The unscoped client, outside any tenant transaction: the app role sees nothing.
    expect(await db.membership.count()).toBe(0);
    expect(await db.invitation.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
    const raw = (await db.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "AuditEvent"`)) as { n: number }[];
    expect(raw[0]!.n).toBe(0);
    // Inside the organisation's transaction the same client sees its rows.
    expect(await withTenant(db, { orgId: org.id }, (tx) => tx.membership.count())).toBe(2);
    // The superuser (or table owner bypass) would see them: they do exist.
    const all = (await t.adminQuery(`SELECT count(*)::int AS n FROM "Membership"`)) as { n: number }[];
    if (t.kind === "pglite") expect(all[0]!.n).toBe(2);
    else expect(all[0]!.n).toBe(0); // the owner role is subject to FORCE too
  });

  it("rejects writes into another organisation's rows even from raw SQL", async () => {
    const a = await makeOrg("SPONSOR", await makeUser("a"));
    const b = await makeOrg("SPONSOR", await makeUser("b"));
    const db = await getDb();
    const attempt = db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT set_config('app.org_id', $1, true)`, b.id);
      await tx.$executeRawUnsafe(
        `INSERT INTO "AuditEvent" (id, "organizationId", action, "entityType", "entityId") VALUES ('x1', $1, 'forged', 'X', 'x')`,
        a.id,
      );
    });
    await expect(attempt).rejects.toThrow(/row-level security|violates/i);
  });

  it("the audit trail is append-only in the database", async () => {
    const owner = await makeUser("auditor");
    const org = await makeOrg("SPONSOR", owner);
    const db = await getDb();
    const update = db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT set_config('app.org_id', $1, true)`, org.id);
      await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'tampered'`);
    });
    await expect(update).rejects.toThrow(/append-only|permission denied/i);
    const del = db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT set_config('app.org_id', $1, true)`, org.id);
      await tx.$executeRawUnsafe(`DELETE FROM "AuditEvent"`);
    });
    await expect(del).rejects.toThrow(/append-only|permission denied/i);
    // Even the table owner (or PGlite's superuser) is stopped by the statement trigger.
    await expect(t.adminQuery(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only|permission denied/);
  });
});
