import { mulberry32 } from "../src/server/decision/prng";
import type { TScorecardInput } from "../src/server/decision/scorecard-schema";

/**
 * Seeded scorecards for the benchmarks, shaped like a real evaluation: `tops`
 * weighted top-level categories of `leavesPerTop` leaves each (one leaf means the
 * category itself is scored), every evaluator scoring every vendor on every leaf
 * in half points on 0-5. Each vendor has an overall level, so the ranking is
 * contested near the top rather than random noise.
 */
export interface ScorecardShape {
  vendors: number;
  tops: number;
  leavesPerTop: number;
  evaluators: number;
  seed: number;
}

export function generateScorecard({ vendors, tops, leavesPerTop, evaluators, seed }: ScorecardShape): TScorecardInput {
  const rnd = mulberry32(seed);
  const criteria = Array.from({ length: tops }, (_, k) => {
    const id = `k${k}`;
    const weight = 1 + Math.round(9 * rnd());
    if (leavesPerTop === 1) return { id, weight };
    const children = Array.from({ length: leavesPerTop }, (_, l) => ({
      id: `${id}.${l}`,
      weight: 1 + Math.round(4 * rnd()),
    }));
    return { id, weight, children };
  });
  const leaves = criteria.flatMap((c) => c.children?.map((l) => l.id) ?? [c.id]);
  const vendorIds = Array.from({ length: vendors }, (_, v) => `V${String(v + 1).padStart(3, "0")}`);
  const scores: TScorecardInput["scores"] = [];
  for (const vendorId of vendorIds) {
    const level = 2 + 2 * rnd();
    for (const criterionId of leaves) {
      const leafLevel = level + 1.5 * (rnd() - 0.5);
      for (let e = 0; e < evaluators; e++) {
        const value = Math.min(5, Math.max(0, Math.round(2 * (leafLevel + (rnd() - 0.5))) / 2));
        scores.push({ vendorId, criterionId, evaluatorId: `u${e + 1}`, value });
      }
    }
  }
  return { scale: { min: 0, max: 5 }, aggregation: "mean", criteria, vendors: vendorIds, scores };
}
