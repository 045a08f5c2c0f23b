"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ActivityItem } from "@/server/shortlist/activity";
import { stageLabel } from "@/server/shortlist/stages";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { Skeleton } from "../ui/skeleton";

/** One entry of the feed as a sentence: "Eva Lindqvist moved Kestrel Fill-Finish from Long list to Shortlist." */
export function activitySentence(a: ActivityItem): string {
  switch (a.action) {
    case "shortlist.added":
      return `${a.actor} added ${a.vendor} to the long list`;
    case "shortlist.moved":
      return a.from === a.to
        ? `${a.actor} reordered ${a.vendor} in ${stageLabel(a.to ?? "")}`
        : `${a.actor} moved ${a.vendor} from ${stageLabel(a.from ?? "")} to ${stageLabel(a.to ?? "")}`;
    case "shortlist.removed":
      return `${a.actor} took ${a.vendor} off the ${stageLabel(a.from ?? "").toLowerCase()}`;
    case "shortlist.voted":
      return a.vote === 1
        ? `${a.actor} voted for ${a.vendor}`
        : a.vote === -1
          ? `${a.actor} voted against ${a.vendor}`
          : `${a.actor} took back their vote on ${a.vendor}`;
    case "shortlist.commented":
      return `${a.actor} commented on ${a.vendor}`;
    default:
      return `${a.actor} changed ${a.vendor}`;
  }
}

export function ActivityFeed({
  orgSlug,
  programmeId,
  onOpen,
}: {
  orgSlug: string;
  programmeId: string;
  onOpen: (entryId: string) => void;
}) {
  const trpc = useTRPC();
  const feed = useInfiniteQuery(
    trpc.shortlist.activity.infiniteQueryOptions(
      { orgSlug, programmeId, limit: 15 },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card aria-labelledby="shortlist-activity" className="min-w-0">
      <CardHeader id="shortlist-activity" title="Activity" />
      <div aria-busy={feed.isFetching} className="px-4 py-3">
        {feed.isPending ? (
          <div className="space-y-3" role="status" aria-label="Loading activity">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-9" />
            ))}
          </div>
        ) : feed.isError ? (
          <ErrorState
            className="py-4"
            title="The activity could not be loaded"
            message={errorMessage(feed.error)}
            onRetry={() => void feed.refetch()}
          />
        ) : items.length === 0 ? (
          <p className="py-4 text-sm text-ink-muted">Nothing has happened on this board yet.</p>
        ) : (
          <ol className="space-y-3" aria-label="Recent activity, newest first">
            {items.map((a) => (
              <li key={a.id} className="text-sm">
                <p className="text-ink">
                  {activitySentence(a)}
                  {a.action === "shortlist.commented" && a.excerpt ? (
                    <span className="text-ink-muted">: “{a.excerpt}”</span>
                  ) : (
                    "."
                  )}
                </p>
                <p className="mt-0.5 flex items-center gap-2 text-xs text-ink-muted">
                  <LocalTime value={a.at} pattern="d MMM, HH:mm" />
                  {a.entryId && a.action === "shortlist.commented" ? (
                    <button type="button" className="text-brand-700 underline" onClick={() => onOpen(a.entryId!)}>
                      Open comments<span className="sr-only"> on {a.vendor}</span>
                    </button>
                  ) : null}
                </p>
              </li>
            ))}
          </ol>
        )}
        {feed.hasNextPage ? (
          <Button
            variant="secondary"
            size="sm"
            className="mt-4 w-full"
            pending={feed.isFetchingNextPage}
            onClick={() => void feed.fetchNextPage()}
          >
            Show older activity
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
