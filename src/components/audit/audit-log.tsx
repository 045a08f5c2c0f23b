"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import type { AuditItem } from "@/server/audit/audit-view";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { TableSkeleton } from "../ui/skeleton";
import { errorCode, errorMessage } from "../forms/server-errors";
import { AuditFilters } from "./audit-filters";
import { AuditIds } from "./audit-ids";
import { ChangesList } from "./changes-list";
import { ExportCsvButton } from "./export-csv-button";
import { toApiFilter, toSearch, type AuditFilterValues } from "./filters";

type AuditRow = AuditItem;

const columns: ColumnDef<AuditRow>[] = [
  {
    id: "at",
    header: "Time",
    cell: ({ row }) => (
      <span className="whitespace-nowrap text-ink-muted">
        <LocalTime value={row.original.at} pattern="PP p" />
      </span>
    ),
  },
  {
    id: "actor",
    header: "Who",
    cell: ({ row }) => <Actor row={row.original} />,
  },
  {
    id: "action",
    header: "What",
    cell: ({ row }) => <What row={row.original} />,
  },
  {
    id: "changes",
    header: "Changes",
    cell: ({ row }) => (
      <div className="min-w-48 space-y-1 wrap-anywhere">
        <ChangesList changes={row.original.changed} />
        {row.original.reason ? <p className="text-xs text-ink-muted">Reason: {row.original.reason}</p> : null}
      </div>
    ),
  },
  {
    id: "ids",
    header: "Details",
    cell: ({ row }) => <AuditIds row={row.original} />,
  },
];

function Actor({ row }: { row: AuditRow }) {
  if (!row.actorId && !row.actorEmail) return <span className="text-ink-muted">System</span>;
  return (
    <span className="block min-w-[9rem]">
      <span className="block font-medium wrap-anywhere text-ink">{row.actorName ?? row.actorEmail}</span>
      {row.actorName && row.actorEmail ? (
        <span className="block text-xs break-all text-ink-muted">{row.actorEmail}</span>
      ) : null}
    </span>
  );
}

function What({ row }: { row: AuditRow }) {
  const record = row.record;
  return (
    <span className="block min-w-[12rem] wrap-anywhere">
      <span className="block font-medium text-ink">{row.actionLabel}</span>
      <span className="block text-xs text-ink-muted">
        {row.entityTypeLabel}
        {record ? ": " : " (no longer available)"}
        {record?.href ? (
          <Link href={record.href} className="text-brand-700 underline hover:text-brand-900">
            {record.label}
          </Link>
        ) : (
          record?.label
        )}
        {row.about ? <span className="text-ink"> · {row.about}</span> : null}
      </span>
    </span>
  );
}

export function AuditLog({ orgSlug, initialFilters }: { orgSlug: string; initialFilters: AuditFilterValues }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [filters, setFilters] = useState(initialFilters);
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { orgSlug, limit: 50, ...toApiFilter(filters) },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );

  const apply = (f: AuditFilterValues) => {
    setFilters(f);
    router.replace(`${pathname}${toSearch(f)}`, { scroll: false });
  };

  if (events.isError && errorCode(events.error) === "FORBIDDEN") {
    return (
      <Card>
        <ErrorState
          title="You need the admin role to see the audit log"
          message="Ask an owner or admin of this organisation if you need it."
        />
      </Card>
    );
  }

  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <ExportCsvButton orgSlug={orgSlug} filters={filters} />
      </div>
      <Card>
        <AuditFilters orgSlug={orgSlug} value={filters} onApply={apply} />
        <div className="border-t border-line" aria-busy={events.isFetching}>
          {events.isPending ? (
            <TableSkeleton label="audit events" />
          ) : events.isError ? (
            <ErrorState
              title="The audit log could not be loaded"
              message={errorMessage(events.error)}
              onRetry={() => void events.refetch()}
            />
          ) : rows.length === 0 ? (
            <EmptyState title="No events match" description="Change or clear the filters to see more." />
          ) : (
            <>
              <DataTable
                data={rows}
                columns={columns}
                caption={`Audit events, newest first (${rows.length} shown)`}
                getRowId={(r) => r.id}
              />
              <div className="flex items-center justify-between gap-3 border-t border-line px-5 py-3 text-sm text-ink-muted">
                <span>
                  {rows.length} event{rows.length === 1 ? "" : "s"} shown
                </span>
                {events.hasNextPage ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    pending={events.isFetchingNextPage}
                    onClick={() => void events.fetchNextPage()}
                  >
                    {events.isFetchingNextPage ? "Loading…" : "Load more"}
                  </Button>
                ) : (
                  <span>That is everything.</span>
                )}
              </div>
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
