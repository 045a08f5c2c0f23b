import { bench, describe } from "vitest";
import { optimizePortfolio, simulate } from "../src/server/decision";
import { generateProblem, type GenerateOptions } from "./generate-problem";

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
