"use client";

import { useEffect, useRef, useState } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import {
  FILE_TYPES,
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  RFP_LIMITS,
  type QuestionKind,
} from "@/server/rfps/content-model";
import { STAGES } from "@/server/vendors/catalog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { withKind, type BuilderValues, type QuestionValues } from "./builder-values";
import { errorAt, fieldId, hasErrorUnder, textareaClass } from "./form-bits";
import { OptionsEditor } from "./options-editor";

export type QuestionActions = {
  duplicate: () => void;
  remove: () => void;
  /** Move to another section (its index), or undefined when there is only one section. */
  moveTo?: (sectionIndex: number) => void;
};

/**
 * One question: a summary row (drag handle, number, prompt, type, required) that opens into
 * every field its type has. A question with an error stays open so the error is visible.
 */
export function QuestionEditor({
  si,
  qi,
  handleProps,
  actions,
  sections,
  disabled,
  startOpen,
}: {
  si: number;
  qi: number;
  handleProps: Record<string, unknown>;
  actions: QuestionActions;
  /** Titles of all sections, for "Move to section". */
  sections: string[];
  disabled: boolean;
  startOpen?: boolean;
}) {
  const p = `content.sections.${si}.questions.${qi}` as const;
  const { register, control, setValue, getValues, formState } = useFormContext<BuilderValues>();
  const q = useWatch({ control, name: p }) as QuestionValues | undefined;
  const [open, setOpen] = useState(!!startOpen);
  const invalid = hasErrorUnder(formState.errors, p);
  const expanded = open || invalid;
  // A question just added or duplicated opens with the cursor in its text.
  // The first render after an append can come before the form has the question (q undefined,
  // nothing drawn), so try again once it is there.
  const focused = useRef(false);
  const drawn = q !== undefined;
  useEffect(() => {
    if (!startOpen || focused.current || !drawn) return;
    const el = document.getElementById(fieldId(`${p}.prompt`));
    if (!el) return;
    focused.current = true;
    el.focus();
  }, [startOpen, p, drawn]);
  if (!q) return null;

  const err = (f: string) => errorAt(formState.errors, `${p}.${f}`);
  const number = `${si + 1}.${qi + 1}`;
  const bodyId = `${fieldId(p)}-body`;
  const name = q.prompt.trim() || "Untitled question";

  const setKind = (kind: QuestionKind) =>
    setValue(p, withKind(getValues(p), kind), { shouldDirty: true, shouldValidate: formState.isSubmitted });

  return (
    <div
      role="group"
      aria-label={`Question ${number}`}
      className={cn("rounded-md border bg-surface", invalid ? "border-danger-600" : "border-line")}
    >
      <div className="flex items-center gap-2 px-2 py-2">
        <button
          type="button"
          {...handleProps}
          disabled={disabled}
          aria-label={`Move question ${number}: ${name}`}
          className="flex h-8 w-6 cursor-grab touch-none items-center justify-center rounded text-ink-muted hover:bg-canvas disabled:cursor-not-allowed disabled:opacity-40"
        >
          <span aria-hidden>⠿</span>
        </button>
        <span className="w-8 shrink-0 text-xs font-medium text-ink-muted">{number}</span>
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setOpen(!expanded)}
          className="min-w-0 flex-1 truncate text-left text-sm text-ink hover:underline"
        >
          <span className={q.prompt.trim() ? undefined : "text-ink-muted italic"}>{name}</span>
        </button>
        <Badge tone="neutral" className="shrink-0">
          {QUESTION_KIND_LABELS[q.kind]}
          {q.kind === "price" && q.stage ? `: ${STAGES.find((s) => s.code === q.stage)?.label ?? q.stage}` : ""}
        </Badge>
        {q.required ? (
          <Badge tone="brand" className="shrink-0">
            Required
          </Badge>
        ) : null}
        {invalid ? (
          <Badge tone="danger" className="shrink-0">
            Check this
          </Badge>
        ) : null}
      </div>

      <div id={bodyId} hidden={!expanded} className="space-y-4 border-t border-line px-4 py-4">
        {expanded ? (
          <fieldset disabled={disabled} className="space-y-4">
            <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
              <Field label="Question" error={err("prompt")}>
                <textarea
                  id={fieldId(`${p}.prompt`)}
                  rows={2}
                  maxLength={RFP_LIMITS.prompt}
                  className={textareaClass}
                  {...register(`${p}.prompt`)}
                />
              </Field>
              <Field label="Type" error={err("kind")}>
                <Select
                  id={fieldId(`${p}.kind`)}
                  value={q.kind}
                  onChange={(e) => setKind(e.target.value as QuestionKind)}
                >
                  {QUESTION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {QUESTION_KIND_LABELS[k]}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <Field label="Help for the CDMO (optional)" error={err("help")}>
              <textarea
                id={fieldId(`${p}.help`)}
                rows={2}
                maxLength={RFP_LIMITS.help}
                className={textareaClass}
                {...register(`${p}.help`)}
              />
            </Field>
            <KindFields p={p} kind={q.kind} stage={q.stage} err={err} />
            <label className="flex items-center gap-2 text-sm text-ink">
              <input type="checkbox" className="size-4 accent-brand-700" {...register(`${p}.required`)} />
              Required: a response cannot be submitted without an answer
            </label>
          </fieldset>
        ) : null}
        <div className="flex flex-wrap items-center gap-2 border-t border-line pt-3">
          <Button size="sm" variant="secondary" onClick={actions.duplicate} disabled={disabled}>
            Duplicate
          </Button>
          <Button size="sm" variant="ghost" className="text-danger-700" onClick={actions.remove} disabled={disabled}>
            Remove question
          </Button>
          {actions.moveTo ? (
            <label className="ml-auto flex items-center gap-2 text-sm text-ink-muted">
              Move to section
              <Select
                className="h-8 w-48"
                value={si}
                disabled={disabled}
                onChange={(e) => actions.moveTo!(Number(e.target.value))}
              >
                {sections.map((title, i) => (
                  <option key={i} value={i}>
                    {i + 1}. {title.trim() || "Untitled section"}
                  </option>
                ))}
              </Select>
            </label>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** The fields only some types have. */
function KindFields({
  p,
  kind,
  stage,
  err,
}: {
  p: string;
  kind: QuestionKind;
  stage: string;
  err: (f: string) => string | undefined;
}) {
  const { register, control } = useFormContext<BuilderValues>();
  const path = p as `content.sections.${number}.questions.${number}`;
  switch (kind) {
    case "text":
      return (
        <Field label="Longest answer (characters, optional)" error={err("maxLength")} className="max-w-xs">
          <Input
            id={fieldId(`${p}.maxLength`)}
            type="number"
            min={1}
            max={RFP_LIMITS.textAnswer}
            inputMode="numeric"
            placeholder={RFP_LIMITS.textAnswer.toLocaleString("en")}
            {...register(`${path}.maxLength`)}
          />
        </Field>
      );
    case "number":
      return (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Unit" description="e.g. L, g/L, weeks" error={err("unit")}>
            <Input id={fieldId(`${p}.unit`)} maxLength={RFP_LIMITS.unit} {...register(`${path}.unit`)} />
          </Field>
          <Field label="Minimum (optional)" error={err("min")}>
            <Input id={fieldId(`${p}.min`)} type="number" step="any" {...register(`${path}.min`)} />
          </Field>
          <Field label="Maximum (optional)" error={err("max")}>
            <Input id={fieldId(`${p}.max`)} type="number" step="any" {...register(`${path}.max`)} />
          </Field>
        </div>
      );
    case "single":
    case "multi":
      return (
        <Controller
          control={control}
          name={`${path}.options`}
          render={({ field, fieldState }) => (
            <OptionsEditor label={p} value={field.value} onChange={field.onChange} errors={fieldState.error as never} />
          )}
        />
      );
    case "file":
      return (
        <Controller
          control={control}
          name={`${path}.accept`}
          render={({ field }) => (
            <fieldset>
              <legend className="mb-1.5 text-sm font-medium text-ink">Accepted file types</legend>
              <p className="mb-2 text-xs text-ink-muted">None ticked: any of these types.</p>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {FILE_TYPES.map((t) => (
                  <label key={t} className="flex items-center gap-2 text-sm text-ink">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-700"
                      checked={field.value.includes(t)}
                      onChange={(e) =>
                        field.onChange(FILE_TYPES.filter((x) => (x === t ? e.target.checked : field.value.includes(x))))
                      }
                    />
                    .{t}
                  </label>
                ))}
              </div>
              {err("accept") ? <p className="mt-1 text-sm text-danger-700">{err("accept")}</p> : null}
            </fieldset>
          )}
        />
      );
    case "price":
      return (
        <div className="space-y-2">
          <Field
            label="Stage"
            description="The CDMO gives a price, a duration in weeks (optionally the shortest and longest) and what is included."
            error={err("stage") && !stage ? "Choose the stage this price line is for." : err("stage")}
            className="max-w-md"
          >
            <Select id={fieldId(`${p}.stage`)} {...register(`${path}.stage`)}>
              <option value="">Choose a stage</option>
              {STAGES.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      );
    default:
      return null;
  }
}
