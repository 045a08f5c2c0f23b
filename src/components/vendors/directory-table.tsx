"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "../ui/badge";
import { DataTable } from "../ui/data-table";
import type { DirectoryState, SortKey } from "./directory-params";
import { formatDay, formatScore } from "./format";
import { countryName, modalityLabel } from "./options";
import { OpenWarningLetterBadge, QualityBadge } from "./quality-badge";
import type { DirectoryItem } from "./types";

export const MAX_COMPARE = 4;
export type Selection = Map<string, string>; // id -> name, kept across pages

function columns(
  orgSlug: string,
  selection: Selection,
  onToggle: (v: DirectoryItem, on: boolean) => void,
): ColumnDef<DirectoryItem>[] {
  const full = selection.size >= MAX_COMPARE;
  return [
    {
      id: "select",
      enableSorting: false,
      header: () => <span className="sr-only">Select for comparison</span>,
      cell: ({ row: { original: v } }) => (
        <input
          type="checkbox"
          className="size-4 accent-brand-700"
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
        <div className="min-w-40">
          <Link
            href={`/${orgSlug}/vendors/${v.id}`}
            className="font-medium text-brand-700 underline hover:text-brand-900"
          >
            {v.name}
          </Link>
          <div className="mt-1 flex flex-wrap gap-1">
            <Badge tone={v.kind === "PLATFORM" ? "brand" : "neutral"}>
              {v.kind === "PLATFORM" ? "Platform" : "Private"}
            </Badge>
            {v.tags.map((t) => (
              <Badge key={t}>#{t}</Badge>
            ))}
          </div>
        </div>
      ),
    },
    {
      id: "country",
      header: "Country",
      cell: ({ row: { original: v } }) => (
        <span>
          {countryName(v.hqCountry)}
          {v.hqCity ? <span className="block text-xs text-ink-muted">{v.hqCity}</span> : null}
          <span className="block text-xs text-ink-muted">
            {v.siteCount} site{v.siteCount === 1 ? "" : "s"}
          </span>
        </span>
      ),
    },
    {
      id: "modalities",
      enableSorting: false,
      header: "Modalities",
      cell: ({ row: { original: v } }) => (
        <span className="text-xs text-ink-muted">{v.modalities.map(modalityLabel).join(", ") || "—"}</span>
      ),
    },
    {
      id: "qualityScore",
      header: "Quality score",
      cell: ({ row: { original: v } }) => (
        // Stacked rather than side by side, so the table fits beside the filters at laptop widths.
        <span className="flex flex-col items-start gap-1 whitespace-nowrap">
          <QualityBadge score={v.qualityScore} />
          {v.privateRecords ? (
            <span className="max-w-44 text-xs whitespace-normal text-ink-muted" data-testid="private-records-note">
              {v.kind === "PLATFORM" && v.publicScore != null
                ? `includes ${v.privateRecords} of your private records (public: ${formatScore(v.publicScore)})`
                : `includes ${v.privateRecords} of your private records`}
            </span>
          ) : null}
          {v.hasOpenWarningLetter ? <OpenWarningLetterBadge /> : null}
        </span>
      ),
    },
    {
      id: "lastInspectionAt",
      header: "Last inspection",
      cell: ({ row: { original: v } }) => (
        <span className="whitespace-nowrap">{formatDay(v.lastInspectionAt, "None on record")}</span>
      ),
    },
  ];
}

/**
 * The results table. Sorting and paging happen on the server (manual modes); the header
 * buttons change the URL and the sorted column carries aria-sort.
 */
export function DirectoryTable({
  orgSlug,
  items,
  state,
  onSort,
  selection,
  onToggle,
}: {
  orgSlug: string;
  items: DirectoryItem[];
  state: DirectoryState;
  onSort: (sort: SortKey, dir: "asc" | "desc") => void;
  selection: Selection;
  onToggle: (v: DirectoryItem, on: boolean) => void;
}) {
  return (
    <DataTable
      data={items}
      columns={columns(orgSlug, selection, onToggle)}
      caption="Vendors"
      getRowId={(r) => r.id}
      sorting={{ id: state.sort, desc: state.dir === "desc", onSort: (id, dir) => onSort(id as SortKey, dir) }}
    />
  );
}
