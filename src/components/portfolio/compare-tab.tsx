"use client";

import dynamic from "next/dynamic";
import type { BuiltProblem } from "@/server/portfolio/build";
import { drivers, type Column, type Comparison } from "@/server/portfolio/compare-view";
import type { ScenarioConstraints } from "@/server/portfolio/settings";
import { Alert } from "../ui/alert";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Button } from "../ui/button";
import { Spinner } from "../ui/spinner";
import { ComparisonTable } from "./comparison-table";
import { ConcentrationChart } from "./concentration-chart";
import { ConstraintsPanel } from "./constraints-panel";
import { fmtMoney } from "./format";

// The charts (Recharts) load after the page: the table and the words come first.
const chartLoading = () => <p className="h-64 text-sm text-ink-muted">Loading the chart…</p>;
const GanttChart = dynamic(() => import("./gantt-chart").then((m) => m.GanttChart), {
  ssr: false,
  loading: chartLoading,
});
const CostScatter = dynamic(() => import("./cost-scatter").then((m) => m.CostScatter), {
  ssr: false,
  loading: chartLoading,
});

/** Constraints on the left; on the right the portfolios side by side, what drives them apart, and the charts. */
export function CompareTab({
  built,
  comparison,
  columns,
  running,
  elapsedMs,
  onCancel,
  cancelled,
  failed,
  constraints,
  onConstraints,
  currency,
  colours,
  canWrite,
  actions,
}: {
  built: BuiltProblem;
  comparison: Comparison | null;
  columns: Column[];
  running: boolean;
  /** Milliseconds searched so far, while the optimiser runs (it stops at its time budget). */
  elapsedMs: number | null;
  onCancel: () => void;
  cancelled: boolean;
  failed: string | null;
  constraints: ScenarioConstraints;
  onConstraints: (c: ScenarioConstraints) => void;
  currency: string;
  colours: Map<string, string>;
  canWrite: boolean;
  actions: (c: Column) => React.ReactNode;
}) {
  const by = (k: string) => columns.find((c) => c.kind === k && c.metrics);
  const hybrid = by("hybrid");
  const sentences = hybrid
    ? (["integrated", "specialized"] as const).flatMap((k) => {
        const other = by(k);
        return other
          ? [
              {
                vs: other.label,
                lines: drivers(
                  { label: "The hybrid", m: hybrid.metrics! },
                  { label: other.label, m: other.metrics! },
                  built,
                  currency,
                ),
              },
            ]
          : [];
      })
    : [];
  return (
    <div className="grid items-start gap-5 xl:grid-cols-[16rem_minmax(0,1fr)]">
      <Card>
        <CardHeader title="Constraints" description="The comparison follows every change." />
        <CardBody>
          <ConstraintsPanel
            value={constraints}
            onChange={onConstraints}
            built={built}
            currency={currency}
            disabled={!canWrite}
          />
        </CardBody>
      </Card>
      <div className="min-w-0 space-y-5">
        <Card>
          <CardHeader
            title="Portfolios side by side"
            description="Best of each kind under the constraints, the optimiser's optimum marked, and your pinned scenarios."
            actions={
              running ? (
                <span className="inline-flex items-center gap-3 text-sm text-ink-muted">
                  <span className="inline-flex items-center gap-2" role="status">
                    <Spinner size="sm" /> Optimising
                    {elapsedMs !== null && elapsedMs >= 500
                      ? ` (${(elapsedMs / 1000).toFixed(1)} s; stops at 5 s)`
                      : ""}
                  </span>
                  <Button size="sm" variant="ghost" onClick={onCancel}>
                    Stop
                  </Button>
                </span>
              ) : null
            }
          />
          <CardBody className="space-y-4">
            {failed ? <Alert tone="danger">{failed}</Alert> : null}
            {cancelled ? (
              <Alert tone="info">
                {comparison
                  ? "Stopped. The portfolios shown are from the last comparison that finished, not the current constraints."
                  : "Stopped before a result. Change a constraint to run it again."}
              </Alert>
            ) : null}
            {comparison && comparison.infeasible.length ? (
              <Alert tone="warning" title="Nothing fits these constraints">
                <ul className="list-disc pl-5">
                  {comparison.infeasible.map((r) => (
                    <li key={r.constraint + r.message}>{r.message}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            {comparison && !comparison.optimal ? (
              <Alert tone="info" title="Not proven optimal">
                The search stopped at its time budget. These are the best portfolios found; none can be better than{" "}
                {comparison.lowerBound === null ? "the bound" : fmtMoney(comparison.lowerBound, currency)} in
                risk-adjusted cost.
              </Alert>
            ) : null}
            {columns.length ? (
              <ComparisonTable columns={columns} built={built} currency={currency} actions={actions} />
            ) : (
              <Spinner />
            )}
          </CardBody>
        </Card>
        {sentences.length ? (
          <Card>
            <CardHeader title="What drives the difference" />
            <CardBody className="grid gap-4 md:grid-cols-2">
              {sentences.map((s) => (
                <div key={s.vs}>
                  <p className="text-sm font-medium text-ink">Best hybrid against {s.vs.toLowerCase()}</p>
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-ink">
                    {s.lines.map((l) => (
                      <li key={l}>{l}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </CardBody>
          </Card>
        ) : null}
        {columns.some((c) => c.metrics) ? (
          <Card>
            <CardHeader
              title="Timeline"
              description="Stages by vendor and the transfers between them, in weeks from the start."
            />
            <CardBody>
              <GanttChart columns={columns} built={built} colours={colours} />
            </CardBody>
          </Card>
        ) : null}
        <div className="grid gap-5 lg:grid-cols-2">
          {comparison?.top.length ? (
            <Card>
              <CardHeader
                title="Cost against time"
                description={`The optimiser's best ${comparison.top.length} and the best of each kind; lower left is cheaper and sooner.`}
              />
              <CardBody>
                <CostScatter
                  top={comparison.top}
                  extra={columns.flatMap((c) => (c.metrics ? [c.metrics] : []))}
                  built={built}
                  currency={currency}
                />
              </CardBody>
            </Card>
          ) : null}
          {columns.some((c) => c.metrics) ? (
            <Card>
              <CardHeader
                title="Where spend and regulatory risk sit"
                description="Share of spend per vendor, and each vendor's chance of a disruption while it holds the work."
              />
              <CardBody>
                <ConcentrationChart columns={columns} built={built} colours={colours} />
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
