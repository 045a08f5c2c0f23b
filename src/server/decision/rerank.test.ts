import { describe, expect, it } from "vitest";
import { mulberry32 } from "./prng";
import { prepareRerank, rerank, type RerankResult } from "./rerank";
import { computeScorecard, type ScorecardResult } from "./scorecard";
import type { TScorecardInput } from "./scorecard-schema";
import { randomScorecard } from "./testing-random-scorecard";

function expectSame(got: RerankResult, want: ScorecardResult): void {
  expect(got.vendors.map((v) => [v.vendorId, v.rank])).toEqual(want.vendors.map((v) => [v.vendorId, v.rank]));
  got.vendors.forEach((v, i) => {
    const w = want.vendors[i];
    expect(Math.abs(v.coverage - w.coverage)).toBeLessThan(1e-12);
    if (w.total === null) expect(v.total).toBeNull();
    else expect(Math.abs(v.total! - w.total)).toBeLessThan(1e-9);
  });
}

const withTopWeights = (input: TScorecardInput, W: number[]): TScorecardInput => ({
  ...input,
  criteria: input.criteria.map((c, k) => ({ ...c, weight: W[k] })),
});

describe("rerank", () => {
  it("equals computeScorecard with the top-level weights replaced, on random scorecards", () => {
    const rnd = mulberry32(77);
    let nulls = 0;
    let ties = 0;
    for (let trial = 0; trial < 400; trial++) {
      const input = randomScorecard(rnd, { maxTops: 5, maxVendors: 8 });
      const prepared = prepareRerank(input);
      // Its own weights give its own scorecard.
      expectSame(
        rerank(prepared, Object.fromEntries(input.criteria.map((c) => [c.id, c.weight]))),
        computeScorecard(input),
      );
      for (let draw = 0; draw < 5; draw++) {
        const W = input.criteria.map(() => (rnd() < 0.25 ? 0 : rnd() * 10));
        if (!W.some((w) => w > 0)) W[0] = 0.5;
        const got = rerank(prepared, Object.fromEntries(input.criteria.map((c, k) => [c.id, W[k]])));
        const want = computeScorecard(withTopWeights(input, W));
        expectSame(got, want);
        nulls += want.vendors.filter((v) => v.total === null).length;
        for (let i = 1; i < want.vendors.length; i++)
          if (want.vendors[i].total !== null && want.vendors[i].total === want.vendors[i - 1].total) ties++;
      }
    }
    // The generator must reach the edge cases: vendors with nothing weighted, exact ties between totals.
    expect(nulls).toBeGreaterThan(50);
    expect(ties).toBeGreaterThan(20);
  });

  it("normalises the weights and survives a JSON round trip of the prepared object", () => {
    const input = randomScorecard(mulberry32(5), { maxTops: 4, maxVendors: 6 });
    const prepared = prepareRerank(input);
    const W = Object.fromEntries(prepared.criteria.map((id, k) => [id, k + 1]));
    const scaled = Object.fromEntries(prepared.criteria.map((id, k) => [id, 1000 * (k + 1)]));
    const a = rerank(prepared, W);
    expect(rerank(JSON.parse(JSON.stringify(prepared)), W)).toEqual(a);
    expectSame(rerank(prepared, scaled), computeScorecard(withTopWeights(input, Object.values(W))));
    expect(prepared.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  const input: TScorecardInput = {
    scale: { min: 0, max: 5 },
    criteria: [
      { id: "quality", weight: 2 },
      { id: "pricing", weight: 1 },
    ],
    vendors: ["A", "B"],
    scores: [
      { vendorId: "A", criterionId: "quality", evaluatorId: "u", value: 5 },
      { vendorId: "A", criterionId: "pricing", evaluatorId: "u", value: 1 },
      { vendorId: "B", criterionId: "quality", evaluatorId: "u", value: 2 },
      { vendorId: "B", criterionId: "pricing", evaluatorId: "u", value: 5 },
    ],
  };

  it("moves the winner by hand", () => {
    const prepared = prepareRerank(input);
    expect(rerank(prepared, { quality: 2, pricing: 1 }).vendors.map((v) => v.vendorId)).toEqual(["A", "B"]);
    const flipped = rerank(prepared, { quality: 1, pricing: 3 });
    // A: (100 + 3 * 20) / 4 = 40; B: (40 + 3 * 100) / 4 = 85.
    expect(flipped.vendors.map((v) => [v.vendorId, v.rank])).toEqual([
      ["B", 1],
      ["A", 2],
    ]);
    expect(flipped.vendors[0].total).toBeCloseTo(85, 12);
    expect(flipped.vendors[1].total).toBeCloseTo(40, 12);
  });

  it.each([
    ["all weights 0", { quality: 0, pricing: 0 }, "INVALID_INPUT", []],
    ["a negative weight", { quality: -1, pricing: 1 }, "INVALID_INPUT", ["quality"]],
    ["a NaN weight", { quality: 1, pricing: NaN }, "INVALID_INPUT", ["pricing"]],
    ["an infinite weight", { quality: Infinity, pricing: 1 }, "INVALID_INPUT", ["quality"]],
    ["a missing weight", { quality: 1 }, "INVALID_INPUT", ["pricing"]],
    ["an unknown criterion", { quality: 1, pricing: 1, handoff: 1 }, "UNKNOWN_ID", ["handoff"]],
  ] as const)("rejects %s with its path", (_label, weights, code, path) => {
    expect(() => rerank(prepareRerank(input), weights as Record<string, number>)).toThrow(
      expect.objectContaining({ name: "DecisionError", code, path }),
    );
  });

  it("rejects a bad scorecard when preparing", () => {
    expect(() => prepareRerank({ ...input, vendors: ["A"] })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_ID", path: ["scores", 2, "vendorId"] }),
    );
  });
});
