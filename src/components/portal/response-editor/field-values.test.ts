import { describe, expect, it } from "vitest";
import type { Question } from "@/server/rfps/content";
import { answerIssues, parseNumberInput, withPriceField } from "./field-values";

const price: Question = { id: "p", kind: "price", prompt: "Price", stage: "QC", required: true };
const number: Question = { id: "n", kind: "number", prompt: "Titre", unit: "g/L", min: 0, max: 50, required: true };

describe("parseNumberInput", () => {
  it.each([
    ["", null],
    ["  ", null],
    ["12", 12],
    ["1,250,000", 1250000],
    ["1 250 000.50", 1250000.5],
    [".5", 0.5],
    ["-3", -3],
    ["12abc", "invalid"],
    ["1.2.3", "invalid"],
    ["1e999", "invalid"],
  ])("%j -> %j", (text, want) => expect(parseNumberInput(text)).toBe(want));
});

describe("answerIssues", () => {
  it("says nothing about a blank answer (required-ness is the completeness panel's)", () => {
    expect(answerIssues(number, undefined)).toEqual({});
    expect(answerIssues(price, {})).toEqual({});
  });
  it("gives the domain's message for a number out of range", () => {
    expect(answerIssues(number, { value: 60 })).toEqual({ answer: "Must be at most 50 g/L." });
  });
  it("puts a price line's messages beside the part at fault", () => {
    const issues = answerIssues(price, { price: 100, durationWeeks: 10, minWeeks: 12 });
    expect(issues).toEqual({ minWeeks: "The shortest duration cannot be longer than the expected duration." });
    expect(answerIssues(price, { price: 100 })).toHaveProperty("durationWeeks");
  });
});

describe("withPriceField", () => {
  it("sets and clears one field; an emptied line is no answer", () => {
    expect(withPriceField(undefined, "price", 5)).toEqual({ price: 5 });
    expect(withPriceField({ price: 5, includes: "x" }, "includes", "")).toEqual({ price: 5 });
    expect(withPriceField({ price: 5 }, "price", null)).toBeNull();
  });
});
