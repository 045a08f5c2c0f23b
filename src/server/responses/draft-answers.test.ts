import { describe, expect, it } from "vitest";
import type { RfpContent } from "../rfps/content";
import { changedQuestionIds, cleanDraftAnswers } from "./draft-answers";

const content: RfpContent = {
  sections: [
    {
      id: "s1",
      title: "Capability",
      questions: [
        { id: "t", kind: "text", prompt: "Describe it", required: true },
        { id: "n", kind: "number", prompt: "Volume", unit: "L", min: 100, required: true },
        { id: "c", kind: "single", prompt: "Pick", options: ["A", "B"], required: false },
        { id: "p", kind: "price", prompt: "Fill", stage: "FILL", required: true },
      ],
    },
  ],
};

describe("cleanDraftAnswers", () => {
  it("stores parsed values in document order, without blanks, extra keys or removed questions", () => {
    const r = cleanDraftAnswers(content, {
      p: { price: 10, extra: "dropped" },
      gone: "x",
      t: "  padded  ",
      c: "",
      n: { value: 5 },
    });
    expect(r.issues).toEqual([]);
    expect(r.dropped).toEqual(["gone"]);
    expect(Object.keys(r.answers)).toEqual(["t", "n", "p"]);
    expect(r.answers).toEqual({ t: "padded", n: { value: 5 }, p: { price: 10 } });
  });

  it("keeps half-done answers a submit would refuse (below the minimum, an option since renamed)", () => {
    expect(cleanDraftAnswers(content, { n: { value: 1 }, c: "Old option" }).issues).toEqual([]);
  });

  it("names the question of a value of the wrong type", () => {
    const r = cleanDraftAnswers(content, { n: "lots", t: "\u0000" });
    expect(r.issues.map((i) => i.questionId).sort()).toEqual(["n", "t"]);
    expect(r.issues.find((i) => i.questionId === "n")!.message).toMatch(/^“Volume” \(Capability\): /);
    expect(r.answers).toEqual({});
  });
});

describe("changedQuestionIds", () => {
  it("ignores key order (jsonb reorders keys) and reports added, changed and removed answers", () => {
    const before = { p: { durationWeeks: 4, price: 1 }, t: "a", gone: true };
    const after = { p: { price: 1, durationWeeks: 4 }, t: "b", n: { value: 1 } };
    expect(changedQuestionIds(before, after)).toEqual(["gone", "n", "t"]);
  });
});
