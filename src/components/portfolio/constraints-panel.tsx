"use client";

import type { BuiltProblem } from "@/server/portfolio/build";
import type { ScenarioConstraints } from "@/server/portfolio/settings";
import { Field } from "../ui/field";
import { Select } from "../ui/input";
import { NumberField } from "./number-field";

/** The optimiser's constraints; every change re-runs the comparison (in the worker) at once. */
export function ConstraintsPanel({
  value,
  onChange,
  built,
  currency,
  disabled,
}: {
  value: ScenarioConstraints;
  onChange: (c: ScenarioConstraints) => void;
  built: BuiltProblem;
  currency: string;
  disabled: boolean;
}) {
  const set = (patch: Partial<ScenarioConstraints>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="space-y-4" disabled={disabled}>
      <legend className="sr-only">Constraints</legend>
      <NumberField
        label="Most vendors"
        value={value.maxVendors}
        onChange={(v) => set({ maxVendors: v })}
        min={1}
        max={200}
        integer
        description="Leave empty for no limit."
      />
      <NumberField
        label="Budget"
        unit={currency}
        value={value.budget}
        onChange={(v) => set({ budget: v })}
        min={0}
        max={1e12}
      />
      <NumberField
        label="Deadline"
        unit="weeks"
        value={value.deadlineWeeks}
        onChange={(v) => set({ deadlineWeeks: v })}
        min={0}
        max={520}
      />
      <NumberField
        label="Lowest offer score"
        value={value.minOfferScore}
        onChange={(v) => set({ minOfferScore: v })}
        min={0}
        max={100}
        description="Evaluation total, 0-100. An offer without a score fails it."
      />
      <div className="space-y-2">
        <p className="text-sm font-medium text-ink">Lock a stage to a vendor</p>
        {built.problem.stages.map((s) => {
          const offers = built.problem.offers.filter((o) => o.stageId === s.id);
          return (
            <Field key={s.id} label={s.name ?? s.id}>
              <Select
                value={value.locked[s.id as keyof typeof value.locked] ?? ""}
                onChange={(e) => {
                  const locked = { ...value.locked } as Record<string, string>;
                  if (e.target.value) locked[s.id] = e.target.value;
                  else delete locked[s.id];
                  set({ locked: locked as ScenarioConstraints["locked"] });
                }}
              >
                <option value="">Any vendor</option>
                {offers.map((o) => (
                  <option key={o.vendorId} value={o.vendorId}>
                    {built.vendors.find((v) => v.id === o.vendorId)?.name}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-ink">Exclude vendors</legend>
        {built.vendors.map((v) => (
          <label key={v.id} className="flex items-center gap-2 text-sm text-ink">
            <input
              type="checkbox"
              className="size-4"
              checked={value.excludedVendors.includes(v.id)}
              onChange={(e) =>
                set({
                  excludedVendors: e.target.checked
                    ? [...value.excludedVendors, v.id]
                    : value.excludedVendors.filter((x) => x !== v.id),
                })
              }
            />
            {v.name}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
