import { describe, expect, it } from "vitest";
import { computeAcceptability } from "./acceptability";
import type { TAcceptabilityInput } from "./acceptability-schema";
import { mulberry32 } from "./prng";
import { computeScorecard } from "./scorecard";
import type { TScorecardInput } from "./scorecard-schema";
import { randomScorecard } from "./testing-random-scorecard";

/** One leaf per category on a 0-100 scale, so each score is the category subtotal C_vk itself. */
function cardOf(weights: number[], rows: Record<string, number[]>): TScorecardInput {
  return {
    scale: { min: 0, max: 100 },
    criteria: weights.map((weight, k) => ({ id: `c${k}`, weight })),
    vendors: Object.keys(rows),
    scores: Object.entries(rows).flatMap(([vendorId, cs]) =>
      cs.map((value, k) => ({ vendorId, criterionId: `c${k}`, evaluatorId: "u", value })),
    ),
  };
}

const byId = (r: ReturnType<typeof computeAcceptability>) => Object.fromEntries(r.vendors.map((v) => [v.vendorId, v]));

/** xorshift32: a different generator from the module's mulberry32, never 0, so 1 - u > 0. */
function xorshift32(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/**
 * The spec's sampler written plainly: weights straight from the input, C_vk from the public
 * scorecard's category subtotals, a full sort per iteration.
 */
function bruteForce(input: TAcceptabilityInput, seed: number) {
  const { mode, spread = 0.25, iterations: N = 10000, seed: _ownSeed, ...scorecard } = input;
  const card = computeScorecard(scorecard);
  const tops = input.criteria.map((c) => c.id);
  const sumW = input.criteria.reduce((s, c) => s + c.weight, 0);
  const base = input.criteria.map((c) => c.weight / sumW);
  const eligible = card.vendors.filter((v) => v.total !== null && tops.every((k) => v.categories[k] !== null));
  const ids = eligible.map((v) => v.vendorId);
  const rank: Record<string, number[]> = Object.fromEntries(ids.map((id) => [id, ids.map(() => 0)]));
  const central: Record<string, number[]> = Object.fromEntries(ids.map((id) => [id, tops.map(() => 0)]));
  const rnd = xorshift32(seed);
  for (let it = 0; it < N; it++) {
    const raw =
      mode === "simplex"
        ? tops.map(() => -Math.log(1 - rnd()))
        : base.map((w) => w * (1 - spread + 2 * spread * rnd()));
    const sum = raw.reduce((s, x) => s + x, 0);
    const w = raw.map((x) => x / sum);
    const ranked = eligible
      .map((v) => ({ id: v.vendorId, T: tops.reduce((s, k, i) => s + w[i] * (v.categories[k] as number), 0) }))
      .sort((a, b) => b.T - a.T || (a.id < b.id ? -1 : 1));
    ranked.forEach((x, r) => rank[x.id][r]++);
    w.forEach((x, i) => (central[ranked[0].id][i] += x));
  }
  return ids.map((id) => ({
    vendorId: id,
    acceptability: rank[id].map((c) => c / N),
    centralWeights: rank[id][0] > 0 ? Object.fromEntries(tops.map((k, i) => [k, central[id][i] / rank[id][0]])) : null,
  }));
}

function expectClose(r: ReturnType<typeof computeAcceptability>, ref: ReturnType<typeof bruteForce>, tol: number) {
  const got = byId(r);
  expect(Object.keys(got).sort()).toEqual(ref.map((v) => v.vendorId).sort());
  for (const v of ref) {
    const g = got[v.vendorId];
    v.acceptability.forEach((a, i) =>
      expect(Math.abs(g.acceptability[i] - a), `${v.vendorId} a_${i + 1}`).toBeLessThan(tol),
    );
    // Central weights are means over the wins only: compare where both saw a fair number of them.
    if (v.acceptability[0] > 0.05 && v.centralWeights && g.centralWeights) {
      for (const [k, w] of Object.entries(v.centralWeights))
        expect(Math.abs(g.centralWeights[k] - w)).toBeLessThan(tol);
    }
  }
}

// Five vendors close enough that every rank is contested; N misses "handoff" and is left out.
const contested: TScorecardInput = {
  scale: { min: 0, max: 5 },
  criteria: [
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
  ],
  vendors: ["E", "A", "N", "C", "B", "D"],
  scores: [
    ...Object.entries({
      A: [4, 3, 3, 2, 4],
      B: [3, 4, 4, 2, 3],
      C: [3, 2, 3, 5, 4],
      D: [4, 1, 2, 3, 4],
      E: [2, 3, 4, 4, 2],
    }).flatMap(([vendorId, vals]) =>
      ["capability.modality", "capability.scale", "quality", "pricing", "handoff"].map((criterionId, i) => ({
        vendorId,
        criterionId,
        evaluatorId: "u1",
        value: vals[i],
      })),
    ),
    // A second evaluator on some leaves, and D's capability.scale unscored (renormalised within capability).
    { vendorId: "A", criterionId: "quality", evaluatorId: "u2", value: 4 },
    { vendorId: "C", criterionId: "pricing", evaluatorId: "u2", value: 3 },
    { vendorId: "N", criterionId: "quality", evaluatorId: "u1", value: 5 },
  ].filter((s) => !(s.vendorId === "D" && s.criterionId === "capability.scale")),
};

describe("computeAcceptability against an independent sampler", () => {
  it.each(["around", "simplex"] as const)(
    "%s: every a_r within 0.01 of a brute-force sampler at 100,000 iterations",
    (mode) => {
      const input = { ...contested, mode, spread: 0.4, iterations: 100_000, seed: 11 };
      const r = computeAcceptability(input);
      expect(r.excludedVendors).toEqual(["N"]);
      const ref = bruteForce(input, 987_654_321);
      // The case must be contested for the comparison to mean anything.
      expect(ref.filter((v) => v.acceptability[0] > 0.05).length).toBeGreaterThanOrEqual(2);
      expectClose(r, ref, 0.01);
    },
  );

  it("random scorecards: within 0.01 of the brute-force sampler", () => {
    const rnd = mulberry32(2026);
    let compared = 0;
    for (let trial = 0; trial < 6; trial++) {
      const card = randomScorecard(rnd, { maxTops: 4, maxVendors: 6, density: 0.85 });
      const mode = trial % 2 === 0 ? "around" : "simplex";
      const input = { ...card, mode, spread: 0.5, iterations: 100_000, seed: trial } as const;
      const r = computeAcceptability(input);
      expectClose(r, bruteForce(input, 1000 + trial), 0.01);
      compared += r.vendors.length;
    }
    expect(compared).toBeGreaterThan(12);
  });
});

describe("computeAcceptability against exact values", () => {
  // With two criteria, "around" draws (u1, u2) uniformly from a square: the exact shares
  // are areas, integrated here on a fine midpoint grid.
  it("two criteria, around: a_r matches the area of the u-square where the vendor ranks r", () => {
    const weights = [0.55, 0.45];
    const rows = { A: [90, 30], B: [60, 62], C: [35, 85] };
    const spread = 0.6;
    const n = 1500;
    const ids = Object.keys(rows) as (keyof typeof rows)[];
    const area = Object.fromEntries(ids.map((id) => [id, [0, 0, 0]]));
    for (let i = 0; i < n; i++) {
      const u1 = 1 - spread + (2 * spread * (i + 0.5)) / n;
      for (let j = 0; j < n; j++) {
        const u2 = 1 - spread + (2 * spread * (j + 0.5)) / n;
        const T = ids.map((id) => ({ id, T: weights[0] * u1 * rows[id][0] + weights[1] * u2 * rows[id][1] }));
        T.sort((a, b) => b.T - a.T || (a.id < b.id ? -1 : 1));
        T.forEach((x, r) => (area[x.id][r] += 1 / (n * n)));
      }
    }
    const r = byId(computeAcceptability({ ...cardOf(weights, rows), spread, iterations: 100_000, seed: 5 }));
    for (const id of ids) {
      area[id].forEach((a, k) => expect(Math.abs(r[id].acceptability[k] - a), `${id} a_${k + 1}`).toBeLessThan(0.01));
    }
    // Not a degenerate case: every vendor is first somewhere.
    expect(ids.every((id) => area[id][0] > 0.05)).toBe(true);
  });

  it("two criteria, simplex: w1 is uniform on [0, 1], so A's a_1 is the length where it wins", () => {
    // A = (80, 20), B = (40, 70): T_A - T_B = 40 w1 - 50 (1 - w1) > 0 for w1 > 5/9.
    const r = byId(
      computeAcceptability({
        ...cardOf([1, 1], { A: [80, 20], B: [40, 70] }),
        mode: "simplex",
        iterations: 100_000,
        seed: 3,
      }),
    );
    expect(Math.abs(r.A.acceptability[0] - 4 / 9)).toBeLessThan(0.01);
    expect(Math.abs(r.B.acceptability[0] - 5 / 9)).toBeLessThan(0.01);
    // A wins on w1 in (5/9, 1]: the mean of w1 there is 7/9.
    expect(Math.abs(r.A.centralWeights!.c0 - 7 / 9)).toBeLessThan(0.01);
  });

  it("simplex, mirrored category scores: about one half each", () => {
    const r = byId(
      computeAcceptability({
        ...cardOf([3, 1], { A: [80, 20], B: [20, 80] }),
        mode: "simplex",
        iterations: 100_000,
        seed: 8,
      }),
    );
    expect(Math.abs(r.A.acceptability[0] - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(r.B.acceptability[0] - 0.5)).toBeLessThan(0.01);
    expect(r.A.acceptability[0] + r.B.acceptability[0]).toBeCloseTo(1, 12);
  });
});

describe("computeAcceptability properties", () => {
  const three = cardOf([5, 3, 2], { A: [90, 80, 70], B: [60, 75, 40], C: [70, 40, 65] });

  it("is deterministic per seed", () => {
    const a = computeAcceptability({ ...contested, iterations: 5000, seed: 42 });
    expect(computeAcceptability({ ...contested, iterations: 5000, seed: 42 })).toEqual(a);
    expect(computeAcceptability({ ...contested, iterations: 5000, seed: 43 })).not.toEqual(a);
  });

  it("echoes the defaults and orders vendors by a_1, then id", () => {
    const r = computeAcceptability({ ...contested, seed: 1 });
    expect(r).toMatchObject({ iterations: 10000, seed: 1, mode: "around", spread: 0.25 });
    for (let i = 1; i < r.vendors.length; i++) {
      const [p, q] = [r.vendors[i - 1], r.vendors[i]];
      expect(
        p.acceptability[0] > q.acceptability[0] ||
          (p.acceptability[0] === q.acceptability[0] && p.vendorId < q.vendorId),
      ).toBe(true);
    }
  });

  it.each(["around", "simplex"] as const)("%s: each row and each rank column sums to 1", (mode) => {
    const r = computeAcceptability({ ...contested, mode, iterations: 20000, seed: 9 });
    const m = r.vendors.length;
    for (const v of r.vendors) {
      expect(v.acceptability).toHaveLength(m);
      expect(v.acceptability.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      if (v.centralWeights) expect(Object.values(v.centralWeights).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    }
    for (let k = 0; k < m; k++) expect(r.vendors.reduce((s, v) => s + v.acceptability[k], 0)).toBeCloseTo(1, 12);
  });

  it.each(["around", "simplex"] as const)("%s: a vendor best in every category is always first", (mode) => {
    const r = computeAcceptability({ ...three, mode, spread: 0.9, iterations: 20000, seed: 4 });
    expect(r.vendors[0]).toMatchObject({ vendorId: "A", acceptability: [1, 0, 0] });
    expect(r.vendors.slice(1).every((v) => v.centralWeights === null && v.acceptability[0] === 0)).toBe(true);
  });

  it("spread 0 reproduces the scorecard's ranking with certainty, and the central weights are the input's", () => {
    const full = (id: string) => id !== "N" && id !== "D";
    const input = {
      ...contested,
      vendors: contested.vendors.filter(full),
      scores: contested.scores.filter((s) => full(s.vendorId)),
    };
    const ranking = computeScorecard(input).vendors.map((v) => v.vendorId);
    const r = computeAcceptability({ ...input, spread: 0, iterations: 1000, seed: 2 });
    expect(r.vendors.map((v) => v.vendorId)).toEqual(ranking);
    r.vendors.forEach((v, i) => expect(v.acceptability).toEqual(ranking.map((_, k) => (k === i ? 1 : 0))));
    const central = r.vendors[0].centralWeights!;
    [0.4, 0.3, 0.2, 0.1].forEach((w, k) => expect(central[contested.criteria[k].id]).toBeCloseTo(w, 12));
  });

  it("identical vendors tie on every draw and the smaller id wins", () => {
    const r = computeAcceptability({
      ...cardOf([1, 1], { Y: [50, 60], X: [50, 60] }),
      mode: "simplex",
      iterations: 1000,
      seed: 6,
    });
    expect(r.vendors.map((v) => [v.vendorId, v.acceptability])).toEqual([
      ["X", [1, 0]],
      ["Y", [0, 1]],
    ]);
  });

  it("no eligible vendor gives an empty ranking", () => {
    const r = computeAcceptability({ ...three, vendors: ["A", "Q"], scores: [], seed: 1 });
    expect(r.vendors).toEqual([]);
    expect(r.excludedVendors).toEqual(["A", "Q"]);
  });
});

describe("computeAcceptability rejects bad input with its path", () => {
  const base = { ...contested, seed: 1 };
  it.each([
    ["spread 1", { spread: 1 }, ["spread"]],
    ["a negative spread", { spread: -0.1 }, ["spread"]],
    ["iterations 0", { iterations: 0 }, ["iterations"]],
    ["iterations 200001", { iterations: 200_001 }, ["iterations"]],
    ["fractional iterations", { iterations: 10.5 }, ["iterations"]],
    ["an unknown mode", { mode: "uniform" }, ["mode"]],
    ["a missing seed", { seed: undefined }, ["seed"]],
    ["a negative seed", { seed: -1 }, ["seed"]],
    ["an unknown key", { iteration: 5 }, []],
    [
      "a scorecard error",
      { scores: [{ vendorId: "Q", criterionId: "quality", evaluatorId: "u", value: 1 }] },
      ["scores", 0, "vendorId"],
    ],
  ] as const)("%s", (_label, patch, path) => {
    expect(() => computeAcceptability({ ...base, ...patch } as TAcceptabilityInput)).toThrow(
      expect.objectContaining({ name: "DecisionError", path }),
    );
  });
});
