import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDbKind, type TestDb } from "./helpers/test-db";

// Finding 2: referential actions run with the table owner's rights and ignore row-level
// security, so an ON DELETE/UPDATE CASCADE, SET NULL or SET DEFAULT lets one organisation's
// statement change another organisation's rows, unaudited. This walks every foreign key in the
// schema (pg_constraint, so PGlite and PostgreSQL alike) and fails on any action that could.
//
// How a key is judged. A table is a tenant table when it has "organizationId"; rows of tenant
// tables with "isPublic" are readable by every organisation, so rows of any organisation can
// point at them (a sponsor's inspection at a CDMO's site), and nothing about a key's target
// says it belongs to the same organisation. So a key that touches a tenant table (on either
// side) may act on delete or update only when the database itself proves both rows belong to
// one organisation:
//   (a) the key is exactly ("organizationId") -> "Organization"(id): the organisation's own rows; or
//   (b) the key pairs the child's "organizationId" with the parent's "organizationId"
//       (a composite key such as ImportRow(importId, organizationId) -> ImportRun(id, organizationId)).
// Every other key touching a tenant table must be NO ACTION or RESTRICT both ways; removal is
// then explicit (and audited) in the owning organisation, or a soft delete.

type Fk = {
  name: string;
  child: string;
  parent: string;
  childCols: string[];
  parentCols: string[];
  onDelete: string;
  onUpdate: string;
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.drop());

const ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};
const ACTING = new Set(["CASCADE", "SET NULL", "SET DEFAULT"]);

async function foreignKeys(): Promise<Fk[]> {
  const rows = (await t.adminQuery(`
    SELECT con.conname AS name, ch.relname AS child, pa.relname AS parent,
      con.confdeltype::text AS del, con.confupdtype::text AS upd,
      (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, i)
         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS "childCols",
      (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, i)
         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS "parentCols"
    FROM pg_constraint con
    JOIN pg_class ch ON ch.oid = con.conrelid
    JOIN pg_class pa ON pa.oid = con.confrelid
    WHERE con.contype = 'f' AND ch.relnamespace = 'public'::regnamespace
    ORDER BY 1`)) as {
    name: string;
    child: string;
    parent: string;
    del: string;
    upd: string;
    childCols: string[];
    parentCols: string[];
  }[];
  return rows.map((r) => ({ ...r, onDelete: ACTIONS[r.del]!, onUpdate: ACTIONS[r.upd]! }));
}

async function tenantTables(): Promise<Set<string>> {
  const rows = (await t.adminQuery(`
    SELECT table_name AS name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'organizationId'`)) as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

/** Why this key may change rows of another organisation, or null when it cannot. */
function crossTenantRisk(fk: Fk, tenant: Set<string>): string | null {
  if (!tenant.has(fk.child) && !tenant.has(fk.parent)) return null; // global to global
  const acts = [
    ACTING.has(fk.onDelete) && `ON DELETE ${fk.onDelete}`,
    ACTING.has(fk.onUpdate) && `ON UPDATE ${fk.onUpdate}`,
  ].filter(Boolean);
  if (!acts.length) return null;
  const ownOrganisation =
    fk.parent === "Organization" && fk.childCols.join() === "organizationId" && fk.parentCols.join() === "id";
  const sameOrgKey =
    tenant.has(fk.child) &&
    tenant.has(fk.parent) &&
    fk.childCols.some((c, i) => c === "organizationId" && fk.parentCols[i] === "organizationId");
  if (ownOrganisation || sameOrgKey) return null;
  return `${fk.name}: ${fk.child}(${fk.childCols.join(", ")}) -> ${fk.parent}(${fk.parentCols.join(", ")}) ${acts.join(" ")} can reach rows of another organisation`;
}

describe(`foreign keys never act across organisations (${testDbKind()})`, () => {
  it("no foreign key touching a tenant table cascades, nulls or defaults unless its key proves one organisation", async () => {
    const fks = await foreignKeys();
    const tenant = await tenantTables();
    expect(fks.length).toBeGreaterThan(10);
    expect(tenant.size).toBeGreaterThan(10);
    expect(fks.map((fk) => crossTenantRisk(fk, tenant)).filter(Boolean)).toEqual([]);
  });

  it("the keys from private history to public sites and vendors are RESTRICT both ways", async () => {
    const fks = await foreignKeys();
    for (const child of ["Inspection", "WarningLetter", "Recall"]) {
      for (const parent of ["VendorSite", "Vendor"]) {
        const fk = fks.find((f) => f.child === child && f.parent === parent);
        expect(fk, `${child} -> ${parent}`).toMatchObject({ onDelete: "RESTRICT", onUpdate: "RESTRICT" });
      }
    }
  });

  it("the rule flags a cross-organisation cascade and accepts one keyed on organizationId", async () => {
    // Probe tables in this test file's own database: the walk must see them and judge them.
    await t.adminQuery(
      `CREATE TABLE "ProbeParent" (id text PRIMARY KEY, "organizationId" text NOT NULL, UNIQUE (id, "organizationId"))`,
    );
    await t.adminQuery(`CREATE TABLE "ProbeLoose" (id text PRIMARY KEY, "organizationId" text NOT NULL,
      "parentId" text REFERENCES "ProbeParent"(id) ON DELETE SET NULL)`);
    await t.adminQuery(`CREATE TABLE "ProbeKeyed" (id text PRIMARY KEY, "organizationId" text NOT NULL, "parentId" text NOT NULL,
      FOREIGN KEY ("parentId", "organizationId") REFERENCES "ProbeParent"(id, "organizationId") ON DELETE CASCADE)`);
    try {
      const tenant = await tenantTables();
      const risks = (await foreignKeys()).map((fk) => crossTenantRisk(fk, tenant)).filter(Boolean);
      expect(risks).toEqual([expect.stringMatching(/^ProbeLoose_parentId_fkey: .*ON DELETE SET NULL/)]);
    } finally {
      await t.adminQuery(`DROP TABLE "ProbeLoose", "ProbeKeyed", "ProbeParent"`);
    }
  });
});
