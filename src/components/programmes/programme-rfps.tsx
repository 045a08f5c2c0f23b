"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { RfpStatusBadge } from "../rfps/rfp-status-badge";
import { ButtonLink } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { TableSkeleton } from "../ui/skeleton";
import { plural, stageLabel } from "./format";

type Row = inferRouterOutputs<AppRouter>["rfp"]["list"][number];

function columns(orgSlug: string): ColumnDef<Row>[] {
  return [
    {
      id: "title",
      header: "RFP",
      cell: ({ row: { original: r } }) => (
        <div>
          <Link href={`/${orgSlug}/rfps/${r.id}`} className="font-medium text-brand-700 underline">
            {r.title}
          </Link>
          <p className="text-xs text-ink-muted">{r.stages.map(stageLabel).join(" · ")}</p>
        </div>
      ),
    },
    { id: "status", header: "Status", cell: ({ row }) => <RfpStatusBadge status={row.original.status} /> },
    {
      id: "due",
      header: "Due (your time)",
      cell: ({ row: { original: r } }) =>
        r.dueAt ? (
          <LocalTime value={r.dueAt} pattern="d MMM yyyy, HH:mm" />
        ) : (
          <span className="text-ink-muted">Not set</span>
        ),
    },
    {
      id: "responses",
      header: "Responses",
      cell: ({ row: { original: r } }) =>
        r.invitedCount === 0 ? (
          <span className="text-ink-muted">No one invited</span>
        ) : (
          `${r.submittedCount} of ${plural(r.invitedCount, "invitee")}`
        ),
    },
  ];
}

/** The programme's RFPs with their status and due date in the reader's time zone. */
export function ProgrammeRfps({
  orgSlug,
  programmeId,
  canCreate,
}: {
  orgSlug: string;
  programmeId: string;
  canCreate: boolean;
}) {
  const trpc = useTRPC();
  const q = useQuery(trpc.rfp.list.queryOptions({ orgSlug, programmeId }));
  const newHref = `/${orgSlug}/programmes/${programmeId}/rfps/new`;
  return (
    <Card aria-labelledby="rfps-heading">
      <CardHeader
        id="rfps-heading"
        title="RFPs"
        description="Requests for proposal sent to CDMOs for this programme's stages."
        actions={
          canCreate && q.data?.length ? (
            <ButtonLink href={newHref} variant="primary" size="sm">
              New RFP
            </ButtonLink>
          ) : null
        }
      />
      {q.isPending ? (
        <TableSkeleton label="RFPs" rows={3} />
      ) : q.isError ? (
        <ErrorState
          title="The RFPs could not be loaded"
          message={errorMessage(q.error)}
          onRetry={() => void q.refetch()}
        />
      ) : q.data.length === 0 ? (
        <EmptyState
          title="No RFPs yet"
          description="Start from a template written for this kind of programme, copy an earlier RFP, or begin blank."
          action={
            canCreate ? (
              <ButtonLink href={newHref} variant="primary">
                Create the first RFP
              </ButtonLink>
            ) : null
          }
        />
      ) : (
        <DataTable data={q.data} columns={columns(orgSlug)} caption="RFPs of this programme" getRowId={(r) => r.id} />
      )}
    </Card>
  );
}
