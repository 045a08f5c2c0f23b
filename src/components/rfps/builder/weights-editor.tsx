"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { DEFAULT_WEIGHTS, WEIGHT_KEYS, WEIGHT_LABELS, type RfpWeights } from "@/server/rfps/content-model";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";
import type { BuilderValues } from "./builder-values";
import { errorAt, fieldId } from "./form-bits";

const HINTS: Record<keyof RfpWeights, string> = {
  capability: "Stages, modalities and scale the CDMO covers",
  quality: "Inspections, warning letters and recalls",
  pricing: "Quoted prices per stage",
  handoff: "Fewer transfers between companies",
};

/** The four evaluation weights as sliders with exact number boxes, and their total, live. */
export function WeightsEditor({ disabled }: { disabled: boolean }) {
  const { register, control, setValue, formState } = useFormContext<BuilderValues>();
  const weights = useWatch({ control, name: "weights" });
  const total = WEIGHT_KEYS.reduce((n, k) => n + (Number.isFinite(weights?.[k]) ? weights[k] : 0), 0);
  const rounded = Math.round(total * 100) / 100;
  const ok = Math.abs(total - 100) <= 0.01;
  const error = errorAt(formState.errors, "weights");

  return (
    <fieldset className="space-y-3" disabled={disabled} aria-describedby="rfp-weights-total">
      <legend className="text-sm font-semibold text-ink">Evaluation weights</legend>
      <p className="text-xs text-ink-muted">
        How much each criterion counts when your team scores the responses. Invitees do not see them.
      </p>
      {WEIGHT_KEYS.map((k) => {
        const id = fieldId(`weights.${k}`);
        return (
          <div key={k} className="space-y-1">
            <div className="flex items-center justify-between gap-2">
              <label htmlFor={id} className="text-sm font-medium text-ink">
                {WEIGHT_LABELS[k]}
              </label>
              <span className="flex items-center gap-1 text-sm">
                <input
                  id={id}
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  inputMode="numeric"
                  className="h-8 w-16 rounded-md border border-line-strong bg-surface px-2 text-right text-sm"
                  aria-describedby={`${id}-hint`}
                  {...register(`weights.${k}`, { valueAsNumber: true })}
                />
                <span aria-hidden>%</span>
              </span>
            </div>
            <input
              type="range"
              min={0}
              max={100}
              step={1}
              aria-label={`${WEIGHT_LABELS[k]} weight`}
              aria-valuetext={`${weights?.[k] ?? 0}%`}
              className="w-full accent-brand-700"
              value={Number.isFinite(weights?.[k]) ? weights[k] : 0}
              onChange={(e) =>
                setValue(`weights.${k}`, Number(e.target.value), {
                  shouldDirty: true,
                  shouldValidate: formState.isSubmitted,
                })
              }
            />
            <p id={`${id}-hint`} className="text-xs text-ink-muted">
              {HINTS[k]}
            </p>
          </div>
        );
      })}
      <div className="flex items-center justify-between gap-2 border-t border-line pt-2">
        <p
          id="rfp-weights-total"
          aria-live="polite"
          className={cn("text-sm font-semibold", ok ? "text-success-700" : "text-danger-700")}
        >
          Total {rounded}%
          {ok
            ? ""
            : ` (must be 100%; ${rounded > 100 ? `${Math.round((rounded - 100) * 100) / 100} over` : `${Math.round((100 - rounded) * 100) / 100} to go`})`}
        </p>
        <Button
          size="sm"
          variant="ghost"
          onClick={() =>
            setValue("weights", { ...DEFAULT_WEIGHTS }, { shouldDirty: true, shouldValidate: formState.isSubmitted })
          }
        >
          Use defaults
        </Button>
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}
