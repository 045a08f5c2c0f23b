import { describe, expect, it } from "vitest";
import { mergeAnswers, normalizeAnswers, sameAnswers, sendableAnswers, stableJson } from "./answers-merge";
import { CONTENT } from "./test-content";

describe("normalizeAnswers", () => {
  it("trims text, drops blanks and answers to unknown questions, as the server stores them", () => {
    expect(normalizeAnswers(CONTENT, { t: "  hello ", m: [], n: { value: 3, extra: 1 }, gone: "x" })).toEqual({
      t: "hello",
      n: { value: 3 },
    });
  });
  it("compares regardless of key order and whitespace", () => {
    expect(stableJson({ b: 1, a: { d: 1, c: 2 } })).toBe(stableJson({ a: { c: 2, d: 1 }, b: 1 }));
    expect(sameAnswers(CONTENT, { t: "x " }, { t: "x", m: [] })).toBe(true);
    expect(sameAnswers(CONTENT, { t: "x" }, { t: "y" })).toBe(false);
  });
});

describe("sendableAnswers", () => {
  it("holds back an answer the draft check refuses, and sends the rest", () => {
    const r = sendableAnswers(CONTENT, { t: "ok", p: { price: 10, durationWeeks: 2.5 }, n: { value: -1 }, m: [] });
    expect(r.answers).toEqual({ t: "ok", n: { value: -1 } });
    expect(r.held).toEqual(["p"]);
  });
});

describe("mergeAnswers", () => {
  const base = { t: "base", n: { value: 1 }, yn: true };
  it("takes their change where I did not touch, mine where they did not", () => {
    const r = mergeAnswers(CONTENT, base, { ...base, t: "mine" }, { ...base, n: { value: 2 } });
    expect(r).toEqual({ merged: { t: "mine", n: { value: 2 }, yn: true }, conflicts: [] });
  });
  it("keeps my text and reports a conflict where both changed the same answer", () => {
    const r = mergeAnswers(CONTENT, base, { ...base, t: "mine" }, { ...base, t: "theirs" });
    expect(r.merged.t).toBe("mine");
    expect(r.conflicts).toEqual(["t"]);
  });
  it("is no conflict when both typed the same thing, and keeps a removal by either side", () => {
    const r = mergeAnswers(CONTENT, base, { ...base, t: "same " }, { ...base, t: "same", yn: undefined });
    expect(r.conflicts).toEqual([]);
    expect(r.merged).toEqual({ t: "same ", n: { value: 1 } });
  });
});
