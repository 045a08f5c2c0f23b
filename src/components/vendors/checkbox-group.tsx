"use client";

import { useId } from "react";
import { cn } from "../ui/cn";

export type Option = { value: string; label: string };

/**
 * A set of checkboxes in a fieldset: the legend names the group for screen readers and
 * each box is labelled by its catalog label. Controlled (value = the checked values).
 */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  disabled,
  columns = 1,
  error,
  className,
}: {
  legend: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  columns?: 1 | 2 | 3;
  error?: string;
  className?: string;
}) {
  const id = useId();
  const toggle = (v: string, on: boolean) => {
    const set = new Set(value);
    if (on) set.add(v);
    else set.delete(v);
    // Keep catalog order so the URL and saved filters are stable.
    onChange(options.map((o) => o.value).filter((x) => set.has(x)));
  };
  return (
    <fieldset
      className={cn("min-w-0", className)}
      aria-describedby={error ? `${id}-err` : undefined}
      disabled={disabled}
    >
      <legend className="mb-1.5 text-sm font-medium text-ink">{legend}</legend>
      <div className={cn("grid gap-x-4 gap-y-1", columns === 2 && "sm:grid-cols-2", columns === 3 && "sm:grid-cols-3")}>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-ink">
            <input
              type="checkbox"
              className="size-4 accent-brand-700"
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-err`} role="alert" className="mt-1 text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
