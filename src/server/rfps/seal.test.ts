import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RfpContent } from "./content";
import { canOpenBids, pricesVisible, redactPrices, sealState, withheldSentence } from "./seal";

const due = new Date("2027-01-15T16:00:00Z");
const before = new Date(due.getTime() - 1);
const after = new Date(due.getTime() + 60_000);

describe("pricesVisible", () => {
  it("shows prices of an unsealed RFP at any time", () => {
    expect(pricesVisible({ sealed: false, committeeOpening: true, dueAt: due }, 0, before)).toBe(true);
  });

  it("hides sealed prices until the due date, and without a due date", () => {
    const rfp = { sealed: true, committeeOpening: false, dueAt: due };
    expect(pricesVisible(rfp, 5, before)).toBe(false);
    expect(pricesVisible(rfp, 0, due)).toBe(true);
    expect(pricesVisible({ ...rfp, dueAt: null }, 5, after)).toBe(false);
    expect(sealState(rfp, 0, before)).toEqual({ visible: false, reason: "before-due-date", opensAt: due });
  });

  it("with committee opening needs two openings after the due date", () => {
    const rfp = { sealed: true, committeeOpening: true, dueAt: due };
    expect(pricesVisible(rfp, 2, before)).toBe(false);
    expect(sealState(rfp, 1, after)).toEqual({ visible: false, reason: "awaiting-committee", openingsNeeded: 1 });
    expect(sealState(rfp, 0, after)).toMatchObject({ openingsNeeded: 2 });
    expect(pricesVisible(rfp, 2, after)).toBe(true);
    expect(canOpenBids(rfp, before)).toBe(false);
    expect(canOpenBids(rfp, after)).toBe(true);
    expect(canOpenBids({ ...rfp, committeeOpening: false }, after)).toBe(false);
  });

  it("never shows sealed prices before the due date, whatever the openings (property)", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: -5, max: 10 }),
        fc.integer({ min: -1e10, max: 1e10 }),
        (committee, n, dt) => {
          const now = new Date(due.getTime() + dt);
          const visible = pricesVisible({ sealed: true, committeeOpening: committee, dueAt: due }, n, now);
          if (dt < 0) expect(visible).toBe(false);
          if (committee && n < 2) expect(visible).toBe(false);
          if (dt >= 0 && (!committee || n >= 2)) expect(visible).toBe(true);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe("redactPrices", () => {
  const content: RfpContent = {
    sections: [
      {
        id: "s",
        title: "Commercial",
        questions: [
          { id: "p1", kind: "price", prompt: "PD", required: true, stage: "PD" },
          { id: "p2", kind: "price", prompt: "DS", required: true, stage: "DS_CLIN" },
          { id: "f", kind: "file", prompt: "Quote", required: false },
          { id: "t", kind: "text", prompt: "Terms", required: false },
        ],
      },
    ],
  };
  const answers = {
    p1: { price: 1, durationWeeks: 2 },
    p2: { price: 3, durationWeeks: 4 },
    f: { fileIds: ["x"] },
    t: "Net 30",
    old: { price: 9, durationWeeks: 1 },
  };

  it("removes every price line, file and unknown answer, and counts them", () => {
    const copy = structuredClone(answers);
    const r = redactPrices(content, answers);
    expect(r).toEqual({ answers: { t: "Net 30" }, withheld: 3, filesWithheld: 1 });
    expect(answers).toEqual(copy);
    expect(JSON.stringify(r.answers)).not.toMatch(/price/);
    expect(redactPrices(content, answers, { files: false }).answers).toEqual({ t: "Net 30", f: { fileIds: ["x"] } });
  });

  it("says what was withheld", () => {
    expect(withheldSentence({ withheld: 3, filesWithheld: 1 }, "15 Jan 2027")).toBe(
      "3 prices and 1 file are sealed until 15 Jan 2027.",
    );
    expect(withheldSentence({ withheld: 1, filesWithheld: 0 })).toBe("1 price is sealed until the bids are opened.");
    expect(withheldSentence({ withheld: 0, filesWithheld: 0 })).toBe("");
  });
});
