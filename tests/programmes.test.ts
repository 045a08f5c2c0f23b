import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "@/server/programmes/schemas";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { code, makeTeam, type TestOrg } from "./helpers/vendors";

// Programmes: what is stored (every assumption, the cost of delay in both places, the stage
// order), what is refused, the audit trail of every change, and that two people saving the
// same programme never lose an update silently.

let t: TestDb;
let s: TestOrg;
let cdmo: TestOrg;
beforeAll(async () => {
  t = await createTestDb();
  s = await makeTeam("SPONSOR");
  cdmo = await makeTeam("CDMO");
}, 300_000);
afterAll(async () => t?.drop());

const base = {
  name: "HX-101 anti-IL-23",
  molecule: "HX-101",
  modality: "MAB" as const,
  phase: "PHASE_1" as const,
  stages: ["CLD", "PD", "DS_CLIN", "FILL"] as ("CLD" | "PD" | "DS_CLIN" | "FILL")[],
};

const api = () => callerFor(s.evaluator).programme;
const auditOf = async (entityId: string, action?: string) =>
  (await callerFor(s.owner).audit.list({ orgSlug: s.slug, entityId, action })).items;

describe(`programmes (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("stores every assumption with its default, and the cost of delay in both places", async () => {
    const { id, version } = await api().create({ orgSlug: s.slug, ...base });
    expect(version).toBe(1);
    const p = await api().get({ orgSlug: s.slug, programmeId: id });
    expect(p.assumptions).toEqual(DEFAULT_ASSUMPTIONS);
    expect(Object.keys(p.assumptions)).toHaveLength(10);
    expect(p.costOfDelayPerWeek).toBe(500_000);
    expect(p.currency).toBe("USD");
    expect(p.stages).toEqual(["CLD", "PD", "DS_CLIN", "FILL"]);
    const [created] = await auditOf(id, "programme.created");
    expect(created!.changes).toMatchObject({
      name: { old: null, new: base.name },
      stages: { old: null, new: base.stages },
      assumptions: { old: null, new: DEFAULT_ASSUMPTIONS },
    });
  });

  it("fills the keys not given, and the programme's cost of delay wins over the assumption's", async () => {
    const { id } = await api().create({
      orgSlug: s.slug,
      ...base,
      stages: ["FILL", "DS_CLIN", "PD"],
      costOfDelayPerWeek: 420_000,
      assumptions: { onboardingWeeks: 6, costOfDelayPerWeek: 1 },
      budget: 9_000_000,
      currency: "EUR",
      startDate: "2027-01-04",
      targetDate: "2029-03-31",
    });
    const p = await api().get({ orgSlug: s.slug, programmeId: id });
    expect(p.assumptions).toEqual({ ...DEFAULT_ASSUMPTIONS, onboardingWeeks: 6, costOfDelayPerWeek: 420_000 });
    expect(p.costOfDelayPerWeek).toBe(420_000);
    // Order is the chain the portfolio model reads, so it is kept exactly as given.
    expect(p.stages).toEqual(["FILL", "DS_CLIN", "PD"]);
    expect(p.startDate!.toISOString().slice(0, 10)).toBe("2027-01-04");
    expect(p.budget).toBe(9_000_000);

    // Without a programme figure, the assumption's value is the programme's too.
    const other = await api().create({ orgSlug: s.slug, ...base, assumptions: { costOfDelayPerWeek: 75_000 } });
    const q = await api().get({ orgSlug: s.slug, programmeId: other.id });
    expect([q.costOfDelayPerWeek, q.assumptions.costOfDelayPerWeek]).toEqual([75_000, 75_000]);
  });

  it("refuses what the model cannot use, naming the field", async () => {
    const refuse = async (over: Record<string, unknown>, field: RegExp) => {
      const err = await api()
        .create({ orgSlug: s.slug, ...base, ...over } as never)
        .catch((e: unknown) => e);
      expect(code("BAD_REQUEST")(err), JSON.stringify(over)).toBe(true);
      expect((err as Error).message).toMatch(field);
    };
    await refuse({ stages: [] }, /stage/i);
    await refuse({ stages: ["PD", "FILL", "PD"] }, /listed twice/);
    await refuse({ stages: ["PD", "WAREHOUSE"] }, /stage/i);
    await refuse({ modality: "TEA" }, /modality/i);
    await refuse({ startDate: "2028-01-01", targetDate: "2027-01-01" }, /target date cannot be before/i);
    await refuse({ budget: -1 }, /budget/i);
    await refuse({ assumptions: { externalTransferFailureRate: 1.5 } }, /externalTransferFailureRate/);
    await refuse({ assumptions: { onboardingWeeks: 10_000 } }, /520 weeks/);
    await refuse({ assumptions: { surprise: 1 } }, /assumptions/i);
  });

  it("updates under a version check and audits only what changed, old and new", async () => {
    const { id } = await api().create({ orgSlug: s.slug, ...base, budget: 1_000_000 });
    const r = await api().update({
      orgSlug: s.slug,
      programmeId: id,
      version: 1,
      ...base,
      budget: 2_500_000,
      stages: ["PD", "CLD", "DS_CLIN", "FILL"],
    });
    expect(r.version).toBe(2);
    const [updated] = await auditOf(id, "programme.updated");
    expect(updated!.changes).toEqual({
      budget: { old: 1_000_000, new: 2_500_000 },
      stages: { old: base.stages, new: ["PD", "CLD", "DS_CLIN", "FILL"] },
    });
    await expect(api().update({ orgSlug: s.slug, programmeId: id, version: 1, ...base, budget: 3 })).rejects.toSatisfy(
      code("CONFLICT"),
    );
    expect((await api().get({ orgSlug: s.slug, programmeId: id })).budget).toBe(2_500_000);
  });

  it("two saves from the same version: one wins, the other is told to reload, and nothing is lost", async () => {
    const { id } = await api().create({ orgSlug: s.slug, ...base });
    const alice = callerFor(s.owner).programme;
    const bob = callerFor(s.evaluator).programme;
    const results = await Promise.allSettled([
      alice.update({ orgSlug: s.slug, programmeId: id, version: 1, ...base, molecule: "HX-101a" }),
      bob.update({ orgSlug: s.slug, programmeId: id, version: 1, ...base, budget: 4_000_000 }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(code("CONFLICT")(refused[0]!.reason)).toBe(true);
    expect((refused[0]!.reason as Error).message).toMatch(/reload|latest version/i);

    // The loser merges onto the winner's version, as the form lets them, and saves again.
    const latest = await api().get({ orgSlug: s.slug, programmeId: id });
    expect(latest.version).toBe(2);
    const aliceWon = results[0]!.status === "fulfilled";
    await (aliceWon ? bob : alice).update({
      orgSlug: s.slug,
      programmeId: id,
      version: latest.version,
      ...base,
      molecule: "HX-101a",
      budget: 4_000_000,
    });
    const final = await api().get({ orgSlug: s.slug, programmeId: id });
    expect([final.molecule, final.budget, final.version]).toEqual(["HX-101a", 4_000_000, 3]);
    expect(await auditOf(id, "programme.updated")).toHaveLength(2);
  });

  it("archives and restores, each audited, and an archived programme is not edited", async () => {
    const { id } = await api().create({ orgSlug: s.slug, ...base, name: "To be archived" });
    await api().archive({ orgSlug: s.slug, programmeId: id, version: 1 });
    const active = await api().list({ orgSlug: s.slug });
    expect(active.items.map((p) => p.id)).not.toContain(id);
    expect(active.archivedCount).toBe(1);
    expect((await api().list({ orgSlug: s.slug, archived: true })).items.map((p) => p.id)).toEqual([id]);
    await expect(
      api().update({ orgSlug: s.slug, programmeId: id, version: 2, ...base, name: "Renamed" }),
    ).rejects.toSatisfy(code("CONFLICT"));
    await expect(api().archive({ orgSlug: s.slug, programmeId: id, version: 2 })).rejects.toSatisfy(code("CONFLICT"));
    await api().unarchive({ orgSlug: s.slug, programmeId: id, version: 2 });
    expect((await api().list({ orgSlug: s.slug })).items.map((p) => p.id)).toContain(id);
    const actions = (await auditOf(id)).map((e) => e.action).sort();
    expect(actions).toEqual(["programme.archived", "programme.created", "programme.unarchived"]);
  });

  it("lists with an empty RFP summary for a new programme", async () => {
    const { id } = await api().create({ orgSlug: s.slug, ...base, name: "Fresh" });
    const row = (await api().list({ orgSlug: s.slug })).items.find((p) => p.id === id)!;
    expect(row.rfpCount).toBe(0);
    expect(row.statusCounts).toEqual({ DRAFT: 0, PUBLISHED: 0, CLOSED: 0, AWARDED: 0, CANCELLED: 0 });
    expect(row.nextDueAt).toBeNull();
  });

  it("lets viewers read but not write, and CDMOs neither", async () => {
    const viewer = callerFor(s.viewer).programme;
    expect((await viewer.list({ orgSlug: s.slug })).items.length).toBeGreaterThan(0);
    await expect(viewer.create({ orgSlug: s.slug, ...base })).rejects.toSatisfy(code("FORBIDDEN"));
    await expect(callerFor(cdmo.owner).programme.list({ orgSlug: cdmo.slug })).rejects.toSatisfy(code("FORBIDDEN"));
    await expect(callerFor(cdmo.owner).programme.create({ orgSlug: cdmo.slug, ...base })).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
  });

  it("answers NOT_FOUND for another organisation's programme", async () => {
    const other = await makeTeam("SPONSOR");
    const { id } = await callerFor(other.owner).programme.create({ orgSlug: other.slug, ...base });
    await expect(api().get({ orgSlug: s.slug, programmeId: id })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(
      api().update({ orgSlug: s.slug, programmeId: id, version: 1, ...base, name: "Stolen" }),
    ).rejects.toSatisfy(code("NOT_FOUND"));
  });
});
