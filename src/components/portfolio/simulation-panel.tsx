"use client";

import { useState } from "react";
import type { SimulationResult } from "@/server/decision";
import type { BuiltProblem } from "@/server/portfolio/build";
import type { Column } from "@/server/portfolio/compare";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { Select } from "../ui/input";
import { fmtMoney, fmtMoneyShort, fmtWeeks } from "./format";
import { HistogramChart } from "./histogram-chart";
import { NumberField } from "./number-field";
import { useDecisionWorker } from "./use-worker";

type Saved = {
  iterations: number;
  seed: number;
  assignment: Record<string, string>;
  at: string;
  result: SimulationResult;
};

/**
 * Monte Carlo of one portfolio, in the page's worker with a progress bar and Cancel; the result
 * is then saved with the scenario (the server runs the same seed again and keeps its own run).
 */
export function SimulationPanel({
  columns,
  built,
  currency,
  saved,
  onSave,
  canSave,
  saveHint,
}: {
  columns: Column[];
  built: BuiltProblem;
  currency: string;
  saved: Saved | null;
  onSave: (
    r: { assignment: Record<string, string>; iterations: number; seed: number },
    mine: SimulationResult,
  ) => Promise<void>;
  canSave: boolean;
  saveHint: string | null;
}) {
  const options = columns.filter((c) => c.metrics);
  const [which, setWhich] = useState(
    options.find((c) => c.kind === "manual")?.key ?? options.find((c) => c.optimum)?.key ?? options[0]?.key ?? "",
  );
  const [iterations, setIterations] = useState(50_000);
  const [seed, setSeed] = useState<number | null>(2026);
  const [saving, setSaving] = useState(false);
  const sim = useDecisionWorker((m) => (m.kind === "simulated" ? m.result : null));
  const chosen = options.find((c) => c.key === which) ?? options[0];
  const running = sim.state.status === "running";
  const done = sim.state.status === "done" ? sim.state : null;
  const shown: SimulationResult | null = done?.result ?? saved?.result ?? null;
  const progress = sim.state.status === "running" ? sim.state.progress : null;
  const pct = progress?.total ? Math.round((100 * progress.done) / progress.total) : 0;

  async function run() {
    if (!chosen?.metrics || seed === null) return;
    sim.run({ kind: "simulate", built, assignment: chosen.metrics.assignment, iterations, seed });
  }

  return (
    <Card>
      <CardHeader
        title="Monte Carlo"
        description="Durations drawn from each offer's range (or 0.85x to 1.5x the quote), transfers that fail, vendors that are disrupted: the spread of what may happen, with its seed so anyone can reproduce it."
      />
      <CardBody className="space-y-4">
        <div className="grid items-end gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto]">
          <Field label="Portfolio">
            <Select value={chosen?.key ?? ""} onChange={(e) => setWhich(e.target.value)} disabled={running}>
              {options.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Iterations">
            <Select value={iterations} onChange={(e) => setIterations(Number(e.target.value))} disabled={running}>
              {[10_000, 50_000, 100_000, 200_000].map((n) => (
                <option key={n} value={n}>
                  {n.toLocaleString("en-US")}
                </option>
              ))}
            </Select>
          </Field>
          <NumberField
            label="Seed"
            value={seed}
            onChange={setSeed}
            min={0}
            max={2 ** 31 - 1}
            integer
            disabled={running}
          />
          <div className="flex gap-2">
            {running ? (
              <Button variant="secondary" onClick={sim.cancel}>
                Cancel
              </Button>
            ) : (
              <Button onClick={run} disabled={!chosen?.metrics || seed === null}>
                Run simulation
              </Button>
            )}
          </div>
        </div>
        {running ? (
          <div className="space-y-1">
            <div
              role="progressbar"
              aria-label="Simulation progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct}
              className="h-2 w-full overflow-hidden rounded bg-canvas"
            >
              <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${pct}%` }} />
            </div>
            <p className="text-xs text-ink-muted" aria-live="polite">
              {progress
                ? `${progress.done.toLocaleString("en-US")} of ${progress.total?.toLocaleString("en-US")} iterations`
                : "Starting"}
            </p>
          </div>
        ) : null}
        {sim.state.status === "cancelled" ? <Alert tone="info">Simulation cancelled. Nothing was saved.</Alert> : null}
        {sim.state.status === "failed" ? <Alert tone="danger">{sim.state.message}</Alert> : null}
        {shown ? (
          <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
            <div className="space-y-3">
              <table className="w-full text-sm">
                <caption className="text-left text-sm font-medium text-ink">
                  {done
                    ? `This run: ${chosen?.label}, ${shown.iterations.toLocaleString("en-US")} iterations, seed ${shown.seed}`
                    : `Saved run: ${shown.iterations.toLocaleString("en-US")} iterations, seed ${shown.seed}`}
                </caption>
                <thead>
                  <tr className="border-b border-line text-left text-ink-muted">
                    <th scope="col" className="py-1.5 font-medium" />
                    <th scope="col" className="py-1.5 font-medium">
                      P10
                    </th>
                    <th scope="col" className="py-1.5 font-medium">
                      P50
                    </th>
                    <th scope="col" className="py-1.5 font-medium">
                      P90
                    </th>
                    <th scope="col" className="py-1.5 font-medium">
                      Mean
                    </th>
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  <tr className="border-b border-line">
                    <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                      Duration
                    </th>
                    <td>{fmtWeeks(round1(shown.durationWeeks.p10))}</td>
                    <td>{fmtWeeks(round1(shown.durationWeeks.p50))}</td>
                    <td>{fmtWeeks(round1(shown.durationWeeks.p90))}</td>
                    <td>{fmtWeeks(round1(shown.durationWeeks.mean))}</td>
                  </tr>
                  <tr>
                    <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                      Risk-adjusted cost
                    </th>
                    {(["p10", "p50", "p90", "mean"] as const).map((k) => (
                      <td key={k} title={fmtMoney(shown.riskAdjustedCost[k], currency)}>
                        {fmtMoneyShort(shown.riskAdjustedCost[k], currency)}
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
              {done ? (
                <div className="flex flex-wrap items-center gap-3">
                  <p className="text-xs text-ink-muted">Ran in {Math.round(done.ms)} ms in your browser.</p>
                  {canSave ? (
                    <Button
                      size="sm"
                      pending={saving}
                      onClick={async () => {
                        setSaving(true);
                        try {
                          await onSave(
                            { assignment: chosen!.metrics!.assignment, iterations: shown.iterations, seed: shown.seed },
                            shown,
                          );
                        } finally {
                          setSaving(false);
                        }
                      }}
                    >
                      Save with the scenario
                    </Button>
                  ) : saveHint ? (
                    <p className="text-xs text-ink-muted">{saveHint}</p>
                  ) : null}
                </div>
              ) : saved ? (
                <p className="text-xs text-ink-muted">
                  Saved {new Date(saved.at).toLocaleString("en-GB", { timeZone: "UTC" })} UTC.
                </p>
              ) : null}
            </div>
            <HistogramChart result={shown} />
          </div>
        ) : running ? null : (
          <p className="text-sm text-ink-muted">No simulation yet for this scenario. Choose a portfolio and run one.</p>
        )}
      </CardBody>
    </Card>
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;
