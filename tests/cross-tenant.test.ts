import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { can, type Permission } from "@/server/auth/permissions";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";
import { snapshotOrg } from "./helpers/snapshot";
import { buildCrossTenantFixture, CASES, type Fixture } from "./cross-tenant.cases";

// Org B's owner calls EVERY procedure of the router with org A's ids: with A's slug (must be
// NOT_FOUND), and with B's own slug but A's ids (must be refused, or answer without any of A's
// data). Nothing of A may change. A procedure missing from CASES fails the first test, so new
// procedures cannot slip past isolation unnoticed. Procedures only a CDMO may call are called by
// the owner of CDMO C, which A never invited (A's RFP invites another CDMO and an address).

let t: TestDb;
let f: Fixture;
let before: string;

beforeAll(async () => {
  t = await createTestDb();
  f = await buildCrossTenantFixture({ makeUser, makeOrg, addMember, getDb, withTenant });
  before = await snapshotOrg(f.a.orgId);
});
afterAll(async () => t?.drop());

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { meta?: { access?: string; permission?: Permission }; type: string } }
>;

/** Org B for procedures a sponsor holds; for those only CDMOs hold, the uninvited CDMO C. */
function intruder(path: string): { owner: TestUser; slug: string } {
  const permission = procedures[path]!._def.meta?.permission;
  return permission && !can({ kind: "SPONSOR", role: "OWNER" }, permission) ? f.c : f.b;
}
const OK_REFUSALS = new Set([
  "NOT_FOUND",
  "FORBIDDEN",
  "BAD_REQUEST",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "UNAUTHORIZED",
]);

function callPath(user: TestUser | null, path: string, input: unknown): Promise<unknown> {
  const caller = callerFor(user) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

// Everything org B has sent so far: B's own records may legitimately contain it (B invited
// an address it knew, say), so only identifiers B never sent count as leaked.
let sentByB = "";

/** A's identifiers in the answer that B did not itself send. */
function leaks(result: unknown, input: unknown): string[] {
  sentByB += JSON.stringify(input ?? null);
  const text = JSON.stringify(result ?? null);
  return f.a.secrets.filter((s) => text.includes(s) && !sentByB.includes(s));
}

describe(`cross-tenant isolation (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("covers every procedure of the router, each with a declared access level", () => {
    const names = Object.keys(procedures).sort();
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => !(n in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((n) => !(n in procedures))).toEqual([]);
    for (const n of names) {
      expect(procedures[n]!._def.meta?.access, `${n} declares its access`).toMatch(/^(public|user|org)$/);
      expect(procedures[n]!._def.meta?.access, `${n} is tested as what it declares`).toBe(CASES[n]!.kind);
    }
  });

  for (const [path, c] of Object.entries(CASES)) {
    it(`${path}: org B cannot reach org A`, async () => {
      if (c.kind === "org") {
        const ids = c.input(f);
        const who = intruder(path);
        const asA = callPath(who.owner, path, { ...ids, orgSlug: f.a.slug });
        await expect(asA).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND");
        try {
          const own = await callPath(who.owner, path, { ...ids, orgSlug: who.slug });
          expect(leaks(own, ids), `${path} answered with org A's data`).toEqual([]);
        } catch (e) {
          expect(e instanceof TRPCError && OK_REFUSALS.has(e.code), `${path} failed with ${String(e)}`).toBe(true);
        }
      } else {
        try {
          const input = c.input(f);
          const result = await callPath(c.kind === "public" ? null : f.b.owner, path, input);
          expect(leaks(result, input), `${path} answered with org A's data`).toEqual([]);
        } catch (e) {
          expect(e instanceof TRPCError && OK_REFUSALS.has(e.code), `${path} failed with ${String(e)}`).toBe(true);
        }
      }
      expect(await snapshotOrg(f.a.orgId)).toBe(before);
    });
  }
});
