import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { resolveAuthSession } from "@/server/auth/sessions";
import { onStatement } from "@/server/db/statement-log";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, makeOrg, makeUser, type TestUser } from "./helpers/actors";

// What one request costs in statements (round trips), counted at the driver adapter, BEGIN
// and COMMIT included. The per-request plumbing is what every future procedure pays, so
// its statement counts are pinned here.

let t: TestDb;
let owner: TestUser;
let viewer: TestUser;
let slug: string;

beforeAll(async () => {
  t = await createTestDb();
  owner = await makeUser("owner");
  viewer = await makeUser("viewer");
  const org = await makeOrg("SPONSOR", owner);
  slug = org.slug;
  await addMember(org.id, viewer, "VIEWER");
});
afterAll(async () => t?.drop());

async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = onStatement((sql) => seen.push(sql.trim()));
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

const requestCaller = async (user: TestUser) => createCaller(await createContext({ user, ip: "test" }));
const begins = (s: string[]) => s.filter((q) => /^BEGIN\b/i.test(q)).length;
const lookups = (s: string[]) => s.filter((q) => q.includes('FROM "Membership" m JOIN "Organization" o')).length;

describe(`statements per request (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("organization.current: one transaction of three statements (begin, membership + settings, commit)", async () => {
    const caller = await requestCaller(viewer);
    const s = await statementsOf(() => caller.organization.current({ orgSlug: slug }));
    expect(s, s.join("\n")).toHaveLength(3);
    expect(begins(s)).toBe(1);
    expect(lookups(s)).toBe(1);
  });

  it("a non-member costs the same three statements and gets NOT_FOUND", async () => {
    const stranger = await makeUser("stranger");
    const caller = await requestCaller(stranger);
    const s = await statementsOf(() =>
      expect(caller.organization.current({ orgSlug: slug })).rejects.toMatchObject({ code: "NOT_FOUND" }),
    );
    expect(s.length, s.join("\n")).toBeLessThanOrEqual(3);
  });

  it("a batch of three procedures looks the membership up once and opens no empty transaction", async () => {
    const caller = await requestCaller(viewer);
    const s = await statementsOf(() =>
      Promise.all([
        caller.organization.current({ orgSlug: slug }),
        caller.members.list({ orgSlug: slug }),
        caller.vendors.allTags({ orgSlug: slug }),
      ]),
    );
    expect(lookups(s), s.join("\n")).toBe(1);
    // organization.current needs no statement of its own once the membership is known; the
    // other two each run in one transaction: at most 3 transactions, none without a query.
    expect(begins(s), s.join("\n")).toBeLessThanOrEqual(3);
    const queries = s.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(q) && !/^SELECT\s+set_config/i.test(q));
    expect(queries.length, s.join("\n")).toBeGreaterThanOrEqual(begins(s));
    // 3 (begin, lookup, commit) + members.list 5 (begin, settings, members, their users,
    // commit) + allTags 4. Before: 6 transactions, 3 lookups, 19 statements.
    expect(s.length, s.join("\n")).toBeLessThanOrEqual(12);
  });

  it("the second procedure of a page reuses the membership: members.list is begin, settings, query, commit", async () => {
    const caller = await requestCaller(viewer);
    await caller.organization.current({ orgSlug: slug });
    const s = await statementsOf(() => caller.members.list({ orgSlug: slug }));
    expect(lookups(s)).toBe(0);
    expect(begins(s)).toBe(1);
    expect(s.length, s.join("\n")).toBeLessThanOrEqual(5);
  });

  it("a session and its user are read in one statement", async () => {
    const s = await statementsOf(async () =>
      expect(await resolveAuthSession(viewer.sessionId)).toMatchObject({ id: viewer.id }),
    );
    expect(s, s.join("\n")).toHaveLength(1);
  });

  it("still refuses a role without the permission, and an organisation the user left", async () => {
    const caller = await requestCaller(viewer);
    await expect(caller.audit.list({ orgSlug: slug, limit: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await requestCaller(await makeUser("other"));
    await expect(other.members.list({ orgSlug: slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
