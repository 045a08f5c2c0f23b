"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { FormError } from "../forms/form-error";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { cn } from "../ui/cn";
import { FormDialog } from "../ui/form-dialog";
import { RevisionRoundDialog } from "./revision-round-dialog";

/** Invalidate everything on the RFP page that a transition changes. */
export function useRefreshRfp() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.rfp.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.rfp.status.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.rfpInvitation.list.queryKey() }),
    ]);
}

/**
 * Publish, cancel and open a revision round, offered only when the server's lifecycle says the
 * move is open now (rfp.status); the server checks again under a row lock.
 */
export function LifecycleActions({ orgSlug, rfpId }: { orgSlug: string; rfpId: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.rfp.status.queryOptions({ orgSlug, rfpId }));
  if (!q.data) return null;
  const s = q.data;
  return (
    <>
      {s.status === "DRAFT" ? (
        <PublishDialog orgSlug={orgSlug} rfpId={rfpId} version={s.version} problems={s.publishProblems} />
      ) : null}
      {s.can.openRevisionRound ? (
        <RevisionRoundDialog orgSlug={orgSlug} rfpId={rfpId} version={s.version} timeZone={s.timeZone} />
      ) : null}
      {s.can.cancel ? <CancelDialog orgSlug={orgSlug} rfpId={rfpId} version={s.version} /> : null}
    </>
  );
}

function PublishDialog({
  orgSlug,
  rfpId,
  version,
  problems,
}: {
  orgSlug: string;
  rfpId: string;
  version: number;
  problems: { field: string; message: string }[];
}) {
  const trpc = useTRPC();
  const refresh = useRefreshRfp();
  const [open, setOpen] = useState(false);
  const publish = useMutation(trpc.rfp.publish.mutationOptions());
  const blocked = problems.length > 0;
  const onPublish = async () => {
    try {
      await publish.mutateAsync({ orgSlug, rfpId, version });
      toast.success("Published. Invitations have gone out.");
      setOpen(false);
    } catch {
      // Shown in the dialog below.
    } finally {
      await refresh();
    }
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        // What stops publishing changes with invitations and edits made since the page loaded.
        if (o) void refresh();
        else publish.reset();
      }}
      trigger={<Button size="sm">Publish…</Button>}
      title={blocked ? "Not ready to publish" : "Publish this RFP?"}
      description={
        blocked ? (
          <p>Fix these first:</p>
        ) : (
          <p>
            Every invited CDMO is told now and can start answering. Later edits are listed for them as changes, and the
            RFP closes by itself at its due date.
          </p>
        )
      }
    >
      {blocked ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-danger-700">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      <FormError message={publish.error ? errorMessage(publish.error) : undefined} />
      <div className="mt-6 flex justify-end gap-3">
        <Dialog.Close asChild>
          <Button variant="secondary">{blocked ? "Close" : "Cancel"}</Button>
        </Dialog.Close>
        {blocked ? null : (
          <Button onClick={() => void onPublish()} pending={publish.isPending}>
            {publish.isPending ? "Publishing…" : "Publish and send invitations"}
          </Button>
        )}
      </div>
    </FormDialog>
  );
}

function CancelDialog({ orgSlug, rfpId, version }: { orgSlug: string; rfpId: string; version: number }) {
  const trpc = useTRPC();
  const refresh = useRefreshRfp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const cancel = useMutation(trpc.rfp.cancel.mutationOptions());
  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError("Say why the RFP is cancelled; invitees read it.");
    try {
      await cancel.mutateAsync({ orgSlug, rfpId, version, reason });
      toast.success("RFP cancelled. Invitees have been told.");
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      await refresh();
    }
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(undefined);
      }}
      trigger={
        <Button size="sm" variant="ghost">
          Cancel RFP…
        </Button>
      }
      title="Cancel this RFP?"
      description={<p>Invitees are told with your reason and can no longer respond. This cannot be undone.</p>}
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
        <Field label="Reason" error={error}>
          <textarea
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className={cn(
              "block w-full rounded-md border bg-surface px-3 py-2 text-sm text-ink shadow-sm",
              error ? "border-danger-600" : "border-line-strong",
            )}
          />
        </Field>
        <div className="flex justify-end gap-3">
          <Dialog.Close asChild>
            <Button variant="secondary">Keep the RFP</Button>
          </Dialog.Close>
          <Button type="submit" variant="danger" pending={cancel.isPending}>
            {cancel.isPending ? "Cancelling…" : "Cancel RFP"}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
