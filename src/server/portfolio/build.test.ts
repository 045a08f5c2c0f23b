import { describe, expect, it } from "vitest";
import { buildProblem, coreConstraints, type PortfolioFacts } from "./build";
import { ZScenarioSettings } from "./settings";

const facts: PortfolioFacts = {
  stages: ["CLD", "PD", "FILL"],
  vendors: [
    { id: "inv-a", name: "Alpha", qualityScore: 80, offerScore: 70, bundle: { rate: 0.05, minStages: 2 } },
    { id: "inv-b", name: "Beta", qualityScore: null, offerScore: null, bundle: null },
    { id: "inv-c", name: "Gamma (no offers)", qualityScore: 50, offerScore: 10, bundle: null },
  ],
  offers: [
    { vendorId: "inv-a", stageId: "CLD", price: 100, durationWeeks: 10, minWeeks: 8, maxWeeks: 14 },
    { vendorId: "inv-a", stageId: "PD", price: 200, durationWeeks: 20, minWeeks: 25 },
    { vendorId: "inv-b", stageId: "PD", price: 150, durationWeeks: 18 },
    { vendorId: "inv-b", stageId: "QC", price: 1, durationWeeks: 1 },
  ],
};
const settings = (s: object = {}) => ZScenarioSettings.parse(s);

describe("buildProblem", () => {
  it("turns the facts into the decision model's problem, with derived risks and offered bundles", () => {
    const b = buildProblem(facts, settings());
    expect(b.problem.stages.map((s) => s.id)).toEqual(["CLD", "PD", "FILL"]);
    // Gamma offers nothing on the programme; Beta's QC offer is outside the programme.
    expect(b.vendors.map((v) => v.id)).toEqual(["inv-a", "inv-b"]);
    expect(b.problem.offers).toEqual([
      {
        vendorId: "inv-a",
        stageId: "CLD",
        price: 100,
        durationWeeks: 10,
        durationMinWeeks: 8,
        durationMaxWeeks: 14,
        score: 70,
      },
      // A minimum above the quote is dropped rather than refused.
      { vendorId: "inv-a", stageId: "PD", price: 200, durationWeeks: 20, score: 70 },
      { vendorId: "inv-b", stageId: "PD", price: 150, durationWeeks: 18 },
    ]);
    expect(b.problem.vendors[0]).toEqual({
      id: "inv-a",
      name: "Alpha",
      annualDisruptionRisk: 0.01 + 0.09 * 0.2,
      bundleDiscount: { rate: 0.05, minStages: 2 },
    });
    expect(b.problem.vendors[1]!.annualDisruptionRisk).toBe(0.03);
    expect(b.uncovered).toEqual(["FILL"]);
  });

  it("applies the team's risk overrides, bundle edits and estimates, and says which estimates it ignored", () => {
    const b = buildProblem(
      facts,
      settings({
        risk: { "inv-b": { annualRisk: 0.2, reason: "Warning letter last month" } },
        bundles: { "inv-a": null, "inv-b": { rate: 0.1, minStages: 2 } },
        estimates: [
          {
            id: "est-1",
            stageId: "FILL",
            vendorId: null,
            label: "Typical filler",
            price: 50,
            durationWeeks: 5,
            note: null,
          },
          { id: "est-2", stageId: "CLD", vendorId: "inv-b", label: "Beta", price: 90, durationWeeks: 9, note: null },
          { id: "est-3", stageId: "PD", vendorId: "inv-b", label: "Beta", price: 1, durationWeeks: 1, note: null },
          { id: "est-4", stageId: "LYO", vendorId: null, label: "Lyo", price: 1, durationWeeks: 1, note: null },
        ],
      }),
    );
    expect(b.vendors.find((v) => v.id === "inv-b")).toMatchObject({
      annualRisk: 0.2,
      riskSource: "override",
      bundleSource: "team",
    });
    expect(b.vendors.find((v) => v.id === "inv-a")).toMatchObject({ bundle: null, bundleSource: "none" });
    expect(b.vendors.find((v) => v.id === "est-1")).toMatchObject({
      estimate: true,
      name: "Typical filler (estimate)",
      annualRisk: 0.03,
    });
    expect(b.problem.offers.filter((o) => o.vendorId === "inv-b").map((o) => o.stageId)).toEqual(["PD", "CLD"]);
    expect(b.uncovered).toEqual([]);
    expect(b.ignored.map((i) => i.id)).toEqual(["est-3", "est-4"]);
  });

  it("keeps only constraints about vendors and stages the problem has", () => {
    const b = buildProblem(facts, settings());
    const c = coreConstraints(
      b,
      {
        maxVendors: 2,
        budget: null,
        deadlineWeeks: 30,
        minOfferScore: null,
        locked: { CLD: "inv-a", PD: "gone" },
        excludedVendors: ["inv-b", "gone"],
      },
      5,
    );
    expect(c).toEqual({
      topK: 5,
      maxVendors: 2,
      deadlineWeeks: 30,
      locked: { CLD: "inv-a" },
      excludedVendors: ["inv-b"],
    });
  });
});
