"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { NOTIFICATION_KIND_LABELS } from "@/server/notifications/kinds";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { ErrorState } from "../ui/error-state";
import { TableSkeleton } from "../ui/skeleton";

/** One switch per kind: in-app notifications always arrive; e-mail only for the kinds left on. */
export function EmailPreferences() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const key = trpc.notification.preferences.queryKey();
  const prefs = useQuery(trpc.notification.preferences.queryOptions());
  // What the person just clicked, shown in the same render as the click: the cache update below
  // comes a tick later, and a controlled checkbox would spring back in between.
  const [clicked, setClicked] = useState<Partial<Record<string, boolean>>>({});
  const set = useMutation(
    trpc.notification.setPreference.mutationOptions({
      // Show the change at once; put it back if the server refuses.
      onMutate: async (p) => {
        await qc.cancelQueries({ queryKey: key });
        const before = qc.getQueryData(key);
        qc.setQueryData(key, (old) => old?.map((x) => (x.kind === p.kind ? { ...x, email: p.email } : x)));
        return { before };
      },
      onError: (e, _p, c) => {
        qc.setQueryData(key, c?.before);
        toast.error(errorMessage(e));
      },
      onSettled: (_d, _e, p) => setClicked(({ [p.kind]: _done, ...rest }) => rest),
      onSuccess: (next, p) => {
        qc.setQueryData(key, next);
        toast.success(`${NOTIFICATION_KIND_LABELS[p.kind].label}: e-mail ${p.email ? "on" : "off"}`);
      },
    }),
  );

  if (prefs.isPending) return <TableSkeleton label="e-mail preferences" rows={3} />;
  if (prefs.isError) return <ErrorState message={errorMessage(prefs.error)} onRetry={() => void prefs.refetch()} />;
  return (
    <fieldset>
      <legend className="sr-only">E-mail me about</legend>
      <ul className="divide-y divide-line">
        {prefs.data.map((p) => {
          const { label, hint } = NOTIFICATION_KIND_LABELS[p.kind];
          const id = `email-${p.kind}`;
          return (
            <li key={p.kind} className="flex items-start gap-3 py-3">
              <input
                id={id}
                type="checkbox"
                className="mt-1 size-4 accent-brand-700"
                checked={clicked[p.kind] ?? p.email}
                aria-describedby={`${id}-hint`}
                onChange={(e) => {
                  const email = e.target.checked;
                  setClicked((c) => ({ ...c, [p.kind]: email }));
                  set.mutate({ kind: p.kind, email });
                }}
              />
              <div>
                <label htmlFor={id} className="text-sm font-medium text-ink">
                  {label}
                </label>
                <p id={`${id}-hint`} className="text-sm text-ink-muted">
                  {hint}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
