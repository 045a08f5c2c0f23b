import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePortfolio } from "./portfolio";
import { ZProblem, type TProblemInput } from "./portfolio-schema";
import { mulberry32 } from "./prng";
import { randomAssignment, randomProblem } from "./testing-random-problem";
import { naiveEvaluate } from "./testing-reference";
import { asg, workedExample as problem } from "./testing-worked-example";

/** A random problem where every stage has an offer, with a random valid assignment. */
const arbAssigned = fc
  .integer({ min: 0, max: 2 ** 31 - 1 })
  .map((seed) => {
    const rnd = mulberry32(seed);
    const p = randomProblem(rnd, { density: 0.8 });
    return [p, randomAssignment(rnd, p)] as const;
  })
  .filter((x): x is readonly [TProblemInput, string[]] => x[1] !== null);

const record = (p: TProblemInput, vendors: string[]) => Object.fromEntries(p.stages.map((s, i) => [s.id, vendors[i]]));

describe("evaluatePortfolio", () => {
  it("agrees with a naive evaluation written from the rules", () => {
    fc.assert(
      fc.property(arbAssigned, ([p, vendors]) => {
        const m = evaluatePortfolio({ problem: p, assignment: record(p, vendors) });
        const ref = naiveEvaluate(ZProblem.parse(p), vendors);
        for (const key of [
          "cost",
          "durationWeeks",
          "expectedDisruptionDelayWeeks",
          "riskAdjustedCost",
          "disruptionProbability",
        ] as const) {
          expect(m[key]).toBeCloseTo(ref[key], 6);
        }
        expect(m.vendorCount).toBe(ref.vendorCount);
        expect(m.concentrationHHI === null).toBe(ref.concentrationHHI === null);
        if (ref.concentrationHHI !== null) expect(m.concentrationHHI).toBeCloseTo(ref.concentrationHHI, 12);
        expect(m.qualityScore === null).toBe(ref.qualityScore === null);
        if (ref.qualityScore !== null) expect(m.qualityScore).toBeCloseTo(ref.qualityScore, 9);
        expect(m.externalTransfers + m.internalTransfers).toBe(p.stages.length - 1);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it("raising an offer price never lowers the cost", () => {
    fc.assert(
      fc.property(arbAssigned, fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), ([p, vendors], pick, raise) => {
        const before = evaluatePortfolio({ problem: p, assignment: record(p, vendors) });
        const i = pick % p.offers.length;
        const raised = { ...p, offers: p.offers.map((o, j) => (j === i ? { ...o, price: o.price + raise } : o)) };
        const after = evaluatePortfolio({ problem: raised, assignment: record(p, vendors) });
        expect(after.cost).toBeGreaterThanOrEqual(before.cost);
        expect(after.riskAdjustedCost).toBeGreaterThanOrEqual(before.riskAdjustedCost);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it("adding or raising a bundle discount never raises the cost", () => {
    fc.assert(
      fc.property(
        arbAssigned,
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([p, vendors], pick, minStages, rate) => {
          const before = evaluatePortfolio({ problem: p, assignment: record(p, vendors) });
          const i = pick % p.vendors.length;
          const old = p.vendors[i].bundleDiscount;
          // Either add a discount, or raise the rate / lower the threshold of the existing one.
          const bundleDiscount = old
            ? { minStages: Math.min(old.minStages, minStages), rate: Math.max(old.rate, rate) }
            : { minStages, rate };
          const more = { ...p, vendors: p.vendors.map((v, j) => (j === i ? { ...v, bundleDiscount } : v)) };
          const after = evaluatePortfolio({ problem: more, assignment: record(p, vendors) });
          expect(after.cost).toBeLessThanOrEqual(before.cost);
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });

  it("reports each metric of the section for a hand-checked hybrid", () => {
    const m = evaluatePortfolio({ problem, assignment: asg("S1", "S1", "S2") });
    // vendorPrice S1 = 2.9M, S2 = 0.5M -> shares 29/34 and 5/34
    expect(m.largestVendorShare).toBeCloseTo(29 / 34, 12);
    expect(m.concentrationHHI).toBeCloseTo((29 / 34) ** 2 + (5 / 34) ** 2, 12);
    expect(m.externalTransfers).toBe(1);
    expect(m.internalTransfers).toBe(1);
    expect(m.vendorCount).toBe(2);
    expect(m.qualityScore).toBeNull();
    const pS1 = 1 - 0.98 ** (62 / 52);
    const pS2 = 1 - 0.97 ** (12 / 52);
    expect(m.disruptionProbability).toBeCloseTo(1 - (1 - pS1) * (1 - pS2), 12);
  });

  it("quality score is the stage-weighted mean over stages whose offer has a score", () => {
    const withScores: TProblemInput = {
      ...problem,
      stages: [{ id: "P", weight: 1 }, { id: "D", weight: 3 }, { id: "F" }],
      offers: problem.offers.map((o) =>
        o.vendorId === "I" && o.stageId !== "F" ? { ...o, score: o.stageId === "P" ? 60 : 80 } : o,
      ),
    };
    const m = evaluatePortfolio({ problem: withScores, assignment: asg("I", "I", "I") });
    expect(m.qualityScore).toBeCloseTo((1 * 60 + 3 * 80) / 4, 12);
  });
});

describe("evaluatePortfolio rejects bad input with a JSON path", () => {
  const bad = (input: unknown) => {
    try {
      evaluatePortfolio(input as never); // deliberately invalid input
    } catch (e) {
      return e as { code: string; path: (string | number)[] };
    }
    throw new Error("expected an error");
  };
  const withOffer = (i: number, patch: object) => ({
    problem: { ...problem, offers: problem.offers.map((o, j) => (j === i ? { ...o, ...patch } : o)) },
    assignment: asg("I", "I", "I"),
  });

  it.each([
    ["a string price", withOffer(1, { price: "900000" }), "INVALID_INPUT", ["problem", "offers", 1, "price"]],
    ["a negative price", withOffer(0, { price: -1 }), "INVALID_INPUT", ["problem", "offers", 0, "price"]],
    [
      "a negative duration",
      withOffer(2, { durationWeeks: -3 }),
      "INVALID_INPUT",
      ["problem", "offers", 2, "durationWeeks"],
    ],
    ["NaN", withOffer(0, { price: NaN }), "INVALID_INPUT", ["problem", "offers", 0, "price"]],
    ["Infinity", withOffer(0, { durationWeeks: Infinity }), "INVALID_INPUT", ["problem", "offers", 0, "durationWeeks"]],
    [
      "an offer for an unknown stage",
      withOffer(3, { stageId: "X" }),
      "UNKNOWN_ID",
      ["problem", "offers", 3, "stageId"],
    ],
    [
      "an offer from an unknown vendor",
      withOffer(3, { vendorId: "Z" }),
      "UNKNOWN_ID",
      ["problem", "offers", 3, "vendorId"],
    ],
    ["a duplicate offer", withOffer(3, { vendorId: "I" }), "INVALID_INPUT", ["problem", "offers", 3]],
    [
      "min above mode",
      withOffer(0, { durationMinWeeks: 31 }),
      "INVALID_INPUT",
      ["problem", "offers", 0, "durationMinWeeks"],
    ],
    ["a missing stage", { problem, assignment: { P: "I", D: "I" } }, "INVALID_ASSIGNMENT", ["assignment", "F"]],
    [
      "a vendor without an offer",
      { problem, assignment: asg("I", "I", "S1") },
      "INVALID_ASSIGNMENT",
      ["assignment", "F"],
    ],
    ["an unknown vendor", { problem, assignment: asg("I", "Q", "I") }, "UNKNOWN_ID", ["assignment", "D"]],
    ["an unknown stage", { problem, assignment: { ...asg("I", "I", "I"), X: "I" } }, "UNKNOWN_ID", ["assignment", "X"]],
    [
      "an unknown key",
      { problem: { ...problem, stagez: [] }, assignment: asg("I", "I", "I") },
      "INVALID_INPUT",
      ["problem"],
    ],
    [
      "a duplicate vendor id",
      { problem: { ...problem, vendors: [...problem.vendors, { id: "S1" }] }, assignment: asg("I", "I", "I") },
      "INVALID_INPUT",
      ["problem", "vendors", 3, "id"],
    ],
    [
      "a risk above 1",
      {
        problem: { ...problem, vendors: [{ id: "I", annualDisruptionRisk: 1.5 }, ...problem.vendors.slice(1)] },
        assignment: asg("I", "I", "I"),
      },
      "INVALID_INPUT",
      ["problem", "vendors", 0, "annualDisruptionRisk"],
    ],
  ])("%s", (_label, input, code, path) => {
    const e = bad(input);
    expect(e.code).toBe(code);
    expect(e.path).toEqual(path);
  });
});
