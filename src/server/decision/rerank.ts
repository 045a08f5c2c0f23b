import { DecisionError, parseOrThrow } from "./errors";
import { compareVendors, scoreParsed } from "./scorecard";
import { ZScorecardInput, type TScorecardInput } from "./scorecard-schema";

/**
 * Re-ranking for live top-level weight sliders.
 *
 * A leaf's effective weight is W_k times its weight within its category (`local`),
 * so with new top-level weights W (normalised) the scorecard's sums factor by
 * category: with cw_k = sum of local weights of the vendor's scored leaves in k
 * and cs_k = the same sum with each weight times the normalised score,
 *   coverage = sum_k W_k cw_k,   total = 100 * sum_k W_k cs_k / coverage.
 * `prepareRerank` parses and scores once; `rerank` is then O(vendors x
 * categories) plus a sort of the vendors, with the ranking rules of section 1.
 * Totals equal `computeScorecard`'s with the weights replaced, up to float
 * rounding in the last bits (the sums are grouped differently).
 *
 * The prepared object is plain arrays, so it can be sent from the server as JSON
 * or built in the browser (no Node API here).
 */
export interface PreparedRerank {
  /** Top-level criterion ids in input order: the keys `rerank` expects. */
  criteria: string[];
  /** The input's normalised top-level weights, where the sliders start. */
  weights: number[];
  vendorIds: string[];
  /** cw[v * K + k]: sum of the local weights of vendor v's scored leaves in category k. */
  cw: number[];
  /** cs[v * K + k]: the same sum with each local weight times the leaf's normalised score (0..1). */
  cs: number[];
}

export interface RerankVendor {
  vendorId: string;
  total: number | null;
  coverage: number;
  rank: number;
}

export interface RerankResult {
  /** In rank order, as `computeScorecard` orders them. */
  vendors: RerankVendor[];
}

export function prepareRerank(input: TScorecardInput): PreparedRerank {
  const card = scoreParsed(parseOrThrow(ZScorecardInput, input));
  const { tree, parsed } = card;
  const range = parsed.scale.max - parsed.scale.min;
  const cw: number[] = [];
  const cs: number[] = [];
  // Input order, so the prepared object does not depend on the input's ranking.
  const byId = new Map(card.vendors.map((v) => [v.vendorId, v]));
  for (const vendorId of parsed.vendors) {
    const v = byId.get(vendorId)!;
    for (const top of tree.tops) {
      let w = 0;
      let s = 0;
      for (const li of top.leaves) {
        const leaf = tree.leaves[li];
        const score = v.leaves[leaf.id].score;
        if (score === null) continue;
        // The scorecard's own normalisation, so the sums are the ones it builds.
        w += leaf.local;
        s += leaf.local * ((score - parsed.scale.min) / range);
      }
      cw.push(w);
      cs.push(s);
    }
  }
  return {
    criteria: tree.tops.map((t) => t.id),
    weights: tree.tops.map((t) => t.weight),
    vendorIds: [...parsed.vendors],
    cw,
    cs,
  };
}

/**
 * Totals, coverage and ranking with the top-level weights replaced by `weights`
 * ({ criterionId: weight }, every top-level criterion, any scale: normalised here).
 * Errors carry the criterion id as their path; weights summing to 0 have path [].
 */
export function rerank(prepared: PreparedRerank, weights: Readonly<Record<string, number>>): RerankResult {
  const { criteria, cw, cs } = prepared;
  const K = criteria.length;
  for (const id of Object.keys(weights)) {
    if (!criteria.includes(id)) throw new DecisionError("UNKNOWN_ID", `"${id}" is not a top-level criterion`, [id]);
  }
  const W = new Array<number>(K);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const id = criteria[k];
    const w = Object.hasOwn(weights, id) ? weights[id] : undefined;
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new DecisionError("INVALID_INPUT", `weight of "${id}" must be a finite number >= 0`, [id]);
    }
    W[k] = w;
    sum += w;
  }
  if (!(sum > 0)) throw new DecisionError("INVALID_INPUT", "top-level weights sum to 0; give one a positive weight");
  for (let k = 0; k < K; k++) W[k] /= sum;

  const vendors = prepared.vendorIds.map((vendorId, v): RerankVendor => {
    let coverage = 0;
    let weighted = 0;
    for (let k = 0, i = v * K; k < K; k++, i++) {
      coverage += W[k] * cw[i];
      weighted += W[k] * cs[i];
    }
    return { vendorId, total: coverage > 0 ? (100 * weighted) / coverage : null, coverage, rank: 0 };
  });
  vendors.sort(compareVendors);
  vendors.forEach((v, i) => (v.rank = i + 1));
  return { vendors };
}
