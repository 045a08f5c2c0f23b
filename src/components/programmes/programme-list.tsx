"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useState } from "react";
import type { AppRouter } from "@/server/api/root";
import { can, type OrgAccess } from "@/server/auth/permissions";
import { RFP_STATUSES } from "@/server/rfps/statuses";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { RfpStatusBadge } from "../rfps/rfp-status-badge";
import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { TableSkeleton } from "../ui/skeleton";
import { formatDay, formatMoney, modalityLabel, phaseLabel, plural } from "./format";

type Row = inferRouterOutputs<AppRouter>["programme"]["list"]["items"][number];

function columns(orgSlug: string): ColumnDef<Row>[] {
  return [
    {
      id: "name",
      header: "Programme",
      cell: ({ row: { original: p } }) => (
        <div>
          <Link href={`/${orgSlug}/programmes/${p.id}`} className="font-medium text-brand-700 underline">
            {p.name}
          </Link>
          <p className="text-xs text-ink-muted">
            {p.molecule} · {modalityLabel(p.modality)}
          </p>
        </div>
      ),
    },
    { id: "phase", header: "Phase", cell: ({ row }) => phaseLabel(row.original.phase) },
    { id: "stages", header: "Stages", cell: ({ row }) => plural(row.original.stages.length, "stage") },
    {
      id: "rfps",
      header: "RFPs",
      cell: ({ row: { original: p } }) =>
        p.rfpCount === 0 ? (
          <span className="text-ink-muted">None yet</span>
        ) : (
          <ul className="flex flex-wrap gap-1" aria-label={`RFPs of ${p.name} by status`}>
            {RFP_STATUSES.filter((s) => p.statusCounts[s] > 0).map((s) => (
              <li key={s} className="inline-flex items-center gap-1 text-xs">
                <span className="font-medium text-ink">{p.statusCounts[s]}</span>
                <RfpStatusBadge status={s} />
              </li>
            ))}
          </ul>
        ),
    },
    {
      id: "nextDue",
      header: "Next due",
      cell: ({ row }) =>
        row.original.nextDueAt ? <LocalTime value={row.original.nextDueAt} pattern="d MMM yyyy, HH:mm" /> : "—",
    },
    { id: "target", header: "Target date", cell: ({ row }) => formatDay(row.original.targetDate) },
    {
      id: "budget",
      header: "Budget",
      cell: ({ row }) => (
        <span className="tabular-nums">{formatMoney(row.original.budget, row.original.currency)}</span>
      ),
    },
  ];
}

export function ProgrammeListSkeleton() {
  return (
    <Card>
      <TableSkeleton label="programmes" rows={5} />
    </Card>
  );
}

/** The organisation's programmes, with their RFPs by status; archived ones on request. */
export function ProgrammeList({ viewer }: { viewer: OrgAccess & { orgSlug: string } }) {
  const trpc = useTRPC();
  const [archived, setArchived] = useState(false);
  const q = useQuery(trpc.programme.list.queryOptions({ orgSlug: viewer.orgSlug, archived }));
  const writer = can(viewer, "programme.write");
  const newHref = `/${viewer.orgSlug}/programmes/new`;

  if (q.isPending) return <ProgrammeListSkeleton />;
  if (q.isError)
    return (
      <Card>
        <ErrorState
          title="The programmes could not be loaded"
          message={errorMessage(q.error)}
          onRetry={() => void q.refetch()}
        />
      </Card>
    );

  const { items, archivedCount } = q.data;
  const toggle =
    archived || archivedCount > 0 ? (
      <button type="button" className="text-sm text-brand-700 underline" onClick={() => setArchived(!archived)}>
        {archived ? "Show active programmes" : `Show archived (${archivedCount})`}
      </button>
    ) : null;

  if (!items.length)
    return (
      <Card>
        <EmptyState
          title={archived ? "No archived programmes" : "No programmes yet"}
          description={
            archived
              ? "Programmes you archive are kept here."
              : "A programme is a molecule you need manufactured: its stages, dates, budget and cost of delay. RFPs, evaluation and the portfolio comparison all start from one."
          }
          action={
            <div className="flex flex-col items-center gap-3">
              {!archived && writer ? (
                <ButtonLink href={newHref} variant="primary">
                  Create your first programme
                </ButtonLink>
              ) : null}
              {!archived && !writer ? (
                <p className="text-sm text-ink-muted">Ask an owner, admin or evaluator to create one.</p>
              ) : null}
              {toggle}
            </div>
          }
        />
      </Card>
    );

  return (
    <div className="space-y-3">
      <Card>
        <DataTable
          data={items}
          columns={columns(viewer.orgSlug)}
          caption={archived ? "Archived programmes" : "Programmes"}
          getRowId={(r) => r.id}
        />
      </Card>
      <div className="flex justify-between gap-3 text-sm text-ink-muted">
        <span>{plural(items.length, archived ? "archived programme" : "programme")}</span>
        {toggle}
      </div>
    </div>
  );
}
