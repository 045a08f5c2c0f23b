import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZProblem, type TProblemInput } from "./portfolio-schema";
import { mulberry32, triangular } from "./prng";
import { simulate, simulateChunked } from "./simulation";
import { randomAssignment, randomProblem } from "./testing-random-problem";
import { analyticMeanDuration } from "./testing-reference";
import { asg, workedExample as problem } from "./testing-worked-example";

/** Problems where every stage has an offer, with positive durations, and a random valid assignment. */
const arbCase = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }))
  .map(([problemSeed, seed]) => {
    const rnd = mulberry32(problemSeed);
    const raw = randomProblem(rnd, { density: 0.8 });
    const p = { ...raw, offers: raw.offers.map((o) => ({ ...o, durationWeeks: o.durationWeeks + 1 })) };
    return [p, randomAssignment(rnd, p), seed] as const;
  })
  .filter((x): x is readonly [TProblemInput, string[], number] => x[1] !== null);

describe("simulate", () => {
  it("mean duration is within 1.5% of the analytic expectation at 50,000 iterations (random problems)", () => {
    fc.assert(
      fc.property(arbCase, ([p, vendors, seed]) => {
        const assignment = Object.fromEntries(p.stages.map((s, i) => [s.id, vendors[i]]));
        const r = simulate({ problem: p, assignment, iterations: 50_000, seed });
        const analytic = analyticMeanDuration(ZProblem.parse(p), vendors);
        expect(Math.abs(r.durationWeeks.mean - analytic) / analytic).toBeLessThan(0.015);
        // riskAdjustedCost is cost + costOfDelay * duration, sample by sample
        expect(r.durationWeeks.p10 <= r.durationWeeks.p50 && r.durationWeeks.p50 <= r.durationWeeks.p90).toBe(true);
        expect(r.histogram.reduce((t, b) => t + b.count, 0)).toBe(50_000);
      }),
      { numRuns: 25, seed: 21 },
    );
  });

  it("honours durationMinWeeks / durationMaxWeeks in the analytic mean", () => {
    const custom = {
      ...problem,
      offers: problem.offers.map((o) =>
        o.vendorId === "I" ? { ...o, durationMinWeeks: o.durationWeeks, durationMaxWeeks: 3 * o.durationWeeks } : o,
      ),
    };
    const r = simulate({ problem: custom, assignment: asg("I", "I", "I"), iterations: 50_000, seed: 3 });
    const analytic = analyticMeanDuration(ZProblem.parse(custom), ["I", "I", "I"]);
    expect(Math.abs(r.durationWeeks.mean - analytic) / analytic).toBeLessThan(0.015);
  });

  it("the same seed gives the same output, another seed a different one", () => {
    const input = { problem, assignment: asg("S1", "S1", "S2"), iterations: 5000, seed: 123 };
    expect(JSON.stringify(simulate(input))).toBe(JSON.stringify(simulate(input)));
    expect(simulate({ ...input, seed: 124 }).durationWeeks.mean).not.toBe(simulate(input).durationWeeks.mean);
  });

  it("percentiles interpolate linearly and the histogram spans min..max", () => {
    const r = simulate({ problem, assignment: asg("I", "I", "I"), iterations: 2000, seed: 9, bins: 10 });
    expect(r.histogram).toHaveLength(10);
    expect(r.histogram[0].from).toBeLessThanOrEqual(r.durationWeeks.p10);
    expect(r.histogram.at(-1)!.to).toBeGreaterThanOrEqual(r.durationWeeks.p90);
    // riskAdjustedCost is cost + costOfDelay * duration, sample by sample
    expect(r.riskAdjustedCost.p50).toBeCloseTo(3_800_000 + 500_000 * r.durationWeeks.p50, 3);
    expect(r.riskAdjustedCost.mean).toBeCloseTo(3_800_000 + 500_000 * r.durationWeeks.mean, 3);
  });

  it("rejects iterations above 200,000 and a missing seed, with paths", () => {
    const base = { problem, assignment: asg("I", "I", "I"), seed: 1 };
    expect(() => simulate({ ...base, iterations: 200_001 })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["iterations"] }),
    );
    expect(() => simulate({ ...base, iterations: 0 })).toThrow(expect.objectContaining({ path: ["iterations"] }));
    expect(() => simulate({ problem, assignment: asg("I", "I", "I") } as never)).toThrow(
      expect.objectContaining({ path: ["seed"] }),
    );
    expect(() => simulate({ ...base, assignment: { P: "I" } })).toThrow(
      expect.objectContaining({ code: "INVALID_ASSIGNMENT", path: ["assignment", "D"] }),
    );
  });
});

describe("simulateChunked", () => {
  it("equals simulate for the same seed, whatever the chunk size, and reports progress", async () => {
    await fc.assert(
      fc.asyncProperty(arbCase, fc.integer({ min: 250, max: 3000 }), async ([p, vendors, seed], chunkSize) => {
        const assignment = Object.fromEntries(p.stages.map((s, i) => [s.id, vendors[i]]));
        const input = { problem: p, assignment, iterations: 4000, seed };
        const progress: number[] = [];
        const chunked = await simulateChunked(input, { chunkSize, onProgress: (done) => progress.push(done) });
        expect(JSON.stringify(chunked)).toBe(JSON.stringify(simulate(input)));
        expect(progress.at(-1)).toBe(4000);
        expect(progress.length).toBe(Math.ceil(4000 / chunkSize));
      }),
      { numRuns: 20, seed: 8 },
    );
  });

  it("yields to the event loop between chunks and stops when aborted", async () => {
    const controller = new AbortController();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const run = simulateChunked(
      { problem, assignment: asg("I", "I", "I"), iterations: 200_000, seed: 1 },
      { chunkSize: 1000, signal: controller.signal, onProgress: (done) => done >= 50_000 && controller.abort() },
    );
    await expect(run).rejects.toThrow();
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe("prng", () => {
  it("triangular sampling has mean (a + b + c) / 3", () => {
    const rnd = mulberry32(77);
    let sum = 0;
    const N = 200_000;
    for (let i = 0; i < N; i++) sum += triangular(rnd(), 2, 3, 10);
    expect(sum / N).toBeCloseTo(5, 1);
  });
});
