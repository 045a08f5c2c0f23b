"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { DropdownMenu, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from "../ui/dropdown-menu";
import { LocalTime } from "../ui/local-time";
import { BellIcon } from "./bell-icon";
import { UNREAD_POLL_MS, unreadLabel, useMarkRead } from "./use-notifications";

const LATEST = 6;

/** The top bar's bell: how many are unread, and the latest few one click away. */
export function NotificationBell() {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const count = useQuery(
    trpc.notification.unreadCount.queryOptions(undefined, {
      refetchInterval: UNREAD_POLL_MS,
      refetchOnWindowFocus: true,
    }),
  );
  const latest = useQuery(trpc.notification.list.queryOptions({ limit: LATEST }, { enabled: open }));
  const markRead = useMarkRead();
  const unread = count.data ?? 0;

  return (
    <DropdownMenu
      label="Latest notifications"
      onOpenChange={setOpen}
      // A list to glance at, not a choice to make: the page behind stays in the accessibility tree.
      modal={false}
      trigger={
        <button
          type="button"
          aria-label={unreadLabel(unread)}
          className="relative inline-flex size-9 items-center justify-center rounded-full text-ink hover:bg-brand-50"
        >
          <BellIcon className="size-5" />
          {unread > 0 ? (
            <span
              aria-hidden="true"
              className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-danger-600 px-1 text-center text-[11px] leading-5 font-semibold text-white"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </button>
      }
    >
      <DropdownMenuLabel>Notifications</DropdownMenuLabel>
      <div className="w-80 max-w-[calc(100vw-2rem)]">
        {latest.isPending ? (
          <p className="px-2.5 py-3 text-sm text-ink-muted">Loading…</p>
        ) : latest.isError ? (
          <p className="px-2.5 py-3 text-sm text-danger-700">Notifications could not be loaded.</p>
        ) : latest.data.items.length === 0 ? (
          <p className="px-2.5 py-3 text-sm text-ink-muted">
            Nothing yet. Invitations, questions and deadlines show up here.
          </p>
        ) : (
          latest.data.items.map((n) => (
            <DropdownMenuItem
              key={n.id}
              className="items-start"
              onSelect={() => {
                if (!n.readAt) markRead.mutate({ id: n.id });
                router.push(n.link);
              }}
            >
              <span
                aria-hidden="true"
                className={`mt-1.5 size-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`}
              />
              <span className="min-w-0">
                <span className={`block truncate ${n.readAt ? "text-ink-muted" : "font-semibold text-ink"}`}>
                  {n.title}
                  {n.readAt ? null : <span className="sr-only"> (unread)</span>}
                </span>
                <span className="block text-xs text-ink-muted">
                  <LocalTime value={n.createdAt} pattern="d MMM, HH:mm" />
                </span>
              </span>
            </DropdownMenuItem>
          ))
        )}
      </div>
      <DropdownMenuSeparator />
      {unread > 0 ? (
        <DropdownMenuItem onSelect={() => markRead.mutate({ all: true })}>Mark all as read</DropdownMenuItem>
      ) : null}
      <DropdownMenuItem asChild>
        <Link href="/notifications">See all notifications</Link>
      </DropdownMenuItem>
    </DropdownMenu>
  );
}
