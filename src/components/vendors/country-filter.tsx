"use client";

import { useId } from "react";
import { Label } from "../ui/label";
import { Select } from "../ui/input";
import { RemovableChips } from "../ui/removable-chips";
import { COUNTRY_OPTIONS, countryName } from "./options";

/**
 * Countries as a filter: sixty checkboxes would bury the rest of the panel, so one native
 * select adds a country (keyboard and screen readers get the platform's own list) and each
 * chosen country is a chip with its own labelled remove button.
 */
export function CountryFilter({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const id = useId();
  const left = COUNTRY_OPTIONS.filter((o) => !value.includes(o.value));
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>Country</Label>
      {value.length ? (
        <RemovableChips
          label="Chosen countries"
          items={value.map((code) => ({ value: code, text: countryName(code) }))}
          onRemove={(code) => onChange(value.filter((c) => c !== code))}
          removeLabel={(name) => `Remove country ${name}`}
        />
      ) : null}
      <Select
        id={id}
        value=""
        aria-describedby={`${id}-desc`}
        onChange={(e) => {
          if (e.target.value) onChange([...value, e.target.value]);
        }}
      >
        <option value="">{value.length ? "Add another country…" : "Any country"}</option>
        {left.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
      <p id={`${id}-desc`} className="text-xs text-ink-muted">
        Matches the headquarters or any site.
      </p>
    </div>
  );
}
