import { describe, expect, it } from "vitest";
import { computeScorecard, priceAutoScores } from "./scorecard";
import type { TScorecardInput } from "./scorecard-schema";

const criteria = [
  {
    id: "capability",
    weight: 40,
    children: [
      { id: "capability.modality", weight: 2 },
      { id: "capability.scale", weight: 1 },
    ],
  },
  { id: "quality", weight: 30 },
  { id: "pricing", weight: 20 },
  { id: "handoff", weight: 10 },
];
const s = (vendorId: string, criterionId: string, evaluatorId: string, value: number) => ({
  vendorId,
  criterionId,
  evaluatorId,
  value,
});

const input = (aggregation: "mean" | "median"): TScorecardInput => ({
  scale: { min: 0, max: 5 },
  aggregation,
  criteria,
  vendors: ["C", "B", "A", "E", "D"],
  scores: [
    s("A", "capability.modality", "u1", 4),
    s("A", "capability.modality", "u2", 2),
    s("A", "quality", "u1", 5),
    s("A", "pricing", "u1", 1),
    s("A", "pricing", "u2", 2),
    s("A", "pricing", "u3", 5),
    ...["capability.modality", "capability.scale", "quality", "pricing", "handoff"].map((c) => s("B", c, "u1", 3)),
    // D and E identical: the tie is broken by vendor id.
    s("D", "quality", "u1", 1),
    s("E", "quality", "u1", 1),
  ],
});

// Effective leaf weights by hand: modality .4 * 2/3, scale .4 * 1/3, quality .3, pricing .2, handoff .1.
const wMod = 0.4 * (2 / 3);

describe("computeScorecard", () => {
  it("mean aggregation: totals, coverage, categories, leaves by hand", () => {
    const r = computeScorecard(input("mean"));
    const A = r.vendors.find((v) => v.vendorId === "A")!;
    const coverage = wMod + 0.3 + 0.2;
    expect(A.coverage).toBeCloseTo(coverage, 12);
    const pricing = (1 + 2 + 5) / 3;
    expect(A.total).toBeCloseTo((100 * (wMod * (3 / 5) + 0.3 * 1 + 0.2 * (pricing / 5))) / coverage, 10);
    expect(A.categories.capability).toBeCloseTo(60, 10); // only modality scored: renormalised within the category
    expect(A.categories.quality).toBeCloseTo(100, 10);
    expect(A.categories.pricing).toBeCloseTo((100 * pricing) / 5, 10);
    expect(A.categories.handoff).toBeNull();
    expect(A.leaves["capability.modality"]).toEqual({ score: 3, spread: 2, disagreement: true, n: 2 }); // 2 >= 0.4 * 5
    expect(A.leaves["capability.scale"]).toEqual({ score: null, spread: null, disagreement: false, n: 0 });
    expect(A.leaves.quality).toEqual({ score: 5, spread: 0, disagreement: false, n: 1 });
    expect(A.leaves.pricing.disagreement).toBe(true);
    const B = r.vendors.find((v) => v.vendorId === "B")!;
    expect(B.total).toBeCloseTo(60, 10);
    expect(B.coverage).toBeCloseTo(1, 12);
  });

  it("median aggregation takes the middle value", () => {
    const A = computeScorecard(input("median")).vendors.find((v) => v.vendorId === "A")!;
    expect(A.leaves.pricing.score).toBe(2);
    expect(A.leaves["capability.modality"].score).toBe(3); // even count: mean of the two middle values
    const coverage = wMod + 0.5;
    expect(A.total).toBeCloseTo((100 * (wMod * (3 / 5) + 0.3 + 0.2 * (2 / 5))) / coverage, 10);
  });

  it("ranks by total descending, ties by id, unscored vendors last", () => {
    const r = computeScorecard(input("mean"));
    expect(r.vendors.map((v) => v.vendorId)).toEqual(["A", "B", "D", "E", "C"]);
    expect(r.vendors.map((v) => v.rank)).toEqual([1, 2, 3, 4, 5]);
    const C = r.vendors.at(-1)!;
    expect(C.total).toBeNull();
    expect(C.coverage).toBe(0);
    expect(Object.values(C.categories).every((x) => x === null)).toBe(true);
  });

  it("disagreement needs spread >= 40% of the range", () => {
    const r = computeScorecard({
      scale: { min: 1, max: 6 },
      criteria: [{ id: "q", weight: 1 }],
      vendors: ["X", "Y"],
      scores: [s("X", "q", "a", 2), s("X", "q", "b", 3.9), s("Y", "q", "a", 2), s("Y", "q", "b", 4)],
    });
    const leaf = (id: string) => r.vendors.find((v) => v.vendorId === id)!.leaves.q;
    expect(leaf("X").disagreement).toBe(false); // 1.9 < 2
    expect(leaf("Y").disagreement).toBe(true); // 2 >= 2
  });

  it("zero-weight branches get no effective weight", () => {
    const r = computeScorecard({
      scale: { min: 0, max: 10 },
      criteria: [
        { id: "a", weight: 1 },
        { id: "b", weight: 0 },
      ],
      vendors: ["V"],
      scores: [s("V", "b", "u", 10)],
    });
    expect(r.vendors[0].coverage).toBe(0);
    expect(r.vendors[0].total).toBeNull();
    expect(r.vendors[0].categories.b).toBe(100); // renormalised within b, which has weight 0 overall
  });

  const errorOf = (patch: Partial<TScorecardInput>) => {
    try {
      computeScorecard({ ...input("mean"), ...patch });
    } catch (e) {
      return e as { code: string; path: unknown[] };
    }
    throw new Error("expected an error");
  };

  it.each([
    [
      "a score on an inner node",
      { scores: [s("A", "capability", "u", 1)] },
      "INVALID_INPUT",
      ["scores", 0, "criterionId"],
    ],
    ["an unknown vendor", { scores: [s("Q", "quality", "u", 1)] }, "UNKNOWN_ID", ["scores", 0, "vendorId"]],
    ["an unknown criterion", { scores: [s("A", "nope", "u", 1)] }, "UNKNOWN_ID", ["scores", 0, "criterionId"]],
    ["a value above the scale", { scores: [s("A", "quality", "u", 5.5)] }, "INVALID_INPUT", ["scores", 0, "value"]],
    [
      "a duplicate evaluation",
      { scores: [s("A", "quality", "u", 1), s("A", "quality", "u", 2)] },
      "INVALID_INPUT",
      ["scores", 1],
    ],
    [
      "siblings summing to 0",
      {
        criteria: [
          {
            id: "x",
            weight: 1,
            children: [
              { id: "y", weight: 0 },
              { id: "z", weight: 0 },
            ],
          },
        ],
        scores: [],
      },
      "INVALID_INPUT",
      ["criteria", 0, "children"],
    ],
    ["top level summing to 0", { criteria: [{ id: "x", weight: 0 }], scores: [] }, "INVALID_INPUT", ["criteria"]],
    [
      "a duplicate criterion id",
      { criteria: [{ id: "x", weight: 1, children: [{ id: "x", weight: 1 }] }], scores: [] },
      "INVALID_INPUT",
      ["criteria", 0, "children", 0, "id"],
    ],
    [
      "a negative weight",
      { criteria: [{ id: "x", weight: -1 }], scores: [] },
      "INVALID_INPUT",
      ["criteria", 0, "weight"],
    ],
    ["a NaN value", { scores: [s("A", "quality", "u", NaN)] }, "INVALID_INPUT", ["scores", 0, "value"]],
    ["a duplicate vendor", { vendors: ["A", "A"], scores: [] }, "INVALID_INPUT", ["vendors", 1]],
    ["an inverted scale", { scale: { min: 5, max: 0 } }, "INVALID_INPUT", ["scale", "max"]],
  ] as const)("rejects %s with its path", (_label, patch, code, path) => {
    const e = errorOf(patch as Partial<TScorecardInput>);
    expect(e.code).toBe(code);
    expect(e.path).toEqual(path);
  });
});

describe("priceAutoScores", () => {
  it("gives the lowest positive price the scale max and scales the rest by lowest / price", () => {
    const r = priceAutoScores({
      scale: { min: 0, max: 5 },
      prices: [
        { vendorId: "A", price: 100 },
        { vendorId: "B", price: 400 },
        { vendorId: "C", price: 0 },
      ],
    });
    expect(r.scores.map((x) => x.score)).toEqual([5, 1.25, null]);
  });

  it("rejects a negative price with its path", () => {
    expect(() => priceAutoScores({ scale: { min: 0, max: 5 }, prices: [{ vendorId: "A", price: -1 }] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["prices", 0, "price"] }),
    );
  });
});
