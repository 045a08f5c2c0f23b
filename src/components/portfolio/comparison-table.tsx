"use client";

import type { PortfolioMetrics } from "@/server/decision";
import type { BuiltProblem } from "@/server/portfolio/build";
import { stagesByVendor, type Column } from "@/server/portfolio/compare-view";
import { Badge } from "../ui/badge";
import { cn } from "../ui/cn";
import { fmtMoney, fmtNum, fmtPct, fmtWeeks } from "./format";

type Row = {
  label: string;
  hint: string;
  value: (m: PortfolioMetrics) => number | null;
  show: (x: number | null, currency: string) => string;
  better: "low" | "high";
};

const ROWS: Row[] = [
  {
    label: "Risk-adjusted cost",
    hint: "Cost plus the cost of delay over the duration and the expected disruption delay: what the optimiser minimises.",
    value: (m) => m.riskAdjustedCost,
    show: (x, c) => fmtMoney(x!, c),
    better: "low",
  },
  {
    label: "Cost",
    hint: "Quoted prices after bundle discounts, transfers and vendor overhead.",
    value: (m) => m.cost,
    show: (x, c) => fmtMoney(x!, c),
    better: "low",
  },
  {
    label: "Duration",
    hint: "Onboarding, every stage and every transfer, end to end.",
    value: (m) => m.durationWeeks,
    show: (x) => fmtWeeks(x!),
    better: "low",
  },
  {
    label: "Vendors",
    hint: "Distinct companies to contract and manage.",
    value: (m) => m.vendorCount,
    show: (x) => String(x),
    better: "low",
  },
  {
    label: "External transfers",
    hint: "Hand-offs between companies (tech transfers).",
    value: (m) => m.externalTransfers,
    show: (x) => String(x),
    better: "low",
  },
  {
    label: "Internal transfers",
    hint: "Hand-offs inside one company.",
    value: (m) => m.internalTransfers,
    show: (x) => String(x),
    better: "low",
  },
  {
    label: "Disruption probability",
    hint: "Chance that at least one vendor is disrupted while it holds the work.",
    value: (m) => m.disruptionProbability,
    show: (x) => fmtPct(x),
    better: "low",
  },
  {
    label: "Expected disruption delay",
    hint: "Weeks lost to disruptions on average; a disrupted vendor's stages all move.",
    value: (m) => m.expectedDisruptionDelayWeeks,
    show: (x) => fmtWeeks(x!),
    better: "low",
  },
  {
    label: "Spend concentration (HHI)",
    hint: "Sum of squared spend shares: 1 = all spend at one vendor.",
    value: (m) => m.concentrationHHI,
    show: (x) => fmtNum(x, 2),
    better: "low",
  },
  {
    label: "Largest vendor share",
    hint: "The share of spend at the biggest vendor.",
    value: (m) => m.largestVendorShare,
    show: (x) => fmtPct(x, 0),
    better: "low",
  },
  {
    label: "Offer score",
    hint: "Evaluation total of the chosen offers, weighted by stage (0-100).",
    value: (m) => m.qualityScore,
    show: (x) => fmtNum(x, 1),
    better: "high",
  },
];

/** The portfolios side by side, one column each, every metric of the model; the best value per row is marked. */
export function ComparisonTable({
  columns,
  built,
  currency,
  actions,
}: {
  columns: Column[];
  built: BuiltProblem;
  currency: string;
  actions?: (c: Column) => React.ReactNode;
}) {
  const filled = columns.filter((c) => c.metrics);
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] border-collapse text-sm">
        <caption className="sr-only">
          Portfolios compared on every metric; the best value in each row is marked best.
        </caption>
        <thead>
          <tr className="border-b border-line align-bottom">
            <th scope="col" className="w-52 py-2 pr-3 text-left font-medium text-ink-muted">
              Metric
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2 text-left align-bottom">
                <div className="flex flex-wrap items-center gap-1.5">
                  <span className="font-semibold text-ink">{c.label}</span>
                  {c.optimum ? <Badge tone="success">Optimum</Badge> : null}
                  {c.kind === "pinned" ? <Badge tone="brand">Pinned</Badge> : null}
                  {c.metrics ? <span className="text-xs font-normal text-ink-muted">{c.metrics.archetype}</span> : null}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-line align-top">
            <th scope="row" className="py-2 pr-3 text-left font-medium text-ink">
              Who does what
            </th>
            {columns.map((c) => (
              <td key={c.key} className="px-3 py-2">
                {c.metrics ? (
                  <ul className="space-y-1">
                    {stagesByVendor(c.metrics, built).map((v) => (
                      <li key={v.vendorId}>
                        <span className="font-medium text-ink">{v.name}</span>
                        <span className="block text-xs text-ink-muted">{v.stages.join(", ")}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-ink-muted">{c.empty}</p>
                )}
              </td>
            ))}
          </tr>
          {ROWS.map((r) => {
            const values = filled.map((c) => r.value(c.metrics!)).filter((x): x is number => x !== null);
            const best = values.length > 1 ? (r.better === "low" ? Math.min(...values) : Math.max(...values)) : null;
            return (
              <tr key={r.label} className="border-b border-line">
                <th scope="row" className="py-2 pr-3 text-left font-normal text-ink">
                  <span title={r.hint}>{r.label}</span>
                </th>
                {columns.map((c) => {
                  const x = c.metrics ? r.value(c.metrics) : null;
                  const isBest = best !== null && x !== null && Math.abs(x - best) < 1e-9;
                  return (
                    <td
                      key={c.key}
                      className={cn("px-3 py-2 tabular-nums", isBest && "font-semibold text-success-700")}
                    >
                      {c.metrics ? r.show(x, currency) : ""}
                      {isBest ? <span className="sr-only"> (best)</span> : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {actions ? (
            <tr>
              <td />
              {columns.map((c) => (
                <td key={c.key} className="px-3 py-3">
                  {c.metrics ? actions(c) : null}
                </td>
              ))}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
