"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "../ui/badge";
import { DataTable } from "../ui/data-table";
import {
  matchedCapabilities,
  relevantCapacities,
  shortQuantity,
  MAX_COMPARE,
  type Capacity,
  type ColumnId,
  type Selection,
} from "./directory-columns";
import type { DirectoryState, SortKey } from "./directory-params";
import { formatDay, formatScore } from "./format";
import { countryName, modalityLabel, scaleLabel, stageLabel } from "./options";
import { OpenWarningLetterBadge, QualityBadge } from "./quality-badge";
import type { DirectoryItem } from "./types";

/** Codes that matched a filter as marked chips, then the others as plain text (cut to the cell, whole on hover). */
function Matched({ matched, rest, empty = "—" }: { matched: string[]; rest: string[]; empty?: string }) {
  if (!matched.length && !rest.length) return <span className="text-ink-muted">{empty}</span>;
  return (
    <span className="flex max-w-36 items-center gap-1 whitespace-nowrap">
      {matched.map((m) => (
        <Badge key={m} tone="brand" className="shrink-0">
          <span aria-hidden="true">✓ </span>
          {m}
          <span className="sr-only"> (matches your filter)</span>
        </Badge>
      ))}
      {rest.length ? (
        <span className="min-w-0 truncate text-xs text-ink-muted" title={rest.join(", ")}>
          {rest.join(", ")}
        </span>
      ) : null}
    </span>
  );
}

// The unit says which capacity it is (litres: the largest bioreactor; units: the largest fill
// batch), spelled out for screen readers and on hover.
const CAPACITY_NAME: Record<Capacity, string> = { bioreactor: "largest bioreactor", batch: "largest fill batch" };

function CapacityCell({ v, state }: { v: DirectoryItem; state: DirectoryState }) {
  const { order, asked } = relevantCapacities(state);
  const value = (c: Capacity) => {
    const n = c === "batch" ? v.maxBatchUnits : v.maxBioreactorLitres;
    return n == null ? null : shortQuantity(n, c === "batch" ? "units" : "L");
  };
  const shown = order.filter((c) => asked.has(c) || value(c) != null);
  if (!shown.some((c) => value(c) != null)) return <span className="text-ink-muted">Not given</span>;
  return (
    <span className="flex flex-col whitespace-nowrap">
      {shown.map((c) => (
        <span
          key={c}
          title={CAPACITY_NAME[c]}
          className={asked.has(c) ? "font-medium text-ink" : asked.size ? "text-xs text-ink-muted" : undefined}
        >
          {value(c) ?? "Not given"}
          <span className="sr-only"> ({CAPACITY_NAME[c]})</span>
        </span>
      ))}
    </span>
  );
}

function columns(
  orgSlug: string,
  state: DirectoryState,
  visible: ColumnId[],
  selection: Selection,
  onToggle: (v: DirectoryItem, on: boolean) => void,
): ColumnDef<DirectoryItem>[] {
  const full = selection.size >= MAX_COMPARE;
  const all: (ColumnDef<DirectoryItem> & { id: string })[] = [
    {
      id: "select",
      enableSorting: false,
      header: () => <span className="sr-only">Select for comparison</span>,
      cell: ({ row: { original: v } }) => (
        <input
          type="checkbox"
          className="size-4 align-middle accent-brand-700"
          aria-label={`Select ${v.name} for comparison`}
          checked={selection.has(v.id)}
          disabled={full && !selection.has(v.id)}
          onChange={(e) => onToggle(v, e.target.checked)}
        />
      ),
    },
    {
      id: "name",
      header: "Name",
      cell: ({ row: { original: v } }) => (
        // What sets a row apart: its name, and only the marks that differ from the usual
        // (a private record of yours, your tags); every platform profile saying "Platform" told nothing.
        <div className="flex max-w-56 min-w-40 flex-wrap items-center gap-x-1.5 gap-y-0.5">
          <Link
            href={`/${orgSlug}/vendors/${v.id}`}
            className="font-medium wrap-anywhere text-brand-700 underline hover:text-brand-900"
          >
            {v.name}
          </Link>
          {v.kind === "PRIVATE" ? <Badge className="px-1.5 py-0 text-[11px]">Private</Badge> : null}
          {v.tags.map((t) => (
            <Badge key={t} className="max-w-40 truncate px-1.5 py-0 text-[11px]">
              #{t}
            </Badge>
          ))}
        </div>
      ),
    },
    {
      id: "country",
      header: "Location",
      cell: ({ row: { original: v } }) => {
        const place = [v.hqCity, v.hqCountry ? countryName(v.hqCountry) : null].filter(Boolean).join(", ");
        return (
          <span className="flex max-w-28 flex-col">
            <span className="truncate" title={place}>
              {place || "Not given"}
            </span>
            {v.siteCount > 1 ? <span className="text-xs text-ink-muted">{v.siteCount} sites</span> : null}
          </span>
        );
      },
    },
    {
      id: "capabilities",
      enableSorting: false,
      header: "Capabilities",
      cell: ({ row: { original: v } }) => {
        const m = matchedCapabilities(v, state);
        const matched = [...m.stages.map(stageLabel), ...m.modalities.map(modalityLabel)];
        // Modalities first: they tell vendors apart more than the stages most of them share.
        const rest = [
          ...v.modalities.filter((c) => !m.modalities.includes(c)).map(modalityLabel),
          ...v.stages.filter((c) => !m.stages.includes(c)).map(stageLabel),
        ];
        return <Matched matched={matched} rest={rest} />;
      },
    },
    {
      id: "capacity",
      enableSorting: false,
      header: "Capacity",
      cell: ({ row: { original: v } }) => <CapacityCell v={v} state={state} />,
    },
    {
      id: "scale",
      enableSorting: false,
      header: "Scale",
      cell: ({ row: { original: v } }) => {
        const hit = matchedCapabilities(v, state).scaleTiers;
        return (
          <Matched matched={hit.map(scaleLabel)} rest={v.scaleTiers.filter((c) => !hit.includes(c)).map(scaleLabel)} />
        );
      },
    },
    {
      id: "certifications",
      enableSorting: false,
      header: "Certifications",
      cell: ({ row: { original: v } }) => <Matched matched={[]} rest={v.certifications} />,
    },
    {
      id: "qualityScore",
      header: "Quality score",
      cell: ({ row: { original: v } }) => (
        <span className="flex flex-col items-start gap-0.5">
          <span className="flex flex-wrap items-center gap-1 whitespace-nowrap">
            <QualityBadge score={v.qualityScore} />
            {v.hasOpenWarningLetter ? <OpenWarningLetterBadge /> : null}
          </span>
          {v.privateRecords ? (
            <span className="max-w-44 text-xs text-ink-muted" data-testid="private-records-note">
              {v.kind === "PLATFORM" && v.publicScore != null
                ? `includes ${v.privateRecords} of your private records (public: ${formatScore(v.publicScore)})`
                : `includes ${v.privateRecords} of your private records`}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      id: "lastInspectionAt",
      header: "Last inspection",
      cell: ({ row: { original: v } }) =>
        v.lastInspectionAt ? (
          <span className="whitespace-nowrap">{formatDay(v.lastInspectionAt)}</span>
        ) : (
          <span className="text-ink-muted">None</span>
        ),
    },
  ];
  const shown = new Set<string>(["select", "name", ...visible.map((c) => (c === "location" ? "country" : c))]);
  return all.filter((c) => shown.has(c.id));
}

/**
 * The results table. Sorting and paging happen on the server (manual modes); the header
 * buttons change the URL and the sorted column carries aria-sort. Loaded with the first rows,
 * not the page (see vendor-directory.tsx).
 */
export default function DirectoryTable({
  orgSlug,
  items,
  state,
  visible,
  onSort,
  selection,
  onToggle,
}: {
  orgSlug: string;
  items: DirectoryItem[];
  state: DirectoryState;
  visible: ColumnId[];
  onSort: (sort: SortKey, dir: "asc" | "desc") => void;
  selection: Selection;
  onToggle: (v: DirectoryItem, on: boolean) => void;
}) {
  return (
    <DataTable
      data={items}
      columns={columns(orgSlug, state, visible, selection, onToggle)}
      caption="Vendors"
      density="compact"
      getRowId={(r) => r.id}
      sorting={{ id: state.sort, desc: state.dir === "desc", onSort: (id, dir) => onSort(id as SortKey, dir) }}
    />
  );
}
