import { DecisionError, parseOrThrow } from "./errors";
import { buildBoundSetup } from "./optimizer-bounds";
import { explainInfeasible, type InfeasibleReason } from "./optimizer-infeasible";
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
 * at most maxVendors distinct (optimizer-search.ts). Its completion bound
 * ignores maxVendors until the limit is reached, which is tight when transfers
 * are expensive (the usual case) and weak when the limit binds hard.
 *
 * "subsets": every feasible assignment uses exactly one vendor set S with
 * |S| <= maxVendors. For each S (containing the locked vendors) a relaxed
 * segment-chain bound restricted to S is computed (O(n^2 |S|)); sets are
 * searched best bound first with "every vendor of S used", so each assignment
 * is searched in exactly one set, and we stop once the next bound exceeds the
 * k-th best. Cost: C(V, <= m) cheap bounds plus a pruned search of the
 * competitive sets.
 *
 * "auto" runs the chain search on a node budget and, if the budget runs out,
 * continues with the subsets search warm-started with what the chain found
 * (unless the number of sets exceeds SUBSET_LIMIT, then the chain runs to the end).
 */
export const SUBSET_LIMIT = 400_000;
export const CHAIN_NODE_LIMIT = 100_000;

export interface OptimizeResult {
  best: PortfolioMetrics | null;
  top: PortfolioMetrics[];
  bestIntegrated: PortfolioMetrics | null;
  bestSpecialized: PortfolioMetrics | null;
  /** Empty when something is feasible; see optimizer-infeasible.ts for the rule. */
  infeasible: InfeasibleReason[];
  stats: { strategy: "chain" | "subsets" | "chain+subsets"; subsets: number; subsetsSearched: number; nodes: number };
}

export interface SearchOutcome {
  top: TopK;
  stats: OptimizeResult["stats"];
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
}

/** The constrained top-k search; options exist for tests and benchmarks. */
export function searchTopK(p: PreparedProblem, c: TConstraints, options: SearchOptions = {}): SearchOutcome {
  const strategy = options.strategy ?? "auto";
  const allowed = allowedMask(p, c);
  const budget = c.budget ?? Infinity;
  const deadline = c.deadlineWeeks ?? Infinity;
  const top = new TopK(p, c.topK, budget, deadline);
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
  const stats: OptimizeResult["stats"] = { strategy: "chain", subsets: 0, subsetsSearched: 0, nodes: 0 };
  if (required.length > maxVendors) return { top, stats };

  const nSubsets = countSubsets(candidates.length, required.length, maxVendors);
  if (strategy !== "subsets") {
    const chain = new ChainSearch(setup, top, budget, deadline);
    // The chain bound ignores maxVendors until the limit is reached, so it can be
    // weak when the limit binds hard; then the per-set search takes over.
    if (strategy === "auto" && nSubsets <= SUBSET_LIMIT) chain.nodeLimit = options.chainNodeLimit ?? CHAIN_NODE_LIMIT;
    try {
      const all = Int32Array.from([...required, ...candidates]);
      chain.run(all, all.length, false, maxVendors);
      stats.nodes = chain.nodes;
      return { top, stats };
    } catch (e) {
      if (!(e instanceof NodeLimitReached)) throw e;
      // `top` keeps what the chain found: genuine feasible assignments, a valid warm start.
      stats.nodes = chain.nodeLimit;
      stats.strategy = "chain+subsets";
    }
  } else stats.strategy = "subsets";

  const search = new ChainSearch(setup, top, budget, deadline);
  // Pass 1: a relaxed bound per vendor set; sets that cannot cover a stage or
  // that break the budget / deadline even relaxed are dropped here.
  const sets: Int32Array[] = [];
  const bounds: number[] = [];
  const current = [...required];
  const visit = (from: number): void => {
    if (current.length >= 1) {
      stats.subsets++;
      const b = search.rootBound(current, current.length, current.length);
      const thr = top.threshold();
      if (b.risk <= thr + slack(thr) && b.cost <= budget + slack(budget) && b.dur <= deadline + slack(deadline)) {
        sets.push(Int32Array.from(current));
        bounds.push(b.risk);
      }
    }
    if (current.length === maxVendors) return;
    for (let t = from; t < candidates.length; t++) {
      current.push(candidates[t]);
      visit(t + 1);
      current.pop();
    }
  };
  visit(0);

  // Pass 2: best bound first, stop once no remaining set can enter the top-k.
  const order = bounds.map((_, i) => i).sort((x, y) => bounds[x] - bounds[y]);
  for (const i of order) {
    const thr = top.threshold();
    if (bounds[i] > thr + slack(thr)) break;
    stats.subsetsSearched++;
    search.run(sets[i], sets[i].length, true, sets[i].length);
  }
  stats.nodes += search.nodes;
  return { top, stats };
}

export function optimizePortfolio(input: TOptimizeInput): OptimizeResult {
  const parsed = parseOrThrow(ZOptimizeInput, input);
  const p = prepareProblem(parsed.problem, ["problem"]);
  const c = parsed.constraints;
  checkConstraintIds(p, c);
  const { top, stats } = searchTopK(p, c);
  const allowed = allowedMask(p, c);
  const budget = c.budget ?? Infinity;
  const deadline = c.deadlineWeeks ?? Infinity;
  const integrated = bestIntegrated(p, allowed, budget, deadline).items[0];
  const specialized = bestSpecialized(p, allowed, budget, deadline).items[0];
  const list = top.items.map((x) => computeMetrics(p, x.asg));
  return {
    best: list[0] ?? null,
    top: list,
    bestIntegrated: integrated ? computeMetrics(p, integrated.asg) : null,
    bestSpecialized: specialized ? computeMetrics(p, specialized.asg) : null,
    infeasible:
      list.length === 0
        ? explainInfeasible(p, c, (relaxed) => searchTopK(p, { ...relaxed, topK: 1 }).top.items.length > 0)
        : [],
    stats,
  };
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
