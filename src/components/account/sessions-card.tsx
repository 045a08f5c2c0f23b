"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { LocalTime } from "@/components/ui/local-time";
import { TableSkeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { deviceLabel } from "./device-label";

/** Where the user is signed in, with a way to sign any other session out, or all of them. */
export function SessionsCard() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
  const revoke = useMutation(
    trpc.account.revokeSession.mutationOptions({
      onSuccess: () => toast.success("That session is signed out."),
      onError: (e) => toast.error(errorMessage(e)),
      onSettled: refresh,
    }),
  );
  const others = useMutation(
    trpc.account.signOutOthers.mutationOptions({
      onSuccess: ({ revoked }) =>
        toast.success(
          revoked ? `Signed out of ${revoked} other session${revoked > 1 ? "s" : ""}.` : "No other sessions.",
        ),
      onError: (e) => toast.error(errorMessage(e)),
      onSettled: refresh,
    }),
  );

  if (sessions.isPending) return <TableSkeleton label="sessions" rows={2} />;
  if (sessions.isError)
    return <ErrorState message={errorMessage(sessions.error)} onRetry={() => void sessions.refetch()} />;
  const otherCount = sessions.data.filter((s) => !s.current).length;
  return (
    <div>
      <ul className="divide-y divide-line" aria-label="Signed-in sessions">
        {sessions.data.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="flex items-center gap-2 text-sm font-medium text-ink">
                {deviceLabel(s.userAgent)}
                {s.current && <Badge tone="brand">This device</Badge>}
              </p>
              <p className="text-xs text-ink-muted">
                Signed in <LocalTime value={s.createdAt} /> · last active <LocalTime value={s.lastSeenAt} />
              </p>
            </div>
            {!s.current && (
              <Button
                variant="secondary"
                size="sm"
                pending={revoke.isPending && revoke.variables?.sessionId === s.id}
                onClick={() => revoke.mutate({ sessionId: s.id })}
                aria-label={`Sign out ${deviceLabel(s.userAgent)}, signed in ${new Date(s.createdAt).toLocaleString()}`}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className="flex items-center justify-between gap-3 border-t border-line pt-4">
        <p className="text-sm text-ink-muted">
          {otherCount
            ? `You are signed in on ${otherCount} other session${otherCount > 1 ? "s" : ""}.`
            : "This is your only session."}{" "}
          Sessions end after 12 hours unused, and 30 days after signing in.
        </p>
        <Button variant="secondary" disabled={!otherCount} pending={others.isPending} onClick={() => others.mutate()}>
          Sign out everywhere else
        </Button>
      </div>
    </div>
  );
}
