import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createCaller } from "@/server/api/root";
import { createCallerFactory, createContext, orgProcedure, router } from "@/server/api/trpc";
import { getDb } from "@/server/db/client";
import { rlsProbe } from "@/server/db/request-tenant";
import { withTenant } from "@/server/db/tenant";
import { resolveAuthSession } from "@/server/auth/sessions";
import { statementsOf } from "./helpers/statements";
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
    // One transaction for the batch; organization.current needs no statement of its own once
    // the membership is known.
    expect(begins(s), s.join("\n")).toBe(1);
    expect(
      s.filter((q) => /^COMMIT\b/i.test(q)),
      s.join("\n"),
    ).toHaveLength(1);
    expect(
      s.filter((q) => /^SELECT\s+set_config/i.test(q)),
      s.join("\n"),
    ).toHaveLength(0);
    // begin, lookup + settings, members.list 4 (savepoint, members, their users, release),
    // allTags 3, commit. Before: 6 transactions, 3 lookups, 19 statements; then 3, 1, 12.
    expect(s.length, s.join("\n")).toBeLessThanOrEqual(10);
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

// A router of test procedures on the real orgProcedure, to see what each one sees inside the
// shared transaction: the RLS settings and the private vendor records RLS alone admits, and a
// query that writes and then fails with a database error (a unique violation).
const probes = router({
  probe: orgProcedure("vendor.read").query(async ({ ctx }) => ({ org: ctx.org.id, ...(await rlsProbe(ctx.db)) })),
  tag: orgProcedure("vendor.read")
    .input(z.object({ vendorId: z.string(), tag: z.string() }))
    .query(async ({ ctx, input }) => {
      await ctx.db.vendorTag.create({ data: { vendorId: input.vendorId, tag: input.tag } });
      return input.tag;
    }),
  tagTwice: orgProcedure("vendor.read")
    .input(z.object({ vendorId: z.string(), tag: z.string() }))
    .query(async ({ ctx, input }) => {
      await ctx.db.vendorTag.create({ data: { vendorId: input.vendorId, tag: input.tag } });
      await ctx.db.vendorTag.create({ data: { vendorId: input.vendorId, tag: input.tag } });
      return "unreachable";
    }),
  tagMutation: orgProcedure("vendor.read")
    .input(z.object({ vendorId: z.string(), tag: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.vendorTag.create({ data: { vendorId: input.vendorId, tag: input.tag } });
      return input.tag;
    }),
});
const probeCaller = createCallerFactory(probes);

describe(`one transaction per batch of queries (${process.env.TEST_DB ?? "pglite"})`, () => {
  let both: TestUser;
  let a: { id: string; slug: string; vendorId: string };
  let b: { id: string; slug: string; vendorId: string };

  const privateVendor = async (orgId: string, name: string) =>
    withTenant(await getDb(), { orgId }, (db) =>
      db.vendor.create({ data: { kind: "PRIVATE", name }, select: { id: true } }),
    ).then((v) => v.id);
  const tagsOf = async (org: { id: string; vendorId: string }) =>
    withTenant(await getDb(), { orgId: org.id }, (db) =>
      db.vendorTag.findMany({ where: { vendorId: org.vendorId }, select: { tag: true } }),
    ).then((rows) => rows.map((r) => r.tag).sort());
  const batchCaller = async (user: TestUser) => probeCaller(await createContext({ user, ip: "test" }));

  beforeAll(async () => {
    both = await makeUser("both");
    const orgA = await makeOrg("SPONSOR", both);
    const outsider = await makeUser("outsider");
    const orgB = await makeOrg("SPONSOR", outsider);
    await addMember(orgB.id, both, "VIEWER");
    a = { id: orgA.id, slug: orgA.slug, vendorId: await privateVendor(orgA.id, "Alpha private") };
    b = { id: orgB.id, slug: orgB.slug, vendorId: await privateVendor(orgB.id, "Beta private") };
  });

  it("procedures naming different organisations each see only their own (settings and RLS), in one transaction", async () => {
    const caller = await batchCaller(both);
    let results: Awaited<ReturnType<typeof caller.probe>>[] = [];
    const s = await statementsOf(async () => {
      results = await Promise.all([a, b, a, b, b].map((o) => caller.probe({ orgSlug: o.slug })));
    });
    expect(results.map((r) => r.org)).toEqual([a.id, b.id, a.id, b.id, b.id]);
    for (const r of results) {
      expect(r.orgId).toBe(r.org);
      expect(r.userId).toBe(both.id);
      expect(r.privateVendorOrgs).toEqual([r.org]);
    }
    expect(begins(s), s.join("\n")).toBe(1);
    expect(lookups(s), s.join("\n")).toBe(2);
  });

  it("a query that fails with a database error rolls back only its own work; the others commit", async () => {
    const caller = await batchCaller(both);
    const s = await statementsOf(async () => {
      const settled = await Promise.allSettled([
        caller.probe({ orgSlug: a.slug }),
        caller.tag({ orgSlug: a.slug, vendorId: a.vendorId, tag: "before" }),
        caller.tagTwice({ orgSlug: a.slug, vendorId: a.vendorId, tag: "twice" }),
        caller.tag({ orgSlug: b.slug, vendorId: b.vendorId, tag: "after" }),
        caller.probe({ orgSlug: b.slug }),
      ]);
      expect(settled.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
      expect((settled[4] as PromiseFulfilledResult<{ privateVendorOrgs: string[] }>).value.privateVendorOrgs).toEqual([
        b.id,
      ]);
    });
    expect(begins(s), s.join("\n")).toBe(1);
    expect(
      s.filter((q) => /^ROLLBACK TO SAVEPOINT/i.test(q)),
      s.join("\n"),
    ).toHaveLength(1);
    expect(await tagsOf(a)).toEqual(["before"]);
    expect(await tagsOf(b)).toEqual(["after"]);
  });

  it("a failing query alone rolls its transaction back, and the next call starts a new one", async () => {
    const caller = await batchCaller(both);
    await expect(caller.tagTwice({ orgSlug: a.slug, vendorId: a.vendorId, tag: "alone" })).rejects.toBeTruthy();
    expect(await tagsOf(a)).not.toContain("alone");
    await expect(caller.tag({ orgSlug: a.slug, vendorId: a.vendorId, tag: "next" })).resolves.toBe("next");
    expect(await tagsOf(a)).toContain("next");
  });

  it("a mutation has a transaction of its own, and its failure leaves the batch's queries alone", async () => {
    const caller = await batchCaller(both);
    const s = await statementsOf(async () => {
      const settled = await Promise.allSettled([
        caller.tag({ orgSlug: b.slug, vendorId: b.vendorId, tag: "query-side" }),
        caller.tagMutation({ orgSlug: b.slug, vendorId: b.vendorId, tag: "after" }), // duplicate: fails
        caller.probe({ orgSlug: b.slug }),
      ]);
      expect(settled.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    });
    expect(begins(s), s.join("\n")).toBe(2);
    expect(await tagsOf(b)).toEqual(["after", "query-side"]);
  });

  it("20 concurrent batches, each with a failure and two organisations, stay correct", async () => {
    const run = async (i: number) => {
      const caller = await batchCaller(both);
      const settled = await Promise.allSettled([
        caller.probe({ orgSlug: i % 2 ? a.slug : b.slug }),
        caller.tagTwice({ orgSlug: a.slug, vendorId: a.vendorId, tag: `c${i}` }),
        caller.tag({ orgSlug: b.slug, vendorId: b.vendorId, tag: `c${i}` }),
        caller.probe({ orgSlug: i % 2 ? b.slug : a.slug }),
      ]);
      expect(settled.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
      for (const r of [settled[0], settled[3]] as PromiseFulfilledResult<{
        org: string;
        orgId: string;
        privateVendorOrgs: string[];
      }>[]) {
        expect(r.value.orgId).toBe(r.value.org);
        expect(r.value.privateVendorOrgs).toEqual([r.value.org]);
      }
    };
    let n = 0;
    const s = await statementsOf(async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => run(i)));
    });
    n = begins(s);
    expect(n, s.join("\n")).toBe(20);
    const tagsA = await tagsOf(a);
    const tagsB = await tagsOf(b);
    for (let i = 0; i < 20; i++) {
      expect(tagsA).not.toContain(`c${i}`);
      expect(tagsB).toContain(`c${i}`);
    }
  });
});
