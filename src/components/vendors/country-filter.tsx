"use client";

import { useId } from "react";
import { Label } from "../ui/label";
import { Select } from "../ui/input";
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
        <ul className="flex flex-wrap gap-1.5" aria-label="Chosen countries">
          {value.map((code) => (
            <li key={code} className="inline-flex items-center rounded-full border border-brand-200 bg-brand-50 pl-2.5 text-xs text-brand-900">
              {countryName(code)}
              <button
                type="button"
                className="ml-1 rounded-full px-1.5 py-0.5 hover:bg-brand-100"
                aria-label={`Remove country ${countryName(code)}`}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
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
