import { describe, expect, it } from "vitest";
import { derivedRisk, RISK_DEFAULT } from "./risk";

describe("derivedRisk", () => {
  it("runs from 1% for a perfect record to 10% for the worst", () => {
    expect(derivedRisk(100).annualRisk).toBeCloseTo(0.01, 12);
    expect(derivedRisk(0).annualRisk).toBeCloseTo(0.1, 12);
    expect(derivedRisk(72.5).annualRisk).toBeCloseTo(0.01 + 0.09 * 0.275, 12);
  });

  it("clamps scores outside 0..100 and uses the model's default without a record", () => {
    expect(derivedRisk(140).annualRisk).toBeCloseTo(0.01, 12);
    expect(derivedRisk(-5).annualRisk).toBeCloseTo(0.1, 12);
    expect(derivedRisk(null)).toEqual({ annualRisk: RISK_DEFAULT, basis: expect.stringContaining("No inspection") });
  });

  it("says the figure it used", () => {
    expect(derivedRisk(80).basis).toBe("Quality score 80.0 / 100 gives 2.80% a year.");
  });
});
