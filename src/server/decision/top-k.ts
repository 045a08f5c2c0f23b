import { computeCore, type CoreMetrics } from "./portfolio";
import type { PreparedProblem } from "./problem";

/**
 * The k best assignments under the spec's total order: riskAdjustedCost, then
 * cost, then durationWeeks, then the list of vendor ids in stage order compared
 * lexicographically (ids compared by UTF-16 code units, like `<` on strings).
 * Values are the floats of `computeCore`, compared exactly.
 */
export interface Candidate {
  asg: Int32Array;
  core: CoreMetrics;
}

export function compareCandidates(p: PreparedProblem, x: Candidate, y: Candidate): number {
  const a = x.core;
  const b = y.core;
  if (a.riskAdjustedCost !== b.riskAdjustedCost) return a.riskAdjustedCost < b.riskAdjustedCost ? -1 : 1;
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.durationWeeks !== b.durationWeeks) return a.durationWeeks < b.durationWeeks ? -1 : 1;
  for (let s = 0; s < p.n; s++) {
    const d = p.vendorRank[x.asg[s]] - p.vendorRank[y.asg[s]];
    if (d !== 0) return d;
  }
  return 0;
}

export class TopK {
  readonly items: Candidate[] = [];
  constructor(
    private readonly p: PreparedProblem,
    private readonly k: number,
    /** Feasibility of the metrics the search cannot prune exactly (budget, deadline). */
    private readonly budget: number,
    private readonly deadline: number,
  ) {}

  /** Pruning threshold: a branch whose lower bound is above this cannot enter the list. */
  threshold(): number {
    return this.items.length < this.k ? Infinity : this.items[this.items.length - 1].core.riskAdjustedCost;
  }

  /** Evaluates a complete assignment and keeps it if feasible and good enough. */
  offer(asg: Int32Array): void {
    const core = computeCore(this.p, asg);
    if (core.cost > this.budget || core.durationWeeks > this.deadline) return;
    if (core.riskAdjustedCost > this.threshold()) return;
    const items = this.items;
    // A warm-started search may meet an assignment twice; the list holds distinct ones.
    for (const it of items) if (sameAssignment(it.asg, asg)) return;
    const cand: Candidate = { asg: Int32Array.from(asg), core };
    let at = items.length;
    while (at > 0 && compareCandidates(this.p, cand, items[at - 1]) < 0) at--;
    if (at >= this.k) return;
    items.splice(at, 0, cand);
    if (items.length > this.k) items.pop();
  }
}

function sameAssignment(x: Int32Array, y: Int32Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Slack for float rounding in bounds: prune only when clearly above the threshold. */
export function slack(x: number): number {
  return 1e-9 * Math.max(1, Math.abs(x));
}
