import type { TProblemInput } from "./portfolio-schema";

/** The worked example of the spec (decision-model.md), default assumptions. */
export const workedExample: TProblemInput = {
  stages: [
    { id: "P", name: "Process development" },
    { id: "D", name: "Drug substance" },
    { id: "F", name: "Fill-finish" },
  ],
  vendors: [
    { id: "I", annualDisruptionRisk: 0.06, bundleDiscount: { minStages: 3, rate: 0.1 } },
    { id: "S1", annualDisruptionRisk: 0.02 },
    { id: "S2", annualDisruptionRisk: 0.03 },
  ],
  offers: [
    { vendorId: "I", stageId: "P", price: 900000, durationWeeks: 30 },
    { vendorId: "I", stageId: "D", price: 2400000, durationWeeks: 40 },
    { vendorId: "I", stageId: "F", price: 700000, durationWeeks: 16 },
    { vendorId: "S1", stageId: "P", price: 800000, durationWeeks: 26 },
    { vendorId: "S1", stageId: "D", price: 2100000, durationWeeks: 36 },
    { vendorId: "S2", stageId: "F", price: 500000, durationWeeks: 12 },
  ],
};

export const asg = (p: string, d: string, f: string): Record<string, string> => ({ P: p, D: d, F: f });
