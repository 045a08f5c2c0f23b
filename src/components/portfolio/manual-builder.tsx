"use client";

import type { BuiltProblem } from "@/server/portfolio/build";
import type { Column } from "@/server/portfolio/compare";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Select } from "../ui/input";
import { fmtMoney } from "./format";

/**
 * Assign each stage by hand; the comparison's "This scenario" column recomputes on every change
 * (the decision core runs in the browser, the same code as the server and `cdmo`).
 */
export function ManualBuilder({
  built,
  assignment,
  onChange,
  columns,
  currency,
  disabled,
}: {
  built: BuiltProblem;
  assignment: Record<string, string> | null;
  onChange: (a: Record<string, string> | null) => void;
  columns: Column[];
  currency: string;
  disabled: boolean;
}) {
  const name = (id: string) => built.vendors.find((v) => v.id === id)?.name ?? id;
  const starts = columns.filter((c) => c.metrics && c.kind !== "manual");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-ink-muted">Start from</span>
        {starts.map((c) => (
          <Button
            key={c.key}
            size="sm"
            variant="secondary"
            disabled={disabled}
            onClick={() => onChange({ ...c.metrics!.assignment })}
          >
            {c.label}
          </Button>
        ))}
        {assignment ? (
          <Button size="sm" variant="ghost" disabled={disabled} onClick={() => onChange(null)}>
            Clear: follow the optimiser
          </Button>
        ) : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {built.problem.stages.map((s) => {
          const offers = built.problem.offers.filter((o) => o.stageId === s.id);
          return (
            <Field key={s.id} label={s.name ?? s.id}>
              <Select
                value={assignment?.[s.id] ?? ""}
                disabled={disabled}
                onChange={(e) => {
                  const next = { ...(assignment ?? {}) };
                  if (e.target.value) next[s.id] = e.target.value;
                  else delete next[s.id];
                  onChange(Object.keys(next).length ? next : null);
                }}
              >
                <option value="">Choose a vendor</option>
                {offers.map((o) => (
                  <option key={o.vendorId} value={o.vendorId}>
                    {name(o.vendorId)}: {fmtMoney(o.price, currency)}, {o.durationWeeks} wk
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
    </div>
  );
}
