"use client";

import { RFP_LIMITS, type PriceQuestion } from "@/server/rfps/content-model";
import { stageLabel } from "@/server/vendors/catalog";
import { FieldError } from "@/components/ui/field";
import { NumberInput } from "./number-input";
import { withPriceField } from "./field-values";
import { answerDomId } from "./question-ids";
import { errorId } from "./question-shell";
import { textareaClass } from "./text-number-answers";

const PARTS = [
  { key: "price", label: "Price", hint: "Total for the stage", required: true },
  { key: "durationWeeks", label: "Duration (weeks)", hint: "Expected", required: true },
  { key: "minWeeks", label: "Shortest (weeks)", hint: "Optional", required: false },
  { key: "maxWeeks", label: "Longest (weeks)", hint: "Optional", required: false },
] as const;

/** A price line for one stage: price, expected duration with an optional range, and what the price includes. */
export function PriceAnswer({
  question,
  value,
  onChange,
  issues,
  describedBy,
}: {
  question: PriceQuestion;
  value: unknown;
  onChange: (v: unknown) => void;
  /** Messages by part (price, durationWeeks, minWeeks, maxWeeks, includes). */
  issues: Record<string, string>;
  describedBy?: string;
}) {
  const line = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const set = (field: string, next: unknown) => onChange((prev: unknown) => withPriceField(prev, field, next));
  const includesId = answerDomId(question.id, "includes");
  return (
    <div className="space-y-3">
      <p className="text-xs font-semibold tracking-wide text-ink-muted uppercase">{stageLabel(question.stage)}</p>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {PARTS.map((p) => {
          const id = answerDomId(question.id, p.key);
          const hintId = `${id}-hint`;
          const err = issues[p.key];
          return (
            <div key={p.key} className="space-y-1">
              <label htmlFor={id} className="block text-sm font-medium text-ink">
                {p.label}
                {p.required && question.required ? <span className="sr-only"> (required)</span> : null}
              </label>
              <NumberInput
                id={id}
                value={line[p.key]}
                onValue={(n) => set(p.key, n)}
                aria-describedby={[describedBy, hintId, err ? errorId(question, p.key) : null]
                  .filter(Boolean)
                  .join(" ")}
                aria-invalid={err ? true : undefined}
              />
              <p id={hintId} className="text-xs text-ink-muted">
                {p.hint}
              </p>
              <FieldError id={errorId(question, p.key)} message={err} />
            </div>
          );
        })}
      </div>
      <div className="space-y-1">
        <label htmlFor={includesId} className="block text-sm font-medium text-ink">
          What the price includes
        </label>
        <textarea
          id={includesId}
          rows={3}
          maxLength={RFP_LIMITS.includes}
          value={typeof line.includes === "string" ? line.includes : ""}
          onChange={(e) => set("includes", e.target.value)}
          aria-describedby={issues.includes ? errorId(question, "includes") : describedBy}
          aria-invalid={issues.includes ? true : undefined}
          className={textareaClass(!!issues.includes)}
        />
        <FieldError id={errorId(question, "includes")} message={issues.includes} />
      </div>
    </div>
  );
}
