"use client";

import { AlertDialog } from "radix-ui";
import { buttonClasses } from "@/components/ui/button";

/**
 * Before a published RFP is saved: what invitees will be told. Saving sends each of them the
 * list (in the app and by e-mail), so the sponsor sees it first and can go back.
 */
export function AnnounceDialog({
  changes,
  onConfirm,
  onCancel,
}: {
  changes: string[] | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <AlertDialog.Root open={changes !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[80dvh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg border border-line bg-surface p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold text-ink">
            Tell invitees about these changes?
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-ink-muted">
            This RFP is open for responses. Saving tells every invited CDMO, in the app and by e-mail:
          </AlertDialog.Description>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-ink">
            {(changes ?? []).slice(0, 15).map((c, i) => (
              <li key={i}>{c}</li>
            ))}
            {(changes?.length ?? 0) > 15 ? <li>…and {changes!.length - 15} more.</li> : null}
          </ul>
          <div className="mt-6 flex justify-end gap-3">
            <AlertDialog.Cancel className={buttonClasses("secondary")}>Keep editing</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClasses("primary")} onClick={onConfirm}>
              Save and tell invitees
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
