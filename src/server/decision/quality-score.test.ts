import { describe, expect, it } from "vitest";
import { computeQualityScore, INSPECTION_PENALTY, qualityDecay, type TQualityScoreInput } from "./quality-score";

const asOf = "2025-06-30";
const empty: TQualityScoreInput = { asOf, inspections: [], warningLetters: [] };
const score = (x: Partial<TQualityScoreInput>) => computeQualityScore({ ...empty, ...x }).score!;
const nai = { endDate: "2024-01-15", classification: "NAI" as const, observations483: 1 };

describe("computeQualityScore", () => {
  it("no records gives no score", () => {
    expect(computeQualityScore(empty).score).toBeNull();
  });

  it("adding an OAI lowers the score", () => {
    const before = score({ inspections: [nai] });
    const after = score({ inspections: [nai, { endDate: "2023-03-01", classification: "OAI" }] });
    expect(after).toBeLessThan(before);
  });

  it("adding an open warning letter lowers the score, and it keeps at least half its weight", () => {
    const before = score({ inspections: [nai] });
    expect(score({ inspections: [nai], warningLetters: [{ date: "2024-05-01", status: "OPEN" }] })).toBeLessThan(
      before,
    );
    const old = computeQualityScore({ ...empty, warningLetters: [{ date: "2005-01-01", status: "OPEN" }] });
    expect(old.penalties[0].penalty).toBeCloseTo(35 * 0.5, 9);
  });

  it("the same event older gives a higher score", () => {
    const recent = score({ inspections: [{ endDate: "2024-06-30", classification: "OAI", observations483: 6 }] });
    const older = score({ inspections: [{ endDate: "2019-06-30", classification: "OAI", observations483: 6 }] });
    expect(older).toBeGreaterThan(recent);
    const recall = (date: string) => score({ recalls: [{ date, classification: "I" }] });
    expect(recall("2016-01-01")).toBeGreaterThan(recall("2024-01-01"));
  });

  it("a 10-year-old OAI costs less than 5 points", () => {
    const s = score({ inspections: [{ endDate: "2015-06-30", classification: "OAI" }] });
    expect(100 - s).toBeLessThan(5);
    expect(100 - s).toBeGreaterThan(0);
  });

  it("follows the published formula term by term", () => {
    const r = computeQualityScore({
      asOf,
      inspections: [{ endDate: asOf, classification: "VAI", observations483: 15 }],
      warningLetters: [{ date: asOf, status: "CLOSED" }],
      recalls: [{ date: asOf }],
    });
    // age 0: decay 1; VAI 10 + min(2 * 15, 20); closed WL 15; unknown recall class 4
    expect(r.penalties.map((p) => p.penalty)).toEqual([INSPECTION_PENALTY.VAI + 20, 15, 4]);
    expect(r.score).toBe(100 - 30 - 15 - 4);
    expect(qualityDecay(3)).toBeCloseTo(0.5, 12);
    expect(r.formula).toMatch(/0\.5\^\(age in years \/ 3\)/);
  });

  it("clamps at 0, rounds to one decimal and ignores events after asOf", () => {
    const many = Array.from({ length: 5 }, () => ({ endDate: asOf, classification: "OAI" as const }));
    expect(score({ inspections: many })).toBe(0);
    const s = computeQualityScore({ ...empty, inspections: [{ endDate: "2024-02-17", classification: "VAI" }] }).score!;
    expect(Math.round(s * 10) / 10).toBe(s);
    expect(
      computeQualityScore({ ...empty, inspections: [{ endDate: "2026-01-01", classification: "OAI" }] }).score,
    ).toBeNull();
  });

  it("rejects bad input with the path", () => {
    expect(() =>
      computeQualityScore({ ...empty, inspections: [{ endDate: "yesterday", classification: "OAI" }] }),
    ).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["inspections", 0, "endDate"] }));
    expect(() =>
      computeQualityScore({ ...empty, warningLetters: [{ date: asOf, status: "PENDING" }] } as never),
    ).toThrow(expect.objectContaining({ path: ["warningLetters", 0, "status"] }));
  });
});
