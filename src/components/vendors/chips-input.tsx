"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { Label } from "../ui/label";
import { RemovableChips } from "../ui/removable-chips";

/**
 * A list of short strings edited as chips: type and press Enter (or "Add"); each chip has
 * its own labelled remove button. Suggestions come through a native datalist.
 */
export function ChipsInput({
  label,
  value,
  onChange,
  suggestions = [],
  disabled,
  placeholder,
  maxLength = 60,
  description,
}: {
  label: string;
  value: string[];
  onChange: (next: string[]) => void;
  suggestions?: readonly string[];
  disabled?: boolean;
  placeholder?: string;
  maxLength?: number;
  description?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const add = () => {
    const v = draft.trim();
    if (!v) return;
    if (!value.some((x) => x.toLowerCase() === v.toLowerCase())) onChange([...value, v]);
    setDraft("");
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      add();
    }
  };
  return (
    <div className="space-y-1.5">
      {disabled ? <p className="text-sm font-medium text-ink">{label}</p> : <Label htmlFor={id}>{label}</Label>}
      {value.length ? (
        <RemovableChips
          label={`${label}: current`}
          items={value.map((v) => ({ value: v, text: v }))}
          onRemove={disabled ? undefined : (v) => onChange(value.filter((x) => x !== v))}
        />
      ) : (
        <p className="text-xs text-ink-muted">None yet.</p>
      )}
      {disabled ? null : (
        <div className="flex gap-2">
          <Input
            id={id}
            value={draft}
            maxLength={maxLength}
            list={suggestions.length ? `${id}-list` : undefined}
            placeholder={placeholder}
            aria-describedby={description ? `${id}-desc` : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKey}
          />
          <Button variant="secondary" onClick={add} disabled={!draft.trim()}>
            Add<span className="sr-only"> to {label.toLowerCase()}</span>
          </Button>
        </div>
      )}
      {description ? (
        <p id={`${id}-desc`} className="text-xs text-ink-muted">
          {description}
        </p>
      ) : null}
      {suggestions.length ? (
        <datalist id={`${id}-list`}>
          {suggestions
            .filter((s) => !value.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      ) : null}
    </div>
  );
}
