"use client";

import type { MultiQuestion, Question, SingleQuestion } from "@/server/rfps/content";
import { Button } from "@/components/ui/button";
import { answerDomId } from "./question-ids";

type Props<Q extends Question> = {
  question: Q;
  value: unknown;
  onChange: (v: unknown) => void;
  describedBy?: string;
  invalid?: boolean;
};

const box = "h-4 w-4 shrink-0 accent-brand-700";
const row = "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-ink hover:bg-canvas";

function Radios({
  name,
  options,
  value,
  onChange,
  describedBy,
  invalid,
  required,
}: {
  name: string;
  options: { label: string; value: string | boolean }[];
  value: unknown;
  onChange: (v: unknown) => void;
  describedBy?: string;
  invalid?: boolean;
  required: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
      {options.map((o, i) => {
        const id = i === 0 ? answerDomId(name) : `${answerDomId(name)}-${i}`;
        return (
          <label key={String(o.value)} htmlFor={id} className={row}>
            <input
              id={id}
              type="radio"
              name={answerDomId(name)}
              className={box}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              required={required}
            />
            {o.label}
          </label>
        );
      })}
      {value !== undefined && value !== null && value !== "" ? (
        <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
          Clear<span className="sr-only"> this answer</span>
        </Button>
      ) : null}
    </div>
  );
}

export function YesNoAnswer({ question, ...p }: Props<Question>) {
  return (
    <Radios
      name={question.id}
      required={question.required}
      options={[
        { label: "Yes", value: true },
        { label: "No", value: false },
      ]}
      {...p}
    />
  );
}

export function SingleAnswer({ question, value, ...p }: Props<SingleQuestion>) {
  const options = question.options.map((o) => ({ label: o, value: o }));
  // An option the sponsor has since renamed stays visible, so the person sees what they chose.
  if (typeof value === "string" && value && !question.options.includes(value))
    options.push({ label: `${value} (no longer offered)`, value });
  return <Radios name={question.id} required={question.required} options={options} value={value} {...p} />;
}

export function MultiAnswer({ question, value, onChange, describedBy, invalid }: Props<MultiQuestion>) {
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const extra = chosen.filter((c) => !question.options.includes(c));
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      {[...question.options, ...extra].map((o, i) => {
        const id = i === 0 ? answerDomId(question.id) : `${answerDomId(question.id)}-${i}`;
        return (
          <label key={o} htmlFor={id} className={row}>
            <input
              id={id}
              type="checkbox"
              className={box}
              checked={chosen.includes(o)}
              onChange={(e) => {
                const next = e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o);
                onChange(
                  next.length
                    ? question.options
                        .filter((x) => next.includes(x))
                        .concat(next.filter((x) => !question.options.includes(x)))
                    : null,
                );
              }}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
            {question.options.includes(o) ? o : `${o} (no longer offered)`}
          </label>
        );
      })}
    </div>
  );
}
