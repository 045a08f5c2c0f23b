"use client";

import { useSyncExternalStore } from "react";
import { formatDate } from "./format-date";

const noop = () => () => {};

/**
 * A timestamp in the reader's own time zone. The server does not know that zone, so the
 * server render (and hydration) shows UTC; right after hydration the browser's local time
 * replaces it.
 */
export function LocalTime({ value, pattern = "PPp" }: { value: Date | string; pattern?: string }) {
  const d = typeof value === "string" ? new Date(value) : value;
  const isClient = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const iso = d.toISOString();
  return <time dateTime={iso}>{isClient ? formatDate(d, pattern) : `${iso.slice(0, 16).replace("T", " ")} UTC`}</time>;
}
