import { priceAutoScores } from "../decision";
export { PREFILL_FORMULAS } from "./prefill-formulas";

// Values for automatically scored leaves. Pure: the loader (load.ts) gathers the facts, these
// turn them into a value on the scorecard's scale and the sentence the page shows beside it.

export type Scale = { min: number; max: number };
export type Prefill = { value: number | null; basis: string };

const round2 = (x: number) => Math.round(x * 100) / 100;
const money = (n: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(n);

export type PriceFact =
  | { kind: "sealed" }
  | { kind: "none" }
  | { kind: "incomplete"; quoted: number; lines: number }
  | { kind: "quote"; total: number };

/** Price prefills for every vendor, from their complete quotes (the lowest gets the maximum). */
export function pricePrefills(facts: Map<string, PriceFact>, scale: Scale, currency: string): Map<string, Prefill> {
  const complete = [...facts].flatMap(([vendorId, f]) => (f.kind === "quote" ? [{ vendorId, price: f.total }] : []));
  const scored = complete.length ? priceAutoScores({ scale, prices: complete }).scores : [];
  const byVendor = new Map(scored.map((s) => [s.vendorId, s]));
  const lowest = complete.length ? Math.min(...complete.filter((c) => c.price > 0).map((c) => c.price)) : 0;
  const out = new Map<string, Prefill>();
  for (const [vendorId, f] of facts) {
    if (f.kind === "sealed") out.set(vendorId, { value: null, basis: "Prices are sealed until the bids are opened." });
    else if (f.kind === "none") out.set(vendorId, { value: null, basis: "No submitted quote." });
    else if (f.kind === "incomplete")
      out.set(vendorId, { value: null, basis: `Quote prices ${f.quoted} of ${f.lines} price lines: not compared.` });
    else {
      const s = byVendor.get(vendorId)?.score ?? null;
      out.set(vendorId, {
        value: s === null ? null : round2(s),
        basis:
          s === null
            ? "A quote of 0 cannot be compared."
            : `${scale.max} x ${money(lowest, currency)} / ${money(f.total, currency)}`,
      });
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
