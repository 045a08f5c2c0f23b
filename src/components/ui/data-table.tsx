"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";

/**
 * A plain accessible table over TanStack Table: a caption (visually hidden unless asked),
 * column headers with scope, and rows keyed by `getRowId`.
 */
export function DataTable<T>({
  data,
  columns,
  caption,
  showCaption = false,
  getRowId,
}: {
  data: T[];
  columns: ColumnDef<T>[];
  caption: string;
  showCaption?: boolean;
  getRowId: (row: T) => string;
}) {
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId });
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className={showCaption ? "px-4 py-2 text-left text-sm text-ink-muted" : "sr-only"}>{caption}</caption>
        <thead className="bg-canvas">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id} className="border-b border-line">
              {hg.headers.map((h) => (
                <th key={h.id} scope="col" className="px-4 py-2.5 text-xs font-semibold tracking-wide text-ink-muted uppercase">
                  {h.isPlaceholder ? null : flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-b border-line last:border-b-0 align-top">
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-4 py-3">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
