import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedMask, optimizePortfolio, searchTopK } from "./optimizer";
import { buildBoundSetup } from "./optimizer-bounds";
import { buildLagrange } from "./optimizer-lagrange";
import { ZConstraints, ZProblem, type TConstraintsInput, type TProblemInput } from "./portfolio-schema";
import { prepareProblem } from "./problem";
import { mulberry32 } from "./prng";
import { randomConstraints, randomProblem, randomSpecialistsProblem } from "./testing-random-problem";
import { bruteForce } from "./testing-reference";

type Rnd = () => number;
const int = (rnd: Rnd, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

/** Small problems where maxVendors binds: cheap transfers, every offer independent. */
function bindingCase(seed: number): [TProblemInput, TConstraintsInput] {
  const rnd = mulberry32(seed);
  const problem =
    rnd() < 0.6
      ? randomSpecialistsProblem(rnd, int(rnd, 2, 5), int(rnd, 2, 6), rnd() < 0.7 ? 1 : 0.7)
      : randomProblem(rnd, { density: 0.9, tieProne: rnd() < 0.5 });
  // The other constraint kinds half the time; maxVendors always, and small.
  const c = rnd() < 0.5 ? randomConstraints(rnd, problem) : {};
  c.maxVendors = int(rnd, 1, 3);
  if (rnd() < 0.5) c.topK = int(rnd, 1, 8);
  return [problem, c];
}

/** The Lagrangian root bound over all allowed vendors, as searchTopK builds it. */
function rootBound(problem: TProblemInput, constraints: TConstraintsInput): number {
  const p = prepareProblem(ZProblem.parse(problem), []);
  const c = ZConstraints.parse(constraints);
  const allowed = allowedMask(p, c);
  const C: number[] = [];
  for (let v = 0; v < p.V; v++) {
    let any = false;
    for (let s = 0; s < p.n; s++) any ||= allowed[s * p.V + v] === 1;
    if (any) C.push(v);
  }
  return buildLagrange(buildBoundSetup(p, allowed), C, Math.min(c.maxVendors ?? p.n, p.n)).root;
}

describe("Lagrangian vendor-count bound", () => {
  it("never exceeds the true optimum, and the search equals brute force where maxVendors binds (600 cases)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const [problem, constraints] = bindingCase(seed);
        const brute = bruteForce(problem, constraints);
        const k = ZConstraints.parse(constraints).topK;
        const r = optimizePortfolio({ problem, constraints });
        expect(r.top.map((t) => t.vendorsInStageOrder)).toEqual(brute.slice(0, k).map((b) => b.vendors));
        expect(r.optimal).toBe(true);
        expect(r.lowerBound).toBe(brute[0]?.core.riskAdjustedCost ?? null);
        // Without budget or deadline the bound holds for the best of all assignments within maxVendors.
        const plain = { maxVendors: constraints.maxVendors };
        const best = bruteForce(problem, plain)[0];
        if (best) {
          const lb = rootBound(problem, plain);
          expect(lb).toBeLessThanOrEqual(best.core.riskAdjustedCost * (1 + 1e-12));
        }
      }),
      { numRuns: 600, seed: 4242 },
    );
  }, 60_000);

  it("is tight where the limit binds: within 1 % of the optimum, and the chain search needs far fewer nodes", () => {
    for (const seed of [1, 2, 3]) {
      const problem = randomSpecialistsProblem(mulberry32(seed), 12, 30);
      const raw = { maxVendors: 3 };
      const best = optimizePortfolio({ problem, constraints: raw }).best!.riskAdjustedCost;
      const lb = rootBound(problem, raw);
      expect(lb).toBeLessThanOrEqual(best);
      expect(lb).toBeGreaterThan(0.99 * best);
      const p = prepareProblem(ZProblem.parse(problem), []);
      const c = ZConstraints.parse(raw);
      const nodes = (lagrange: boolean) => searchTopK(p, c, { strategy: "chain", lagrange }).stats.nodes;
      expect(nodes(true) * 10).toBeLessThan(nodes(false));
    }
  });

  it("chain and vendor-set searches, with and without it, agree on 7-10 stages x 8-14 vendors", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rnd = mulberry32(seed);
        const problem = randomSpecialistsProblem(rnd, int(rnd, 7, 10), int(rnd, 8, 14), rnd() < 0.7 ? 1 : 0.8);
        const raw: TConstraintsInput = { maxVendors: int(rnd, 2, 4), topK: int(rnd, 1, 6) };
        if (rnd() < 0.3) raw.locked = { s0: problem.vendors[int(rnd, 0, problem.vendors.length - 1)].id };
        const p = prepareProblem(ZProblem.parse(problem), []);
        const c = ZConstraints.parse(raw);
        const run = (options: Parameters<typeof searchTopK>[2]) =>
          searchTopK(p, c, options).top.items.map((x) => Array.from(x.asg).join(","));
        const withBound = run({ strategy: "chain" });
        expect(run({ strategy: "chain", lagrange: false })).toEqual(withBound);
        // Vendor sets screened by the Lagrangian set bound (warm start from the tuning) and not.
        expect(run({ strategy: "subsets" })).toEqual(withBound);
        expect(run({ strategy: "subsets", lagrange: false })).toEqual(withBound);
        expect(run({ chainNodeLimit: 20 })).toEqual(withBound);
      }),
      { numRuns: 150, seed: 11 },
    );
  }, 60_000);
});
