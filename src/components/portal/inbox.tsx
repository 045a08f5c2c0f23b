"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/trpc/react";
import { RFP_STATUS_LABELS } from "@/server/rfps/statuses";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { TableSkeleton } from "../ui/skeleton";
import { errorMessage } from "../forms/server-errors";
import { cn } from "../ui/cn";
import { InvitationStatusBadge } from "../rfps/invitation-status-badge";
import { DueDate } from "./due-date";

const PAGE_SIZE = 25;
type Show = "open" | "past";

/** The CDMO's invitations: open ones soonest-due first, past ones (closed, decided) apart; state in the URL. */
export function Inbox({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const show: Show = params.get("show") === "past" ? "past" : "open";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const inbox = useQuery({
    ...trpc.portal.inbox.queryOptions({ orgSlug, show, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const go = (next: { show?: Show; page?: number }) => {
    const q = new URLSearchParams();
    const s = next.show ?? show;
    if (s === "past") q.set("show", "past");
    const p = next.page ?? 1;
    if (p > 1) q.set("page", String(p));
    router.push(q.size ? `${pathname}?${q}` : pathname);
  };
  const pages = inbox.data ? Math.max(1, Math.ceil(inbox.data.total / PAGE_SIZE)) : 1;

  return (
    <div className="space-y-4">
      <div
        role="group"
        aria-label="Which invitations"
        className="inline-flex rounded-md border border-line bg-surface p-1"
      >
        {(["open", "past"] as const).map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={show === s}
            onClick={() => go({ show: s })}
            className={cn(
              "rounded px-3 py-1.5 text-sm font-medium",
              show === s ? "bg-brand-50 text-brand-800" : "text-ink-muted hover:text-ink",
            )}
          >
            {s === "open" ? "Open" : "Past"}
          </button>
        ))}
      </div>
      <Card>
        {inbox.isPending ? (
          <TableSkeleton rows={4} label="invitations" />
        ) : inbox.isError ? (
          <ErrorState
            title="Your inbox could not be loaded"
            message={errorMessage(inbox.error)}
            onRetry={() => void inbox.refetch()}
          />
        ) : inbox.data.items.length === 0 ? (
          show === "open" ? (
            <EmptyState
              title="No open invitations"
              description="When a sponsor invites your organisation to respond to an RFP, it appears here with its due date. Keep your public profile up to date so sponsors find you in the directory."
              action={
                <Link href={`/${orgSlug}/profile`} className="text-sm font-medium text-brand-700 underline">
                  Your public profile
                </Link>
              }
            />
          ) : (
            <EmptyState
              title="No past invitations"
              description="RFPs whose due date has passed, or that were awarded or cancelled, are listed here."
            />
          )
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">
                {show === "open" ? "Open invitations, soonest due first" : "Past invitations, latest first"}
              </caption>
              <thead className="bg-canvas">
                <tr className="border-b border-line">
                  {["RFP", "Sponsor", "Due", "Your status"].map((h) => (
                    <th
                      key={h}
                      scope="col"
                      className="px-4 py-2.5 text-xs font-semibold tracking-wide text-ink-muted uppercase"
                    >
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {inbox.data.items.map((i) => (
                  <tr key={i.rfpId} className="border-b border-line align-top last:border-b-0">
                    <td className="px-4 py-3">
                      <Link
                        href={`/${orgSlug}/inbox/${i.rfpId}`}
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      >
                        {i.title}
                      </Link>
                      {i.round > 1 ? <p className="text-xs text-ink-muted">Revision round {i.round}</p> : null}
                    </td>
                    <td className="px-4 py-3 text-ink">{i.sponsorName}</td>
                    <td className="px-4 py-3 text-ink">
                      {i.dueAt ? <DueDate dueAt={i.dueAt} timeZone={i.timeZone} compact /> : "—"}
                    </td>
                    <td className="px-4 py-3">
                      <div className="flex flex-wrap gap-1.5">
                        <InvitationStatusBadge status={i.status} />
                        {i.rfpStatus !== "PUBLISHED" ? <Badge>{RFP_STATUS_LABELS[i.rfpStatus]}</Badge> : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {inbox.data && pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm text-ink-muted">
          <span>
            Page {inbox.data.page} of {pages} · {inbox.data.total} invitations
          </span>
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
              Previous
            </Button>
            <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => go({ page: page + 1 })}>
              Next
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}
