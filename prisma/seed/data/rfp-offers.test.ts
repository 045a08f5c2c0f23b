import { describe, expect, it } from "vitest";
import { optimizePortfolio } from "../../../src/server/decision";
import { demoProblem } from "./rfp-offers";

// The demo exists to show a real choice: the three shapes of portfolio must be close enough
// that the answer depends on the team's assumptions, and the hybrid must not be a strawman.
describe("the demo programme's offers", () => {
  const r = optimizePortfolio({ problem: demoProblem(), constraints: { topK: 100 } });
  const integrated = r.bestIntegrated!;
  const specialized = r.bestSpecialized!;
  const hybrid = r.top.find((p) => p.archetype === "hybrid")!;

  it("has an integrated, a specialized and a hybrid portfolio", () => {
    expect(integrated.vendorsInStageOrder).toEqual(Array(6).fill("Northbridge Biologics"));
    expect(new Set(specialized.vendorsInStageOrder).size).toBe(6);
    expect(hybrid.vendorCount).toBeGreaterThan(1);
    expect(hybrid.vendorCount).toBeLessThan(6);
  });

  it("puts their best risk-adjusted costs within 15% of each other", () => {
    const costs = [integrated, specialized, hybrid].map((p) => p.riskAdjustedCost);
    expect(Math.max(...costs) / Math.min(...costs)).toBeLessThanOrEqual(1.15);
  });

  it("leaves the best hybrid undominated by the other two", () => {
    for (const other of [integrated, specialized]) {
      const dominates =
        other.cost <= hybrid.cost &&
        other.durationWeeks <= hybrid.durationWeeks &&
        other.riskAdjustedCost <= hybrid.riskAdjustedCost;
      expect(dominates).toBe(false);
    }
  });
});
