import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeAcceptability } from "../server/decision";
import { asg, workedExample as problem } from "../server/decision/testing-worked-example";
import { runCdmo } from "../../tests/helpers/cdmo-cli";

/** Runs the real CLI in a child process, feeding `stdin` (a string, passed through untouched). */
const cdmo = (args: string[], stdin = "") => runCdmo(args, stdin);

const scorecardInput = {
  scale: { min: 0, max: 5 },
  aggregation: "mean" as const,
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
  vendors: ["A", "B"],
  scores: [
    { vendorId: "A", criterionId: "quality", evaluatorId: "u1", value: 4 },
    ...["capability.modality", "capability.scale", "quality", "pricing", "handoff"].flatMap((c, i) => [
      { vendorId: "A", criterionId: c, evaluatorId: "u2", value: (i % 5) + 1 },
      { vendorId: "B", criterionId: c, evaluatorId: "u2", value: 5 - i },
    ]),
  ],
};

const json = (x: unknown) => JSON.stringify(x);

describe("cdmo CLI on the worked example", { timeout: 60_000 }, () => {
  it("runs every decision command and exits 0 with one JSON document", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cdmo-"));
    const file = join(dir, "evaluate.json");
    writeFileSync(file, json({ problem, assignment: asg("I", "I", "I") }));
    const acceptabilityInput = { ...scorecardInput, mode: "simplex", iterations: 5000, seed: 3 } as const;
    const [scorecard, sensitivity, acceptability, evaluate, optimize, simulate] = await Promise.all([
      cdmo(["scorecard"], json(scorecardInput)),
      cdmo(["sensitivity"], json(scorecardInput)),
      cdmo(["acceptability"], json(acceptabilityInput)),
      cdmo(["evaluate", "--input", file]),
      cdmo(["optimize"], json({ problem, constraints: {} })),
      cdmo(["simulate"], json({ problem, assignment: asg("I", "I", "I"), iterations: 20000, seed: 7 })),
    ]);
    for (const r of [scorecard, sensitivity, acceptability, evaluate, optimize, simulate]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
    }
    expect(JSON.parse(scorecard.stdout).vendors.map((v: { rank: number }) => v.rank)).toEqual([1, 2]);
    expect(JSON.parse(sensitivity.stdout).criteria).toHaveLength(4);
    // The same document as the library call, numbers unrounded.
    expect(JSON.parse(acceptability.stdout)).toEqual(computeAcceptability(acceptabilityInput));
    const ev = JSON.parse(evaluate.stdout);
    expect(ev.riskAdjustedCost.toFixed(2)).toBe("55231764.10");
    expect(ev.expectedDisruptionDelayWeeks).toBeCloseTo(4.863528, 5); // not rounded on output
    const opt = JSON.parse(optimize.stdout);
    expect(opt.best.vendorsInStageOrder).toEqual(["S1", "S1", "S2"]);
    expect(opt.bestIntegrated.vendorsInStageOrder).toEqual(["I", "I", "I"]);
    expect(opt.bestSpecialized.vendorsInStageOrder).toEqual(["I", "S1", "S2"]);
    // Without run options the search always finishes: proven, the bound is the optimum itself.
    expect(opt.optimal).toBe(true);
    expect(opt.lowerBound).toBe(opt.best.riskAdjustedCost);
    const sim = JSON.parse(simulate.stdout);
    expect(sim.iterations).toBe(20000);
    expect(Math.abs(sim.durationWeeks.mean - 113.097) / 113.097).toBeLessThan(0.015);
  });
});

describe("cdmo CLI rejects invalid input with exit 2 and an error document", { timeout: 60_000 }, () => {
  const withOffer = (i: number, patch: object) => ({
    ...problem,
    offers: problem.offers.map((o, j) => (j === i ? { ...o, ...patch } : o)),
  });
  const evalOf = (p: unknown, a: unknown = asg("I", "I", "I")) => json({ problem: p, assignment: a });
  const cases: [string, string[], string, string, (string | number)[]][] = [
    [
      "wrong type",
      ["evaluate"],
      evalOf(withOffer(0, { price: "900000" })),
      "INVALID_INPUT",
      ["problem", "offers", 0, "price"],
    ],
    [
      "unknown vendor in the assignment",
      ["evaluate"],
      evalOf(problem, asg("I", "X", "I")),
      "UNKNOWN_ID",
      ["assignment", "D"],
    ],
    [
      "negative price",
      ["evaluate"],
      evalOf(withOffer(1, { price: -5 })),
      "INVALID_INPUT",
      ["problem", "offers", 1, "price"],
    ],
    [
      "the string NaN",
      ["evaluate"],
      evalOf(withOffer(0, { durationWeeks: "NaN" })),
      "INVALID_INPUT",
      ["problem", "offers", 0, "durationWeeks"],
    ],
    [
      "1e999 (Infinity)",
      ["evaluate"],
      evalOf(withOffer(0, { price: 12345 })).replace("12345", "1e999"),
      "INVALID_INPUT",
      ["problem", "offers", 0, "price"],
    ],
    [
      "assignment missing a stage",
      ["evaluate"],
      evalOf(problem, { P: "I", D: "I" }),
      "INVALID_ASSIGNMENT",
      ["assignment", "F"],
    ],
    [
      "offer for an unknown stage",
      ["optimize"],
      json({ problem: withOffer(5, { stageId: "QC" }) }),
      "UNKNOWN_ID",
      ["problem", "offers", 5, "stageId"],
    ],
    [
      "iterations 200001",
      ["simulate"],
      json({ problem, assignment: asg("I", "I", "I"), iterations: 200001, seed: 1 }),
      "INVALID_INPUT",
      ["iterations"],
    ],
    [
      "acceptability spread 1",
      ["acceptability"],
      json({ ...scorecardInput, spread: 1, seed: 1 }),
      "INVALID_INPUT",
      ["spread"],
    ],
    [
      "score on an inner criterion",
      ["scorecard"],
      json({ ...scorecardInput, scores: [{ vendorId: "A", criterionId: "capability", evaluatorId: "u", value: 1 }] }),
      "INVALID_INPUT",
      ["scores", 0, "criterionId"],
    ],
    ["malformed JSON", ["optimize"], "{ not json", "INVALID_JSON", []],
    ["unknown command", ["frobnicate"], "{}", "UNKNOWN_COMMAND", []],
    ["unknown flag", ["evaluate", "--org", "acme"], "{}", "INVALID_ARGS", []],
    ["missing input file", ["evaluate", "--input", "/nonexistent/x.json"], "", "INPUT_NOT_READABLE", []],
  ];

  it("for each invalid case", async () => {
    const results = await Promise.all(cases.map(([, args, stdin]) => cdmo(args, stdin)));
    results.forEach((r, i) => {
      const [label, , , code, path] = cases[i];
      expect({ label, exit: r.code, stdout: r.stdout }).toEqual({ label, exit: 2, stdout: "" });
      const body = JSON.parse(r.stderr);
      expect(body.error).toMatchObject({ code, path });
      expect(typeof body.error.message).toBe("string");
    });
  });
});
