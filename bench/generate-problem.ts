import { mulberry32 } from "../src/server/decision/prng";
import type { TProblemInput } from "../src/server/decision/portfolio-schema";

/**
 * Seeded random portfolio problems for the benchmarks. Shaped like real
 * programmes: each stage has a base price and duration; each vendor has a
 * price level and a speed that apply to all its offers, plus per-offer noise,
 * an annual disruption risk of 1-8%, and a bundle discount for about a third.
 * `density` is the share of (vendor, stage) pairs with an offer (1 = every
 * vendor offers every stage).
 *
 * profile "specialists" is the hard case for the optimiser: no vendor-level
 * price/speed correlation (each stage has different cheap vendors) and cheap,
 * quick transfers, so the unconstrained optimum wants many vendors and
 * maxVendors really binds.
 */
export interface GenerateOptions {
  stages: number;
  vendors: number;
  seed: number;
  density?: number;
  profile?: "programme" | "specialists";
}

export function generateProblem({
  stages,
  vendors,
  seed,
  density = 1,
  profile = "programme",
}: GenerateOptions): TProblemInput {
  const specialists = profile === "specialists";
  const rnd = mulberry32(seed);
  const between = (lo: number, hi: number): number => lo + (hi - lo) * rnd();
  const stageList = Array.from({ length: stages }, (_, s) => ({
    id: `S${String(s + 1).padStart(2, "0")}`,
    weight: 1,
    basePrice: Math.round(between(300_000, 3_000_000)),
    baseWeeks: Math.round(between(8, 40)),
  }));
  const vendorList = Array.from({ length: vendors }, (_, v) => ({
    id: `V${String(v + 1).padStart(3, "0")}`,
    annualDisruptionRisk: Math.round(between(0.01, 0.08) * 1000) / 1000,
    priceLevel: between(0.75, 1.3),
    speed: between(0.8, 1.25),
    bundle:
      rnd() < 0.35
        ? { minStages: 2 + Math.floor(rnd() * 3), rate: Math.round(between(0.03, 0.12) * 100) / 100 }
        : undefined,
  }));
  const offers: TProblemInput["offers"] = [];
  for (const s of stageList) {
    for (const v of vendorList) {
      if (density < 1 && rnd() >= density) continue;
      offers.push({
        vendorId: v.id,
        stageId: s.id,
        price:
          Math.round((s.basePrice * (specialists ? between(0.6, 1.4) : v.priceLevel * between(0.9, 1.1))) / 1000) *
          1000,
        durationWeeks: Math.max(
          1,
          Math.round(s.baseWeeks * (specialists ? between(0.6, 1.4) : v.speed * between(0.9, 1.1))),
        ),
        score: Math.round(between(50, 95)),
      });
    }
  }
  return {
    stages: stageList.map(({ id, weight }) => ({ id, weight })),
    vendors: vendorList.map(({ id, annualDisruptionRisk, bundle }) => ({
      id,
      annualDisruptionRisk,
      ...(bundle ? { bundleDiscount: bundle } : {}),
    })),
    offers,
    ...(specialists
      ? {
          assumptions: {
            externalTransferWeeks: 1,
            externalTransferCost: 20_000,
            internalTransferWeeks: 0.5,
            internalTransferCost: 5_000,
            vendorOverheadCost: 20_000,
            costOfDelayPerWeek: 100_000,
          },
        }
      : {}),
  };
}
