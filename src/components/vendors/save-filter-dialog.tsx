"use client";

import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { buttonClasses, Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { errorMessage } from "../forms/server-errors";

/**
 * The "Save the current filters" dialog. Loaded when it is first opened (saved-filters.tsx), so
 * the directory's first load does not carry Radix Dialog for a button most visits never press.
 */
export default function SaveFilterDialog({
  onSave,
  onClose,
  returnFocus,
}: {
  /** Resolves when saved; a rejection's message is shown under the field. */
  onSave: (name: string) => Promise<void>;
  onClose: () => void;
  /** Where focus goes back to on closing (there is no Dialog.Trigger to return to). */
  returnFocus: () => void;
}) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError("Give the filter a name.");
    setPending(true);
    try {
      await onSave(name.trim());
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog.Root open onOpenChange={(o) => (o ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <Dialog.Content
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            returnFocus();
          }}
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-sm -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-surface p-6 shadow-xl"
        >
          <Dialog.Title className="text-lg font-semibold text-ink">Save the current filters</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-ink-muted">
            Only you see your saved filters. A filter with the same name is replaced.
          </Dialog.Description>
          <form onSubmit={submit} noValidate className="mt-4 space-y-4">
            <Field label="Filter name" error={error}>
              <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoFocus />
            </Field>
            <div className="flex justify-end gap-2">
              <Dialog.Close className={buttonClasses("secondary")}>Cancel</Dialog.Close>
              <Button type="submit" variant="primary" pending={pending}>
                Save
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
