"use client";

import { Controller, useFormContext, useWatch } from "react-hook-form";
import { STAGES, type StageCode } from "@/server/vendors/catalog";
import { FieldError, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { CheckboxGroup } from "@/components/vendors/checkbox-group";
import type { BuilderValues } from "./builder-values";
import { errorAt, fieldId, textareaClass } from "./form-bits";

const STAGE_OPTIONS = STAGES.map((s) => ({ value: s.code, label: s.label }));

/** Title, summary and the stages in scope (each needs a price line before publishing). */
export function BasicsFields({ disabled }: { disabled: boolean }) {
  const { register, control, formState } = useFormContext<BuilderValues>();
  const e = (p: string) => errorAt(formState.errors, p);
  return (
    <fieldset className="space-y-4" disabled={disabled}>
      <legend className="sr-only">Title, summary and scope</legend>
      <Field label="Title" error={e("title")}>
        <Input id={fieldId("title")} maxLength={200} {...register("title")} />
      </Field>
      <Field
        label="Summary (optional)"
        description="What you are sourcing and why, in a few lines. Invitees read it first."
        error={e("summary")}
      >
        <textarea
          id={fieldId("summary")}
          rows={3}
          maxLength={4000}
          className={textareaClass}
          {...register("summary")}
        />
      </Field>
      <Controller
        control={control}
        name="stages"
        render={({ field }) => (
          <CheckboxGroup
            legend="Stages in scope"
            options={STAGE_OPTIONS}
            value={field.value}
            onChange={(v) => field.onChange(v as StageCode[])}
            columns={2}
            error={e("stages")}
          />
        )}
      />
    </fieldset>
  );
}

/** Sealed bids and the committee opening, with what each means; fixed once published. */
export function SealFields({ locked }: { locked: boolean }) {
  const { register, control, formState } = useFormContext<BuilderValues>();
  const sealed = useWatch({ control, name: "sealed" });
  return (
    <fieldset className="space-y-3" disabled={locked}>
      <legend className="text-sm font-semibold text-ink">Sealed bids</legend>
      <label className="flex items-start gap-2 text-sm text-ink">
        <input type="checkbox" className="mt-0.5 size-4 accent-brand-700" {...register("sealed")} />
        <span>
          Seal the prices until the due date
          <span className="block text-xs text-ink-muted">
            Nobody on your team sees any price (pages, exports, audit log) before the due date, so early quotes cannot
            shape the evaluation or leak to other bidders.
          </span>
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm text-ink">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-brand-700"
          disabled={!sealed || locked}
          {...register("committeeOpening")}
        />
        <span>
          Committee opening
          <span className="block text-xs text-ink-muted">
            After the due date, prices open only when two members of your team have both chosen “Open the bids”, as in a
            public tender.
          </span>
        </span>
      </label>
      <FieldError message={errorAt(formState.errors, "committeeOpening")} />
      {locked ? (
        <p className="text-xs text-ink-muted">
          Fixed since publication: invitees were told how their prices would be opened.
        </p>
      ) : null}
    </fieldset>
  );
}
