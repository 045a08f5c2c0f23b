import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluatePortfolio, optimizePortfolio, simulate } from "@/server/decision";
import { buildProblem, coreConstraints } from "@/server/portfolio/build";
import { runComparison, TOP_K } from "@/server/portfolio/compare";
import { runCdmo } from "./helpers/cdmo-cli";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor, makeOrg, makeUser, TEST_PASSWORD, type TestUser } from "./helpers/actors";
import { closedPortfolioRfp, portfolioWorld, STAGES, type PortfolioWorld } from "./helpers/portfolio-world";

// A programme's portfolio comparison and its signed decision through the tRPC callers: the problem
// built from the responses (offers, ranges, bundle discounts, quality-derived risks), the same
// figures as `cdmo evaluate / optimize / simulate`, versioned and audited scenarios, the server's
// own Monte Carlo, and the decision: password re-entry, hash-bound signatures that an edit voids,
// the award with each CDMO told (and able to read) only its own outcome.

let t: TestDb;
let w: PortfolioWorld;
let lead: TestUser;
let ann: TestUser;
let ben: TestUser;
let viewer: TestUser;
let sponsor: { id: string; slug: string };
let cdmos: PortfolioWorld["cdmos"];
const stages = STAGES;

beforeAll(async () => {
  t = await createTestDb();
  w = await portfolioWorld("pf");
  ({ lead, ann, ben, viewer, sponsor, cdmos } = w);
});
afterAll(async () => t?.drop());

const fails = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as TRPCError,
  );

const closedRfp = () => closedPortfolioRfp(w);

const api = (u: TestUser) => callerFor(u).portfolio;
const slug = () => sponsor.slug;
const auditOf = async (entityId: string) =>
  (await callerFor(lead).audit.list({ orgSlug: slug(), entityId })).items.map((i) => i.action);

describe(`portfolio (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("builds the problem from the responses and agrees with cdmo evaluate, optimize and simulate", async () => {
    const rfp = await closedRfp();
    const view = await api(viewer).get({ orgSlug: slug(), programmeId: rfp.programmeId });
    expect(view.rfp?.id).toBe(rfp.rfpId);
    expect(view.scenarios).toEqual([]);
    const built = buildProblem(view.facts!, view.defaults);
    const integra = rfp.invitations.get(cdmos[0]!.id)!;
    expect(built.problem.offers.filter((o) => o.vendorId === integra)).toHaveLength(stages.length);
    expect(built.problem.offers.find((o) => o.vendorId === integra && o.stageId === stages[0])).toMatchObject({
      durationMinWeeks: 8,
      durationMaxWeeks: 16,
    });
    expect(built.problem.vendors.find((v) => v.id === integra)?.bundleDiscount).toEqual({ minStages: 3, rate: 0.1 });
    // No inspection history: the model's default risk, and the page says so.
    expect(built.vendors.every((v) => v.annualRisk === 0.03 && v.riskSource === "derived")).toBe(true);
    expect(built.uncovered).toEqual([]);

    // What the page computes (decision core in the browser) is what `cdmo` prints for the exported problem.
    const settings = { ...view.defaults, constraints: { ...view.defaults.constraints, maxVendors: 2 } };
    const page = runComparison(built, settings);
    const exported = { problem: built.problem, constraints: coreConstraints(built, settings.constraints, TOP_K) };
    const cli = await runCdmo(["optimize"], JSON.stringify(exported));
    expect(cli.code, cli.stderr).toBe(0);
    const out = JSON.parse(cli.stdout);
    const strip = (m: unknown) => JSON.parse(JSON.stringify(m));
    expect(strip(page.top)).toEqual(out.top);
    expect(strip(page.columns[0]!.metrics)).toEqual(out.bestIntegrated);
    expect(strip(page.columns[1]!.metrics)).toEqual(out.bestSpecialized);
    expect(page.top.every((p) => p.vendorCount <= 2)).toBe(true);
    const hybrid = page.columns[2]!.metrics!;
    expect(hybrid.archetype).toBe("hybrid");
    const evaluated = await runCdmo(
      ["evaluate"],
      JSON.stringify({ problem: built.problem, assignment: hybrid.assignment }),
    );
    expect(JSON.parse(evaluated.stdout)).toEqual(
      strip(evaluatePortfolio({ problem: built.problem, assignment: hybrid.assignment })),
    );
    const simInput = { problem: built.problem, assignment: hybrid.assignment, iterations: 4000, seed: 17 };
    const simulated = await runCdmo(["simulate"], JSON.stringify(simInput));
    expect(JSON.parse(simulated.stdout)).toEqual(strip(simulate(simInput)));
    // Without the constraint the optimiser may pick any archetype; with it, nobody uses three vendors.
    expect(optimizePortfolio({ problem: built.problem }).best).not.toBeNull();
  });

  it("keeps scenarios versioned and audited, and saves the server's own Monte Carlo with its seed", async () => {
    const rfp = await closedRfp();
    const view = await api(lead).get({ orgSlug: slug(), programmeId: rfp.programmeId, rfpId: rfp.rfpId });
    await expect(
      fails(
        api(viewer).createScenario({
          orgSlug: slug(),
          programmeId: rfp.programmeId,
          rfpId: rfp.rfpId,
          name: "No",
          settings: {},
        }),
      ),
    ).resolves.toMatchObject({ code: "FORBIDDEN" });
    const { id, version } = await api(ann).createScenario({
      orgSlug: slug(),
      programmeId: rfp.programmeId,
      rfpId: rfp.rfpId,
      name: "Base case",
      settings: view.defaults,
    });
    await expect(
      fails(
        api(ann).createScenario({
          orgSlug: slug(),
          programmeId: rfp.programmeId,
          rfpId: rfp.rfpId,
          name: "base CASE",
          settings: {},
        }),
      ),
    ).resolves.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already exists") });

    const upstream = rfp.invitations.get(cdmos[1]!.id)!;
    const settings = {
      ...view.defaults,
      risk: { [upstream]: { annualRisk: 0.08, reason: "Single site, tight capacity in 2027" } },
      estimates: [
        {
          id: "est-a1",
          stageId: stages[0]!,
          vendorId: null,
          label: "In-house CLD",
          price: 50_000,
          durationWeeks: 6,
          note: null,
        },
      ],
    } as typeof view.defaults;
    // Twenty edits from the same version: exactly one lands, the others are told to reload.
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        api(ann).saveScenario({ orgSlug: slug(), scenarioId: id, version, name: `Base case ${i}`, settings }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected").every((r) => (r.reason as TRPCError).code === "CONFLICT"),
    ).toBe(true);
    const after = await api(ann).get({ orgSlug: slug(), programmeId: rfp.programmeId, rfpId: rfp.rfpId });
    const saved = after.scenarios.find((s) => s.id === id)!;
    expect(saved.version).toBe(version + 1);
    const built = buildProblem(after.facts!, saved.settings);
    expect(built.vendors.find((v) => v.id === upstream)).toMatchObject({ annualRisk: 0.08, riskSource: "override" });
    expect(built.vendors.find((v) => v.id === "est-a1")).toMatchObject({
      estimate: true,
      name: "In-house CLD (estimate)",
    });

    const bad = await fails(
      api(ann).saveScenario({
        orgSlug: slug(),
        scenarioId: id,
        version: saved.version,
        assignment: { [stages[0]!]: "nobody" },
      }),
    );
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });

    const assignment = Object.fromEntries(stages.map((s) => [s, rfp.invitations.get(cdmos[0]!.id)!]));
    const sim = await api(ann).saveSimulation({
      orgSlug: slug(),
      scenarioId: id,
      version: saved.version,
      assignment,
      iterations: 5000,
      seed: 42,
    });
    expect(sim.simulation.result).toEqual(
      JSON.parse(JSON.stringify(simulate({ problem: built.problem, assignment, iterations: 5000, seed: 42 }))),
    );
    expect(await auditOf(id)).toEqual(
      expect.arrayContaining(["scenario.created", "scenario.updated", "scenario.simulated"]),
    );
    // Another organisation cannot see it.
    const stranger = await makeUser("pf-stranger");
    const theirs = await makeOrg("SPONSOR", stranger, "Stranger Sponsor");
    await expect(
      fails(callerFor(stranger).portfolio.get({ orgSlug: theirs.slug, programmeId: rfp.programmeId })),
    ).resolves.toMatchObject({ code: "NOT_FOUND" });
  });

  it("signs with the password, voids signatures on an edit, and awards with each CDMO told its own outcome", async () => {
    const rfp = await closedRfp();
    const view = await api(lead).get({ orgSlug: slug(), programmeId: rfp.programmeId, rfpId: rfp.rfpId });
    const { id, version } = await api(lead).createScenario({
      orgSlug: slug(),
      programmeId: rfp.programmeId,
      rfpId: rfp.rfpId,
      name: "Chosen",
      settings: view.defaults,
    });
    const half = Math.ceil(stages.length / 2);
    const up = rfp.invitations.get(cdmos[1]!.id)!;
    const fill = rfp.invitations.get(cdmos[2]!.id)!;
    const assignment = Object.fromEntries(stages.map((s, i) => [s, i < half ? up : fill]));
    const propose = (password: string, v = version) =>
      api(lead).propose({
        orgSlug: slug(),
        scenarioId: id,
        version: v,
        assignment,
        rationale: "Two specialists beat the integrated offer on cost and time.",
        approverIds: [ann.id, ben.id],
        password,
      });
    expect(await fails(propose("not-my-password"))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not your password"),
    });
    // The refused signature left nothing behind: the scenario's version did not move.
    const { decisionId } = await propose(TEST_PASSWORD);
    await expect(fails(propose(TEST_PASSWORD, version + 1))).resolves.toMatchObject({ code: "CONFLICT" });

    const sign = (u: TestUser, password = TEST_PASSWORD, meaning: "APPROVER" | "REVIEWER" = "APPROVER") =>
      api(u).sign({ orgSlug: slug(), decisionId, meaning, password });
    await expect(fails(sign(viewer))).resolves.toMatchObject({ code: "FORBIDDEN" });
    expect(await fails(sign(ann, "wrong-password-1"))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await sign(ann)).toEqual({ awarded: false });
    await expect(fails(sign(ann))).resolves.toMatchObject({ code: "CONFLICT" });

    // An edit of the scenario voids the signatures and says why; signing the old record is refused.
    let now = await api(lead).get({ orgSlug: slug(), programmeId: rfp.programmeId, rfpId: rfp.rfpId });
    const scenario = now.scenarios.find((s) => s.id === id)!;
    await api(ann).saveScenario({
      orgSlug: slug(),
      scenarioId: id,
      version: scenario.version,
      settings: { ...scenario.settings, assumptions: { ...scenario.settings.assumptions, externalTransferWeeks: 20 } },
    });
    now = await api(lead).get({ orgSlug: slug(), programmeId: rfp.programmeId, rfpId: rfp.rfpId });
    expect(now.decision?.intact).toBe(false);
    expect(now.decision?.changes.join(" ")).toContain("externalTransferWeeks changed from 12 to 20");
    expect(now.decision?.signatures.map((s) => [s.meaning, s.valid])).toEqual([
      ["AUTHOR", false],
      ["APPROVER", false],
    ]);
    expect(now.decision?.signatures[0]?.invalidReason).toContain("edited after signing");
    expect(await fails(sign(ben))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("externalTransferWeeks"),
    });

    // Withdraw, propose again on the edited record, and both approvers sign: the RFP is awarded.
    await api(lead).withdraw({ orgSlug: slug(), decisionId, version: 1, reason: "Transfer times revised" });
    const fresh = now.scenarios.find((s) => s.id === id)!;
    const again = await api(lead).propose({
      orgSlug: slug(),
      scenarioId: id,
      version: fresh.version,
      assignment,
      rationale: "Same portfolio on the revised transfer times.",
      approverIds: [ann.id, ben.id],
      password: TEST_PASSWORD,
    });
    expect(
      await api(ann).sign({
        orgSlug: slug(),
        decisionId: again.decisionId,
        meaning: "APPROVER",
        password: TEST_PASSWORD,
      }),
    ).toEqual({ awarded: false });
    expect(
      await api(ben).sign({
        orgSlug: slug(),
        decisionId: again.decisionId,
        meaning: "APPROVER",
        password: TEST_PASSWORD,
      }),
    ).toEqual({ awarded: true });
    const done = await api(viewer).get({ orgSlug: slug(), programmeId: rfp.programmeId, rfpId: rfp.rfpId });
    expect(done.rfp?.status).toBe("AWARDED");
    expect(done.decision).toMatchObject({ status: "AWARDED", intact: true });
    expect(done.decision?.signatures.map((s) => [s.printedName, s.meaning, s.valid])).toEqual([
      ["pf-lead", "AUTHOR", true],
      ["pf-ann", "APPROVER", true],
      ["pf-ben", "APPROVER", true],
    ]);
    expect(await auditOf(again.decisionId)).toEqual(expect.arrayContaining(["decision.proposed", "decision.signed"]));
    expect(await auditOf(rfp.rfpId)).toContain("rfp.awarded");
    // The award is final: the scenario no longer changes.
    const last = done.scenarios.find((s) => s.id === id)!;
    await expect(
      fails(api(lead).saveScenario({ orgSlug: slug(), scenarioId: id, version: last.version, name: "Renamed" })),
    ).resolves.toMatchObject({ code: "PRECONDITION_FAILED" });

    // Each CDMO reads its own outcome and nothing of the others'.
    const portal = async (i: number) => {
      const r = await callerFor(cdmos[i]!.owner).portal.rfp({ orgSlug: await orgSlugOf(cdmos[i]!), rfpId: rfp.rfpId });
      return r;
    };
    const upView = await portal(1);
    expect(upView.award).toMatchObject({ outcome: "AWARDED", stages: stages.slice(0, half) });
    const integraView = await portal(0);
    expect(integraView.award).toMatchObject({ outcome: "NOT_AWARDED", stages: [] });
    expect(JSON.stringify(integraView)).not.toContain(up);
    expect(JSON.stringify(integraView)).not.toContain(fill);
    const told = (await t.adminQuery(
      `SELECT "userId", title FROM "Notification" WHERE kind = 'AWARD' AND "userId" IN ('${cdmos.map((c) => c.owner.id).join("','")}') ORDER BY title`,
    )) as { userId: string; title: string }[];
    expect(told.filter((n) => n.userId === cdmos[1]!.owner.id).map((n) => n.title)).toEqual([
      expect.stringContaining("Awarded"),
    ]);
    expect(told.filter((n) => n.userId === cdmos[0]!.owner.id).map((n) => n.title)).toEqual([
      expect.stringContaining("Outcome"),
    ]);
  });

  it("keeps one proposal per RFP under concurrent proposals, and awards when the last two approvers sign at once", async () => {
    const rfp = await closedRfp();
    const view = await api(lead).get({ orgSlug: slug(), programmeId: rfp.programmeId, rfpId: rfp.rfpId });
    const integra = rfp.invitations.get(cdmos[0]!.id)!;
    const assignment = Object.fromEntries(stages.map((s) => [s, integra]));
    const scenarios = await Promise.all(
      ["One", "Two"].map((name) =>
        api(lead).createScenario({
          orgSlug: slug(),
          programmeId: rfp.programmeId,
          rfpId: rfp.rfpId,
          name,
          settings: view.defaults,
        }),
      ),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        api(lead).propose({
          orgSlug: slug(),
          scenarioId: scenarios[i % 2]!.id,
          version: scenarios[i % 2]!.version,
          assignment,
          rationale: "Integra end to end: one quality system.",
          approverIds: [ann.id, ben.id],
          password: TEST_PASSWORD,
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected").every((r) => (r.reason as TRPCError).code === "CONFLICT"),
    ).toBe(true);
    const { decisionId } = (won[0] as PromiseFulfilledResult<{ decisionId: string }>).value;
    const signed = await Promise.all(
      [ann, ben].map((u) => api(u).sign({ orgSlug: slug(), decisionId, meaning: "APPROVER", password: TEST_PASSWORD })),
    );
    expect(signed.map((r) => r.awarded).sort()).toEqual([false, true]);
    const done = await api(lead).get({ orgSlug: slug(), programmeId: rfp.programmeId, rfpId: rfp.rfpId });
    expect(done.rfp?.status).toBe("AWARDED");
    expect(done.decision?.signatures.filter((x) => x.valid)).toHaveLength(3);
  });
});

async function orgSlugOf(c: { id: string; owner: TestUser }): Promise<string> {
  const rows = (await t.adminQuery(`SELECT slug FROM "Organization" WHERE id = '${c.id}'`)) as { slug: string }[];
  return rows[0]!.slug;
}
