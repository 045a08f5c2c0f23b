"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
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
import { ChangesList } from "./changes-list";
import { ExportCsvButton } from "./export-csv-button";
import { toApiFilter, toSearch, type AuditFilterValues } from "./filters";

type AuditRow = {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: unknown;
  reason: string | null;
};

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
    header: "Actor",
    cell: ({ row }) => <span className="break-all">{row.original.actorEmail ?? "System"}</span>,
  },
  {
    id: "action",
    header: "Action",
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.action}</span>,
  },
  {
    id: "entity",
    header: "Entity",
    cell: ({ row }) => (
      <span>
        {row.original.entityType}
        <span className="block font-mono text-xs break-all text-ink-muted">{row.original.entityId}</span>
      </span>
    ),
  },
  {
    id: "changes",
    header: "Changes",
    cell: ({ row }) => (
      <div className="space-y-1">
        <ChangesList changes={row.original.changes} />
        {row.original.reason ? <p className="text-xs text-ink-muted">Reason: {row.original.reason}</p> : null}
      </div>
    ),
  },
];

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
                data={rows as AuditRow[]}
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
