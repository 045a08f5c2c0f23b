import type { BoundSetup } from "./optimizer-bounds";
import type { RunClock } from "./optimizer-run";
import { computeCore } from "./portfolio";
import { slack, type TopK } from "./top-k";

/**
 * A lower bound that respects maxVendors everywhere in the chain search, not
 * only once the limit is reached (optimizer-search.ts uses it beside the
 * segment-chain bound and keeps the larger of the two).
 *
 * Write an assignment as its segments (maximal runs at one vendor). Its
 * riskAdjustedCost is at least
 *   cod * onboardingWeeks + sum over vendors v used of
 *     ( vendorOverheadCost + sum over v's runs [i, j) of (segRisk(v, i, j) + transferIn(i)) )
 * where segRisk is the relaxed run value of optimizer-bounds.ts and transferIn(i)
 * is the external transfer into a run (none for the run at stage 0): the
 * segment relaxation, regrouped by vendor. Each stage is covered by exactly one
 * run. Relaxing that cover constraint with a multiplier u_s per stage (the
 * classical Lagrangian relaxation of p-median / facility location) makes the
 * vendors independent:
 *   L(u) = cod * onboardingWeeks + sum_s u_s + (sum of the maxVendors smallest
 *          min(0, vendorOverheadCost + sigma_v(u)))
 *   sigma_v(u) = min over stage sets T (runs of v) of sum over runs (segRisk + transferIn - u on the run),
 * which is a small DP per vendor (O(n^2)). For every u and every feasible
 * assignment x, value(x) >= L(u) (weak duality: put T_v = v's stages in x), so
 * L(u) is admissible whatever u is; the vendor-count limit stays exact (pick at
 * most maxVendors vendors) instead of being ignored. u is tuned at the root by
 * subgradient ascent; the same u then gives, at a node with stages < j placed
 * and used vendors U, the completion bound
 *   sum_{s >= j} u_s + sum_{v in U} sigma_v restricted to stages >= j
 *   + the (maxVendors - |U|) smallest min(0, overhead + sigma_v) over v not in U,
 * with the previous vendor's run at j continuing (an internal transfer).
 * The placed part is bounded by the search from the vendors' running state, as
 * for the segment bound, so the sum never exceeds any completion's value.
 */
export interface LagrangeTables {
  /** L(u) at the root: a lower bound on every assignment with at most maxVendors vendors. */
  root: number;
  /**
   * cod * onboardingWeeks + sum of the multipliers: with `vendor`, a bound per
   * vendor set S for the assignments that use every vendor of S and no other,
   * constant + sum over v in S of vendor[v] (each v pays its overhead, so no
   * min with 0).
   */
  constant: number;
  /** vendorOverheadCost + fresh[v] (row 0) per vendor. */
  vendor: Float64Array;
  /** uSuf[j] = sum of the multipliers of stages >= j. */
  uSuf: Float64Array;
  /**
   * fresh[j * V + v] (1 <= j < n): min over v's possible runs within stages >= j of
   * (segRisk + external transfer in - multipliers), 0 for none; row 0 has no
   * transfer into a run at stage 0.
   */
  fresh: Float64Array;
  /** cont[j * V + v]: the same when v holds stage j - 1, so a run at j continues it (internal transfer). */
  cont: Float64Array;
  /** open[j]: vendors with vendorOverheadCost + fresh[j * V + v] < 0, ascending by that value. */
  open: Int32Array[];
}

/** Subgradient iterations at the root: each costs O(n^2 V). */
const MAX_ITERATIONS = 250;

/**
 * Per-vendor DP for multipliers u (prefix sums uPre, uPre[s] = u_0 + ... + u_{s-1}).
 * Writes best[j] (runs within stages >= j, each paying an external transfer in,
 * j >= 1; best[n] = 0) and end[j] (-1 = stage j not taken, else the end of the
 * run starting at j). Returns the value over all stages, the run at stage 0
 * free of a transfer in, with its choice in end[0].
 */
function vendorRuns(setup: BoundSetup, v: number, uPre: Float64Array, best: Float64Array, end: Int32Array): number {
  const n = setup.p.n;
  const W = n + 1;
  const seg = setup.segRisk;
  const text = setup.textRisk;
  best[n] = 0;
  end[n] = -1;
  for (let j = n - 1; j >= 1; j--) {
    let b = best[j + 1];
    let e = -1;
    const base = (v * n + j) * W;
    for (let k = j + 1; k <= n; k++) {
      const sv = seg[base + k];
      if (sv === Infinity) break;
      const val = sv - (uPre[k] - uPre[j]) + text + best[k];
      if (val < b) {
        b = val;
        e = k;
      }
    }
    best[j] = b;
    end[j] = e;
  }
  let value = n > 1 ? best[1] : 0;
  let end0 = -1;
  const base = v * n * W;
  for (let k = 1; k <= n; k++) {
    const sv = seg[base + k];
    if (sv === Infinity) break;
    const val = sv - uPre[k] + best[k];
    if (val < value) {
      value = val;
      end0 = k;
    }
  }
  end[0] = end0;
  return value;
}

/**
 * The cheapest chain over the vendors C[order[0..k)], each stage at its relaxed
 * single-stage value plus exact transfers (Viterbi, O(n k^2)), written to asg.
 * False when some stage has no allowed vendor among them.
 */
function bestChain(setup: BoundSetup, C: ArrayLike<number>, order: Int32Array, k: number, asg: Int32Array): boolean {
  const n = setup.p.n;
  const W = n + 1;
  const cost = new Float64Array(k);
  const next = new Float64Array(k);
  const back = new Int32Array(n * k);
  for (let t = 0; t < k; t++) cost[t] = setup.segRisk[C[order[t]] * n * W + 1];
  for (let s = 1; s < n; s++) {
    for (let t = 0; t < k; t++) {
      const here = setup.segRisk[(C[order[t]] * n + s) * W + s + 1];
      let b = Infinity;
      let from = 0;
      for (let f = 0; f < k; f++) {
        const val = cost[f] + (f === t ? setup.tintRisk : setup.textRisk);
        if (val < b) {
          b = val;
          from = f;
        }
      }
      next[t] = b + here;
      back[s * k + t] = from;
    }
    cost.set(next);
  }
  let t = 0;
  for (let f = 1; f < k; f++) if (cost[f] < cost[t]) t = f;
  if (cost[t] === Infinity) return false;
  for (let s = n - 1; s >= 0; s--) {
    asg[s] = C[order[t]];
    t = back[s * k + t];
  }
  return true;
}

/**
 * Tunes the multipliers for `maxVendors` over the vendors `C` (the others must
 * not be allowed anywhere) and returns the tables the search reads. A stop on
 * the clock ends the tuning early: any multipliers give a valid bound.
 */
export function buildLagrange(
  setup: BoundSetup,
  C: ArrayLike<number>,
  maxVendors: number,
  clock: RunClock | null = null,
  top: TopK | null = null,
): LagrangeTables {
  const { p } = setup;
  const { n, V, a } = p;
  const W = n + 1;
  const oh = a.vendorOverheadCost;
  const base0 = setup.cod * a.onboardingWeeks;
  const m = C.length;
  const u = new Float64Array(n);
  // Start from the cheapest single-stage run per stage: every vendor's value is then
  // about 0 and the ascent only has to find which stages the limit makes dearer.
  for (let s = 0; s < n; s++) {
    let best = Infinity;
    for (let q = 0; q < m; q++) {
      const sv = setup.segRisk[(C[q] * n + s) * W + s + 1];
      if (sv < best) best = sv;
    }
    u[s] = (best === Infinity ? 0 : best) + (s > 0 ? setup.textRisk : 0);
  }
  const uPre = new Float64Array(n + 1);
  const best = new Float64Array(n + 1);
  const end = new Int32Array(n + 1);
  const values = new Float64Array(m);
  // The picked vendors: the (at most maxVendors) smallest negative values, ascending.
  const order = new Int32Array(Math.min(maxVendors, m));
  const pick = (): number => {
    let picked = 0;
    for (let q = 0; q < m; q++) {
      const x = values[q];
      if (x >= 0 || (picked === order.length && x >= values[order[picked - 1]])) continue;
      let at = picked < order.length ? picked++ : picked - 1;
      while (at > 0 && values[order[at - 1]] > x) {
        order[at] = order[at - 1];
        at--;
      }
      order[at] = q;
    }
    return picked;
  };
  const cover = new Int32Array(n);
  const bestU = Float64Array.from(u);
  const asg = new Int32Array(n);
  let bestL = -Infinity;
  let upper = Infinity;
  let alpha = 1;
  let stall = 0;

  for (let it = 0; it < MAX_ITERATIONS; it++) {
    uPre[0] = 0;
    for (let s = 0; s < n; s++) uPre[s + 1] = uPre[s] + u[s];
    for (let q = 0; q < m; q++) values[q] = oh + vendorRuns(setup, C[q], uPre, best, end);
    const picked = pick();
    let L = base0 + uPre[n];
    for (let t = 0; t < picked; t++) L += values[order[t]];
    if (L > bestL) {
      bestL = L;
      bestU.set(u);
      stall = 0;
    } else if (++stall >= 12) {
      alpha /= 2;
      stall = 0;
      if (alpha < 1e-3) break;
    }
    // The picked vendors' best chain is a genuine assignment within maxVendors: it
    // gives the Polyak step its target and, offered to `top`, the search an incumbent.
    if (picked > 0 && bestChain(setup, C, order, picked, asg)) {
      upper = Math.min(upper, computeCore(p, asg).riskAdjustedCost);
      top?.offer(asg);
    }
    // The bound has met a genuine assignment: no multipliers can do better.
    if (upper < Infinity && upper - bestL <= slack(upper)) break;
    if (clock !== null) {
      // Any multipliers give a valid bound, so progress can show the best so far.
      clock.lowerBound = bestL;
      if (clock.poll(0)) break;
    }
    // Subgradient: 1 - (number of picked vendors whose runs take stage s).
    cover.fill(0);
    for (let t = 0; t < picked; t++) {
      const q = order[t];
      vendorRuns(setup, C[q], uPre, best, end);
      let j = 0;
      while (j < n) {
        const e = end[j];
        if (e < 0) {
          j++;
          continue;
        }
        for (let s = j; s < e; s++) cover[s]++;
        j = e;
      }
    }
    let norm = 0;
    for (let s = 0; s < n; s++) norm += (1 - cover[s]) * (1 - cover[s]);
    if (norm === 0) break; // the picked runs cover each stage once: L is the relaxation's optimum
    const gap = (upper < Infinity ? upper : bestL + 0.05 * Math.abs(bestL) + 1) - L;
    const step = (alpha * Math.max(gap, 1e-6 * Math.abs(L) + 1)) / norm;
    for (let s = 0; s < n; s++) u[s] += step * (1 - cover[s]);
  }

  // Tables at the best multipliers.
  const uSuf = new Float64Array(n + 1);
  for (let s = n - 1; s >= 0; s--) uSuf[s] = uSuf[s + 1] + bestU[s];
  uPre[0] = 0;
  for (let s = 0; s < n; s++) uPre[s + 1] = uPre[s] + bestU[s];
  const fresh = new Float64Array((n + 1) * V);
  const cont = new Float64Array((n + 1) * V);
  const seg = setup.segRisk;
  const constant = base0 + uPre[n];
  const vendor = new Float64Array(V);
  let root = constant;
  for (let q = 0; q < m; q++) {
    const v = C[q];
    const value = vendorRuns(setup, v, uPre, best, end);
    values[q] = oh + value;
    vendor[v] = oh + value;
    fresh[v] = value;
    for (let j = 1; j < n; j++) {
      fresh[j * V + v] = best[j];
      let c = best[j + 1];
      const base = (v * n + j) * W;
      for (let k = j + 1; k <= n; k++) {
        const sv = seg[base + k];
        if (sv === Infinity) break;
        const val = sv - (uPre[k] - uPre[j]) + setup.tintRisk + best[k];
        if (val < c) c = val;
      }
      cont[j * V + v] = c;
    }
  }
  const picked = pick();
  for (let t = 0; t < picked; t++) root += values[order[t]];
  const open: Int32Array[] = [];
  for (let j = 0; j <= n; j++) {
    const vs: number[] = [];
    for (let q = 0; q < m; q++) if (oh + fresh[j * V + C[q]] < 0) vs.push(C[q]);
    vs.sort((x, y) => fresh[j * V + x] - fresh[j * V + y]);
    open.push(Int32Array.from(vs));
  }
  return { root, constant, vendor, uSuf, fresh, cont, open };
}
