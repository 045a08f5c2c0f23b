"use client";

import { AlertDialog } from "radix-ui";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

/**
 * Submitting is final for the round: the dialog says so, and that the server's clock decides
 * whether it is still before the due date. `onConfirm` saves what is unsent, then submits.
 */
export function SubmitDialog({
  round,
  disabled,
  pending,
  onOpen,
  onConfirm,
}: {
  round: number;
  disabled?: boolean;
  pending: boolean;
  /** Before opening: false keeps it closed (e.g. required answers missing, shown instead). */
  onOpen: () => boolean;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <Button
        variant="primary"
        className="w-full"
        disabled={disabled}
        pending={pending}
        onClick={() => {
          if (onOpen()) setOpen(true);
        }}
      >
        {pending ? "Submitting…" : "Submit response"}
      </Button>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-surface p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold text-ink">Submit your response?</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-2 space-y-2 text-sm text-ink-muted">
              <p>
                Submitting is final for {round > 1 ? `revision round ${round}` : "this round"}: nobody in your
                organisation can change the answers afterwards. The sponsor can only ask for changes by opening a new
                round.
              </p>
              <p>
                The server&apos;s clock decides whether it arrives before the due date. You get a receipt with the time
                and a SHA-256 hash of what you submitted.
              </p>
            </div>
          </AlertDialog.Description>
          <div className="mt-6 flex justify-end gap-3">
            <AlertDialog.Cancel className={buttonClasses("secondary")}>Keep editing</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClasses("primary")} onClick={onConfirm}>
              Submit final response
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
