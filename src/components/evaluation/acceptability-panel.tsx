"use client";

import { memo, useDeferredValue, useMemo, useState } from "react";
import { computeAcceptability } from "@/server/decision/acceptability";
import type { TScorecardInput } from "@/server/decision";
import type { FlatCriterion } from "@/server/evaluation/criteria";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { Select } from "../ui/input";
import { pct } from "./types";

const ITERATIONS = 20_000;
const SEED = 2026;
// Rank 1 darkest; later ranks fade (and each segment carries its share as text when wide enough).
const RANK_COLORS = ["#1e3a8a", "#2563eb", "#60a5fa", "#bfdbfe", "#e0e7ff", "#f1f5f9"];

/**
 * Rank acceptability (decision model 2b): how often each vendor ranks first, second, ... when
 * the weights move around the team's (plus or minus the spread) or anywhere at all. Seeded, so
 * the same settings always give the same bars.
 */
export const AcceptabilityPanel = memo(function AcceptabilityPanel({
  input,
  names,
  tops,
}: {
  input: TScorecardInput;
  names: Map<string, string>;
  tops: FlatCriterion[];
}) {
  const [mode, setMode] = useState<"around" | "simplex">("around");
  const [spread, setSpread] = useState(0.25);
  const deferredSpread = useDeferredValue(spread);
  const result = useMemo(
    () => computeAcceptability({ ...input, mode, spread: deferredSpread, iterations: ITERATIONS, seed: SEED }),
    [input, mode, deferredSpread],
  );
  const m = result.vendors.length;
  const describe = (id: string, a1: number) =>
    mode === "around"
      ? `${names.get(id)} ranks first in ${pct(a1)} of weightings within plus or minus ${pct(deferredSpread)} of yours`
      : `${names.get(id)} ranks first in ${pct(a1)} of all possible weightings`;
  return (
    <Card>
      <CardHeader
        title="How sure is the winner"
        description={`Rank acceptability over ${ITERATIONS.toLocaleString("en-US")} sampled weightings (seed ${SEED}). Each bar shows the share of weightings in which the vendor ranks 1st, 2nd, …`}
      />
      <CardBody className="space-y-4">
        <div className="flex flex-wrap items-end gap-4">
          <Field label="Weights drawn">
            <Select value={mode} onChange={(e) => setMode(e.target.value as "around" | "simplex")}>
              <option value="around">Around the team&apos;s weights</option>
              <option value="simplex">Anywhere (nothing known about weights)</option>
            </Select>
          </Field>
          {mode === "around" ? (
            <div className="min-w-56">
              <label htmlFor="acc-spread" className="text-sm font-medium text-ink">
                Spread: plus or minus {pct(spread)}
              </label>
              <input
                id="acc-spread"
                type="range"
                min={0}
                max={90}
                step={5}
                value={Math.round(spread * 100)}
                aria-valuetext={`plus or minus ${pct(spread)}`}
                onChange={(e) => setSpread(Number(e.target.value) / 100)}
                className="mt-1 w-full accent-brand-600"
              />
            </div>
          ) : null}
        </div>
        {m === 0 ? (
          <p className="text-sm text-ink-muted">No vendor has a subtotal in every category yet.</p>
        ) : (
          <ul className="space-y-3" data-testid="acceptability">
            {result.vendors.map((v) => (
              <li key={v.vendorId}>
                <p className="text-sm text-ink">{describe(v.vendorId, v.acceptability[0] ?? 0)}.</p>
                <div
                  className="mt-1 flex h-6 w-full overflow-hidden rounded border border-line"
                  role="img"
                  aria-label={v.acceptability.map((a, r) => `rank ${r + 1}: ${pct(a)}`).join(", ")}
                >
                  {v.acceptability.map((a, r) =>
                    a > 0 ? (
                      <div
                        key={r}
                        style={{
                          width: `${a * 100}%`,
                          backgroundColor: RANK_COLORS[Math.min(r, RANK_COLORS.length - 1)],
                        }}
                        className={`flex items-center justify-center text-[11px] font-medium ${r < 2 ? "text-white" : "text-ink"}`}
                        title={`Rank ${r + 1}: ${pct(a, 1)}`}
                      >
                        {a >= 0.08 ? `${r + 1}: ${pct(a)}` : ""}
                      </div>
                    ) : null,
                  )}
                </div>
                {v.centralWeights ? (
                  <p className="mt-1 text-xs text-ink-muted">
                    Typical weights when first:{" "}
                    {tops.map((t) => `${t.name} ${pct(v.centralWeights![t.id] ?? 0)}`).join(", ")}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {result.excludedVendors.length ? (
          <p className="text-xs text-ink-muted">
            Left out (a category not scored): {result.excludedVendors.map((id) => names.get(id)).join(", ")}.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
});
