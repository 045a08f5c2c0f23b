import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { seedDirectory } from "../prisma/seed/directory";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { code, makeTeam, stageCsv, type TestOrg } from "./helpers/vendors";

// The FDA CSV import against the demo directory: preview, commit, idempotent re-import,
// an update on a changed classification, a bad file that writes nothing, and privacy. Rows
// that are already public records (here: what the CDMOs declared on their profiles) are
// reported as such and not copied (tests/fda-public.test.ts has the operator's public load).

const SAMPLE = "samples/fda-inspections-sample.csv";
const LETTERS = "samples/fda-warning-letters-sample.csv";
const BAD = "samples/fda-inspections-bad.csv";

let t: TestDb;
let sponsor: TestOrg;
let other: TestOrg;
let ids: Map<string, string>;

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeTeam("SPONSOR", "Helix Test");
  other = await makeTeam("SPONSOR", "Other Sponsor");
  const cdmo = await makeTeam("CDMO", "Northbridge Test");
  ids = await seedDirectory(await getDb(), { sponsor, cdmo });
});
afterAll(async () => t?.drop());

const scoreOf = async (o: TestOrg, name: string) => {
  const page = await callerFor(o.viewer).vendors.directory({ orgSlug: o.slug, q: name });
  const row = page.items.find((i) => i.name === name);
  if (!row) throw new Error(`${name} not in the directory`);
  return row;
};

async function counts(orgId: string) {
  return withTenant(await getDb(), { orgId }, async (db) => ({
    inspections: await db.inspection.count({ where: { organizationId: orgId } }),
    letters: await db.warningLetter.count({ where: { organizationId: orgId } }),
    rows: await db.importRow.count(),
  }));
}

describe(`FDA CSV import (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("previews, commits in one go, lowers the score of the vendor with a new OAI, and audits", async () => {
    const kestrelBefore = await scoreOf(sponsor, "Kestrel Fill-Finish");
    expect(kestrelBefore.qualityScore).toBe(100);
    const { importId, errors } = await stageCsv(sponsor.evaluator, sponsor.slug, SAMPLE);
    expect(errors).toEqual([]);
    const api = callerFor(sponsor.evaluator).vendors;
    const preview = await api.importPreview({ orgSlug: sponsor.slug, importId });
    // 12 of the 19 matched rows are inspections the CDMOs already show publicly.
    expect(preview).toMatchObject({ create: 7, update: 0, unchanged: 0, alreadyPublic: 12, errors: [] });
    expect(preview.unmatched.map((u) => u.line)).toEqual([21, 22, 23, 24, 25, 26]);
    expect(preview.unmatched[0]).toMatchObject({
      feiNumber: "3090000001",
      legalName: "Acme Contract Pharma Inc.",
      city: "Newark",
    });
    const kestrel = preview.vendors.find((v) => v.id === ids.get("Kestrel Fill-Finish"));
    expect(kestrel).toMatchObject({ name: "Kestrel Fill-Finish", created: 1, updated: 0, alreadyPublic: 1 });
    // Matched by legal name + city when the FEI is missing or unknown (and already public there).
    expect(preview.vendors.find((v) => v.id === ids.get("Sorrento Viral Vectors"))?.alreadyPublic).toBe(1);
    expect(preview.vendors.find((v) => v.name === "Veridian Biologics")?.created).toBe(1);
    expect(await counts(sponsor.id)).toMatchObject({ inspections: 2 }); // the seed's own records; nothing written yet

    const done = await api.importCommit({ orgSlug: sponsor.slug, importId });
    expect(done).toEqual({ created: 7, updated: 0, unchanged: 0, alreadyPublic: 12, unmatched: 6 });
    expect(await counts(sponsor.id)).toMatchObject({ inspections: 9, rows: 0 });
    const kestrelAfter = await scoreOf(sponsor, "Kestrel Fill-Finish");
    expect(kestrelAfter.qualityScore!).toBeLessThan(75);
    const profile = await api.get({ orgSlug: sponsor.slug, vendorId: ids.get("Kestrel Fill-Finish")! });
    expect(profile.quality.score).toBe(kestrelAfter.qualityScore);
    expect(
      profile.history.inspections
        .filter((i) => i.visibility === "OWN")
        .map((i) => i.classification)
        .sort(),
    ).toEqual(["OAI"]);
    expect(profile.quality.penalties.some((p) => p.kind === "inspection" && p.base === 40)).toBe(true);

    const audit = await callerFor(sponsor.owner).audit.list({ orgSlug: sponsor.slug, limit: 200 });
    const entry = audit.items.find((a) => a.action === "import.committed");
    expect(entry?.changes).toMatchObject({ created: { new: 7 }, alreadyPublic: { new: 12 }, unmatched: { new: 6 } });
    const q = audit.items.filter(
      (a) => a.action === "vendor.quality_changed" && a.entityId === ids.get("Kestrel Fill-Finish"),
    );
    expect(q).toHaveLength(1);
    expect(q[0]!.changes).toMatchObject({ qualityScore: { old: 100, new: kestrelAfter.qualityScore } });
    // A committed import cannot be committed again.
    await expect(api.importCommit({ orgSlug: sponsor.slug, importId })).rejects.toSatisfy(code("PRECONDITION_FAILED"));
  });

  it("changes nothing for another sponsor or for the platform vendor's owner", async () => {
    expect((await scoreOf(other, "Kestrel Fill-Finish")).qualityScore).toBe(100);
    const kestrel = await callerFor(other.viewer).vendors.get({
      orgSlug: other.slug,
      vendorId: ids.get("Kestrel Fill-Finish")!,
    });
    expect(kestrel.history.inspections.every((i) => i.visibility === "PUBLIC")).toBe(true);
    const db = await getDb();
    const platform = await withTenant(db, { orgId: other.id }, (tx) =>
      tx.vendor.findFirstOrThrow({ where: { id: ids.get("Kestrel Fill-Finish") } }),
    );
    expect(platform.qualityScore).toBe(100);
  });

  it("re-importing the same file is idempotent; a changed classification updates the row", async () => {
    const again = await stageCsv(sponsor.evaluator, sponsor.slug, SAMPLE);
    const api = callerFor(sponsor.evaluator).vendors;
    expect(await api.importPreview({ orgSlug: sponsor.slug, importId: again.importId })).toMatchObject({
      create: 0,
      update: 0,
      unchanged: 7,
      alreadyPublic: 12,
    });
    expect(await api.importCommit({ orgSlug: sponsor.slug, importId: again.importId })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 7,
      alreadyPublic: 12,
      unmatched: 6,
    });
    expect(await counts(sponsor.id)).toMatchObject({ inspections: 9 });

    // The FDA reclassifies Kestrel's OAI as VAI: one update, and the score recovers.
    const { parseCsvText } = await import("@/server/vendors/csv-file");
    const { readFileSync } = await import("node:fs");
    const csv = parseCsvText(readFileSync(SAMPLE, "utf8"));
    const { importId } = await api.importStart({
      orgSlug: sponsor.slug,
      kind: "INSPECTIONS",
      fileName: "changed.csv",
      totalRows: 1,
      header: csv.header,
    });
    const row = csv.rows.find(
      (r) => r.data["FEI Number"] === "3004455667" && r.data["Classification"]!.includes("OAI"),
    )!;
    await api.importStage({
      orgSlug: sponsor.slug,
      importId,
      rows: [{ line: 2, data: { ...row.data, Classification: "Voluntary Action Indicated (VAI)" } }],
    });
    expect(await api.importPreview({ orgSlug: sponsor.slug, importId })).toMatchObject({
      create: 0,
      update: 1,
      unchanged: 0,
    });
    const before = (await scoreOf(sponsor, "Kestrel Fill-Finish")).qualityScore!;
    expect(await api.importCommit({ orgSlug: sponsor.slug, importId })).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      alreadyPublic: 0,
      unmatched: 0,
    });
    expect((await scoreOf(sponsor, "Kestrel Fill-Finish")).qualityScore!).toBeGreaterThan(before);
    expect(await counts(sponsor.id)).toMatchObject({ inspections: 9 });
  });

  it("a bad file names the line and column of the first error and writes nothing", async () => {
    const before = await counts(sponsor.id);
    const { importId, errors } = await stageCsv(sponsor.evaluator, sponsor.slug, BAD);
    expect(errors).toEqual([
      { line: 5, column: "Inspection End Date", message: expect.stringContaining("13/45/2025") },
    ]);
    const api = callerFor(sponsor.evaluator).vendors;
    const preview = await api.importPreview({ orgSlug: sponsor.slug, importId });
    expect(preview.errors).toHaveLength(1);
    const err = await api.importCommit({ orgSlug: sponsor.slug, importId }).catch((e) => e);
    expect(err).toSatisfy(code("BAD_REQUEST"));
    expect(err.message).toMatch(/^Line 5, column Inspection End Date: "13\/45\/2025" is not a date/);
    const after = await counts(sponsor.id);
    expect(after.inspections).toBe(before.inspections);
    await api.importDiscard({ orgSlug: sponsor.slug, importId });
    expect((await counts(sponsor.id)).rows).toBe(0);
  });

  it("rejects a header without a required column, naming it", async () => {
    const api = callerFor(sponsor.evaluator).vendors;
    const err = await api
      .importStart({
        orgSlug: sponsor.slug,
        kind: "INSPECTIONS",
        fileName: "x.csv",
        totalRows: 1,
        header: ["FEI Number", "Legal Name", "City", "Country/Area", "Inspection End Date", "Project Area"],
      })
      .catch((e) => e);
    expect(err).toSatisfy(code("BAD_REQUEST"));
    expect(err.message).toMatch(/"Classification" column/);
    // A warning-letter listing sent as inspections (and the reverse) says which choice to make.
    const wrong = await api
      .importStart({
        orgSlug: sponsor.slug,
        kind: "INSPECTIONS",
        fileName: "letters.csv",
        totalRows: 1,
        header: ["Posted Date", "Letter Issue Date", "Company Name", "Issuing Office", "Subject"],
      })
      .catch((e) => e);
    expect(wrong).toSatisfy(code("BAD_REQUEST"));
    expect(wrong.message).toMatch(/looks like a warning-letter file.*choose "Warning letters"/);
    const reverse = await api
      .importStart({
        orgSlug: sponsor.slug,
        kind: "WARNING_LETTERS",
        fileName: "inspections.csv",
        totalRows: 1,
        header: [
          "FEI Number",
          "Legal Name",
          "City",
          "Country/Area",
          "Inspection End Date",
          "Classification",
          "Project Area",
        ],
      })
      .catch((e) => e);
    expect(reverse.message).toMatch(/looks like an inspection export.*choose "Inspections"/);
    await expect(
      callerFor(sponsor.viewer).vendors.importStart({
        orgSlug: sponsor.slug,
        kind: "INSPECTIONS",
        fileName: "x.csv",
        totalRows: 1,
        header: ["FEI Number"],
      }),
    ).rejects.toSatisfy(code("FORBIDDEN"));
  });

  it("imports warning letters: open letters flag the vendor for this sponsor only", async () => {
    const { importId, errors } = await stageCsv(sponsor.evaluator, sponsor.slug, LETTERS, "WARNING_LETTERS");
    expect(errors).toEqual([]);
    const api = callerFor(sponsor.evaluator).vendors;
    const preview = await api.importPreview({ orgSlug: sponsor.slug, importId });
    // Jiangsu's letter is already on its public profile.
    expect(preview).toMatchObject({ create: 4, update: 0, unchanged: 0, alreadyPublic: 1 });
    expect(preview.unmatched.map((u) => u.legalName)).toEqual(["Zenith Compounding Inc."]);
    await api.importCommit({ orgSlug: sponsor.slug, importId });
    expect((await scoreOf(sponsor, "Kestrel Fill-Finish")).hasOpenWarningLetter).toBe(true);
    expect((await scoreOf(other, "Kestrel Fill-Finish")).hasOpenWarningLetter).toBe(false);
    const oak = await api.get({
      orgSlug: sponsor.slug,
      vendorId: (await scoreOf(sponsor, "Oakridge Sterile Products")).id,
    });
    expect(oak.history.warningLetters).toEqual([
      expect.objectContaining({ status: "CLOSED", visibility: "OWN", siteId: oak.sites[0]!.id }),
    ]);
    const deccan = await api.get({ orgSlug: sponsor.slug, vendorId: ids.get("Deccan Pharma Solutions")! });
    expect(deccan.history.warningLetters.find((w) => w.visibility === "OWN")?.siteId).toBeNull(); // two sites: vendor-level
    const again = await stageCsv(sponsor.evaluator, sponsor.slug, LETTERS, "WARNING_LETTERS");
    expect(await api.importCommit({ orgSlug: sponsor.slug, importId: again.importId })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 4,
      alreadyPublic: 1,
      unmatched: 1,
    });
  });

  it("another sponsor cannot see, stage into or commit this sponsor's import", async () => {
    const { importId } = await stageCsv(sponsor.evaluator, sponsor.slug, SAMPLE);
    const o = callerFor(other.owner).vendors;
    await expect(o.importPreview({ orgSlug: other.slug, importId })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(o.importStage({ orgSlug: other.slug, importId, rows: [] })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(o.importCommit({ orgSlug: other.slug, importId })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(o.importPreview({ orgSlug: sponsor.slug, importId })).rejects.toSatisfy(code("NOT_FOUND"));
    // Importing the same file as the other sponsor matches only what it can see, privately.
    const theirs = await stageCsv(other.evaluator, other.slug, SAMPLE);
    const p = await o.importPreview({ orgSlug: other.slug, importId: theirs.importId });
    // Helix's private vendors (Oakridge, Brightwater, Veridian) are not visible to it, and Helix's
    // private records are not public: the four rows new to the public record are new to it too.
    expect(p.create).toBe(4);
    expect(p.alreadyPublic).toBe(12);
    expect(p.unmatched).toHaveLength(9);
  });
});
