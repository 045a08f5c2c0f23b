import { describe, expect, it } from "vitest";
import { handoffPrefill, pricePrefills, qualityPrefill, type PriceFact } from "./prefill";

const scale = { min: 0, max: 5 };

describe("prefills", () => {
  it("scores complete quotes by max x lowest / price and leaves the rest unscored with a reason", () => {
    const facts = new Map<string, PriceFact>([
      ["a", { kind: "quote", total: 1_000_000 }],
      ["b", { kind: "quote", total: 1_250_000 }],
      ["c", { kind: "incomplete", quoted: 2, lines: 5 }],
      ["d", { kind: "sealed" }],
      ["e", { kind: "none" }],
    ]);
    const p = pricePrefills(facts, scale, "USD");
    expect(p.get("a")!.value).toBe(5);
    expect(p.get("b")!.value).toBe(4);
    expect(p.get("b")!.basis).toBe("5 x $1,000,000 / $1,250,000");
    expect(p.get("c")).toEqual({ value: null, basis: "Quote prices 2 of 5 price lines: not compared." });
    expect(p.get("d")!.value).toBeNull();
    expect(p.get("e")!.value).toBeNull();
  });

  it("maps the quality score and stage coverage onto the scale", () => {
    expect(qualityPrefill(80, scale)).toEqual({ value: 4, basis: "Quality score 80.0 / 100" });
    expect(qualityPrefill(null, scale).value).toBeNull();
    expect(qualityPrefill(64.3, { min: 1, max: 10 }).value).toBe(6.79);
    expect(handoffPrefill(3, 4, scale)).toEqual({ value: 3.75, basis: "Covers 3 of 4 programme stages" });
    expect(handoffPrefill(0, 0, scale).value).toBeNull();
  });
});
