"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { TableSkeleton } from "../ui/skeleton";
import { errorMessage } from "../forms/server-errors";
import { roleLabel } from "../shell/labels";
import type { OrgViewer } from "./types";

export function PendingInvitations({ viewer }: { viewer: OrgViewer }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.members.invitations.queryOptions({ orgSlug: viewer.orgSlug }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
  const revoke = useMutation(
    trpc.members.revokeInvitation.mutationOptions({
      onSuccess: () => {
        toast.success("Invitation revoked.");
        void refresh();
      },
      onError: (err) => {
        toast.error(errorMessage(err));
        void refresh();
      },
    }),
  );

  return (
    <Card aria-labelledby="pending-heading">
      <CardHeader id="pending-heading" title="Pending invitations" />
      {invitations.isPending ? (
        <TableSkeleton rows={2} label="invitations" />
      ) : invitations.isError ? (
        <ErrorState
          title="Invitations could not be loaded"
          message={errorMessage(invitations.error)}
          onRetry={() => void invitations.refetch()}
        />
      ) : invitations.data.length === 0 ? (
        <EmptyState
          title="No pending invitations"
          description="Invitations you send appear here until they are accepted."
        />
      ) : (
        <ul className="divide-y divide-line">
          {invitations.data.map((inv) => {
            const expired = new Date(inv.expiresAt) < new Date();
            return (
              <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                <div className="min-w-0">
                  <p className="text-sm font-medium break-all text-ink">{inv.email}</p>
                  <p className="text-xs text-ink-muted">
                    {roleLabel(inv.role)} · {expired ? "expired " : "expires "}
                    <LocalTime value={inv.expiresAt} pattern="PP" />
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  {expired ? <Badge tone="warning">Expired</Badge> : null}
                  <ConfirmDialog
                    title="Revoke this invitation?"
                    description={`The link sent to ${inv.email} will stop working. You can invite them again later.`}
                    confirmLabel="Revoke invitation"
                    onConfirm={() => revoke.mutate({ orgSlug: viewer.orgSlug, invitationId: inv.id })}
                    trigger={
                      <Button
                        variant="secondary"
                        size="sm"
                        pending={revoke.isPending && revoke.variables?.invitationId === inv.id}
                      >
                        Revoke<span className="sr-only"> invitation for {inv.email}</span>
                      </Button>
                    }
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
