import { DecisionError, parseOrThrow } from "./errors";
import { buildBoundSetup } from "./optimizer-bounds";
import { explainInfeasible, type InfeasibleReason } from "./optimizer-infeasible";
import { buildLagrange } from "./optimizer-lagrange";
import { RunClock, type OptimizeRunOptions, type StopReason } from "./optimizer-run";
import { ChainSearch, NodeLimitReached } from "./optimizer-search";
import { bestIntegrated, bestSpecialized } from "./optimizer-special";
import { computeMetrics, type PortfolioMetrics } from "./portfolio";
import { ZOptimizeInput, type TConstraints, type TOptimizeInput } from "./portfolio-schema";
import { prepareProblem, type PreparedProblem } from "./problem";
import { slack, TopK } from "./top-k";

/**
 * Exact portfolio optimisation (spec section 4). Two exact searches:
 *
 * "chain": one branch and bound along the stage chain over all allowed vendors,
 * at most maxVendors distinct (optimizer-search.ts). Its segment-chain bound
 * ignores maxVendors, which is tight when transfers are expensive (the usual
 * case) and weak when the limit binds hard; when the limit can bind, a
 * Lagrangian bound that counts vendors (optimizer-lagrange.ts) is used beside
 * it, and tuning that bound also yields good assignments within maxVendors
 * that warm-start the top-k.
 *
 * "subsets": every feasible assignment uses exactly one vendor set S with
 * |S| <= maxVendors. For each S (containing the locked vendors) a relaxed
 * segment-chain bound restricted to S is computed (O(n^2 |S|)), after an O(1)
 * screen by the Lagrangian set bound; sets are searched best bound first with
 * "every vendor of S used", so each assignment is searched in exactly one set,
 * and we stop once the next bound exceeds the k-th best. Cost: C(V, <= m) cheap
 * screens plus bounds and a pruned search of the competitive sets.
 *
 * "auto" runs the chain search on a node budget and, if the budget runs out,
 * continues with the subsets search warm-started with what the chain found
 * (unless the number of sets exceeds SUBSET_LIMIT, then the chain runs to the end).
 */
export const SUBSET_LIMIT = 400_000;
export const CHAIN_NODE_LIMIT = 100_000;
/** Share of a time budget bestSpecialized may use before the top-k search. */
const SPECIALIZED_SHARE = 0.2;

export interface OptimizeResult {
  best: PortfolioMetrics | null;
  top: PortfolioMetrics[];
  bestIntegrated: PortfolioMetrics | null;
  bestSpecialized: PortfolioMetrics | null;
  /** Empty when something is feasible; see optimizer-infeasible.ts for the rule. */
  infeasible: InfeasibleReason[];
  /**
   * True when `top` is proven to be the exact top-k (always, unless a time budget
   * or a cancel stopped the search first). When false, `top` holds the best
   * feasible portfolios found so far, in order, and may miss better ones.
   */
  optimal: boolean;
  /**
   * A lower bound on the best feasible riskAdjustedCost: best's value when
   * proven (null when proven infeasible); otherwise what the search could prove
   * (<= best's value; null when nothing could be bounded).
   */
  lowerBound: number | null;
  stats: {
    strategy: "chain" | "subsets" | "chain+subsets";
    subsets: number;
    subsetsSearched: number;
    nodes: number;
    /** Why the run stopped early, or null when it ran to the end. */
    stopped: StopReason | null;
    /** False when the stop cut the search for bestSpecialized: it is then the best found, not proven. */
    bestSpecializedOptimal: boolean;
  };
}

export interface SearchOutcome {
  top: TopK;
  stats: Pick<OptimizeResult["stats"], "strategy" | "subsets" | "subsetsSearched" | "nodes">;
  /**
   * Lowest bound over what a stop left unsearched (Infinity when nothing was
   * left): every assignment not reached is at least this.
   */
  remaining: number;
  /** A bound on every assignment within maxVendors, computed before the search (-Infinity if none). */
  rootBound: number;
}

/** Offers a constrained search may use: not excluded, locks honoured, score high enough. */
export function allowedMask(p: PreparedProblem, c: TConstraints): Uint8Array {
  const allowed = Uint8Array.from(p.hasOffer);
  for (const id of c.excludedVendors ?? []) {
    const v = p.vendorIndex.get(id) as number;
    for (let s = 0; s < p.n; s++) allowed[s * p.V + v] = 0;
  }
  for (const [stageId, vendorId] of Object.entries(c.locked ?? {})) {
    const s = p.stageIndex.get(stageId) as number;
    const lv = p.vendorIndex.get(vendorId) as number;
    for (let v = 0; v < p.V; v++) if (v !== lv) allowed[s * p.V + v] = 0;
  }
  if (c.minOfferScore !== undefined) {
    const min = c.minOfferScore;
    // An offer without a score (NaN) fails: NaN >= min is false.
    for (let k = 0; k < allowed.length; k++) if (allowed[k] && !(p.score[k] >= min)) allowed[k] = 0;
  }
  return allowed;
}

function countSubsets(free: number, need: number, maxSize: number): number {
  let total = 0;
  let c = 1; // C(free, t)
  for (let t = 0; t <= free && need + t <= maxSize; t++) {
    if (need + t >= 1) total += c;
    c = (c * (free - t)) / (t + 1);
  }
  return total;
}

export interface SearchOptions {
  /** "auto" (default): chain search on a node budget, then vendor sets if the budget runs out. */
  strategy?: "auto" | "subsets" | "chain";
  chainNodeLimit?: number;
  /** The Lagrangian vendor-count bound in the chain search (default true; false for comparisons). */
  lagrange?: boolean;
  /** Time budget / cancel / progress; without it the search always runs to the end. */
  clock?: RunClock;
  /** Feasible assignments within the constraints (but for budget / deadline, which TopK checks) to start from. */
  warmStart?: Int32Array[];
}

/** The constrained top-k search; options exist for tests and benchmarks. */
export function searchTopK(p: PreparedProblem, c: TConstraints, options: SearchOptions = {}): SearchOutcome {
  const strategy = options.strategy ?? "auto";
  const clock = options.clock ?? null;
  const allowed = allowedMask(p, c);
  const budget = c.budget ?? Infinity;
  const deadline = c.deadlineWeeks ?? Infinity;
  const top = new TopK(p, c.topK, budget, deadline);
  for (const asg of options.warmStart ?? []) top.offer(asg);
  const setup = buildBoundSetup(p, allowed);
  const maxVendors = Math.min(c.maxVendors ?? p.n, p.n);
  const required = [...new Set(Object.values(c.locked ?? {}).map((id) => p.vendorIndex.get(id) as number))];
  const candidates: number[] = [];
  for (let v = 0; v < p.V; v++) {
    if (required.includes(v)) continue;
    for (let s = 0; s < p.n; s++) {
      if (allowed[s * p.V + v]) {
        candidates.push(v);
        break;
      }
    }
  }
  const stats: SearchOutcome["stats"] = { strategy: "chain", subsets: 0, subsetsSearched: 0, nodes: 0 };
  if (required.length > maxVendors) return { top, stats, remaining: Infinity, rootBound: -Infinity };

  const all = Int32Array.from([...required, ...candidates]);
  const nSubsets = countSubsets(candidates.length, required.length, maxVendors);
  // The segment bound ignores maxVendors; the Lagrangian bound counts vendors
  // from the root (only worth it when the limit can bind).
  const lag =
    options.lagrange !== false && maxVendors < all.length ? buildLagrange(setup, all, maxVendors, clock, top) : null;
  // A bound on every assignment, for progress and for a stop before any search.
  const rootSearch = new ChainSearch(setup, top, budget, deadline);
  const rootBound = Math.max(rootSearch.rootBound(all, all.length, 1).risk, lag?.root ?? -Infinity);
  if (clock !== null) {
    clock.best = () => (top.items.length > 0 ? top.items[0].core.riskAdjustedCost : null);
    clock.lowerBound = rootBound;
    if (clock.poll(0)) return { top, stats, remaining: rootBound, rootBound };
  }

  if (strategy !== "subsets") {
    const chain = new ChainSearch(setup, top, budget, deadline);
    chain.lag = lag;
    chain.clock = clock;
    // With the Lagrangian bound the chain search is usually quick; the node limit
    // still hands the rare stubborn case to the per-set search.
    if (strategy === "auto" && nSubsets <= SUBSET_LIMIT) chain.nodeLimit = options.chainNodeLimit ?? CHAIN_NODE_LIMIT;
    try {
      chain.run(all, all.length, false, maxVendors);
      stats.nodes = chain.nodes;
      return { top, stats, remaining: chain.stopped ? chain.frontier : Infinity, rootBound };
    } catch (e) {
      if (!(e instanceof NodeLimitReached)) throw e;
      // `top` keeps what the chain found: genuine feasible assignments, a valid warm start.
      stats.nodes = chain.nodeLimit;
      stats.strategy = "chain+subsets";
    }
  } else stats.strategy = "subsets";

  const search = new ChainSearch(setup, top, budget, deadline);
  search.clock = clock;
  // Pass 1: a relaxed bound per vendor set; sets that cannot cover a stage or
  // that break the budget / deadline even relaxed are dropped here. With an
  // incumbent (the chain's warm start), the Lagrangian set bound screens each
  // set in O(1) before the O(n^2 |S|) segment bound, and whole branches of the
  // enumeration: adding a vendor lowers it by at most -minVendor.
  const sets: Int32Array[] = [];
  const bounds: number[] = [];
  const current = [...required];
  let lagSum = 0;
  let minVendor = 0;
  if (lag !== null) {
    lagSum = lag.constant;
    for (const v of required) lagSum += lag.vendor[v];
    for (const v of candidates) minVendor = Math.min(minVendor, lag.vendor[v]);
  }
  let cut = false;
  const visit = (from: number): void => {
    const thr = top.threshold();
    if (current.length >= 1) {
      stats.subsets++;
      if (clock !== null && (stats.subsets & clock.pollMask) === 0 && clock.poll(clock.pollEvery)) {
        cut = true;
        return;
      }
      if (lag === null || lagSum <= thr + slack(thr)) {
        const b = search.rootBound(current, current.length, current.length);
        if (b.risk <= thr + slack(thr) && b.cost <= budget + slack(budget) && b.dur <= deadline + slack(deadline)) {
          sets.push(Int32Array.from(current));
          bounds.push(lag === null ? b.risk : Math.max(b.risk, lagSum));
        }
      }
    }
    if (current.length === maxVendors) return;
    if (lag !== null && lagSum + (maxVendors - current.length) * minVendor > thr + slack(thr)) return;
    for (let t = from; t < candidates.length && !cut; t++) {
      const v = candidates[t];
      current.push(v);
      if (lag !== null) lagSum += lag.vendor[v];
      visit(t + 1);
      if (lag !== null) lagSum -= lag.vendor[v];
      current.pop();
    }
  };
  visit(0);
  if (cut) {
    stats.nodes += search.nodes;
    return { top, stats, remaining: rootBound, rootBound };
  }

  // Pass 2: best bound first, stop once no remaining set can enter the top-k.
  const order = bounds.map((_, i) => i).sort((x, y) => bounds[x] - bounds[y]);
  let remaining = Infinity;
  for (let t = 0; t < order.length; t++) {
    const i = order[t];
    const thr = top.threshold();
    if (bounds[i] > thr + slack(thr)) break;
    stats.subsetsSearched++;
    if (clock !== null) clock.lowerBound = Math.max(rootBound, bounds[i]);
    search.run(sets[i], sets[i].length, true, sets[i].length);
    if (search.stopped) {
      // Sets are in bound order: the next one bounds every set not yet searched.
      remaining = Math.min(search.frontier, t + 1 < order.length ? bounds[order[t + 1]] : Infinity);
      break;
    }
  }
  stats.nodes += search.nodes;
  return { top, stats, remaining, rootBound };
}

/**
 * Exact optimisation (spec section 4). Without `options` it always runs to the
 * end. With them it polls the clock every few thousand nodes: `timeBudgetMs`
 * or `shouldStop` end the run early with the best portfolios found so far,
 * `optimal: false` and a lower bound; `onProgress` reports along the way.
 * Pure and synchronous, so it runs unchanged in a Web Worker.
 */
export function optimizePortfolio(input: TOptimizeInput, options?: OptimizeRunOptions): OptimizeResult {
  return optimizeWithClock(input, options === undefined ? null : new RunClock(checkRunOptions(options)));
}

/** optimizePortfolio with the run clock made by the caller (tests poll more often). */
export function optimizeWithClock(input: TOptimizeInput, clock: RunClock | null): OptimizeResult {
  const parsed = parseOrThrow(ZOptimizeInput, input);
  const p = prepareProblem(parsed.problem, ["problem"]);
  const c = parsed.constraints;
  checkConstraintIds(p, c);
  const allowed = allowedMask(p, c);
  const budget = c.budget ?? Infinity;
  const deadline = c.deadlineWeeks ?? Infinity;
  const integrated = bestIntegrated(p, allowed, budget, deadline).items[0];
  // Usually a few milliseconds; first, with at most a fifth of a time budget, so a
  // long top-k search cannot leave it unfinished and a stubborn one cannot starve the top-k.
  const special =
    clock === null
      ? bestSpecialized(p, allowed, budget, deadline)
      : clock.phase(SPECIALIZED_SHARE, () => bestSpecialized(p, allowed, budget, deadline, clock));
  const specialized = special.top.items[0];
  // Both are genuine portfolios: a start for the top-k (so a stopped run has something
  // to show), when they fit maxVendors; the search stays exact either way.
  const warmStart: Int32Array[] = [];
  if (integrated) warmStart.push(integrated.asg);
  if (specialized && p.n <= (c.maxVendors ?? p.n)) warmStart.push(specialized.asg);
  const { top, stats, remaining, rootBound } = searchTopK(p, c, clock === null ? { warmStart } : { clock, warmStart });
  const thr = top.threshold();
  const optimal = remaining === Infinity || remaining > thr + slack(thr);
  const list = top.items.map((x) => computeMetrics(p, x.asg));
  const bestValue = list.length > 0 ? list[0].riskAdjustedCost : null;
  return {
    best: list[0] ?? null,
    top: list,
    bestIntegrated: integrated ? computeMetrics(p, integrated.asg) : null,
    bestSpecialized: specialized ? computeMetrics(p, specialized.asg) : null,
    infeasible:
      list.length === 0 && optimal
        ? explainInfeasible(p, c, (relaxed) => {
            const r = searchTopK(p, { ...relaxed, topK: 1 }, clock === null ? {} : { clock });
            if (r.top.items.length > 0) return true;
            return r.remaining === Infinity ? false : null;
          })
        : [],
    optimal,
    lowerBound: optimal ? bestValue : lowerOf(bestValue, remaining, rootBound),
    stats: { ...stats, stopped: clock?.stopped ?? null, bestSpecializedOptimal: special.complete },
  };
}

/**
 * The optimum is at least min(best found, what is left) and at least the root
 * bound, and at most the best found (which caps float dust in the bound).
 */
function lowerOf(best: number | null, remaining: number, rootBound: number): number | null {
  const lb = Math.min(best ?? Infinity, Math.max(rootBound, remaining));
  return Number.isFinite(lb) ? lb : null;
}

function checkRunOptions(options: OptimizeRunOptions): OptimizeRunOptions {
  const t = options.timeBudgetMs;
  if (t !== undefined && !(typeof t === "number" && t >= 0)) {
    throw new DecisionError("INVALID_INPUT", "timeBudgetMs must be a number >= 0", ["options", "timeBudgetMs"]);
  }
  for (const key of ["onProgress", "shouldStop", "now"] as const) {
    if (options[key] !== undefined && typeof options[key] !== "function") {
      throw new DecisionError("INVALID_INPUT", `${key} must be a function`, ["options", key]);
    }
  }
  return options;
}

function checkConstraintIds(p: PreparedProblem, c: TConstraints): void {
  for (const [stageId, vendorId] of Object.entries(c.locked ?? {})) {
    if (!p.stageIndex.has(stageId)) {
      throw new DecisionError("UNKNOWN_ID", `lock names unknown stage "${stageId}"`, [
        "constraints",
        "locked",
        stageId,
      ]);
    }
    if (!p.vendorIndex.has(vendorId)) {
      throw new DecisionError("UNKNOWN_ID", `lock names unknown vendor "${vendorId}"`, [
        "constraints",
        "locked",
        stageId,
      ]);
    }
  }
  (c.excludedVendors ?? []).forEach((id, i) => {
    if (!p.vendorIndex.has(id)) {
      throw new DecisionError("UNKNOWN_ID", `excludedVendors names unknown vendor "${id}"`, [
        "constraints",
        "excludedVendors",
        i,
      ]);
    }
  });
}
