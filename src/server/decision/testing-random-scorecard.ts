/**
 * Test-only: seeded random scorecard inputs for the property tests of the
 * acceptability and the re-rank. Trees up to three levels deep, some zero
 * weights, sparse scores from one to three evaluators.
 *
 * Values are the scale's min or max (exact 0 and 1 after normalising, so exact
 * ties between vendors happen) or continuous; never a value like 3 of 5, whose
 * float rounding would make mathematically equal totals of different score
 * patterns compare in an arbitrary order.
 */
import type { TCriterionInput, TScorecardInput } from "./scorecard-schema";

type Rnd = () => number;
const int = (rnd: Rnd, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** Code-unit order differs from index order, which exercises the id tie-break. */
export const RANDOM_SCORECARD_VENDOR_IDS = ["b", "a", "B", "aa", "c", "Z", "ab", "ba"] as const;

export interface RandomScorecardOptions {
  maxTops?: number;
  maxVendors?: number;
  /** Probability that a vendor has scores on a leaf. */
  density?: number;
}

function weight(rnd: Rnd): number {
  return pick(rnd, [0, rnd() * 10, int(rnd, 1, 5)]);
}

function group(rnd: Rnd, prefix: string, n: number, depth: number): TCriterionInput[] {
  const nodes = Array.from({ length: n }, (_, i): TCriterionInput => {
    const id = `${prefix}${i}`;
    const children = depth < 3 && rnd() < 0.5 ? group(rnd, `${id}.`, int(rnd, 1, 3), depth + 1) : undefined;
    return { id, weight: weight(rnd), ...(children ? { children } : {}) };
  });
  // A sibling group summing to 0 is an input error; these cards are meant to be valid.
  if (nodes.every((c) => c.weight === 0)) nodes[0].weight = 1;
  return nodes;
}

function leafIds(nodes: TCriterionInput[]): string[] {
  return nodes.flatMap((c) => (c.children?.length ? leafIds(c.children) : [c.id]));
}

export function randomScorecard(rnd: Rnd, opts: RandomScorecardOptions = {}): TScorecardInput {
  const criteria = group(rnd, "k", int(rnd, 1, opts.maxTops ?? 4), 1);
  const vendors = RANDOM_SCORECARD_VENDOR_IDS.slice(0, int(rnd, 1, opts.maxVendors ?? 6));
  const min = pick(rnd, [0, 1, -2]);
  const max = min + pick(rnd, [5, 10, 4]);
  const density = opts.density ?? 0.7;
  const scores: TScorecardInput["scores"] = [];
  for (const vendorId of vendors) {
    for (const criterionId of leafIds(criteria)) {
      if (rnd() >= density) continue;
      const evaluators = int(rnd, 1, 3);
      for (let e = 0; e < evaluators; e++) {
        const u = rnd();
        const value = u < 0.15 ? min : u < 0.3 ? max : min + rnd() * (max - min);
        scores.push({ vendorId, criterionId, evaluatorId: `u${e}`, value });
      }
    }
  }
  return {
    scale: { min, max },
    aggregation: rnd() < 0.5 ? "mean" : "median",
    criteria,
    vendors: [...vendors],
    scores,
  };
}
