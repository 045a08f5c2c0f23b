"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { EMPTY_FILTERS, type AuditFilterValues } from "./filters";

export function AuditFilters({
  orgSlug,
  value,
  onApply,
}: {
  orgSlug: string;
  value: AuditFilterValues;
  onApply: (f: AuditFilterValues) => void;
}) {
  const trpc = useTRPC();
  const entityTypes = useQuery(trpc.audit.entityTypes.queryOptions({ orgSlug }));
  const [draft, setDraft] = useState(value);
  const set = (k: keyof AuditFilterValues) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const rangeError =
    draft.from && draft.to && draft.from > draft.to ? "The end date is before the start date." : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!rangeError) onApply(draft);
  };

  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label="Filter audit events"
      className="grid gap-4 px-5 py-4 sm:grid-cols-2 lg:grid-cols-6"
    >
      <Field label="Action">
        <Input value={draft.action} onChange={set("action")} placeholder="e.g. role, published" />
      </Field>
      <Field label="Record type">
        <Select value={draft.entityType} onChange={set("entityType")} disabled={entityTypes.isPending}>
          <option value="">All types</option>
          {(entityTypes.data ?? []).map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
          {draft.entityType && entityTypes.data && !entityTypes.data.some((t) => t.value === draft.entityType) ? (
            <option value={draft.entityType}>{draft.entityType}</option>
          ) : null}
        </Select>
      </Field>
      <Field label="Record id">
        <Input value={draft.entityId} onChange={set("entityId")} placeholder="Any record" spellCheck={false} />
      </Field>
      <Field label="Actor e-mail">
        <Input type="search" value={draft.actor} onChange={set("actor")} placeholder="name@company.com" />
      </Field>
      <Field label="From">
        <Input type="date" value={draft.from} onChange={set("from")} />
      </Field>
      <Field label="To" error={rangeError}>
        <Input type="date" value={draft.to} onChange={set("to")} />
      </Field>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
        <Button type="submit" variant="primary" size="sm">
          Apply filters
        </Button>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={() => {
            setDraft(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
