import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { seedDirectory } from "../prisma/seed/directory";
import { seedFda } from "../prisma/seed/fda";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { code, makeTeam, stageCsv, type TestOrg } from "./helpers/vendors";

// Public FDA data (issue 11, points 1 and 2): the operator loads the shipped FDA files once for
// everyone; a sponsor importing the same rows is told they are already on the public record and
// writes nothing; every sponsor sees the same FDA-based score, equal to the CDMO's own profile;
// a sponsor's private records change only its own view, visibly; every record shows its source.

const SAMPLE = "samples/fda-inspections-sample.csv";
const LETTERS = "samples/fda-warning-letters-sample.csv";
const DAY = "2026-11-30";

let t: TestDb;
let early: TestOrg; // imports the file before the operator loads it
let a: TestOrg;
let b: TestOrg;
let cdmo: TestOrg;
let ids: Map<string, string>;

beforeAll(async () => {
  t = await createTestDb();
  early = await makeTeam("SPONSOR", "Early Sponsor");
  a = await makeTeam("SPONSOR", "Sponsor A");
  b = await makeTeam("SPONSOR", "Sponsor B");
  cdmo = await makeTeam("CDMO", "Northbridge Test");
  ids = await seedDirectory(await getDb(), { sponsor: early, cdmo });
});
afterAll(async () => t?.drop());

/** Every inspection / warning letter on record, across all organisations, by identity. */
async function allRecords() {
  const db = await getDb();
  const orgs = [early, a, b, cdmo].map((o) => o.id);
  const vendors = [...ids.values()];
  let inspections = 0;
  let letters = 0;
  // Public rows are read once (from the first organisation), private ones by their owners.
  for (const [n, orgId] of orgs.entries()) {
    await withTenant(db, { orgId }, async (tx) => {
      const mine =
        n === 0 ? { OR: [{ organizationId: orgId }, { isPublic: true }] } : { organizationId: orgId, isPublic: false };
      inspections += await tx.inspection.count({ where: { vendorId: { in: vendors }, ...mine } });
      letters += await tx.warningLetter.count({ where: { vendorId: { in: vendors }, ...mine } });
    });
  }
  return { inspections, letters };
}

async function commitCsv(o: TestOrg, file: string, kind: "INSPECTIONS" | "WARNING_LETTERS" = "INSPECTIONS") {
  const { importId } = await stageCsv(o.evaluator, o.slug, file, kind);
  const api = callerFor(o.evaluator).vendors;
  const preview = await api.importPreview({ orgSlug: o.slug, importId });
  return { preview, done: await api.importCommit({ orgSlug: o.slug, importId }) };
}

const row = async (o: TestOrg, name: string) => {
  const page = await callerFor(o.viewer).vendors.directory({ orgSlug: o.slug, q: name });
  return page.items.find((i) => i.name === name)!;
};
const profile = (o: TestOrg, name: string) =>
  callerFor(o.viewer).vendors.get({ orgSlug: o.slug, vendorId: ids.get(name)! });

describe(`Public FDA records (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("a sponsor's import before the public load is private, and counted once after it", async () => {
    const { done } = await commitCsv(early, SAMPLE);
    expect(done.created).toBeGreaterThan(0);
    // Kestrel's 2025 OAI is not public yet: only this sponsor sees it.
    expect((await profile(a, "Kestrel Fill-Finish")).quality.score).toBe(100);
    expect((await row(early, "Kestrel Fill-Finish")).privateRecords).toBe(1);
  });

  it("the operator's load creates public records with their source; loading again changes nothing", async () => {
    const before = await allRecords();
    const first = await seedFda(await getDb(), DAY);
    // 16 rows match platform profiles: 4 new, 12 confirm what the CDMOs declared by hand.
    expect(first[0]).toMatchObject({ created: 4, updated: 12, unchanged: 0, unmatched: 9 });
    expect(first[1]).toMatchObject({ created: 2, updated: 1, unchanged: 0, unmatched: 3 });
    const afterFirst = await allRecords();
    expect(afterFirst).toEqual({
      inspections: before.inspections + 4,
      letters: before.letters + 2,
    });
    const again = await seedFda(await getDb(), DAY);
    expect(again[0]).toMatchObject({ created: 0, updated: 0, unchanged: 16 });
    expect(again[1]).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await allRecords()).toEqual(afterFirst);

    const kestrel = await profile(a, "Kestrel Fill-Finish");
    const oai = kestrel.history.inspections.find((i) => i.classification === "OAI")!;
    expect(oai).toMatchObject({ visibility: "PUBLIC", source: `FDA Data Dashboard, ${DAY}`, countedOnce: false });
    expect(kestrel.history.warningLetters[0]).toMatchObject({ source: `FDA warning-letter listing, ${DAY}` });
    expect(kestrel.quality.score).toBeLessThan(70);
  });

  it("the early sponsor's private copies are the public records now, counted once", async () => {
    const kestrel = await profile(early, "Kestrel Fill-Finish");
    expect(kestrel.quality.score).toBe(kestrel.quality.publicScore);
    expect(kestrel.quality.privateRecords).toBe(0);
    expect(kestrel.history.inspections.filter((i) => i.visibility === "OWN").every((i) => i.countedOnce)).toBe(true);
    const r = await row(early, "Kestrel Fill-Finish");
    expect(r.qualityScore).toBe(kestrel.quality.publicScore);
    expect(r.privateRecords).toBe(0);
  });

  it("a sponsor importing public rows is told so and writes nothing, once or twice, one sponsor or two", async () => {
    const before = await allRecords();
    for (const o of [a, b, a]) {
      const { preview, done } = await commitCsv(o, SAMPLE);
      expect(preview).toMatchObject({ create: 0, update: 0, unchanged: 0, alreadyPublic: 16, unmatchedTotal: 9 });
      expect(preview.vendors.find((v) => v.name === "Jiangsu Everbright Biologics")).toMatchObject({
        created: 0,
        alreadyPublic: 1,
      });
      expect(done).toEqual({ created: 0, updated: 0, unchanged: 0, alreadyPublic: 16, unmatched: 9 });
      const letters = await commitCsv(o, LETTERS, "WARNING_LETTERS");
      expect(letters.done).toMatchObject({ created: 0, alreadyPublic: 3 });
    }
    expect(await allRecords()).toEqual(before);
  });

  it("every sponsor sees the same FDA-based score, equal to the CDMO's own profile", async () => {
    for (const name of ["Kestrel Fill-Finish", "Jiangsu Everbright Biologics", "Piedmont Gene Therapy"]) {
      const [ra, rb, pa, pb] = await Promise.all([row(a, name), row(b, name), profile(a, name), profile(b, name)]);
      expect(ra.qualityScore).not.toBeNull();
      expect([rb.qualityScore, pa.quality.score, pb.quality.score, ra.publicScore]).toEqual(
        Array(4).fill(ra.qualityScore),
      );
    }
    // Jiangsu's one OAI of 2024-05-17 counts once (the 23.2 came from counting it twice).
    const jiangsu = await profile(a, "Jiangsu Everbright Biologics");
    expect(jiangsu.quality.penalties.filter((p) => p.kind === "inspection" && p.date === "2024-05-17")).toHaveLength(1);
    const own = await callerFor(cdmo.viewer).vendors.myProfile({ orgSlug: cdmo.slug });
    const seen = await profile(a, "Northbridge Biologics");
    expect(own!.quality.score).toBe(seen.quality.score);
    expect((await row(b, "Northbridge Biologics")).qualityScore).toBe(own!.quality.score);
  });

  it("a sponsor's private record changes only its own view, and says so", async () => {
    const name = "Piedmont Gene Therapy";
    const before = await profile(a, name);
    await callerFor(a.evaluator).vendors.addInspection({
      orgSlug: a.slug,
      siteId: before.sites[0]!.id,
      agency: "FDA",
      endDate: "2026-06-01",
      classification: "VAI",
      observations483: 3,
      citations: null,
    });
    const after = await profile(a, name);
    expect(after.quality.privateRecords).toBe(1);
    expect(after.quality.publicScore).toBe(before.quality.score);
    expect(after.quality.score!).toBeLessThan(before.quality.score!);
    expect(after.history.inspections.find((i) => i.visibility === "OWN")?.source).toBe("Entered by your organisation");
    const r = await row(a, name);
    expect(r).toMatchObject({
      qualityScore: after.quality.score,
      publicScore: before.quality.score,
      privateRecords: 1,
    });
    expect(await row(b, name)).toMatchObject({ qualityScore: before.quality.score, privateRecords: 0 });
    expect((await profile(b, name)).quality.score).toBe(before.quality.score);
  });

  it("the CDMO cannot remove an FDA record from its profile", async () => {
    const own = await callerFor(cdmo.owner).vendors.myProfile({ orgSlug: cdmo.slug });
    const fda = own!.history.inspections.find((i) => i.source.startsWith("FDA Data Dashboard"))!;
    const err = await callerFor(cdmo.owner)
      .vendors.removeHistory({ orgSlug: cdmo.slug, kind: "inspection", id: fda.id })
      .catch((e) => e);
    expect(err).toSatisfy(code("FORBIDDEN"));
    expect(err.message).toMatch(/FDA Data Dashboard/);
  });
});
