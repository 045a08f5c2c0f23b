"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldError } from "../ui/field";
import { cn } from "../ui/cn";

const KINDS = [
  { value: "SPONSOR", label: "Sponsor (biotech / pharma)", hint: "You run selections and send RFPs to manufacturers." },
  {
    value: "CDMO",
    label: "CDMO (contract manufacturer)",
    hint: "You keep a public profile and answer sponsors' RFPs.",
  },
] as const;

/** Organisation kind as two radio cards inside a fieldset; the label text is the accessible name. */
export function KindRadioCards({
  registration,
  error,
  legend = "Organisation kind",
}: {
  registration: UseFormRegisterReturn;
  error?: string;
  legend?: string;
}) {
  const errId = `${registration.name}-error`;
  return (
    <fieldset aria-describedby={error ? errId : undefined}>
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {KINDS.map((k) => {
          const id = `${registration.name}-${k.value}`;
          return (
            <div
              key={k.value}
              className={cn(
                "relative flex gap-3 rounded-md border border-line-strong bg-surface p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
              )}
            >
              <input
                id={id}
                type="radio"
                value={k.value}
                aria-describedby={`${id}-hint`}
                className="mt-0.5 size-4 accent-brand-700"
                {...registration}
              />
              <div>
                <label
                  htmlFor={id}
                  className="text-sm font-medium text-ink after:absolute after:inset-0 after:content-['']"
                >
                  {k.label}
                </label>
                <p id={`${id}-hint`} className="mt-0.5 text-xs text-ink-muted">
                  {k.hint}
                </p>
              </div>
            </div>
          );
        })}
      </div>
      <FieldError id={errId} message={error} />
    </fieldset>
  );
}
