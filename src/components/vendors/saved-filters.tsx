"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { errorMessage } from "../forms/server-errors";
import { savedQueryOf, stateFromSaved, type DirectoryState } from "./directory-params";

const SaveFilterDialog = dynamic(() => import("./save-filter-dialog"));

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
  const trigger = useRef<HTMLButtonElement>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.vendors.savedFilters.queryKey() });

  const saveAs = async (name: string) => {
    await save.mutateAsync({ orgSlug, name, query: savedQueryOf(state) });
    toast.success(`Filter "${name}" saved`);
    void refresh();
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
      <Button ref={trigger} variant="secondary" size="sm" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Save filter
      </Button>
      {open ? (
        <SaveFilterDialog onSave={saveAs} onClose={() => setOpen(false)} returnFocus={() => trigger.current?.focus()} />
      ) : null}
    </section>
  );
}
