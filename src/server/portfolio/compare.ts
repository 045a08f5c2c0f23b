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
import { coreConstraints, stageName, type BuiltProblem } from "./build";
import type { ScenarioSettings } from "./settings";

export type ColumnKind = "integrated" | "specialized" | "hybrid" | "pinned" | "manual";

export type Column = {
  key: string;
  kind: ColumnKind;
  label: string;
  metrics: PortfolioMetrics | null;
  /** Why there is no portfolio in this column (nothing feasible of this kind, an invalid manual one). */
  empty: string | null;
  optimum: boolean;
};

export type Comparison = {
  columns: Column[];
  top: PortfolioMetrics[];
  infeasible: OptimizeResult["infeasible"];
  optimal: boolean;
  lowerBound: number | null;
};

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

const money = (x: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(x);

/**
 * What separates portfolio `a` from `b`, in words: transfers (weeks and cost), price, time, risk
 * and where the spend concentrates. "The hybrid saves 2 external transfers = 16 weeks and
 * 400,000; it puts 71% of spend at Northbridge."
 */
export function drivers(
  a: { label: string; m: PortfolioMetrics },
  b: { label: string; m: PortfolioMetrics },
  built: BuiltProblem,
  currency: string,
): string[] {
  const as = built.problem.assumptions;
  const name = (id: string) => built.vendors.find((v) => v.id === id)?.name ?? id;
  const out: string[] = [];
  const dExt = b.m.externalTransfers - a.m.externalTransfers;
  if (dExt !== 0) {
    const weeks = Math.abs(dExt) * as.externalTransferWeeks;
    const cost = Math.abs(dExt) * as.externalTransferCost;
    out.push(
      `${a.label} ${dExt > 0 ? "saves" : "needs"} ${Math.abs(dExt)} external transfer${Math.abs(dExt) === 1 ? "" : "s"} ${dExt > 0 ? "fewer than" : "more than"} ${b.label.toLowerCase()} = ${weeks} weeks and ${money(cost, currency)}.`,
    );
  }
  const dVendors = b.m.vendorCount - a.m.vendorCount;
  if (dVendors !== 0)
    out.push(
      `${Math.abs(dVendors)} ${dVendors > 0 ? "fewer" : "more"} vendor${Math.abs(dVendors) === 1 ? "" : "s"} to onboard and manage (${money(Math.abs(dVendors) * as.vendorOverheadCost, currency)} of overhead).`,
    );
  const listA = a.m.vendors.reduce((s, v) => s + v.vendorPrice, 0);
  const listB = b.m.vendors.reduce((s, v) => s + v.vendorPrice, 0);
  if (Math.abs(listA - listB) >= 1)
    out.push(
      `Quoted work costs ${money(Math.abs(listA - listB), currency)} ${listA < listB ? "less" : "more"} (after bundle discounts).`,
    );
  const dDelay = b.m.expectedDisruptionDelayWeeks - a.m.expectedDisruptionDelayWeeks;
  if (Math.abs(dDelay) >= 0.05)
    out.push(
      `Expected disruption delay is ${Math.abs(dDelay).toFixed(1)} weeks ${dDelay > 0 ? "shorter" : "longer"} (${(a.m.disruptionProbability * 100).toFixed(1)}% vs ${(b.m.disruptionProbability * 100).toFixed(1)}% chance of a disruption).`,
    );
  const top = [...a.m.vendors].sort((x, y) => (y.share ?? 0) - (x.share ?? 0))[0];
  if (top && top.share !== null && a.m.vendorCount > 1)
    out.push(`It puts ${Math.round(top.share * 100)}% of spend at ${name(top.vendorId)}.`);
  const dRisk = b.m.riskAdjustedCost - a.m.riskAdjustedCost;
  out.push(
    `Net: ${money(Math.abs(dRisk), currency)} ${dRisk >= 0 ? "lower" : "higher"} risk-adjusted cost, ${Math.abs(b.m.durationWeeks - a.m.durationWeeks)} weeks ${b.m.durationWeeks >= a.m.durationWeeks ? "sooner" : "later"}.`,
  );
  return out;
}

/** The stages each vendor does in a portfolio, for labels ("Northbridge: CLD, PD, DS"). */
export function stagesByVendor(
  m: PortfolioMetrics,
  built: BuiltProblem,
): { vendorId: string; name: string; stages: string[] }[] {
  const out = new Map<string, string[]>();
  for (const s of built.problem.stages) {
    const v = m.assignment[s.id]!;
    out.set(v, [...(out.get(v) ?? []), stageName(s.id)]);
  }
  return [...out].map(([vendorId, stages]) => ({
    vendorId,
    name: built.vendors.find((v) => v.id === vendorId)?.name ?? vendorId,
    stages,
  }));
}
