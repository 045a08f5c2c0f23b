"use client";

import type { FieldErrors, UseFormRegister, UseFormSetValue } from "react-hook-form";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { ASSUMPTION_FIELDS, DEFAULT_ASSUMPTIONS } from "./assumptions";
import { formatAssumption } from "./format";
import { assumptionMessage, assumptionValues, type ProgrammeFormValues } from "./form-values";

const UNIT_SUFFIX = { weeks: "weeks", money: "", rate: "%" } as const;

/** The portfolio assumptions, each with its default written beside it and one button to restore them all. */
export function AssumptionsFieldset({
  register,
  errors,
  setValue,
  currency,
}: {
  register: UseFormRegister<ProgrammeFormValues>;
  errors: FieldErrors<ProgrammeFormValues>;
  setValue: UseFormSetValue<ProgrammeFormValues>;
  currency: string;
}) {
  const reset = () => {
    const defaults = assumptionValues();
    for (const f of ASSUMPTION_FIELDS)
      setValue(`assumptions.${f.key}`, defaults[f.key], { shouldDirty: true, shouldValidate: true });
  };
  return (
    <fieldset className="min-w-0 space-y-4">
      <legend className="sr-only">Portfolio assumptions</legend>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="max-w-2xl text-sm text-ink-muted">
          How the portfolio comparison prices hand-offs and risk for this programme. Each starts at the decision
          model&apos;s default; change what you know better. An empty box means the default.
        </p>
        <Button variant="secondary" size="sm" onClick={reset}>
          Restore all defaults
        </Button>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {ASSUMPTION_FIELDS.map((f) => (
          <Field
            key={f.key}
            label={
              <>
                {f.label}
                {UNIT_SUFFIX[f.unit] ? (
                  <span className="font-normal text-ink-muted"> ({UNIT_SUFFIX[f.unit]})</span>
                ) : null}
                {f.unit === "money" ? <span className="font-normal text-ink-muted"> ({currency})</span> : null}
              </>
            }
            description={
              <>
                {f.help} Default: {formatAssumption(DEFAULT_ASSUMPTIONS[f.key], f.unit, currency)}.
              </>
            }
            error={assumptionMessage(f.key, errors.assumptions?.[f.key]?.message)}
          >
            <Input
              inputMode="decimal"
              type="number"
              min={0}
              max={f.unit === "rate" ? 100 : undefined}
              step="any"
              {...register(`assumptions.${f.key}`)}
            />
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
