"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { Button, buttonClasses } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { errorMessage } from "../forms/server-errors";
import { savedQueryOf, stateFromSaved, type DirectoryState } from "./directory-params";

/** Saved searches: save the current filters under a name, apply one, delete one (with undo). */
export function SavedFilters({
  orgSlug,
  state,
  onApply,
}: {
  orgSlug: string;
  state: DirectoryState;
  onApply: (s: DirectoryState) => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.vendors.savedFilters.queryOptions({ orgSlug }));
  const save = useMutation(trpc.vendors.saveFilter.mutationOptions());
  const remove = useMutation(trpc.vendors.removeFilter.mutationOptions());
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.vendors.savedFilters.queryKey() });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError("Give the filter a name.");
    try {
      await save.mutateAsync({ orgSlug, name: name.trim(), query: savedQueryOf(state) });
      toast.success(`Filter "${name.trim()}" saved`);
      setOpen(false);
      setName("");
      setError(undefined);
      void refresh();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const del = async (f: { id: string; name: string; query: unknown }) => {
    try {
      await remove.mutateAsync({ orgSlug, filterId: f.id });
      void refresh();
      // Deleting is cheap to undo: save it again under the same name.
      toast.success(`Filter "${f.name}" deleted`, {
        action: {
          label: "Undo",
          onClick: () =>
            void save
              .mutateAsync({ orgSlug, name: f.name, query: savedQueryOf(stateFromSaved(f.query)) })
              .then(refresh),
        },
      });
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };

  return (
    <section aria-labelledby="saved-filters-heading" className="flex flex-wrap items-center gap-2">
      <h2 id="saved-filters-heading" className="text-sm font-medium text-ink">
        Saved filters
      </h2>
      {list.isError ? <span className="text-sm text-danger-700">Saved filters could not be loaded.</span> : null}
      {list.data?.length === 0 ? <span className="text-sm text-ink-muted">None yet.</span> : null}
      <ul className="flex flex-wrap gap-2">
        {list.data?.map((f) => (
          <li key={f.id} className="inline-flex items-center rounded-full border border-line bg-surface text-sm">
            <button
              type="button"
              className="rounded-l-full px-3 py-1 text-brand-700 hover:bg-brand-50"
              onClick={() => onApply(stateFromSaved(f.query))}
            >
              <span className="sr-only">Apply saved filter </span>
              {f.name}
            </button>
            <button
              type="button"
              className="rounded-r-full border-l border-line px-2 py-1 text-ink-muted hover:bg-danger-50 hover:text-danger-700"
              aria-label={`Delete saved filter ${f.name}`}
              onClick={() => void del(f)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <Button variant="secondary" size="sm">
            Save filter
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
          <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-sm -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-surface p-6 shadow-xl">
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
                <Button type="submit" variant="primary" pending={save.isPending}>
                  Save
                </Button>
              </div>
            </form>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </section>
  );
}
