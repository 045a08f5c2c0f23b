"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Dialog } from "radix-ui";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { DECLINE_REASON_MAX } from "@/server/rfps/portal-limits";
import type { ZDeclineForm } from "@/server/rfps/portal-schemas";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormError } from "../forms/form-error";
import { applyServerError } from "../forms/server-errors";
import { cn } from "../ui/cn";

const resolver = lazyZodResolver<typeof ZDeclineForm>(() =>
  import("@/server/rfps/portal-schemas").then((m) => m.ZDeclineForm),
);

/** The decline dialog itself; ./decline-dialog loads it when the button is pressed. */
export function DeclineDialogBody({
  orgSlug,
  rfpId,
  sponsorName,
  open,
  setOpen,
}: {
  orgSlug: string;
  rfpId: string;
  sponsorName: string;
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const decline = useMutation(trpc.portal.decline.mutationOptions());
  const { register, handleSubmit, formState, setError, reset } = useForm({
    resolver,
    defaultValues: { reason: "" },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async ({ reason }) => {
    try {
      await decline.mutateAsync({ orgSlug, rfpId, reason });
      toast.success(`You declined. ${sponsorName} has been told.`);
      setOpen(false);
      reset();
      router.refresh();
    } catch (err) {
      applyServerError(err, setError, ["reason"]);
    }
  });

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-surface p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-ink">Decline this invitation?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-ink-muted">
            {sponsorName} sees that you declined and your reason, and stops waiting for your response. You can still
            read the RFP.
          </Dialog.Description>
          <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
            <Field
              label="Reason"
              error={errors.reason?.message}
              description="For example: no capacity in the requested window."
            >
              <textarea
                rows={4}
                maxLength={DECLINE_REASON_MAX}
                className={cn(
                  "block w-full rounded-md border bg-surface px-3 py-2 text-sm text-ink shadow-sm",
                  errors.reason ? "border-danger-600" : "border-line-strong",
                )}
                {...register("reason")}
              />
            </Field>
            <FormError message={errors.root?.server?.message} />
            <div className="flex justify-end gap-3">
              <Dialog.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button type="submit" variant="danger" pending={isSubmitting}>
                {isSubmitting ? "Declining…" : "Decline invitation"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
