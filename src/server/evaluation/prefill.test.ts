import { describe, expect, it } from "vitest";
import { handoffPrefill, pricePrefills, qualityPrefill, type PriceFact } from "./prefill";

const scale = { min: 0, max: 5 };

describe("prefills", () => {
  it("scores each price line by max x lowest / price and averages over the lines a vendor quoted", () => {
    const facts = new Map<string, PriceFact>([
      ["full", { kind: "quote", lines: { ds: 1_000_000, dp: 500_000 } }],
      ["dear", { kind: "quote", lines: { ds: 1_250_000, dp: 1_000_000 } }],
      ["fill", { kind: "quote", lines: { dp: 400_000 } }],
      ["zero", { kind: "quote", lines: {} }],
      ["sealed", { kind: "sealed" }],
      ["none", { kind: "none" }],
    ]);
    const p = pricePrefills(facts, scale);
    // ds: full 5, dear 4; dp: fill 5, full 4, dear 2.
    expect(p.get("full")!.value).toBe(4.5);
    expect(p.get("dear")!.value).toBe(3);
    expect(p.get("fill")!.value).toBe(5);
    expect(p.get("fill")!.basis).toBe("Mean of 5 x lowest / quote over 1 quoted price line");
    expect(p.get("zero")).toEqual({ value: null, basis: "No price line quoted." });
    expect(p.get("sealed")!.value).toBeNull();
    expect(p.get("none")!.value).toBeNull();
  });

  it("maps the quality score and stage coverage onto the scale", () => {
    expect(qualityPrefill(80, scale)).toEqual({ value: 4, basis: "Quality score 80.0 / 100" });
    expect(qualityPrefill(null, scale).value).toBeNull();
    expect(qualityPrefill(64.3, { min: 1, max: 10 }).value).toBe(6.79);
    expect(handoffPrefill(3, 4, scale)).toEqual({ value: 3.75, basis: "Covers 3 of 4 programme stages" });
    expect(handoffPrefill(0, 0, scale).value).toBeNull();
  });
});
