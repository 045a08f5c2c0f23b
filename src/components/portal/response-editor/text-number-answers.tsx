"use client";

import { RFP_LIMITS, type NumberQuestion, type TextQuestion } from "@/server/rfps/content-model";
import { cn } from "@/components/ui/cn";
import { NumberInput } from "./number-input";
import { answerDomId } from "./question-ids";

type Props<Q> = {
  question: Q;
  value: unknown;
  onChange: (v: unknown) => void;
  describedBy?: string;
  invalid?: boolean;
};

export const textareaClass = (invalid?: boolean) =>
  cn(
    "block w-full rounded-md border bg-surface px-3 py-2 text-sm text-ink shadow-sm placeholder:text-ink-muted",
    invalid ? "border-danger-600" : "border-line-strong",
  );

export function TextAnswer({ question, value, onChange, describedBy, invalid }: Props<TextQuestion>) {
  const text = typeof value === "string" ? value : "";
  const max = question.maxLength ?? RFP_LIMITS.textAnswer;
  const countId = `${answerDomId(question.id)}-count`;
  return (
    <>
      <textarea
        id={answerDomId(question.id)}
        rows={Math.min(12, Math.max(4, Math.ceil(text.length / 110) + 1))}
        maxLength={max}
        value={text}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
        aria-describedby={[describedBy, countId].filter(Boolean).join(" ")}
        aria-invalid={invalid || undefined}
        aria-required={question.required || undefined}
        className={textareaClass(invalid)}
      />
      <p id={countId} className="mt-1 text-right text-xs text-ink-muted">
        {text.length.toLocaleString("en-GB")} of {max.toLocaleString("en-GB")} characters
      </p>
    </>
  );
}

export function NumberAnswer({ question, value, onChange, describedBy, invalid }: Props<NumberQuestion>) {
  const v = value && typeof value === "object" ? (value as { value?: unknown }).value : undefined;
  const unitId = `${answerDomId(question.id)}-unit`;
  const range = [
    question.min !== undefined ? `at least ${question.min}` : null,
    question.max !== undefined ? `at most ${question.max}` : null,
  ].filter(Boolean);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <NumberInput
        id={answerDomId(question.id)}
        className="w-48"
        value={v}
        onValue={(n) => onChange(n === null ? null : { value: n })}
        aria-describedby={[describedBy, unitId].filter(Boolean).join(" ")}
        aria-invalid={invalid || undefined}
        aria-required={question.required || undefined}
      />
      <span id={unitId} className="text-sm text-ink-muted">
        {question.unit || "units"}
        {range.length ? ` (${range.join(", ")})` : ""}
      </span>
    </div>
  );
}
