import { completionTable, type BoundSetup } from "./optimizer-bounds";
import type { LagrangeTables } from "./optimizer-lagrange";
import type { RunClock } from "./optimizer-run";
import { disruptionProbability } from "./problem";
import { slack, type TopK } from "./top-k";

/**
 * Depth-first branch and bound along the stage chain.
 *
 * A node fixes stages 0..i-1. Its value is a lower bound on every completion:
 * the placed part is bounded per vendor from its running (stages, exposure,
 * price) - the only state the non-separable terms depend on - and the rest comes
 * from the segment-chain relaxation (optimizer-bounds.ts) indexed by the
 * previous vendor and, over all vendors, from the Lagrangian bound that counts
 * vendors (optimizer-lagrange.ts); the larger of the two is used. A branch is
 * cut only when its bound is above the k-th best value found (plus float
 * slack), or when its cost / duration bounds already break the budget /
 * deadline, so every assignment that could enter the top-k is reached: the
 * search is exact.
 *
 * Two uses: `mustUseAll` over one vendor subset S (every vendor of S used,
 * so each assignment is searched in exactly one subset), or over all vendors
 * with at most `maxUsed` distinct ones.
 *
 * With a run clock the search polls it every `clock.pollEvery` child bounds. When it says
 * stop, the search explores nothing more but still bounds every node it has not
 * explored (the rest of the path's siblings), so `frontier` is a lower bound on
 * every assignment it did not reach: the optimum is at least
 * min(best found, frontier).
 */
/** Thrown out of the recursion when the node budget is spent (caller falls back). */
export class NodeLimitReached extends Error {}

export class ChainSearch {
  nodes = 0;
  /** Node budget for one search; Infinity = unlimited. */
  nodeLimit = Infinity;
  /** Multiplier tables for maxVendors (optimizer-lagrange.ts); only for a search over all candidates. */
  lag: LagrangeTables | null = null;
  clock: RunClock | null = null;
  /** Set when the clock said stop; the search then only bounds what it has not explored. */
  stopped = false;
  /** Lowest bound over the nodes left unexplored by a stop; Infinity when none (or none feasible). */
  frontier = Infinity;
  /** Child bounds since the last poll. */
  private work = 0;
  private readonly kCnt: Int32Array;
  private readonly eSum: Float64Array;
  private readonly pSum: Float64Array;
  private readonly pd: Float64Array;
  private readonly pos: Int32Array;
  private readonly used: number[] = [];
  private readonly asg: Int32Array;

  private C: ArrayLike<number> = [];
  private m = 0;
  private mustUseAll = false;
  private maxUsed = 0;
  private order: Int32Array[] = [];
  private fromRisk = new Float64Array(0);
  private fromCost = new Float64Array(0);
  private fromDur = new Float64Array(0);

  constructor(
    private readonly setup: BoundSetup,
    private readonly top: TopK,
    private readonly budget: number,
    private readonly deadline: number,
  ) {
    const V = setup.p.V;
    this.kCnt = new Int32Array(V);
    this.eSum = new Float64Array(V);
    this.pSum = new Float64Array(V);
    this.pd = new Float64Array(V);
    this.pos = new Int32Array(V).fill(-1);
    this.asg = new Int32Array(setup.p.n);
  }

  /** Relaxed lower bound of the best assignment drawing only on C (no placed stages yet). */
  rootBound(C: ArrayLike<number>, m: number, overheadCount: number): { risk: number; cost: number; dur: number } {
    const { p } = this.setup;
    const a = p.a;
    this.prepare(C, m);
    const oh = overheadCount * a.vendorOverheadCost;
    return {
      risk: this.rootRisk + oh + this.setup.cod * a.onboardingWeeks,
      cost: this.rootCost + oh,
      dur: this.rootDur + a.onboardingWeeks,
    };
  }

  private rootRisk = 0;
  private rootCost = 0;
  private rootDur = 0;

  private prepare(C: ArrayLike<number>, m: number): void {
    const { p, segRisk, segCost, segDur, textRisk, tintRisk } = this.setup;
    const a = p.a;
    const size = (p.n + 1) * m;
    if (this.fromRisk.length < size) {
      this.fromRisk = new Float64Array(size);
      this.fromCost = new Float64Array(size);
      this.fromDur = new Float64Array(size);
    }
    const suf = new Float64Array(size);
    this.rootRisk = completionTable(this.setup, segRisk, textRisk, tintRisk, C, m, suf, this.fromRisk);
    this.rootCost = Number.isFinite(this.budget)
      ? completionTable(this.setup, segCost, a.externalTransferCost, a.internalTransferCost, C, m, suf, this.fromCost)
      : 0;
    this.rootDur = Number.isFinite(this.deadline)
      ? completionTable(this.setup, segDur, a.externalTransferWeeks, a.internalTransferWeeks, C, m, suf, this.fromDur)
      : 0;
    if (!Number.isFinite(this.budget)) this.fromCost.fill(0, 0, size);
    if (!Number.isFinite(this.deadline)) this.fromDur.fill(0, 0, size);
  }

  /** Runs the search over C; returns nothing, results land in `top`. */
  run(C: ArrayLike<number>, m: number, mustUseAll: boolean, maxUsed: number): void {
    const { p } = this.setup;
    this.C = C;
    this.m = m;
    this.mustUseAll = mustUseAll;
    this.maxUsed = maxUsed;
    this.prepare(C, m);
    for (let q = 0; q < m; q++) this.pos[C[q]] = q;
    // Try the cheapest single-stage offers first so a good incumbent appears early.
    const n = p.n;
    const W = n + 1;
    this.order = [];
    for (let i = 0; i < n; i++) {
      const qs: number[] = [];
      for (let q = 0; q < m; q++) if (this.setup.allowed[i * p.V + C[q]]) qs.push(q);
      qs.sort(
        (x, y) => this.setup.segRisk[(C[x] * n + i) * W + i + 1] - this.setup.segRisk[(C[y] * n + i) * W + i + 1],
      );
      this.order.push(Int32Array.from(qs));
    }
    const a = p.a;
    const rootRisk = this.rootRisk + (mustUseAll ? m : 1) * a.vendorOverheadCost + this.setup.cod * a.onboardingWeeks;
    this.dfs(0, -1, 0, 0, 0, Math.max(rootRisk, this.lag?.root ?? -Infinity));
    for (let q = 0; q < m; q++) this.pos[C[q]] = -1;
  }

  /** `bound` is the node's own lower bound, what it leaves on the frontier if the run stops here. */
  private dfs(i: number, prev: number, ext: number, int: number, durSum: number, bound: number): void {
    const { p, allowed } = this.setup;
    const n = p.n;
    if (++this.nodes > this.nodeLimit) throw new NodeLimitReached();
    if (this.clock !== null) {
      // Work is counted in child bounds (a node bounds up to V children), so a poll
      // comes every pollEvery bounds, a millisecond or so, whatever V is.
      this.work += i < n ? this.order[i].length : 1;
      if (this.work >= this.clock.pollEvery) {
        const work = this.work;
        this.work = 0;
        if (this.clock.poll(work)) {
          this.stopped = true;
          if (bound < this.frontier) this.frontier = bound;
          return;
        }
      }
    }
    if (i === n) {
      if (!this.mustUseAll || this.used.length === this.m) this.top.offer(this.asg);
      return;
    }
    const V = p.V;
    const order = this.order[i];
    for (let t = 0; t < order.length; t++) {
      const v = this.C[order[t]];
      const k = i * V + v;
      if (!allowed[k]) continue;
      const isNew = this.kCnt[v] === 0;
      if (isNew && this.used.length >= this.maxUsed) continue;
      const j = i + 1;
      if (this.mustUseAll && this.m - this.used.length - (isNew ? 1 : 0) > n - j) continue;
      const oldPd = this.pd[v];
      this.kCnt[v]++;
      this.eSum[v] += p.dur[k];
      this.pSum[v] += p.price[k];
      this.pd[v] = disruptionProbability(p.risk[v], this.eSum[v]);
      if (isNew) this.used.push(v);
      this.asg[i] = v;
      const ne = ext + (i > 0 && prev !== v ? 1 : 0);
      const ni = int + (i > 0 && prev === v ? 1 : 0);
      const nd = durSum + p.dur[k];
      if (this.stopped) {
        // Bound only: this sibling stays unexplored, on the frontier.
        const b = this.childBound(j, v, ne, ni, nd, Infinity);
        if (b < this.frontier) this.frontier = b;
      } else {
        const thr = this.top.threshold();
        const b = this.childBound(j, v, ne, ni, nd, thr + slack(thr));
        // Infinity: no completion keeps the budget / deadline (or covers every stage).
        if (b !== Infinity && b <= thr + slack(thr)) this.dfs(j, v, ne, ni, nd, b);
      }
      if (isNew) this.used.pop();
      this.kCnt[v]--;
      this.eSum[v] -= p.dur[k];
      this.pSum[v] -= p.price[k];
      this.pd[v] = oldPd;
      if (this.kCnt[v] === 0) {
        // Reset exactly: repeated += / -= would leave rounding dust in an unused vendor.
        this.eSum[v] = 0;
        this.pSum[v] = 0;
      }
    }
  }

  /** Lagrangian completion bound of stages >= j after vendor `prev` (optimizer-lagrange.ts). */
  private lagRest(j: number, prev: number): number {
    const lag = this.lag as LagrangeTables;
    const V = this.setup.p.V;
    const row = j * V;
    let r = lag.uSuf[j];
    for (const u of this.used) r += u === prev ? lag.cont[row + u] : lag.fresh[row + u];
    let need = this.maxUsed - this.used.length;
    const open = lag.open[j];
    const oh = this.setup.p.a.vendorOverheadCost;
    for (let t = 0; t < open.length && need > 0; t++) {
      const w = open[t];
      if (this.kCnt[w] > 0) continue;
      r += oh + lag.fresh[row + w];
      need--;
    }
    return r;
  }

  /**
   * Lower bound on riskAdjustedCost of the node whose last placed stage is j - 1,
   * at vendor v; Infinity when its cost / duration bound breaks the budget /
   * deadline. Stops refining once the bound is above `cut`.
   */
  private childBound(j: number, v: number, ext: number, int: number, durSum: number, cut: number): number {
    const { p, availFrom, rho, cod, textRisk, tintRisk } = this.setup;
    const a = p.a;
    const V = p.V;
    const count = this.mustUseAll ? this.m : this.used.length;
    let price = 0;
    let delayWeeks = 0;
    for (const u of this.used) {
      const f = p.bundleMin[u] > 0 && this.kCnt[u] + availFrom[j * V + u] >= p.bundleMin[u] ? 1 - p.bundleRate[u] : 1;
      price += this.pSum[u] * f;
      delayWeeks +=
        this.eSum[u] * rho[u] * a.disruptionDelayWeeks + (this.kCnt[u] - 1) * a.externalTransferWeeks * this.pd[u];
    }
    const at = j * this.m + this.pos[v];
    const last = j === p.n;
    const placed =
      price +
      count * a.vendorOverheadCost +
      ext * textRisk +
      int * tintRisk +
      cod * (a.onboardingWeeks + durSum + delayWeeks);
    let risk = placed + (last ? 0 : this.fromRisk[at]);
    if (risk > cut) return risk;
    if (!last && this.lag !== null) {
      const lagRisk = placed + this.lagRest(j, v);
      if (lagRisk > risk) risk = lagRisk;
      if (risk > cut) return risk;
    }
    if (Number.isFinite(this.budget)) {
      const cost =
        price +
        count * a.vendorOverheadCost +
        ext * a.externalTransferCost +
        int * a.internalTransferCost +
        (last ? 0 : this.fromCost[at]);
      if (cost > this.budget + slack(this.budget)) return Infinity;
    }
    if (Number.isFinite(this.deadline)) {
      const dur =
        a.onboardingWeeks +
        durSum +
        ext * a.externalTransferWeeks +
        int * a.internalTransferWeeks +
        (last ? 0 : this.fromDur[at]);
      if (dur > this.deadline + slack(this.deadline)) return Infinity;
    }
    return risk;
  }
}
