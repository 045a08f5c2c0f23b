"use client";

import { useState, type ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import { parseNumberInput } from "./field-values";

const shown = (v: unknown) =>
  typeof v === "number" && Number.isFinite(v) ? String(v) : typeof v === "string" ? v : "";

/**
 * A number typed as text ("1,250,000" is fine). It reports a number, null when emptied, or the
 * raw text when it is not a number yet: kept (and saved on this device) so no keystroke is lost,
 * while the domain's check says "must be a number" beside it and autosave holds it back.
 */
export function NumberInput({
  value,
  onValue,
  ...rest
}: { value: unknown; onValue: (v: number | string | null) => void } & Omit<
  ComponentProps<typeof Input>,
  "value" | "onChange" | "type"
>) {
  const [text, setText] = useState(() => shown(value));
  // Follow a change made elsewhere (a colleague's answer taken after a conflict).
  const parsed = parseNumberInput(text);
  const inSync = parsed === "invalid" ? text === value : parsed === (value ?? null);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (!inSync) setText(shown(value));
  }
  return (
    <Input
      {...rest}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={text}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        const n = parseNumberInput(t);
        onValue(n === "invalid" ? t : n);
      }}
    />
  );
}
