import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DecisionError } from "./errors";
import { optimizePortfolio, searchTopK } from "./optimizer";
import { ZConstraints, ZProblem, type TConstraintsInput, type TProblemInput } from "./portfolio-schema";
import { prepareProblem } from "./problem";
import { mulberry32 } from "./prng";
import { randomConstraints, randomProblem, type RandomProblemOptions } from "./testing-random-problem";
import { bruteForce } from "./testing-reference";
import { workedExample } from "./testing-worked-example";

/** fast-check supplies seeds; the seeded generator builds the problem and its constraints. */
const arbProblemWithConstraints = (opts?: RandomProblemOptions) =>
  fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => {
    const rnd = mulberry32(seed);
    const problem = randomProblem(rnd, opts);
    return [problem, randomConstraints(rnd, problem)] as const;
  });

const ACTIVE_ORDER = ["maxVendors", "budget", "deadlineWeeks", "minOfferScore", "locked", "excludedVendors"] as const;

/** The infeasibility rule of optimizer-infeasible.ts, recomputed by brute force. */
function expectedReasons(problem: TProblemInput, c: TConstraintsInput): { names: string[]; jointly: boolean } {
  const noOffer = problem.stages.filter((s) => !problem.offers.some((o) => o.stageId === s.id));
  if (noOffer.length) return { names: noOffer.map(() => "offers"), jointly: false };
  const active = ACTIVE_ORDER.filter((name) => {
    const v = c[name];
    if (v === undefined) return false;
    if (name === "locked") return Object.keys(v as object).length > 0;
    if (name === "excludedVendors") return (v as string[]).length > 0;
    return true;
  });
  const single = active.filter((name) => {
    const relaxed = { ...c };
    delete relaxed[name];
    return bruteForce(problem, relaxed).length > 0;
  });
  return single.length ? { names: single, jointly: false } : { names: [...active], jointly: true };
}

function checkAgainstBruteForce(problem: TProblemInput, constraints: TConstraintsInput): void {
  const k = ZConstraints.parse(constraints).topK;
  const brute = bruteForce(problem, constraints);
  const r = optimizePortfolio({ problem, constraints });
  const expected = brute.slice(0, k);
  expect(r.top.map((t) => t.vendorsInStageOrder)).toEqual(expected.map((b) => b.vendors));
  expect(r.top.map((t) => t.riskAdjustedCost)).toEqual(expected.map((b) => b.core.riskAdjustedCost));
  expect(r.best?.vendorsInStageOrder ?? null).toEqual(brute[0]?.vendors ?? null);
  // top is sorted by the objective and its tie-breaks
  for (let i = 1; i < r.top.length; i++) {
    const [x, y] = [r.top[i - 1], r.top[i]];
    expect(x.riskAdjustedCost <= y.riskAdjustedCost).toBe(true);
  }
  // the exact answer does not depend on the search strategy
  const p = prepareProblem(ZProblem.parse(problem), []);
  const c = ZConstraints.parse(constraints);
  for (const options of [{ strategy: "subsets" as const }, { strategy: "chain" as const }, { chainNodeLimit: 3 }]) {
    const alt = searchTopK(p, c, options).top.items.map((x) => Array.from(x.asg, (v) => p.vendorIds[v]));
    expect(alt).toEqual(expected.map((b) => b.vendors));
  }
  const integrated = bruteForce(problem, constraints, "integrated")[0];
  expect(r.bestIntegrated?.vendorsInStageOrder ?? null).toEqual(integrated?.vendors ?? null);
  const specialized = bruteForce(problem, constraints, "specialized")[0];
  expect(r.bestSpecialized?.vendorsInStageOrder ?? null).toEqual(specialized?.vendors ?? null);
  if (brute.length === 0) {
    expect(r.best).toBeNull();
    const want = expectedReasons(problem, constraints);
    expect(r.infeasible.map((x) => x.constraint)).toEqual(want.names);
    expect(r.infeasible.every((x) => x.jointly === want.jointly)).toBe(true);
    expect(r.infeasible.length).toBeGreaterThan(0);
  } else {
    expect(r.infeasible).toEqual([]);
  }
}

// Generous timeouts: a few seconds each alone, more on two loaded cores.
describe("optimizePortfolio equals brute force", { timeout: 30_000 }, () => {
  it("spread-out values, every constraint kind (1200 cases)", () => {
    fc.assert(
      fc.property(arbProblemWithConstraints(), ([problem, constraints]) =>
        checkAgainstBruteForce(problem, constraints),
      ),
      { numRuns: 1200, seed: 20240601 },
    );
  });

  it("tie-prone values exercise the tie-breaks (1200 cases)", () => {
    fc.assert(
      fc.property(arbProblemWithConstraints({ tieProne: true }), ([problem, constraints]) =>
        checkAgainstBruteForce(problem, constraints),
      ),
      { numRuns: 1200, seed: 7 },
    );
  });

  it("sparse offers (600 cases)", () => {
    fc.assert(
      fc.property(arbProblemWithConstraints({ density: 0.45 }), ([problem, constraints]) =>
        checkAgainstBruteForce(problem, constraints),
      ),
      { numRuns: 600, seed: 99 },
    );
  });

  it("unconstrained problems with all offers present always have a best portfolio", () => {
    fc.assert(
      fc.property(arbProblemWithConstraints({ density: 1 }), ([problem]) => {
        const r = optimizePortfolio({ problem, constraints: {} });
        expect(r.best).not.toBeNull();
        expect(r.infeasible).toEqual([]);
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe("search strategies agree beyond brute-force sizes", () => {
  it("chain, vendor sets and chain-then-sets give the same top-k on 6-8 stages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 6, max: 8 }), (seed, stages) => {
        const rnd = mulberry32(seed);
        const problem = randomProblem(rnd, { maxStages: stages, density: 0.9 });
        const c = ZConstraints.parse(randomConstraints(rnd, problem));
        const p = prepareProblem(ZProblem.parse(problem), []);
        const run = (options: Parameters<typeof searchTopK>[2]) =>
          searchTopK(p, c, options).top.items.map((x) => Array.from(x.asg).join(","));
        const chain = run({ strategy: "chain" });
        expect(run({ strategy: "subsets" })).toEqual(chain);
        expect(run({ chainNodeLimit: 5 })).toEqual(chain);
      }),
      { numRuns: 150, seed: 17 },
    );
  });
});

describe("optimizePortfolio on the worked example", () => {
  it("reports infeasibility with the constraint that cuts the last candidates", () => {
    const r = optimizePortfolio({ problem: workedExample, constraints: { budget: 1_000_000 } });
    expect(r.best).toBeNull();
    expect(r.top).toEqual([]);
    expect(r.infeasible.map((x) => x.constraint)).toEqual(["budget"]);
  });

  it("locks and exclusions are honoured", () => {
    const r = optimizePortfolio({
      problem: workedExample,
      constraints: { locked: { F: "I" }, excludedVendors: ["S2"] },
    });
    expect(r.best?.vendorsInStageOrder.at(-1)).toBe("I");
    expect(r.top.every((t) => !t.vendorsInStageOrder.includes("S2"))).toBe(true);
  });

  it("minOfferScore rejects offers without a score", () => {
    const r = optimizePortfolio({ problem: workedExample, constraints: { minOfferScore: 0 } });
    expect(r.best).toBeNull();
    expect(r.infeasible.map((x) => x.constraint)).toEqual(["minOfferScore"]);
  });

  it("rejects constraints naming unknown ids, with the path", () => {
    const call = (constraints: TConstraintsInput) => () => optimizePortfolio({ problem: workedExample, constraints });
    expect(call({ locked: { X: "I" } })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_ID", path: ["constraints", "locked", "X"] }),
    );
    expect(call({ locked: { P: "Z" } })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_ID", path: ["constraints", "locked", "P"] }),
    );
    expect(call({ excludedVendors: ["I", "Q"] })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_ID", path: ["constraints", "excludedVendors", 1] }),
    );
    expect(call({ maxVendors: 0 })).toThrow(DecisionError);
    expect(call({ topK: 1.5 })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["constraints", "topK"] }),
    );
  });
});
