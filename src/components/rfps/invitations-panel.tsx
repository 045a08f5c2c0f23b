"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import type { RfpStatus } from "@/server/rfps/lifecycle";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { TableSkeleton } from "../ui/skeleton";
import { errorMessage } from "../forms/server-errors";
import { InvitationStatusBadge } from "./invitation-status-badge";
import { InviteByEmailForm } from "./invite-by-email-form";
import { InvitePlatformPicker } from "./invite-platform-picker";

export type InvitationsPanelProps = {
  orgSlug: string;
  rfpId: string;
  /** The RFP's status as readers see it (a published RFP past its due date is CLOSED). */
  status: RfpStatus;
  /** Whether the viewer may invite and revoke (rfp.write). */
  canWrite: boolean;
};

/**
 * Who is invited to the RFP and how far each has got (invited, viewed, declined with the
 * reason, submitted), with a directory picker and an e-mail field to invite more, and revoke.
 */
export function InvitationsPanel({ orgSlug, rfpId, status, canWrite }: InvitationsPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.rfpInvitation.list.queryOptions({ orgSlug, rfpId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.rfpInvitation.list.queryKey() });
  const revoke = useMutation(
    trpc.rfpInvitation.revoke.mutationOptions({
      onSuccess: () => toast.success("Invitation revoked. They no longer see this RFP."),
      onError: (err) => toast.error(errorMessage(err)),
      onSettled: () => void refresh(),
    }),
  );
  const open = status === "DRAFT" || status === "PUBLISHED";
  const editable = canWrite && open;
  const draft = status === "DRAFT";

  return (
    <Card aria-labelledby="invitations-heading">
      <CardHeader
        id="invitations-heading"
        title="Invited CDMOs"
        description={
          draft
            ? "Invitations to a draft are sent when you publish it. Invitees never see who else is invited."
            : "Invitees never see who else is invited."
        }
      />
      {editable ? (
        <CardBody className="grid gap-6 border-b border-line lg:grid-cols-2">
          <InvitePlatformPicker orgSlug={orgSlug} rfpId={rfpId} draft={draft} onInvited={() => void refresh()} />
          <InviteByEmailForm orgSlug={orgSlug} rfpId={rfpId} draft={draft} onInvited={() => void refresh()} />
        </CardBody>
      ) : null}
      {list.isPending ? (
        <TableSkeleton rows={3} label="invitations" />
      ) : list.isError ? (
        <ErrorState
          title="Invitations could not be loaded"
          message={errorMessage(list.error)}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <EmptyState
          title="Nobody is invited yet"
          description={
            editable
              ? "Pick CDMOs from the directory, or invite someone who is not on the platform by e-mail."
              : "Invitations appear here once someone with the evaluator, admin or owner role sends them."
          }
        />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Invitations to this RFP</caption>
            <thead className="bg-canvas">
              <tr className="border-b border-line">
                {["Invitee", "Status", "Sent", ""].map((h, i) => (
                  <th
                    key={i}
                    scope="col"
                    className="px-4 py-2.5 text-xs font-semibold tracking-wide text-ink-muted uppercase"
                  >
                    {h || <span className="sr-only">Actions</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.data.map((inv) => (
                <tr key={inv.id} className="border-b border-line align-top last:border-b-0">
                  <td className="px-4 py-3">
                    <p className={inv.revokedAt ? "font-medium text-ink-muted line-through" : "font-medium text-ink"}>
                      {inv.displayName}
                    </p>
                    <p className="text-xs text-ink-muted">
                      {inv.kind === "PLATFORM" ? "Platform CDMO" : "Invited by e-mail, not joined yet"}
                      {inv.email && inv.email !== inv.displayName ? (
                        <span className="break-all"> · {inv.email}</span>
                      ) : null}
                    </p>
                  </td>
                  <td className="px-4 py-3">
                    {inv.revokedAt ? <Badge>Revoked</Badge> : <InvitationStatusBadge status={inv.status} />}
                    {inv.declineReason && !inv.revokedAt ? (
                      <p className="mt-1 max-w-sm text-xs whitespace-pre-line text-ink-muted">
                        <span className="font-medium text-ink">Reason:</span> {inv.declineReason}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 text-ink-muted">
                    {inv.sentAt ? <LocalTime value={inv.sentAt} pattern="PP" /> : "When published"}
                  </td>
                  <td className="px-4 py-3 text-right">
                    {editable && !inv.revokedAt ? (
                      <ConfirmDialog
                        title={`Revoke the invitation of ${inv.displayName}?`}
                        description={
                          inv.sentAt
                            ? "They lose access to this RFP at once. You can invite them again later."
                            : "They will not be invited when the RFP is published. You can invite them again later."
                        }
                        confirmLabel="Revoke invitation"
                        onConfirm={() => revoke.mutate({ orgSlug, rfpId, invitationId: inv.id })}
                        trigger={
                          <Button
                            variant="secondary"
                            size="sm"
                            pending={revoke.isPending && revoke.variables?.invitationId === inv.id}
                          >
                            Revoke<span className="sr-only"> the invitation of {inv.displayName}</span>
                          </Button>
                        }
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
