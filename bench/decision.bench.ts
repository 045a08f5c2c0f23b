import { bench, describe } from "vitest";
import {
  computeAcceptability,
  computeScorecard,
  optimizePortfolio,
  prepareRerank,
  rerank,
  simulate,
} from "../src/server/decision";
import { mulberry32 } from "../src/server/decision/prng";
import { generateProblem, type GenerateOptions } from "./generate-problem";
import { generateScorecard } from "./generate-scorecard";

/**
 * Decision-core benchmarks: `npx vitest bench --run --project bench`
 * (or `npm run bench`). Problems come from a seeded generator, so every run
 * measures the same inputs. Each optimiser case cycles over three seeds.
 * Results and targets: bench/README.md.
 */
const SEEDS = [1, 2, 3];
const opts = { time: 1500, iterations: 10, warmupIterations: 2 };

function optimiserBench(name: string, shape: Omit<GenerateOptions, "seed">, maxVendors: number | undefined): void {
  const problems = SEEDS.map((seed) => generateProblem({ ...shape, seed }));
  let i = 0;
  bench(
    name,
    () => {
      optimizePortfolio({ problem: problems[i++ % problems.length], constraints: { maxVendors, topK: 5 } });
    },
    opts,
  );
}

describe("optimiser targets", () => {
  optimiserBench("10 stages x 40 vendors, maxVendors 3, topK 5 (target < 250 ms)", { stages: 10, vendors: 40 }, 3);
  optimiserBench("10 stages x 40 vendors, maxVendors 4, topK 5", { stages: 10, vendors: 40 }, 4);
  optimiserBench("6 stages x 200 vendors, maxVendors 2, topK 5", { stages: 6, vendors: 200 }, 2);
  optimiserBench(
    "specialists 10 x 40, maxVendors 3 (binding limit, cheap transfers)",
    { stages: 10, vendors: 40, profile: "specialists" },
    3,
  );
  optimiserBench("specialists 10 x 40, maxVendors 4", { stages: 10, vendors: 40, profile: "specialists" }, 4);
  optimiserBench("specialists 6 x 200, maxVendors 2", { stages: 6, vendors: 200, profile: "specialists" }, 2);
  optimiserBench(
    "specialists 15 x 80, maxVendors 4 (target < 1 s; was 6.7 s to minutes)",
    { stages: 15, vendors: 80, profile: "specialists" },
    4,
  );
});

describe("optimiser scaling: vendors (10 stages, maxVendors 3)", () => {
  for (const vendors of [10, 20, 40, 80]) {
    optimiserBench(`programme V=${vendors}`, { stages: 10, vendors }, 3);
    optimiserBench(`specialists V=${vendors}`, { stages: 10, vendors, profile: "specialists" }, 3);
  }
});

describe("optimiser scaling: stages (40 vendors, maxVendors 3)", () => {
  for (const stages of [4, 6, 8, 10, 12]) {
    optimiserBench(`programme n=${stages}`, { stages, vendors: 40 }, 3);
    optimiserBench(`specialists n=${stages}`, { stages, vendors: 40, profile: "specialists" }, 3);
  }
});

// The binding-limit worst case (cheap transfers, maxVendors 4), grown one axis at a time
// from 15 stages x 80 vendors.
describe("optimiser scaling, binding limit: stages (specialists, 80 vendors, maxVendors 4)", () => {
  for (const stages of [6, 8, 10, 12, 15, 20, 25]) {
    optimiserBench(`specialists mv4 n=${stages}`, { stages, vendors: 80, profile: "specialists" }, 4);
  }
});

describe("optimiser scaling, binding limit: vendors (specialists, 15 stages, maxVendors 4)", () => {
  for (const vendors of [20, 40, 80, 160]) {
    optimiserBench(`specialists mv4 V=${vendors}`, { stages: 15, vendors, profile: "specialists" }, 4);
  }
});

describe("Monte Carlo", () => {
  const problem = generateProblem({ stages: 10, vendors: 10, seed: 4 });
  // Hybrid assignment: three vendors in blocks, so every random draw kind is exercised.
  const assignment = Object.fromEntries(problem.stages.map((s, i) => [s.id, problem.vendors[Math.floor(i / 4)].id]));
  bench(
    "100,000 iterations x 10 stages (target < 300 ms)",
    () => {
      simulate({ problem, assignment, iterations: 100_000, seed: 1 });
    },
    opts,
  );
});

describe("rank acceptability (30 vendors x 4 top-level criteria, 3 evaluators)", () => {
  const card = generateScorecard({ vendors: 30, tops: 4, leavesPerTop: 1, evaluators: 3, seed: 5 });
  for (const [mode, iterations] of [
    ["around", 10_000],
    ["around", 100_000],
    ["simplex", 10_000],
    ["simplex", 100_000],
  ] as const) {
    let seed = 0;
    bench(
      `${mode}, ${iterations.toLocaleString("en")} iterations`,
      () => {
        computeAcceptability({ ...card, mode, iterations, seed: seed++ });
      },
      opts,
    );
  }
});

describe("scorecard and live re-rank (30 vendors x 40 leaves in 4 categories x 8 evaluators = 9,600 scores)", () => {
  const card = generateScorecard({ vendors: 30, tops: 4, leavesPerTop: 10, evaluators: 8, seed: 6 });
  const prepared = prepareRerank(card);
  // A slider drag: a fresh set of top-level weights per call, drawn up front.
  const rnd = mulberry32(7);
  const moves = Array.from({ length: 256 }, () => Object.fromEntries(prepared.criteria.map((id) => [id, rnd() * 10])));
  let i = 0;
  bench(
    "computeScorecard",
    () => {
      computeScorecard(card);
    },
    opts,
  );
  bench(
    "prepareRerank (once per page load)",
    () => {
      prepareRerank(card);
    },
    opts,
  );
  bench(
    "rerank (one slider move)",
    () => {
      rerank(prepared, moves[i++ & 255]);
    },
    opts,
  );
});
