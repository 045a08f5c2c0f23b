"use client";

import { useRef } from "react";
import { RFP_LIMITS } from "@/server/rfps/content-model";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type OptionErrors = { message?: string; root?: { message?: string } } & Record<
  number,
  { message?: string } | undefined
>;

/**
 * The choices of a single- or multiple-choice question: one text box each, in order, with
 * add, remove and move up/down. Enter in the last box adds the next option.
 */
export function OptionsEditor({
  value,
  onChange,
  errors,
  label,
  disabled,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  errors?: OptionErrors;
  /** The question, for the group's accessible name. */
  label: string;
  disabled?: boolean;
}) {
  const list = useRef<HTMLOListElement>(null);
  const focusAt = (i: number) =>
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLInputElement>("input")[i]?.focus());
  const set = (i: number, v: string) => onChange(value.map((o, j) => (j === i ? v : o)));
  const add = () => {
    onChange([...value, ""]);
    focusAt(value.length);
  };
  const remove = (i: number) => {
    onChange(value.filter((_, j) => j !== i));
    focusAt(Math.max(0, i - 1));
  };
  const move = (i: number, d: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    onChange(next);
    focusAt(i + d);
  };
  const groupError = errors?.message ?? errors?.root?.message;

  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium text-ink">Options</legend>
      <ol ref={list} className="space-y-2">
        {value.map((option, i) => {
          const error = errors?.[i]?.message;
          const errId = `${label}-option-${i}-error`.replace(/[^A-Za-z0-9_-]/g, "_");
          return (
            <li key={i} className="space-y-1">
              <div className="flex items-center gap-2">
                <span aria-hidden className="w-5 text-right text-xs text-ink-muted">
                  {i + 1}.
                </span>
                <Input
                  value={option}
                  maxLength={RFP_LIMITS.option}
                  aria-label={`Option ${i + 1}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errId : undefined}
                  onChange={(e) => set(i, e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") {
                      e.preventDefault();
                      if (i === value.length - 1) add();
                      else focusAt(i + 1);
                    }
                  }}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Move option ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Move option ${i + 1} down`}
                  disabled={i === value.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </Button>
                <Button size="sm" variant="ghost" aria-label={`Remove option ${i + 1}`} onClick={() => remove(i)}>
                  ✕
                </Button>
              </div>
              <div className="pl-7">
                <FieldError id={errId} message={error} />
              </div>
            </li>
          );
        })}
      </ol>
      <FieldError message={groupError} />
      <Button size="sm" variant="secondary" onClick={add} disabled={value.length >= RFP_LIMITS.options}>
        Add option
      </Button>
    </fieldset>
  );
}
