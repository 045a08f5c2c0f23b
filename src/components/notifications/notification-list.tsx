"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { NOTIFICATION_KIND_LABELS } from "@/server/notifications/kinds";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { TableSkeleton } from "../ui/skeleton";
import { UNREAD_POLL_MS, useMarkRead } from "./use-notifications";

const PAGE = 20;

/** Every notification of the signed-in person, newest first, with mark-as-read. */
export function NotificationList() {
  const trpc = useTRPC();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const count = useQuery(trpc.notification.unreadCount.queryOptions(undefined, { refetchInterval: UNREAD_POLL_MS }));
  const list = useInfiniteQuery(
    trpc.notification.list.infiniteQueryOptions(
      { limit: PAGE, unreadOnly },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, initialCursor: null },
    ),
  );
  const markRead = useMarkRead();
  const unread = count.data ?? 0;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const mark = (input: { id: string } | { all: true }) =>
    markRead.mutate(input, { onError: (e) => toast.error(errorMessage(e)) });

  return (
    <Card aria-labelledby="notifications-heading">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-5 py-3">
        <h2 id="notifications-heading" className="text-base font-semibold text-ink">
          {unread === 0 ? "All read" : `${unread} unread`}
        </h2>
        <div className="flex items-center gap-2">
          <fieldset className="flex rounded-md border border-line-strong p-0.5 text-sm">
            <legend className="sr-only">Show</legend>
            {[
              { value: false, label: "All" },
              { value: true, label: "Unread" },
            ].map((o) => (
              <button
                key={o.label}
                type="button"
                aria-pressed={unreadOnly === o.value}
                onClick={() => setUnreadOnly(o.value)}
                className={`rounded px-3 py-1 ${unreadOnly === o.value ? "bg-brand-700 text-white" : "text-ink hover:bg-brand-50"}`}
              >
                {o.label}
              </button>
            ))}
          </fieldset>
          <Button
            variant="secondary"
            size="sm"
            disabled={unread === 0}
            pending={markRead.isPending && markRead.variables && "all" in markRead.variables}
            onClick={() => mark({ all: true })}
          >
            Mark all as read
          </Button>
        </div>
      </div>
      {list.isPending ? (
        <TableSkeleton label="notifications" rows={4} />
      ) : list.isError ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={unreadOnly ? "No unread notifications" : "No notifications yet"}
          description="Invitations, clarifications, changed RFPs, submitted responses, deadlines and closings show up here."
        />
      ) : (
        <ul className="divide-y divide-line">
          {items.map((n) => (
            <li key={n.id} className={`flex gap-3 px-5 py-4 ${n.readAt ? "" : "bg-brand-50/40"}`}>
              <span
                aria-hidden="true"
                className={`mt-2 size-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`}
              />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={n.link}
                    onClick={() => (n.readAt ? undefined : mark({ id: n.id }))}
                    className={`text-sm underline-offset-2 hover:underline ${n.readAt ? "text-ink" : "font-semibold text-ink"}`}
                  >
                    {n.title}
                  </Link>
                  {n.readAt ? null : <Badge tone="brand">Unread</Badge>}
                  <Badge>{NOTIFICATION_KIND_LABELS[n.kind].label}</Badge>
                </div>
                <p className="mt-1 text-sm text-ink-muted">{n.body}</p>
                <p className="mt-1 text-xs text-ink-muted">
                  <LocalTime value={n.createdAt} />
                </p>
              </div>
              {n.readAt ? null : (
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Mark “${n.title}” as read`}
                  onClick={() => mark({ id: n.id })}
                >
                  Mark as read
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <div className="border-t border-line px-5 py-3 text-center">
          <Button
            variant="secondary"
            size="sm"
            pending={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            Show older
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
