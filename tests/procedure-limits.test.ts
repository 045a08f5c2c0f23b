import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { PROCEDURE_LIMITS } from "@/server/auth/rate-limit";
import { createTestDb, testDbKind, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";

// Expensive procedures carry a per-user limit (orgProcedure's `limit`), counted in the same store
// as the sign-in limits, so it holds across instances. Every export, report, import step and
// saved simulation declares one; going over it answers TOO_MANY_REQUESTS saying when to try
// again; calls refused for their input do not count; another user has an allowance of their own.

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { limit?: string } } }>;
const EXPENSIVE = /(^|\.)(export\w*|report|import(Start|Stage|Preview|Commit)|saveSimulation)$/;

let t: TestDb;
let owner: TestUser;
let admin: TestUser;
let slug: string;
beforeAll(async () => {
  t = await createTestDb();
  owner = await makeUser("limit-owner");
  admin = await makeUser("limit-admin");
  const org = await makeOrg("SPONSOR", owner);
  await addMember(org.id, admin, "ADMIN");
  slug = org.slug;
});
afterAll(async () => t?.drop());

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof TRPCError ? e : null),
  );

describe(`per-user limits on expensive procedures (${testDbKind()})`, () => {
  it("every export, report, import step and saved simulation declares one", () => {
    const expensive = Object.keys(procedures).filter((n) => EXPENSIVE.test(n));
    expect(expensive.length).toBeGreaterThanOrEqual(10);
    const missing = expensive.filter((n) => !procedures[n]!._def.meta?.limit);
    expect(missing, "expensive procedures without a per-user limit").toEqual([]);
    for (const n of expensive) expect(PROCEDURE_LIMITS).toContain(procedures[n]!._def.meta!.limit);
  });

  it("refuses the 61st audit export in ten minutes, not invalid calls, and not another user", async () => {
    const exportAudit = (u: TestUser, input: object = {}) => callerFor(u).audit.exportCsv({ orgSlug: slug, ...input });
    // Invalid input is refused for what it is and gives its point back.
    for (let i = 0; i < 70; i++) {
      const e = await refusal(exportAudit(owner, { from: "not a date" }));
      expect(e?.code).toBe("BAD_REQUEST");
    }
    for (let i = 0; i < 60; i++) await exportAudit(owner);
    const over = await refusal(exportAudit(owner));
    expect(over?.code).toBe("TOO_MANY_REQUESTS");
    expect(over?.message).toMatch(
      /^You have done this 60 times in 10 minutes, the most we allow; try again in \d+ minutes?\.$/,
    );
    // Someone else in the same organisation still can.
    expect(await exportAudit(admin)).toBeDefined();
  });
});
