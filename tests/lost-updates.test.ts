import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeUser } from "./helpers/actors";
import { makeTeam, profile, type TestOrg } from "./helpers/vendors";
import { regionsOf } from "@/server/vendors/catalog";

// Issue 7, finding 4: concurrent set-replacing writes must not lose or mix updates.
// - vendors.setTags is a compare-and-set: the caller sends the tags it saw (expectedTags).
//   Of 20 callers who all saw the same set, exactly one wins; the other 19 get CONFLICT,
//   and the stored set is exactly the winner's.
// - saved filters (replaced by name) and sites (whose list derives the vendor's regions)
//   are serialised: every caller answers OK and the result is what the last one wrote.
// - a stale version is a CONFLICT whatever the data (members.changeRole).

let t: TestDb;
let s: TestOrg;
beforeAll(async () => {
  t = await createTestDb();
  s = await makeTeam("SPONSOR");
});
afterAll(async () => t?.drop());

const N = 20;
const outcome = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (e: unknown) => ({
      ok: false as const,
      code: e instanceof TRPCError ? e.code : String(e),
      message: (e as Error).message,
    }),
  );

describe(`lost updates (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("20 concurrent setTags from the same starting set: one OK, 19 CONFLICT, the stored set is the winner's", async () => {
    const api = callerFor(s.evaluator).vendors;
    const { id: vendorId } = await api.createPrivate({ orgSlug: s.slug, ...profile({ name: "Tagged Bio" }) });
    const sets = Array.from({ length: N }, (_, i) => [`caller-${i}`, `shared`, `set-${i}-b`]);
    const results = await Promise.all(
      sets.map((tags) =>
        outcome(callerFor(s.evaluator).vendors.setTags({ orgSlug: s.slug, vendorId, expectedTags: [], tags })),
      ),
    );
    const ok = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(ok, "exactly one caller answered OK").toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused.map((r) => (r.ok ? "" : r.code))).toEqual(Array(N - 1).fill("CONFLICT"));
    for (const r of refused) if (!r.ok) expect(r.message).toMatch(/reload/i);
    const stored = (await api.get({ orgSlug: s.slug, vendorId })).tags;
    expect(stored).toEqual([...sets[ok[0]!]!].sort());
    // One audit entry, from [] to the winner's set.
    const audit = await callerFor(s.owner).audit.list({
      orgSlug: s.slug,
      entityId: vendorId,
      action: "vendor_tags.set",
    });
    expect(audit.items.map((e) => e.changes)).toEqual([{ tags: { old: [], new: [...sets[ok[0]!]!].sort() } }]);
  });

  it("setTags with the tags last read succeeds; with a stale set it is a CONFLICT, even when the new set is unchanged", async () => {
    const api = callerFor(s.evaluator).vendors;
    const { id: vendorId } = await api.createPrivate({ orgSlug: s.slug, ...profile({ name: "Stale Bio" }) });
    const first = await api.setTags({ orgSlug: s.slug, vendorId, expectedTags: [], tags: ["b", "a"] });
    expect(first.tags).toEqual(["a", "b"]);
    await expect(api.setTags({ orgSlug: s.slug, vendorId, expectedTags: [], tags: ["a", "b"] })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "CONFLICT",
    );
    // Order of what was seen does not matter.
    expect((await api.setTags({ orgSlug: s.slug, vendorId, expectedTags: ["b", "a"], tags: ["c"] })).tags).toEqual([
      "c",
    ]);
  });

  it("20 concurrent saves of one saved filter: all OK, the stored query is one caller's, the last to commit", async () => {
    const api = callerFor(s.viewer).vendors;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        outcome(
          callerFor(s.viewer).vendors.saveFilter({ orgSlug: s.slug, name: "Shortlist", query: { q: `query-${i}` } }),
        ),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const saved = (await api.savedFilters({ orgSlug: s.slug })).filter((f) => f.name === "Shortlist");
    expect(saved).toHaveLength(1);
    expect(saved[0]!.query.q).toMatch(/^query-\d+$/);
  });

  it("concurrent new sites: every site's region reaches the vendor's derived regions", async () => {
    const api = callerFor(s.owner).vendors;
    const { id: vendorId } = await api.createPrivate({
      orgSlug: s.slug,
      ...profile({ name: "Sites Bio", hqCountry: null, hqCity: null }),
    });
    const countries = ["US", "DE", "JP", "IN", "BR", "AU", "ZA", "CN", "MX", "FR"];
    const results = await Promise.all(
      countries.map((country) =>
        outcome(
          callerFor(s.owner).vendors.saveSite({
            orgSlug: s.slug,
            vendorId,
            site: { country, city: `City ${country}` },
          }),
        ),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const directory = await api.directory({ orgSlug: s.slug, q: "Sites Bio" });
    const row = directory.items.find((v) => v.id === vendorId);
    expect(row?.regions, "regions derived from every committed site").toEqual(regionsOf(countries));
  });

  it("members.changeRole with a stale version is a CONFLICT even when the role is unchanged", async () => {
    const u = await makeUser("stale-role");
    const m = await addMember(s.id, u, "VIEWER");
    const api = callerFor(s.owner).members;
    const changed = await api.changeRole({
      orgSlug: s.slug,
      membershipId: m.id,
      role: "EVALUATOR",
      version: m.version,
    });
    expect(changed.version).toBe(m.version + 1);
    // Someone who still sees version 1 sets the role the member already has: stale, so CONFLICT.
    await expect(
      api.changeRole({ orgSlug: s.slug, membershipId: m.id, role: "EVALUATOR", version: m.version }),
    ).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "CONFLICT" && /reload/i.test(e.message));
    // With the current version, an unchanged role is a no-op that answers OK.
    expect(
      await api.changeRole({ orgSlug: s.slug, membershipId: m.id, role: "EVALUATOR", version: changed.version }),
    ).toMatchObject({ version: changed.version });
  });
});
