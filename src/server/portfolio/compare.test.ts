import { describe, expect, it } from "vitest";
import { buildProblem, type PortfolioFacts } from "./build";
import { drivers, evaluateColumn, runComparison } from "./compare";
import { ZScenarioSettings } from "./settings";

// The spec's worked example (decision-model.md): P, D, F with I integrated, S1 and S2 specialists.
const facts: PortfolioFacts = {
  stages: ["PD", "DS_CLIN", "FILL"],
  vendors: [
    { id: "I", name: "Integra", qualityScore: null, offerScore: null, bundle: { rate: 0.1, minStages: 3 } },
    { id: "S1", name: "Upstream", qualityScore: null, offerScore: null, bundle: null },
    { id: "S2", name: "Filler", qualityScore: null, offerScore: null, bundle: null },
  ],
  offers: [
    { vendorId: "I", stageId: "PD", price: 900_000, durationWeeks: 30 },
    { vendorId: "I", stageId: "DS_CLIN", price: 2_400_000, durationWeeks: 40 },
    { vendorId: "I", stageId: "FILL", price: 700_000, durationWeeks: 16 },
    { vendorId: "S1", stageId: "PD", price: 800_000, durationWeeks: 26 },
    { vendorId: "S1", stageId: "DS_CLIN", price: 2_100_000, durationWeeks: 36 },
    { vendorId: "S2", stageId: "FILL", price: 500_000, durationWeeks: 12 },
  ],
};
const risks = { I: 0.06, S1: 0.02, S2: 0.03 };
const settings = ZScenarioSettings.parse({
  risk: Object.fromEntries(Object.entries(risks).map(([k, r]) => [k, { annualRisk: r, reason: "Worked example" }])),
});

describe("runComparison", () => {
  it("finds the worked example's three archetypes and marks the optimum", () => {
    const built = buildProblem(facts, settings);
    const c = runComparison(built, settings);
    const [integrated, specialized, hybrid] = c.columns;
    expect(integrated!.metrics).toMatchObject({ cost: 3_800_000, durationWeeks: 98 });
    expect(specialized!.metrics).toMatchObject({ cost: 4_450_000, durationWeeks: 110 });
    expect(hybrid!.metrics?.assignment).toEqual({ PD: "S1", DS_CLIN: "S1", FILL: "S2" });
    expect(c.columns.map((x) => x.optimum)).toEqual([false, false, true]);
    expect(c.infeasible).toEqual([]);
  });

  it("explains the hybrid against the integrated portfolio in words", () => {
    const built = buildProblem(facts, settings);
    const [integrated, , hybrid] = runComparison(built, settings).columns;
    const lines = drivers(
      { label: "The hybrid", m: hybrid!.metrics! },
      { label: "Best integrated", m: integrated!.metrics! },
      built,
      "USD",
    );
    expect(lines[0]).toBe("The hybrid needs 1 external transfer more than best integrated = 12 weeks and $250,000.");
    expect(lines).toContain("1 more vendor to onboard and manage ($150,000 of overhead).");
    expect(lines.some((l) => /^It puts \d+% of spend at Upstream\.$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^Net: \$2,713,506 lower risk-adjusted cost, 2 weeks sooner\.$/);
  });

  it("says why a hand-built portfolio cannot be evaluated", () => {
    const built = buildProblem(facts, settings);
    expect(evaluateColumn(built, { PD: "S1" }).empty).toBe("Drug substance (clinical) has no vendor yet.");
    expect(evaluateColumn(built, { PD: "S2", DS_CLIN: "S1", FILL: "S2" }).empty).toContain("no offer");
  });
});
