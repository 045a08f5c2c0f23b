"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Button } from "../ui/button";
import { Textarea } from "../ui/input";
import { Field } from "../ui/field";
import { FormDialog } from "../ui/form-dialog";
import type { EvaluationData } from "./types";

/** Lock (every disagreement explained first) or unlock (with a reason) the scorecard; leads only. */
export function LockControls({
  data,
  orgSlug,
  rfpId,
  missing,
}: {
  data: EvaluationData;
  orgSlug: string;
  rfpId: string;
  missing: string[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lock = useMutation(trpc.evaluation.lock.mutationOptions());
  const unlock = useMutation(trpc.evaluation.unlock.mutationOptions());
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (!data.me.canManage) return null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.evaluation.get.queryKey({ orgSlug, rfpId }) });
  const version = Math.max(1, data.scorecard.version);

  if (data.scorecard.lockedAt)
    return (
      <FormDialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          setError(null);
        }}
        title="Unlock the scorecard?"
        description="Scores, weights and overrides can change again until someone locks it. The reason goes in the audit log."
        trigger={<Button variant="secondary">Unlock</Button>}
      >
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await unlock.mutateAsync({ orgSlug, rfpId, version, reason });
              toast.success("Scorecard unlocked.");
              setOpen(false);
              await refresh();
            } catch (err) {
              setError(errorMessage(err));
            }
          }}
        >
          <Field label="Reason" error={error ?? undefined}>
            <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} />
          </Field>
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </Dialog.Close>
            <Button type="submit" variant="danger" pending={unlock.isPending}>
              Unlock
            </Button>
          </div>
        </form>
      </FormDialog>
    );

  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        pending={lock.isPending}
        disabled={missing.length > 0}
        aria-describedby={missing.length ? "lock-blocked" : undefined}
        onClick={async () => {
          try {
            await lock.mutateAsync({ orgSlug, rfpId, version });
            toast.success("Scorecard locked.");
            await refresh();
          } catch (err) {
            toast.error(errorMessage(err));
          }
        }}
      >
        Lock scorecard
      </Button>
      {missing.length ? (
        <p id="lock-blocked" className="max-w-xs text-right text-xs text-warning-800">
          Rationale needed before locking: {missing.slice(0, 3).join("; ")}
          {missing.length > 3 ? ` and ${missing.length - 3} more` : ""}.
        </p>
      ) : null}
    </div>
  );
}
