"use client";

import dynamic from "next/dynamic";
import type { DataTable as DataTableImpl } from "./data-table-impl";
import { TableSkeleton } from "./skeleton";

export type { ServerSorting } from "./data-table-impl";

// Every table in the product draws rows the page fetched in the browser, so TanStack Table
// (12 KB gzip) loads when the first rows arrive rather than with the page.
export const DataTable = dynamic(() => import("./data-table-impl").then((m) => m.DataTable), {
  loading: () => <TableSkeleton label="the table" rows={5} />,
}) as typeof DataTableImpl;
