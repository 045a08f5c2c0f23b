import { minAssignment } from "./hungarian";
import type { RunClock } from "./optimizer-run";
import { disruptionProbability, type PreparedProblem } from "./problem";
import { slack, TopK } from "./top-k";

/**
 * bestIntegrated and bestSpecialized (spec section 4): both ignore maxVendors
 * but honour every other constraint, which the caller has folded into `allowed`
 * (exclusions, locks, minOfferScore) and into budget / deadline.
 */
export function bestIntegrated(p: PreparedProblem, allowed: Uint8Array, budget: number, deadline: number): TopK {
  const top = new TopK(p, 1, budget, deadline);
  const asg = new Int32Array(p.n);
  for (let v = 0; v < p.V; v++) {
    let ok = true;
    for (let s = 0; s < p.n && ok; s++) ok = allowed[s * p.V + v] === 1;
    if (!ok) continue;
    asg.fill(v);
    top.offer(asg);
  }
  return top;
}

/**
 * All-different assignments. With one stage per vendor every per-vendor term
 * is fixed by the offer alone (bundle discount only if minStages = 1,
 * eggs-in-one-basket term 0), so riskAdjustedCost is a per-stage sum plus a
 * constant: an assignment problem, made hard only by budget/deadline and by the
 * exact tie-break. Branch and bound: the bound for open stages is the optimal
 * assignment of the open stages to the unused vendors (Hungarian algorithm),
 * which ignores only budget / deadline; a cheaper per-stage minimum screens
 * first. Exact: nothing is cut unless its bound exceeds the incumbent.
 * A one-stage programme has no specialized assignment (archetype rule: n > 1).
 * With a run clock (polled 64 times as often as the chain search: each node
 * here costs a Hungarian solve) a stop ends the search: `complete` is then
 * false and `top` holds the best found.
 */
export function bestSpecialized(
  p: PreparedProblem,
  allowed: Uint8Array,
  budget: number,
  deadline: number,
  clock: RunClock | null = null,
): { top: TopK; complete: boolean } {
  const top = new TopK(p, 1, budget, deadline);
  const { n, V, a } = p;
  let nodes = 0;
  let stopped = false;
  const every = clock === null ? 0 : Math.max(1, clock.pollEvery >> 6);
  if (n < 2 || n > V) return { top, complete: true };
  const cod = a.costOfDelayPerWeek;
  const risk = new Float64Array(n * V);
  const cost = new Float64Array(n * V);
  const byRisk: Int32Array[] = [];
  const byCost: Int32Array[] = [];
  const byDur: Int32Array[] = [];
  for (let s = 0; s < n; s++) {
    const vs: number[] = [];
    for (let v = 0; v < V; v++) {
      const k = s * V + v;
      if (!allowed[k]) continue;
      vs.push(v);
      const f = p.bundleMin[v] === 1 ? 1 - p.bundleRate[v] : 1;
      cost[k] = p.price[k] * f;
      risk[k] = cost[k] + cod * (p.dur[k] + disruptionProbability(p.risk[v], p.dur[k]) * a.disruptionDelayWeeks);
    }
    if (vs.length === 0) return { top, complete: true };
    byRisk.push(Int32Array.from([...vs].sort((x, y) => risk[s * V + x] - risk[s * V + y])));
    byCost.push(Int32Array.from([...vs].sort((x, y) => cost[s * V + x] - cost[s * V + y])));
    byDur.push(Int32Array.from([...vs].sort((x, y) => p.dur[s * V + x] - p.dur[s * V + y])));
  }
  const fixedCost = (n - 1) * a.externalTransferCost + n * a.vendorOverheadCost;
  const fixedRisk = fixedCost + cod * (a.onboardingWeeks + (n - 1) * a.externalTransferWeeks);
  const fixedDur = a.onboardingWeeks + (n - 1) * a.externalTransferWeeks;
  const used = new Uint8Array(V);
  const asg = new Int32Array(n);

  /** Exact optimum of the open stages over the unused vendors (riskAdjusted part only). */
  const matrix = new Float64Array(n * V);
  const restAssignment = (i: number): number => {
    const cols: number[] = [];
    for (let v = 0; v < V; v++) if (!used[v]) cols.push(v);
    const m = cols.length;
    for (let s = i; s < n; s++) {
      for (let c = 0; c < m; c++) {
        const k = s * V + cols[c];
        matrix[(s - i) * m + c] = allowed[k] ? risk[k] : Infinity;
      }
    }
    return minAssignment(matrix, n - i, m);
  };

  /** Sum over stages >= i of the best value among unused vendors; Infinity if some stage has none. */
  const rest = (i: number, order: Int32Array[], val: ArrayLike<number>): number => {
    let sum = 0;
    for (let s = i; s < n; s++) {
      const list = order[s];
      let t = 0;
      while (t < list.length && used[list[t]]) t++;
      if (t === list.length) return Infinity;
      sum += val[s * V + list[t]];
    }
    return sum;
  };

  const dfs = (i: number, r: number, c: number, d: number): void => {
    if (clock !== null && ++nodes % every === 0 && clock.poll(every)) stopped = true;
    if (stopped) return;
    if (i === n) {
      top.offer(asg);
      return;
    }
    for (const v of byRisk[i]) {
      if (used[v]) continue;
      const k = i * V + v;
      used[v] = 1;
      asg[i] = v;
      const nr = r + risk[k];
      const nc = c + cost[k];
      const nd = d + p.dur[k];
      const thr = top.threshold();
      // Cheap per-stage bound first; the assignment bound only when that one passes.
      let ok = nr + rest(i + 1, byRisk, risk) + fixedRisk <= thr + slack(thr);
      if (ok && thr < Infinity && i + 1 < n) ok = nr + restAssignment(i + 1) + fixedRisk <= thr + slack(thr);
      if (ok && Number.isFinite(budget)) ok = nc + rest(i + 1, byCost, cost) + fixedCost <= budget + slack(budget);
      if (ok && Number.isFinite(deadline)) ok = nd + rest(i + 1, byDur, p.dur) + fixedDur <= deadline + slack(deadline);
      if (ok) dfs(i + 1, nr, nc, nd);
      used[v] = 0;
    }
  };
  dfs(0, 0, 0, 0);
  return { top, complete: !stopped };
}
