import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DecisionError } from "./errors";
import { optimizePortfolio, optimizeWithClock, searchTopK } from "./optimizer";
import { explainInfeasible } from "./optimizer-infeasible";
import { RunClock, type OptimizeProgress } from "./optimizer-run";
import { ZConstraints, ZProblem, type TConstraintsInput, type TProblemInput } from "./portfolio-schema";
import { prepareProblem } from "./problem";
import { mulberry32 } from "./prng";
import { randomSpecialistsProblem } from "./testing-random-problem";
import { workedExample } from "./testing-worked-example";

const problem = randomSpecialistsProblem(mulberry32(1), 10, 20);
const constraints: TConstraintsInput = { maxVendors: 3 };
const exact = optimizePortfolio({ problem, constraints });
const optimum = exact.best!.riskAdjustedCost;

/** A clock whose time moves only when read: `step` ms per read. */
const ticking = (step: number) => {
  let t = 0;
  return () => (t += step);
};

/** Stops at the first poll after `nodes` nodes; polls every 16 nodes so small searches stop midway too. */
const stopAfter = (nodes: number): RunClock => {
  const clock: RunClock = new RunClock({ shouldStop: () => clock.nodes >= nodes, now: () => 0 }, 16);
  return clock;
};

describe("optimizePortfolio run options", () => {
  it("without options the result is exact and says so", () => {
    expect(exact.optimal).toBe(true);
    expect(exact.lowerBound).toBe(optimum);
    expect(exact.stats.stopped).toBeNull();
    expect(exact.stats.bestSpecializedOptimal).toBe(true);
  });

  it("a budget that is never reached gives the same result as no options", () => {
    const r = optimizePortfolio({ problem, constraints }, { timeBudgetMs: 60_000, now: () => 0 });
    expect(r).toEqual(exact);
  });

  it("a cancel at once returns optimal: false with a lower bound no higher than the optimum", () => {
    const r = optimizePortfolio({ problem, constraints }, { shouldStop: () => true });
    expect(r.optimal).toBe(false);
    expect(r.stats.stopped).toBe("cancelled");
    // Nothing searched, but the warm starts (best integrated, the bound's first guess) are genuine.
    expect(r.best!.riskAdjustedCost).toBeGreaterThanOrEqual(optimum);
    expect(r.best!.riskAdjustedCost).toBeLessThanOrEqual(exact.bestIntegrated!.riskAdjustedCost);
    expect(r.infeasible).toEqual([]);
    expect(r.lowerBound).not.toBeNull();
    expect(r.lowerBound!).toBeLessThanOrEqual(optimum);
  });

  it("a tiny time budget stops early; the best found so far and the bound bracket the optimum", () => {
    const r = optimizeWithClock({ problem, constraints }, new RunClock({ timeBudgetMs: 5, now: ticking(1) }, 16));
    expect(r.optimal).toBe(false);
    expect(r.stats.stopped).toBe("time");
    expect(r.lowerBound!).toBeLessThanOrEqual(optimum);
    if (r.best) expect(r.best.riskAdjustedCost).toBeGreaterThanOrEqual(optimum);
  });

  it("a stop in the middle of the search keeps the portfolios found, each no better than the true one at its rank", () => {
    let stoppedMidway = 0;
    for (const nodes of [16, 64, 256, 1024]) {
      const r = optimizeWithClock({ problem, constraints }, stopAfter(nodes));
      if (r.optimal) continue; // finished before the stop
      stoppedMidway++;
      expect(r.top.length).toBeGreaterThan(0);
      r.top.forEach((t, i) => expect(t.riskAdjustedCost).toBeGreaterThanOrEqual(exact.top[i].riskAdjustedCost));
      for (let i = 1; i < r.top.length; i++) {
        expect(r.top[i].riskAdjustedCost).toBeGreaterThanOrEqual(r.top[i - 1].riskAdjustedCost);
      }
      expect(r.lowerBound!).toBeLessThanOrEqual(optimum);
      expect(r.lowerBound!).toBeLessThanOrEqual(r.best!.riskAdjustedCost);
    }
    expect(stoppedMidway).toBeGreaterThan(1);
  });

  it("reports progress with a bound below the best found", () => {
    const seen: OptimizeProgress[] = [];
    const r = optimizeWithClock(
      { problem, constraints },
      new RunClock({ now: ticking(100), onProgress: (p) => seen.push(p) }, 16),
    );
    expect(r.top).toEqual(exact.top);
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].nodes).toBeGreaterThanOrEqual(seen[i - 1].nodes);
      expect(seen[i].elapsedMs).toBeGreaterThan(seen[i - 1].elapsedMs);
    }
    // null only while bestSpecialized runs, before the top-k search has bounded anything.
    const bounded = seen.filter((p) => p.lowerBound !== null);
    expect(bounded.length).toBeGreaterThan(3);
    expect(seen.indexOf(bounded[0]) + bounded.length).toBe(seen.length);
    for (const p of bounded) {
      expect(p.lowerBound!).toBeLessThanOrEqual(optimum);
      if (p.bestRiskAdjustedCost !== null) expect(p.lowerBound!).toBeLessThanOrEqual(p.bestRiskAdjustedCost);
    }
    // Once the multipliers are tuned the bound counts vendors: within 1 % of the optimum here.
    expect(seen.at(-1)!.lowerBound!).toBeGreaterThan(0.99 * optimum);
  });

  it("a stop inside bestSpecialized says it is not proven", () => {
    // Polled at every node (pollEvery 16 / 64 rounds up to 1), stopped before the first.
    const r = optimizeWithClock({ problem, constraints }, stopAfter(0));
    expect(r.stats.bestSpecializedOptimal).toBe(false);
    expect(r.bestIntegrated).toEqual(exact.bestIntegrated); // a scan, never cut
  });

  it("rejects bad options with their path", () => {
    const call = (options: object) => () => optimizePortfolio({ problem: workedExample }, options);
    expect(call({ timeBudgetMs: -1 })).toThrow(expect.objectContaining({ path: ["options", "timeBudgetMs"] }));
    expect(call({ timeBudgetMs: Number.NaN })).toThrow(DecisionError);
    expect(call({ shouldStop: true })).toThrow(expect.objectContaining({ path: ["options", "shouldStop"] }));
  });
});

describe("a stopped search bounds what it did not explore", () => {
  /** Every strategy, stopped after 16..192 nodes: min(best found, bound of the rest) <= the optimum. */
  const check = (prob: TProblemInput, raw: TConstraintsInput) => {
    const p = prepareProblem(ZProblem.parse(prob), []);
    const c = ZConstraints.parse(raw);
    const truth = searchTopK(p, c).top.items[0]?.core.riskAdjustedCost ?? Infinity;
    for (const options of [{ strategy: "chain" as const }, { strategy: "subsets" as const }, { chainNodeLimit: 50 }]) {
      for (const lagrange of [true, false]) {
        for (let polls = 1; polls <= 12; polls++) {
          const r = searchTopK(p, c, { ...options, lagrange, clock: stopAfter(16 * polls) });
          const found = r.top.items[0]?.core.riskAdjustedCost ?? Infinity;
          expect(Math.min(found, r.remaining)).toBeLessThanOrEqual(truth);
          expect(found).toBeGreaterThanOrEqual(truth);
        }
      }
    }
  };

  it("on random 6-8 stage x 6-10 vendor problems with binding maxVendors and a budget", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rnd = mulberry32(seed);
        const prob = randomSpecialistsProblem(rnd, 6 + Math.floor(rnd() * 3), 6 + Math.floor(rnd() * 5));
        const raw: TConstraintsInput = { maxVendors: 2 + Math.floor(rnd() * 2), topK: 1 + Math.floor(rnd() * 4) };
        if (rnd() < 0.4) raw.budget = optimizePortfolio({ problem: prob, constraints: raw }).best!.cost * 0.97;
        check(prob, raw);
      }),
      { numRuns: 25, seed: 5 },
    );
  }, 60_000);
});

describe("explainInfeasible when a relaxed search was stopped", () => {
  it("reports the undecided constraints beside the ones shown to be enough, and never 'jointly'", () => {
    const p = prepareProblem(ZProblem.parse(workedExample), []);
    const c = ZConstraints.parse({ budget: 1, maxVendors: 1, deadlineWeeks: 1 });
    const verdict = { maxVendors: false, budget: null, deadlineWeeks: true } as const;
    const reasons = explainInfeasible(p, c, (relaxed) => {
      const gone = (["maxVendors", "budget", "deadlineWeeks"] as const).find((k) => relaxed[k] === undefined)!;
      return verdict[gone];
    });
    expect(reasons.map((x) => [x.constraint, x.jointly, x.undecided ?? false])).toEqual([
      ["budget", false, true],
      ["deadlineWeeks", false, false],
    ]);
    const onlyUndecided = explainInfeasible(p, c, (relaxed) => (relaxed.budget === undefined ? null : false));
    expect(onlyUndecided.map((x) => [x.constraint, x.undecided])).toEqual([["budget", true]]);
  });
});
