"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { CheckboxGroup } from "./checkbox-group";
import { CountryFilter } from "./country-filter";
import { DEFAULT_STATE, type DirectoryState, type Source } from "./directory-params";
import { MODALITY_OPTIONS, REGION_OPTIONS, SCALE_OPTIONS, STAGE_OPTIONS } from "./options";
import { useDebouncedField } from "./use-directory-url";

type Update = (patch: Partial<DirectoryState>, mode?: "push" | "replace") => void;

/** A number typed into a filter box: pushed to the URL shortly after typing stops. */
function NumberFilter({
  label,
  value,
  onCommit,
  min,
  max,
  description,
}: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
  min?: number;
  max?: number;
  description?: string;
}) {
  const [draft, setDraft] = useDebouncedField(value, (v) =>
    onCommit(v === "" || Number.isFinite(Number(v)) ? v : value),
  );
  return (
    <Field label={label} description={description}>
      <Input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
    </Field>
  );
}

/** The directory's filters. Every change goes straight to the URL (and so to the query). */
export function DirectoryFilters({
  orgSlug,
  state,
  update,
}: {
  orgSlug: string;
  state: DirectoryState;
  update: Update;
}) {
  const trpc = useTRPC();
  const tags = useQuery(trpc.vendors.allTags.queryOptions({ orgSlug }));
  const tagOptions = Array.from(new Set([...(tags.data ?? []), ...state.tags])).map((t) => ({ value: t, label: t }));

  return (
    <form role="search" aria-label="Filter vendors" className="space-y-5" onSubmit={(e) => e.preventDefault()}>
      <CheckboxGroup
        legend="Stage"
        options={STAGE_OPTIONS}
        value={state.stages}
        onChange={(stages) => update({ stages })}
      />
      <CheckboxGroup
        legend="Modality"
        options={MODALITY_OPTIONS}
        value={state.modalities}
        onChange={(modalities) => update({ modalities })}
      />
      <CheckboxGroup
        legend="Region"
        options={REGION_OPTIONS}
        value={state.regions}
        onChange={(regions) => update({ regions })}
      />
      <CountryFilter value={state.countries} onChange={(countries) => update({ countries })} />
      <CheckboxGroup
        legend="Scale"
        options={SCALE_OPTIONS}
        value={state.scaleTiers}
        onChange={(scaleTiers) => update({ scaleTiers })}
      />
      <NumberFilter
        label="Minimum bioreactor litres"
        min={0}
        value={state.minBioreactorLitres}
        onCommit={(minBioreactorLitres) => update({ minBioreactorLitres }, "replace")}
      />
      <NumberFilter
        label="Minimum fill batch (units)"
        min={0}
        value={state.minBatchUnits}
        onCommit={(minBatchUnits) => update({ minBatchUnits }, "replace")}
      />
      <fieldset className="space-y-3">
        <legend className="mb-1.5 text-sm font-medium text-ink">Quality history</legend>
        <div className="grid grid-cols-2 gap-3">
          <NumberFilter
            label="Minimum quality score"
            min={0}
            max={100}
            value={state.qualityMin}
            onCommit={(qualityMin) => update({ qualityMin }, "replace")}
          />
          <NumberFilter
            label="Maximum quality score"
            min={0}
            max={100}
            value={state.qualityMax}
            onCommit={(qualityMax) => update({ qualityMax }, "replace")}
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-ink">
          <input
            type="checkbox"
            className="size-4 accent-brand-700"
            checked={state.hasOpenWarningLetter}
            onChange={(e) => update({ hasOpenWarningLetter: e.target.checked })}
          />
          Has open warning letter
        </label>
      </fieldset>
      <Field label="Source">
        <Select value={state.source} onChange={(e) => update({ source: e.target.value as Source })}>
          <option value="ALL">All vendors</option>
          <option value="PLATFORM">Platform profiles</option>
          <option value="PRIVATE">Our private records</option>
        </Select>
      </Field>
      {tagOptions.length ? (
        <CheckboxGroup legend="Tags" options={tagOptions} value={state.tags} onChange={(t) => update({ tags: t })} />
      ) : (
        <p className="text-xs text-ink-muted">Tags you add on vendor pages can be used as filters here.</p>
      )}
      <Button
        variant="ghost"
        size="sm"
        onClick={() =>
          update({ ...DEFAULT_STATE, q: state.q, sort: state.sort, dir: state.dir, pageSize: state.pageSize })
        }
      >
        Clear filters
      </Button>
    </form>
  );
}
