import { priceAutoScores } from "../decision";
export { PREFILL_FORMULAS } from "./prefill-formulas";

// Values for automatically scored leaves. Pure: the loader (load.ts) gathers the facts, these
// turn them into a value on the scorecard's scale and the sentence the page shows beside it.

export type Scale = { min: number; max: number };
export type Prefill = { value: number | null; basis: string };

const round2 = (x: number) => Math.round(x * 100) / 100;

export type PriceFact =
  | { kind: "sealed" }
  | { kind: "none" }
  /** The vendor's price per price line it quoted (line id -> price). */
  | { kind: "quote"; lines: Record<string, number> };

/**
 * Price prefills, line by line: on each price line (one per stage), the spec's formula
 * max x lowest / price among the vendors who quoted that line; a vendor's prefill is the mean over
 * the lines it quoted. A specialist is compared with the others on the stages it prices, not
 * penalised for the stages it does not offer (stage coverage is its own criterion).
 */
export function pricePrefills(facts: Map<string, PriceFact>, scale: Scale): Map<string, Prefill> {
  const byLine = new Map<string, { vendorId: string; price: number }[]>();
  for (const [vendorId, f] of facts)
    if (f.kind === "quote")
      for (const [line, price] of Object.entries(f.lines)) {
        const list = byLine.get(line) ?? [];
        list.push({ vendorId, price });
        byLine.set(line, list);
      }
  const perVendor = new Map<string, number[]>();
  for (const prices of byLine.values())
    for (const s of priceAutoScores({ scale, prices }).scores)
      if (s.score !== null) perVendor.set(s.vendorId, [...(perVendor.get(s.vendorId) ?? []), s.score]);
  const out = new Map<string, Prefill>();
  for (const [vendorId, f] of facts) {
    if (f.kind === "sealed") out.set(vendorId, { value: null, basis: "Prices are sealed until the bids are opened." });
    else if (f.kind === "none") out.set(vendorId, { value: null, basis: "No submitted quote." });
    else {
      const scores = perVendor.get(vendorId) ?? [];
      const lines = Object.keys(f.lines).length;
      out.set(
        vendorId,
        scores.length
          ? {
              value: round2(scores.reduce((a, b) => a + b, 0) / scores.length),
              basis: `Mean of ${scale.max} x lowest / quote over ${scores.length} quoted price line${scores.length === 1 ? "" : "s"}`,
            }
          : { value: null, basis: lines ? "Only quotes of 0, which cannot be compared." : "No price line quoted." },
      );
    }
  }
  return out;
}

/** Quality score 0-100 onto the scale; no records means no prefill (not a perfect score). */
export function qualityPrefill(score: number | null, scale: Scale): Prefill {
  if (score === null) return { value: null, basis: "No inspection records to score." };
  const value = round2(scale.min + ((scale.max - scale.min) * Math.min(100, Math.max(0, score))) / 100);
  return { value, basis: `Quality score ${score.toFixed(1)} / 100` };
}

/** Share of the programme's stages the vendor covers, onto the scale. */
export function handoffPrefill(covered: number, needed: number, scale: Scale): Prefill {
  if (needed === 0) return { value: null, basis: "The programme lists no stages." };
  const value = round2(scale.min + ((scale.max - scale.min) * covered) / needed);
  return { value, basis: `Covers ${covered} of ${needed} programme stages` };
}
