import { disruptionProbability, type PreparedProblem } from "./problem";

/**
 * Admissible lower bounds for the optimiser (never above the true value, so
 * pruning on them keeps the search exact).
 *
 * riskAdjustedCost is not separable per stage, so the relaxation works on
 * "segments" (maximal runs of consecutive stages at one vendor):
 * - price: every offer at its best possible bundle factor (1 - rate when the
 *   vendor could reach minStages at all; reaching more stages never raises it);
 * - EDD, disruption-delay part: pDisrupt is concave in exposure with value 0 at 0,
 *   so pDisrupt(e) >= e * rho_v with rho_v = pDisrupt(Emax_v) / Emax_v, the
 *   chord to the vendor's largest possible exposure Emax_v;
 * - EDD, "eggs in one basket" part: (stages(v) - 1) * pDisrupt(e) >= sum over the
 *   vendor's runs of (runLength - 1) * pDisrupt(runExposure), because run
 *   lengths minus one sum to at most stages(v) - 1 and each run's exposure is at
 *   most e;
 * - transfers: exact, since a segment chain knows where vendors change.
 * A chain DP over segments then gives the cheapest relaxed completion from any
 * stage given the previous vendor.
 */
export interface BoundSetup {
  p: PreparedProblem;
  allowed: Uint8Array;
  cod: number;
  /** Risk-adjusted price of one external / internal transfer. */
  textRisk: number;
  tintRisk: number;
  rho: Float64Array;
  /** Bundle factor assumed for stages not yet placed. */
  futureFactor: Float64Array;
  /** availFrom[i * V + v] = number of stages >= i the vendor may take. */
  availFrom: Int32Array;
  /** seg*[(v * n + i) * (n + 1) + j]: relaxed value of stages [i, j) as one run at v. */
  segRisk: Float64Array;
  segCost: Float64Array;
  segDur: Float64Array;
}

export function buildBoundSetup(p: PreparedProblem, allowed: Uint8Array): BoundSetup {
  const { n, V, a } = p;
  const cod = a.costOfDelayPerWeek;
  const availFrom = new Int32Array((n + 1) * V);
  for (let i = n - 1; i >= 0; i--) {
    for (let v = 0; v < V; v++) availFrom[i * V + v] = availFrom[(i + 1) * V + v] + allowed[i * V + v];
  }
  const rho = new Float64Array(V);
  const futureFactor = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    let emax = 0;
    for (let s = 0; s < n; s++) if (allowed[s * V + v]) emax += p.dur[s * V + v];
    rho[v] = emax > 0 ? disruptionProbability(p.risk[v], emax) / emax : 0;
    futureFactor[v] = p.bundleMin[v] > 0 && availFrom[v] >= p.bundleMin[v] ? 1 - p.bundleRate[v] : 1;
  }
  const W = n + 1;
  const segRisk = new Float64Array(V * n * W).fill(Infinity);
  const segCost = new Float64Array(V * n * W).fill(Infinity);
  const segDur = new Float64Array(V * n * W).fill(Infinity);
  for (let v = 0; v < V; v++) {
    const perWeek = cod * (1 + rho[v] * a.disruptionDelayWeeks);
    for (let i = 0; i < n; i++) {
      let r = 0;
      let c = 0;
      let d = 0;
      for (let j = i + 1; j <= n; j++) {
        const k = (j - 1) * V + v;
        if (!allowed[k]) break; // every longer run from i is impossible too
        const L = j - i;
        r += p.price[k] * futureFactor[v] + perWeek * p.dur[k];
        c += p.price[k] * futureFactor[v];
        d += p.dur[k];
        const at = (v * n + i) * W + j;
        const basket = (L - 1) * cod * a.externalTransferWeeks * disruptionProbability(p.risk[v], d);
        segRisk[at] = r + (L - 1) * (a.internalTransferCost + cod * a.internalTransferWeeks) + basket;
        segCost[at] = c + (L - 1) * a.internalTransferCost;
        segDur[at] = d + (L - 1) * a.internalTransferWeeks;
      }
    }
  }
  return {
    p,
    allowed,
    cod,
    textRisk: a.externalTransferCost + cod * a.externalTransferWeeks,
    tintRisk: a.internalTransferCost + cod * a.internalTransferWeeks,
    rho,
    futureFactor,
    availFrom,
    segRisk,
    segCost,
    segDur,
  };
}

/**
 * Completion bounds over a candidate vendor list C. Writes
 *   from[i * m + q] = cheapest relaxed cost of stages i..n-1 when stage i - 1 went
 *                     to C[q] (index m * n + q unused; row n is 0),
 *   start[i]        = the same with no previous vendor (only i = 0 is used).
 * `suf` is scratch of size (n + 1) * m.
 */
export function completionTable(
  setup: BoundSetup,
  seg: Float64Array,
  text: number,
  tint: number,
  C: ArrayLike<number>,
  m: number,
  suf: Float64Array,
  from: Float64Array,
): number {
  const n = setup.p.n;
  const W = n + 1;
  // Best and second best of suf[j][*] let "min over w != u" run in O(1).
  const b1 = new Float64Array(W);
  const b1i = new Int32Array(W);
  const b2 = new Float64Array(W);
  b1[n] = 0;
  b1i[n] = -1;
  b2[n] = 0;
  for (let q = 0; q < m; q++) suf[n * m + q] = 0;
  for (let i = n - 1; i >= 0; i--) {
    let best1 = Infinity;
    let best1i = -1;
    let best2 = Infinity;
    for (let q = 0; q < m; q++) {
      const base = (C[q] * n + i) * W;
      let best = Infinity;
      for (let j = i + 1; j <= n; j++) {
        const sv = seg[base + j];
        if (sv === Infinity) break;
        const next = j === n ? 0 : text + (b1i[j] === q ? b2[j] : b1[j]);
        const val = sv + next;
        if (val < best) best = val;
      }
      suf[i * m + q] = best;
      if (best < best1) {
        best2 = best1;
        best1 = best;
        best1i = q;
      } else if (best < best2) best2 = best;
    }
    b1[i] = best1;
    b1i[i] = best1i;
    b2[i] = best2;
  }
  for (let q = 0; q < m; q++) from[n * m + q] = 0;
  for (let i = 1; i < n; i++) {
    for (let q = 0; q < m; q++) {
      const other = b1i[i] === q ? b2[i] : b1[i];
      from[i * m + q] = Math.min(suf[i * m + q] + tint, other + text);
    }
  }
  return b1[0];
}
