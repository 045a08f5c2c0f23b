import { ZAcceptabilityInput, type AcceptabilityMode, type TAcceptabilityInput } from "./acceptability-schema";
import { parseOrThrow } from "./errors";
import { mulberry32 } from "./prng";
import { scoreParsed } from "./scorecard";
import { splitEligible } from "./sensitivity";

/**
 * SMAA-2 rank acceptability, "how sure is the winner" (spec section 2b).
 *
 * Same vendors and C_vk (category subtotals, 0-100) as the sensitivity analysis.
 * Each iteration draws K top-level weights from the seeded stream, one number per
 * top-level criterion in input order, normalises them, scores every vendor with
 * T_v = sum_k w'_k C_vk and ranks (T descending, ties by vendor id ascending).
 *
 * The hot loop allocates nothing: vendors sit in typed arrays in id order, so
 * "lower index" is the tie-break, and the ranking is an insertion sort of the
 * previous iteration's order, which is usually close to the new one (a few
 * neighbours swap). Its worst case, O(m^2) per iteration, is still small for the
 * tens of vendors a scorecard holds.
 * Browser-safe: no Node API, so a client component can run it.
 */
export interface AcceptabilityVendor {
  vendorId: string;
  /** a_1 .. a_m: the share of iterations in which the vendor ranked r; sums to 1. */
  acceptability: number[];
  /** Mean of the sampled top-level weights over the iterations it ranked first; null if it never did. */
  centralWeights: Record<string, number> | null;
}

export interface AcceptabilityResult {
  iterations: number;
  seed: number;
  mode: AcceptabilityMode;
  spread: number;
  /** By a_1 descending, then vendor id. */
  vendors: AcceptabilityVendor[];
  /** Vendors left out because some category has no subtotal (as in sensitivity), in rank order. */
  excludedVendors: string[];
}

/**
 * Half of mulberry32's step (2^-32). 1 - u lies in [2^-32, 1]; taking this off
 * keeps it strictly inside (0, 1), so -log(...) is finite and positive and the
 * exponential draws can never all be 0.
 */
const HALF_STEP = 2 ** -33;

interface Plan {
  m: number;
  K: number;
  /** C[v * K + k], vendors in id order. */
  C: Float64Array;
  weights: Float64Array;
  mode: AcceptabilityMode;
  spread: number;
}

interface Tally {
  /** counts[v * m + r]: iterations in which vendor v ranked r + 1. */
  counts: Uint32Array;
  /** central[v * K + k]: sum of w'_k over the iterations v ranked first. */
  central: Float64Array;
}

function run(pl: Plan, iterations: number, rnd: () => number): Tally {
  const { m, K, C, weights } = pl;
  const counts = new Uint32Array(m * m);
  const central = new Float64Array(m * K);
  const w = new Float64Array(K);
  const T = new Float64Array(m);
  const order = Int32Array.from({ length: m }, (_, i) => i);
  const low = 1 - pl.spread;
  const width = 2 * pl.spread;
  const simplex = pl.mode === "simplex";

  for (let it = 0; it < iterations; it++) {
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const x = simplex ? -Math.log(1 - rnd() - HALF_STEP) : weights[k] * (low + width * rnd());
      w[k] = x;
      sum += x;
    }
    // sum > 0: the base weights sum to 1 and u_k >= 1 - spread > 0; exponential draws are > 0.
    for (let k = 0; k < K; k++) w[k] /= sum;

    for (let v = 0, row = 0; v < m; v++, row += K) {
      let t = 0;
      for (let k = 0; k < K; k++) t += w[k] * C[row + k];
      T[v] = t;
    }

    // Insertion sort by T descending, lower index (= smaller id) first on ties.
    for (let i = 1; i < m; i++) {
      const x = order[i];
      const tx = T[x];
      let j = i;
      while (j > 0) {
        const y = order[j - 1];
        const ty = T[y];
        if (ty > tx || (ty === tx && y < x)) break;
        order[j] = y;
        j--;
      }
      order[j] = x;
    }

    for (let r = 0; r < m; r++) counts[order[r] * m + r]++;
    const first = order[0] * K;
    for (let k = 0; k < K; k++) central[first + k] += w[k];
  }
  return { counts, central };
}

export function computeAcceptability(input: TAcceptabilityInput): AcceptabilityResult {
  const parsed = parseOrThrow(ZAcceptabilityInput, input);
  const card = scoreParsed(parsed);
  const tops = card.tree.tops;
  const { eligible, excludedVendors } = splitEligible(card);
  // Id order (code units, like compareVendors), so index order is the tie-break.
  const vendors = [...eligible].sort((a, b) => (a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0));
  const m = vendors.length;
  const K = tops.length;
  const C = new Float64Array(m * K);
  vendors.forEach((v, i) => tops.forEach((t, k) => (C[i * K + k] = v.categories[t.id] as number)));

  const pl: Plan = {
    m,
    K,
    C,
    weights: Float64Array.from(tops, (t) => t.weight),
    mode: parsed.mode,
    spread: parsed.spread,
  };
  const N = parsed.iterations;
  const { counts, central } = run(pl, N, mulberry32(parsed.seed));

  const rows = vendors.map((v, i): AcceptabilityVendor & { wins: number } => {
    const wins = counts[i * m];
    return {
      vendorId: v.vendorId,
      acceptability: Array.from(counts.subarray(i * m, (i + 1) * m), (c) => c / N),
      centralWeights: wins > 0 ? Object.fromEntries(tops.map((t, k) => [t.id, central[i * K + k] / wins])) : null,
      wins,
    };
  });
  // Stable sort over id order: ties on a_1 stay by vendor id.
  rows.sort((a, b) => b.wins - a.wins);
  return {
    iterations: N,
    seed: parsed.seed,
    mode: parsed.mode,
    spread: parsed.spread,
    vendors: rows.map(({ wins: _wins, ...row }) => row),
    excludedVendors,
  };
}
