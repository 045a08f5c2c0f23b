"use client";

import { useEffect, useState } from "react";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

/**
 * A number the user may leave empty (null). Keeps what is typed as text, so "1e" or "-" survive
 * while typing, and reports a parsed value only when it is a finite number inside [min, max];
 * otherwise it says why beside the field and reports nothing.
 */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  unit,
  description,
  integer,
  scale = 1,
  disabled,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  description?: string;
  integer?: boolean;
  /** The stored value is the shown value divided by this (percent fields: 100). */
  scale?: number;
  disabled?: boolean;
}) {
  const shown = (v: number | null) => (v === null ? "" : String(Number((v * scale).toPrecision(12))));
  const [text, setText] = useState(shown(value));
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setText((t) => (parse(t) === value ? t : shown(value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only an outside change of the value resets the text
  }, [value]);
  function parse(t: string): number | null | undefined {
    if (t.trim() === "") return null;
    const n = Number(t) / scale;
    return Number.isFinite(Number(t)) ? n : undefined;
  }
  return (
    <Field label={unit ? `${label} (${unit})` : label} description={description} error={error}>
      <Input
        inputMode="decimal"
        value={text}
        disabled={disabled}
        step={step}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const n = parse(t);
          if (n === undefined) return setError("Enter a number, or leave it empty.");
          if (n !== null && integer && !Number.isInteger(n * scale)) return setError("Enter a whole number.");
          if (n !== null && (n * scale < min || n * scale > max)) return setError(`Between ${min} and ${max}.`);
          setError(undefined);
          onChange(n);
        }}
      />
    </Field>
  );
}
