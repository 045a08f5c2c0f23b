import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeScorecard } from "./scorecard";
import type { TCriterionInput, TScorecardInput } from "./scorecard-schema";
import { analyzeSensitivity } from "./sensitivity";

const s = (vendorId: string, criterionId: string, value: number) => ({
  vendorId,
  criterionId,
  evaluatorId: "u",
  value,
});

function twoVendorCard(w1: number, w2: number): TScorecardInput {
  return {
    scale: { min: 0, max: 5 },
    criteria: [
      { id: "c1", weight: w1 },
      { id: "c2", weight: w2 },
    ],
    vendors: ["A", "B", "N"],
    // A: c1 100, c2 20; B: c1 40, c2 60; N misses c2 and is left out.
    scores: [s("A", "c1", 5), s("A", "c2", 1), s("B", "c1", 2), s("B", "c2", 3), s("N", "c1", 5)],
  };
}

describe("analyzeSensitivity by hand", () => {
  it("equal weights: A leads while w1 >= 0.4 and w2 <= 0.6, B overtakes outside", () => {
    const r = analyzeSensitivity(twoVendorCard(1, 1));
    expect(r.leaderId).toBe("A");
    expect(r.excludedVendors).toEqual(["N"]);
    const [c1, c2] = r.criteria;
    // T_A - T_B with w1 = x: (100 - 40) x + (20 - 60)(1 - x) = 100 x - 40
    expect(c1.low).toBeCloseTo(0.4, 12);
    expect(c1).toMatchObject({ criterionId: "c1", weight: 0.5, high: 1, lowChallenger: "B", highChallenger: null });
    expect(c2.high).toBeCloseTo(0.6, 12);
    expect(c2).toMatchObject({ criterionId: "c2", weight: 0.5, low: 0, lowChallenger: null, highChallenger: "B" });
  });

  it("w_k = 1: every other weight is 0 and the leader keeps [0, 1] on k", () => {
    const r = analyzeSensitivity(twoVendorCard(1, 0));
    const [c1, c2] = r.criteria;
    expect(c1).toMatchObject({ weight: 1, low: 0, high: 1, lowChallenger: null, highChallenger: null });
    // On c2 (w = 0): T_A - T_B = (20 - 60) x + (100 - 40)(1 - x) = 60 - 100 x
    expect(c2.high).toBeCloseTo(0.6, 12);
    expect(c2.highChallenger).toBe("B");
  });

  it("a single eligible vendor keeps the whole range", () => {
    const r = analyzeSensitivity({
      ...twoVendorCard(1, 1),
      vendors: ["A", "N"],
      scores: twoVendorCard(1, 1).scores.filter((x) => x.vendorId !== "B"),
    });
    expect(
      r.criteria.every((c) => c.low === 0 && c.high === 1 && c.lowChallenger === null && c.highChallenger === null),
    ).toBe(true);
  });
});

/** Fully scored random scorecards: 2-4 top-level criteria, some with children, 2-5 vendors. */
const arbCard = fc
  .record({
    tops: fc.array(
      fc.record({
        weight: fc.integer({ min: 0, max: 5 }),
        children: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }),
      }),
      {
        minLength: 2,
        maxLength: 4,
      },
    ),
    vendors: fc.integer({ min: 2, max: 5 }),
    seedScores: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 200, maxLength: 200 }),
  })
  .filter((x) => x.tops.some((t) => t.weight > 0))
  .map(({ tops, vendors, seedScores }): TScorecardInput => {
    const criteria: TCriterionInput[] = tops.map((t, i) => ({
      id: `k${i}`,
      weight: t.weight,
      ...(t.children.length ? { children: t.children.map((w, j) => ({ id: `k${i}.${j}`, weight: w })) } : {}),
    }));
    const leaves = criteria.flatMap((c) => (c.children ? c.children.map((x) => x.id) : [c.id]));
    const vendorIds = ["v3", "v1", "v4", "v0", "v2"].slice(0, vendors);
    let next = 0;
    const scores = vendorIds.flatMap((v) => leaves.map((leaf) => s(v, leaf, seedScores[next++ % seedScores.length])));
    return { scale: { min: 0, max: 5 }, criteria, vendors: vendorIds, scores };
  });

/** Re-score with top-level weight k set to x and the others scaled by (1 - x) / (1 - w_k). */
function rescore(card: TScorecardInput, k: number, x: number, weights: number[]) {
  const wk = weights[k];
  const criteria = card.criteria.map((c, j) => ({ ...c, weight: j === k ? x : (weights[j] * (1 - x)) / (1 - wk) }));
  const totals = new Map(computeScorecard({ ...card, criteria }).vendors.map((v) => [v.vendorId, v.total as number]));
  return totals;
}

describe("analyzeSensitivity intervals are exact", () => {
  it("inside each end the leader stays; just outside the challenger overtakes", () => {
    fc.assert(
      fc.property(arbCard, (card) => {
        const r = analyzeSensitivity(card);
        const leader = r.leaderId!;
        const weights = r.criteria.map((c) => c.weight);
        r.criteria.forEach((c, k) => {
          expect(c.low).toBeLessThanOrEqual(c.weight);
          expect(c.high).toBeGreaterThanOrEqual(c.weight);
          if (c.weight === 1) return; // the scaling rule is undefined; covered by hand above
          const delta = 1e-6;
          for (const x of [Math.min(c.high, c.low + delta), Math.max(c.low, c.high - delta), c.weight]) {
            const totals = rescore(card, k, x, weights);
            for (const [, t] of totals) expect(totals.get(leader)! - t).toBeGreaterThanOrEqual(-1e-9);
          }
          if (c.highChallenger) {
            const totals = rescore(card, k, Math.min(c.high + delta, (c.high + 1) / 2), weights);
            expect(totals.get(c.highChallenger)!).toBeGreaterThan(totals.get(leader)!);
          } else expect(c.high).toBe(1);
          if (c.lowChallenger) {
            const totals = rescore(card, k, Math.max(c.low - delta, c.low / 2), weights);
            expect(totals.get(c.lowChallenger)!).toBeGreaterThan(totals.get(leader)!);
          } else expect(c.low).toBe(0);
        });
      }),
      { numRuns: 600, seed: 5 },
    );
  });
});
