// What the portfolio page shows about a comparison that is already computed: the columns' types,
// what separates two portfolios in words, and who does which stage. Without the decision core's
// code (types only), so the page does not load the optimiser and its input validation to draw
// a table; ./compare computes, in the Web Worker and the tests.
import type { OptimizeResult, PortfolioMetrics } from "../decision";
import { stageName, type BuiltProblem } from "./build";

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
