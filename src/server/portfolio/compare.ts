// The side-by-side comparison of one scenario, as the page shows it: the best integrated, the
// best specialized and the optimiser's best hybrid (feasible under the scenario's constraints),
// the pinned scenarios' portfolios, and in words what separates them. Pure and browser-safe;
// the page runs it in a Web Worker (compare-worker) and the tests run it against `cdmo`.
import {
  evaluatePortfolio,
  optimizePortfolio,
  type OptimizeResult,
  type OptimizeRunOptions,
  type PortfolioMetrics,
} from "../decision";
import { coreConstraints, type BuiltProblem } from "./build";
import type { Column, ColumnKind, Comparison } from "./compare-view";
import type { ScenarioSettings } from "./settings";

export * from "./compare-view";

export const TOP_K = 10;

export function compareArchetypes(result: OptimizeResult): Column[] {
  const best = result.best;
  const hybrid = result.top.find((p) => p.archetype === "hybrid") ?? null;
  const col = (kind: ColumnKind, label: string, m: PortfolioMetrics | null, empty: string): Column => ({
    key: kind,
    kind,
    label,
    metrics: m,
    empty: m ? null : empty,
    optimum: !!m && !!best && sameAssignment(m.assignment, best.assignment),
  });
  return [
    col(
      "integrated",
      "Best integrated",
      result.bestIntegrated,
      "No single vendor quoted every stage within the constraints.",
    ),
    col("specialized", "Best specialized", result.bestSpecialized, "No all-different assignment fits the constraints."),
    col(
      "hybrid",
      "Best hybrid",
      hybrid,
      result.best
        ? `No hybrid among the optimiser's best ${result.top.length}.`
        : "Nothing is feasible under these constraints.",
    ),
  ];
}

export function sameAssignment(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** A manual or pinned portfolio's metrics, or why it cannot be evaluated on this problem. */
export function evaluateColumn(
  built: BuiltProblem,
  assignment: Record<string, string>,
): { metrics: PortfolioMetrics | null; empty: string | null } {
  for (const s of built.problem.stages) {
    const v = assignment[s.id];
    if (!v) return { metrics: null, empty: `${s.name ?? s.id} has no vendor yet.` };
    if (!built.problem.offers.some((o) => o.stageId === s.id && o.vendorId === v))
      return { metrics: null, empty: `The vendor chosen for ${s.name ?? s.id} has no offer for it in this problem.` };
  }
  return { metrics: evaluatePortfolio({ problem: built.problem, assignment }), empty: null };
}

/** The comparison; `options` bound the optimiser's time (it then reports "not proven optimal; lower bound X"). */
export function runComparison(
  built: BuiltProblem,
  settings: ScenarioSettings,
  options?: OptimizeRunOptions,
): Comparison {
  const result = optimizePortfolio(
    { problem: built.problem, constraints: coreConstraints(built, settings.constraints, TOP_K) },
    options,
  );
  return {
    columns: compareArchetypes(result),
    top: result.top,
    infeasible: result.infeasible,
    optimal: result.optimal,
    lowerBound: result.lowerBound,
  };
}
