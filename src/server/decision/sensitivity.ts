import { parseOrThrow } from "./errors";
import { scoreParsed, type ScoredCard, type VendorScore } from "./scorecard";
import { ZScorecardInput, type TScorecardInput } from "./scorecard-schema";

/**
 * Weight sensitivity, "what flips the winner" (spec section 2).
 *
 * Only vendors with a subtotal in every top-level category take part. The leader
 * L is the best-ranked such vendor (the scorecard's rank 1 when it qualifies;
 * `leaderId` says which vendor was used). With T_v = total(v) and C_vk the
 * category subtotal, moving w_k to x gives the line
 *   T_v(x) = x * C_vk + (1 - x) * (T_v - w_k * C_vk) / (1 - w_k),
 * so D_v(x) = T_L(x) - T_v(x) is linear with D_v(0) = b, D_v(1) = a. Each rival
 * constrains x to one side of its root b / (b - a); intersecting gives the
 * exact interval. No sampling.
 */
export interface WeightInterval {
  criterionId: string;
  weight: number;
  low: number;
  high: number;
  /** Vendor that overtakes the leader just below `low`; null when low = 0. */
  lowChallenger: string | null;
  /** Vendor that overtakes the leader just above `high`; null when high = 1. */
  highChallenger: string | null;
}

export interface SensitivityResult {
  leaderId: string | null;
  /** Vendors considered (subtotal in every category), in rank order. */
  vendors: string[];
  /** Vendors left out because some category has no subtotal. */
  excludedVendors: string[];
  criteria: WeightInterval[];
}

/**
 * Totals live on a 0-100 scale; differences below this are float noise from
 * summing the same numbers in a different order, and are treated as ties
 * (otherwise an exact tie at x = 0 or 1 would report a phantom challenger).
 */
const TIE = 1e-7;
const snap = (x: number): number => (Math.abs(x) < TIE ? 0 : x);

interface Candidate {
  root: number;
  slope: number; // D'(x) = a - b: the more extreme, the harder the rival overtakes past the end
  vendorId: string;
}

/** Prefer the smaller (low end: larger) root, then the steeper overtake, then the smaller id. */
function better(c: Candidate, best: Candidate | null, side: "low" | "high"): boolean {
  if (!best) return true;
  if (c.root !== best.root) return side === "high" ? c.root < best.root : c.root > best.root;
  if (c.slope !== best.slope) return side === "high" ? c.slope < best.slope : c.slope > best.slope;
  return c.vendorId < best.vendorId;
}

/**
 * The vendors sections 2 and 2b compare: those with a subtotal in every top-level
 * category, in rank order; the rest are reported as excluded. Shared so the two
 * analyses always look at the same vendors.
 */
export function splitEligible(card: ScoredCard): { eligible: VendorScore[]; excludedVendors: string[] } {
  const tops = card.tree.tops;
  const eligible = card.vendors.filter((v) => v.total !== null && tops.every((t) => v.categories[t.id] !== null));
  const excludedVendors = card.vendors.filter((v) => !eligible.includes(v)).map((v) => v.vendorId);
  return { eligible, excludedVendors };
}

export function analyzeSensitivity(input: TScorecardInput): SensitivityResult {
  const parsed = parseOrThrow(ZScorecardInput, input);
  const card = scoreParsed(parsed);
  const tops = card.tree.tops;
  const { eligible, excludedVendors } = splitEligible(card);
  if (eligible.length === 0) return { leaderId: null, vendors: [], excludedVendors, criteria: [] };

  const leader = eligible[0];
  const TL = leader.total as number;
  const criteria = tops.map((top): WeightInterval => {
    const w = top.weight;
    const CL = leader.categories[top.id] as number;
    let lowBest: Candidate | null = null;
    let highBest: Candidate | null = null;
    for (const v of eligible.slice(1)) {
      const Cv = v.categories[top.id] as number;
      const a = snap(CL - Cv); // D(1)
      // D(0); when w_k = 1 every other weight is 0, so every line passes through the origin.
      const b = w >= 1 ? 0 : snap((TL - w * CL - ((v.total as number) - w * Cv)) / (1 - w));
      if (a >= 0 && b >= 0) continue;
      const slope = a - b;
      if (a < 0 && b >= 0) {
        const c = { root: b / (b - a), slope, vendorId: v.vendorId };
        if (better(c, highBest, "high")) highBest = c;
      } else if (b < 0 && a >= 0) {
        const c = { root: b / (b - a), slope, vendorId: v.vendorId };
        if (better(c, lowBest, "low")) lowBest = c;
      } else {
        // Both ends negative can only be rounding noise around an exact tie at w_k: pin both ends there.
        const c = { root: w, slope, vendorId: v.vendorId };
        if (better(c, highBest, "high")) highBest = c;
        if (better(c, lowBest, "low")) lowBest = c;
      }
    }
    // Guard the invariant low <= w_k <= high against last-bit rounding of the roots.
    const high = highBest ? Math.max(w, Math.min(1, highBest.root)) : 1;
    const low = lowBest ? Math.min(w, Math.max(0, lowBest.root)) : 0;
    return {
      criterionId: top.id,
      weight: w,
      low,
      high,
      lowChallenger: lowBest && low > 0 ? lowBest.vendorId : null,
      highChallenger: highBest && high < 1 ? highBest.vendorId : null,
    };
  });
  return { leaderId: leader.vendorId, vendors: eligible.map((v) => v.vendorId), excludedVendors, criteria };
}
