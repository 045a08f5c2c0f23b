"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** The unread count is polled modestly: every minute, and when the window regains focus. */
export const UNREAD_POLL_MS = 60_000;

/** Mark one notification (or all) read, then refresh every notification query (bell, page). */
export function useMarkRead() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return useMutation(
    trpc.notification.markRead.mutationOptions({
      onSettled: () => qc.invalidateQueries({ queryKey: trpc.notification.pathKey() }),
    }),
  );
}

export const unreadLabel = (n: number) => (n === 0 ? "Notifications, none unread" : `Notifications, ${n} unread`);
