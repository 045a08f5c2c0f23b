import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { CDMO_ROLES, SPONSOR_ROLES, type OrgKind, type Role } from "@/server/api/roles";
import { can, PERMISSION_NAMES, refusal, type Permission } from "@/server/auth/permissions";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";

// Every organisation procedure of the router declares a permission, and the middleware
// enforces exactly the table in permissions.ts: each role of each kind that does not hold
// the permission is refused with FORBIDDEN before the procedure runs; a role that holds it
// gets past the check (it may still fail on the deliberately incomplete input).

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { meta?: { access?: string; permission?: string } } }
>;
const orgProcedures = Object.entries(procedures).filter(([, p]) => p._def.meta?.access === "org");

let t: TestDb;
const members = new Map<string, { user: TestUser; slug: string }>();

beforeAll(async () => {
  t = await createTestDb();
  for (const [kind, roles] of [
    ["SPONSOR", SPONSOR_ROLES],
    ["CDMO", CDMO_ROLES],
  ] as const) {
    const owner = await makeUser(`${kind}-owner`);
    const org = await makeOrg(kind, owner);
    members.set(`${kind}/OWNER`, { user: owner, slug: org.slug });
    for (const role of roles.filter((r) => r !== "OWNER")) {
      const u = await makeUser(`${kind}-${role}`);
      await addMember(org.id, u, role);
      members.set(`${kind}/${role}`, { user: u, slug: org.slug });
    }
  }
});
afterAll(async () => t?.drop());

function call(user: TestUser, path: string, input: unknown): Promise<unknown> {
  const caller = callerFor(user) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

describe(`permissions on every organisation procedure (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("every organisation procedure declares a known permission", () => {
    expect(orgProcedures.length).toBeGreaterThan(30);
    const undeclared = orgProcedures
      .filter(([, p]) => !PERMISSION_NAMES.includes(p._def.meta?.permission as Permission))
      .map(([n]) => n);
    expect(undeclared).toEqual([]);
  });

  it("every permission guards at least one procedure, or is one the services and UI read", () => {
    const used = new Set(orgProcedures.map(([, p]) => p._def.meta?.permission));
    // fda.load: the operator's public FDA load (the `cdmo import-fda` command and its job), no procedure.
    // org.export: the export route handler (src/server/export/http.ts; roles in tests/org-export.test.ts).
    const serviceOnly = ["members.manageOwners", "notes.removeAny", "fda.load", "org.export"];
    expect(PERMISSION_NAMES.filter((p) => !used.has(p) && !serviceOnly.includes(p))).toEqual([]);
  });

  for (const [path, p] of orgProcedures) {
    const permission = p._def.meta?.permission as Permission;
    it(`${path} (${permission}) admits exactly the roles the table lists`, async () => {
      for (const [key, m] of members) {
        const [kind, role] = key.split("/") as [OrgKind, Role];
        const outcome = await call(m.user, path, { orgSlug: m.slug }).then(
          () => "ok",
          (e: unknown) => (e instanceof TRPCError ? `${e.code}:${e.message}` : String(e)),
        );
        const refusedByTable = outcome === `FORBIDDEN:${refusal({ kind, role }, permission)}`;
        expect(refusedByTable, `${path} as ${key}: ${outcome}`).toBe(!can({ kind, role }, permission));
      }
    });
  }
});
