"use client";

import { useSyncExternalStore } from "react";
import { formatInZone, readerTimeZone } from "@/server/rfps/time-zone";
import { distanceStrict } from "../ui/format-date";

const noop = () => () => {};

/**
 * A due date in the reader's own time zone and in the zone the sponsor set it in. The server
 * does not know the reader's zone, so the server render shows the sponsor's; the browser adds
 * its own right after hydration.
 */
export function DueDate({
  dueAt,
  timeZone,
  compact = false,
}: {
  dueAt: Date | string;
  timeZone: string;
  compact?: boolean;
}) {
  const d = typeof dueAt === "string" ? new Date(dueAt) : dueAt;
  const reader = useSyncExternalStore(noop, readerTimeZone, () => null);
  const sameZone = reader !== null && formatInZone(d, reader) === formatInZone(d, timeZone);
  const now = useSyncExternalStore(
    noop,
    () => Math.floor(Date.now() / 60_000),
    () => null,
  );
  const relative =
    now === null
      ? null
      : d.getTime() > now * 60_000
        ? `in ${distanceStrict(d, now * 60_000)}`
        : `${distanceStrict(d, now * 60_000)} ago`;
  const iso = d.toISOString();
  if (compact) {
    return (
      <span>
        <time dateTime={iso}>{formatInZone(d, reader ?? timeZone)}</time>
        {relative ? <span className="block text-xs text-ink-muted">{relative}</span> : null}
      </span>
    );
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {reader && !sameZone ? (
        <>
          <dt className="text-ink-muted">Your time</dt>
          <dd className="font-medium text-ink">
            <time dateTime={iso}>{formatInZone(d, reader)}</time>
          </dd>
        </>
      ) : null}
      <dt className="text-ink-muted">{reader && !sameZone ? "Sponsor's time" : "Due"}</dt>
      <dd className={reader && !sameZone ? "text-ink" : "font-medium text-ink"}>
        <time dateTime={iso}>{formatInZone(d, timeZone)}</time> <span className="text-ink-muted">({timeZone})</span>
      </dd>
      {relative ? (
        <>
          <dt className="sr-only">Time left</dt>
          <dd className="col-start-2 text-xs text-ink-muted">{relative}</dd>
        </>
      ) : null}
    </dl>
  );
}
