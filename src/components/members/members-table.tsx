"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { can } from "@/server/auth/permissions";
import { useTRPC } from "@/trpc/react";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { TableSkeleton } from "../ui/skeleton";
import { errorMessage } from "../forms/server-errors";
import { roleLabel } from "../shell/labels";
import { RemoveMemberButton } from "./remove-member-button";
import { RoleSelect } from "./role-select";
import { displayName, type MemberRow, type OrgViewer } from "./types";

/** Whether the viewer may change this member (admins may not touch owners). */
const mayManage = (viewer: OrgViewer, m: MemberRow) =>
  can(viewer, "members.changeRole") && (m.role !== "OWNER" || can(viewer, "members.manageOwners"));

export function MembersTable({ viewer }: { viewer: OrgViewer }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.members.list.queryOptions({ orgSlug: viewer.orgSlug }));
  const isAdmin = can(viewer, "members.changeRole");

  const columns = useMemo<ColumnDef<MemberRow>[]>(
    () => [
      {
        id: "name",
        header: "Name",
        cell: ({ row }) => (
          <span className="font-medium text-ink">
            {displayName(row.original)}
            {row.original.user.id === viewer.userId ? <span className="font-normal text-ink-muted"> (you)</span> : null}
          </span>
        ),
      },
      {
        id: "email",
        header: "E-mail",
        cell: ({ row }) => <span className="break-all text-ink-muted">{row.original.user.email}</span>,
      },
      {
        id: "role",
        header: "Role",
        cell: ({ row }) =>
          mayManage(viewer, row.original) ? (
            <RoleSelect member={row.original} viewer={viewer} />
          ) : (
            <Badge tone={row.original.role === "OWNER" ? "brand" : "neutral"}>{roleLabel(row.original.role)}</Badge>
          ),
      },
      { id: "joined", header: "Joined", cell: ({ row }) => <LocalTime value={row.original.createdAt} pattern="PP" /> },
      ...(isAdmin
        ? [
            {
              id: "actions",
              header: () => <span className="sr-only">Actions</span>,
              cell: ({ row }: { row: { original: MemberRow } }) =>
                mayManage(viewer, row.original) ? <RemoveMemberButton member={row.original} viewer={viewer} /> : null,
            } satisfies ColumnDef<MemberRow>,
          ]
        : []),
    ],
    [viewer, isAdmin],
  );

  return (
    <Card aria-labelledby="members-heading">
      <CardHeader
        id="members-heading"
        title="Members"
        description={members.data ? `${members.data.length} member${members.data.length === 1 ? "" : "s"}` : undefined}
      />
      {members.isPending ? (
        <TableSkeleton label="members" />
      ) : members.isError ? (
        <ErrorState
          title="Members could not be loaded"
          message={errorMessage(members.error)}
          onRetry={() => void members.refetch()}
        />
      ) : members.data.length === 0 ? (
        <EmptyState title="No members yet" description="Invite colleagues to work in this organisation." />
      ) : (
        <DataTable
          data={members.data}
          columns={columns}
          caption="Members of this organisation"
          getRowId={(m) => m.id}
        />
      )}
    </Card>
  );
}
