"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Header } from "@tanstack/react-table";
import { cn } from "./cn";
import { ScrollX } from "./scroll-x";

/** Sorting done by the server: the current key and direction, and what to ask for on a click. */
export type ServerSorting = { id: string; desc: boolean; onSort: (id: string, dir: "asc" | "desc") => void };

/**
 * A plain accessible table over TanStack Table: a caption (visually hidden unless asked),
 * column headers with scope, and rows keyed by `getRowId`. With `sorting`, columns that do
 * not set `enableSorting: false` get a sort button and `aria-sort`; the rows are expected to
 * arrive already sorted (and paginated) from the server.
 */
export function DataTable<T>({
  data,
  columns,
  caption,
  showCaption = false,
  getRowId,
  sorting,
  density = "comfortable",
}: {
  data: T[];
  columns: ColumnDef<T>[];
  caption: string;
  showCaption?: boolean;
  getRowId: (row: T) => string;
  sorting?: ServerSorting;
  /** "compact": shorter rows, for lists people scan many rows of at a time (the vendor directory). */
  density?: "comfortable" | "compact";
}) {
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId,
    manualSorting: true,
    enableSorting: !!sorting,
    state: sorting ? { sorting: [{ id: sorting.id, desc: sorting.desc }] } : {},
  });
  return (
    <ScrollX label={caption}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className={showCaption ? "px-4 py-2 text-left text-sm text-ink-muted" : "sr-only"}>{caption}</caption>
        <thead className="bg-canvas">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id} className="border-b border-line">
              {hg.headers.map((h) => (
                <HeaderCell key={h.id} header={h} onSort={sorting?.onSort} compact={density === "compact"} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-b border-line last:border-b-0 align-top">
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={density === "compact" ? "px-2 py-1.5" : "px-3 py-3"}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}

function HeaderCell<T>({
  header: h,
  onSort,
  compact,
}: {
  header: Header<T, unknown>;
  onSort?: ServerSorting["onSort"];
  compact?: boolean;
}) {
  const label = h.isPlaceholder ? null : flexRender(h.column.columnDef.header, h.getContext());
  // Not getCanSort(): it needs an accessor, and the server sorts, not TanStack.
  const sortable = !!onSort && h.column.columnDef.enableSorting !== false;
  const sorted = h.column.getIsSorted();
  return (
    <th
      scope="col"
      aria-sort={sortable ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
      className={cn(
        "text-xs font-semibold tracking-wide text-ink-muted uppercase",
        compact ? "px-2 py-2" : "px-3 py-2.5",
      )}
    >
      {sortable ? (
        <button
          type="button"
          className="inline-flex items-center gap-1 uppercase hover:text-ink"
          onClick={() => onSort!(h.column.id, sorted === "asc" ? "desc" : "asc")}
        >
          {label}
          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}
