import { flattenCriteria, type CriteriaTree } from "./criteria-tree";
import { DecisionError, parseOrThrow } from "./errors";
import {
  ZPriceAutoScoreInput,
  ZScorecardInput,
  type TPriceAutoScoreInput,
  type TScorecardInput,
  type TScorecardParsed,
} from "./scorecard-schema";

/** Spread at or above this share of the scale range flags evaluator disagreement. */
export const DISAGREEMENT_THRESHOLD = 0.4;

export interface LeafResult {
  /** Aggregated (mean or median) value on the input scale; null when unscored. */
  score: number | null;
  spread: number | null;
  disagreement: boolean;
  n: number;
}

export interface VendorScore {
  vendorId: string;
  /** 0-100 over the scored leaves; null when coverage is 0. */
  total: number | null;
  coverage: number;
  rank: number;
  categories: Record<string, number | null>;
  leaves: Record<string, LeafResult>;
}

export interface ScorecardResult {
  vendors: VendorScore[];
}

/** Internal form shared with the sensitivity analysis. */
export interface ScoredCard {
  parsed: TScorecardParsed;
  tree: CriteriaTree;
  vendors: VendorScore[];
}

function aggregate(values: number[], how: "mean" | "median"): number {
  if (how === "mean") {
    let s = 0;
    for (const v of values) s += v;
    return s / values.length;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  // Even count: the average of the two middle values (the usual statistical median).
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Collects evaluator values per (vendor, leaf), rejecting anything the rules call an error. */
function collectValues(p: TScorecardParsed, tree: CriteriaTree): Map<string, number[]>[] {
  const vendorIndex = new Map<string, number>();
  p.vendors.forEach((id, i) => {
    if (vendorIndex.has(id)) throw new DecisionError("INVALID_INPUT", `duplicate vendor id "${id}"`, ["vendors", i]);
    vendorIndex.set(id, i);
  });
  const perVendor = p.vendors.map(() => new Map<string, number[]>());
  const seen = new Set<string>();
  p.scores.forEach((s, i) => {
    const vi = vendorIndex.get(s.vendorId);
    if (vi === undefined)
      throw new DecisionError("UNKNOWN_ID", `unknown vendor "${s.vendorId}"`, ["scores", i, "vendorId"]);
    if (tree.innerIds.has(s.criterionId)) {
      throw new DecisionError("INVALID_INPUT", `"${s.criterionId}" has sub-criteria; only leaves are scored`, [
        "scores",
        i,
        "criterionId",
      ]);
    }
    if (!tree.leafIndex.has(s.criterionId)) {
      throw new DecisionError("UNKNOWN_ID", `unknown criterion "${s.criterionId}"`, ["scores", i, "criterionId"]);
    }
    if (s.value < p.scale.min || s.value > p.scale.max) {
      throw new DecisionError("INVALID_INPUT", `value ${s.value} is outside the scale ${p.scale.min}..${p.scale.max}`, [
        "scores",
        i,
        "value",
      ]);
    }
    // JSON.stringify keeps the key unambiguous whatever characters the ids contain.
    const key = JSON.stringify([s.vendorId, s.criterionId, s.evaluatorId]);
    if (seen.has(key)) {
      throw new DecisionError(
        "INVALID_INPUT",
        `evaluator "${s.evaluatorId}" scored ${s.vendorId}/${s.criterionId} twice`,
        ["scores", i],
      );
    }
    seen.add(key);
    const m = perVendor[vi];
    const list = m.get(s.criterionId);
    if (list) list.push(s.value);
    else m.set(s.criterionId, [s.value]);
  });
  return perVendor;
}

export function scoreParsed(p: TScorecardParsed): ScoredCard {
  const tree = flattenCriteria(p.criteria);
  const values = collectValues(p, tree);
  const range = p.scale.max - p.scale.min;

  const vendors: VendorScore[] = p.vendors.map((vendorId, vi) => {
    const leaves: Record<string, LeafResult> = {};
    const norm: (number | null)[] = tree.leaves.map((leaf) => {
      const vals = values[vi].get(leaf.id);
      if (!vals) {
        leaves[leaf.id] = { score: null, spread: null, disagreement: false, n: 0 };
        return null;
      }
      const score = aggregate(vals, p.aggregation);
      const spread = Math.max(...vals) - Math.min(...vals);
      leaves[leaf.id] = { score, spread, disagreement: spread >= DISAGREEMENT_THRESHOLD * range, n: vals.length };
      return (score - p.scale.min) / range;
    });

    let coverage = 0;
    let weighted = 0;
    tree.leaves.forEach((leaf, li) => {
      const x = norm[li];
      if (x === null) return;
      coverage += leaf.weight;
      weighted += leaf.weight * x;
    });
    const categories: Record<string, number | null> = {};
    for (const top of tree.tops) {
      let cw = 0;
      let cs = 0;
      for (const li of top.leaves) {
        const x = norm[li];
        if (x === null) continue;
        cw += tree.leaves[li].local;
        cs += tree.leaves[li].local * x;
      }
      // Renormalised within k (local weights), so a category weighted 0 still has a subtotal.
      // Scored leaves whose local weight is 0 carry no information: null, like "none scored".
      categories[top.id] = cw > 0 ? (100 * cs) / cw : null;
    }
    return {
      vendorId,
      total: coverage > 0 ? (100 * weighted) / coverage : null,
      coverage,
      rank: 0,
      categories,
      leaves,
    };
  });

  vendors.sort(compareVendors);
  vendors.forEach((v, i) => (v.rank = i + 1));
  return { parsed: p, tree, vendors };
}

/** Total descending, nulls last, ties by vendor id ascending (code-unit order, locale independent). */
export function compareVendors(
  a: { vendorId: string; total: number | null },
  b: { vendorId: string; total: number | null },
): number {
  if (a.total !== b.total) {
    if (a.total === null) return 1;
    if (b.total === null) return -1;
    return b.total - a.total;
  }
  return a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0;
}

export function computeScorecard(input: TScorecardInput): ScorecardResult {
  const parsed = parseOrThrow(ZScorecardInput, input);
  return { vendors: scoreParsed(parsed).vendors };
}

export interface PriceAutoScore {
  vendorId: string;
  price: number;
  /** null when the price is 0 (the rule only covers positive prices). */
  score: number | null;
}

/**
 * Price auto-score: `max * lowestPrice / price`, the lowest positive price gets the
 * scale max. Clamped at scale.min so the prefill is always a legal leaf value
 * (with the usual min = 0 the clamp never applies).
 */
export function priceAutoScores(input: TPriceAutoScoreInput): { scores: PriceAutoScore[] } {
  const p = parseOrThrow(ZPriceAutoScoreInput, input);
  const seen = new Set<string>();
  p.prices.forEach((x, i) => {
    if (seen.has(x.vendorId))
      throw new DecisionError("INVALID_INPUT", `duplicate vendor id "${x.vendorId}"`, ["prices", i, "vendorId"]);
    seen.add(x.vendorId);
  });
  const positive = p.prices.filter((x) => x.price > 0).map((x) => x.price);
  const lowest = positive.length ? Math.min(...positive) : 0;
  return {
    scores: p.prices.map((x) => ({
      vendorId: x.vendorId,
      price: x.price,
      score: x.price > 0 ? Math.max(p.scale.min, (p.scale.max * lowest) / x.price) : null,
    })),
  };
}
