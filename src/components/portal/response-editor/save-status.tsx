"use client";

import { cn } from "@/components/ui/cn";
import type { SaveStatus } from "./use-autosave";
import { formatDate } from "../../ui/format-date";

function text(s: SaveStatus): string {
  switch (s.kind) {
    case "idle":
      return s.at ? `Saved ${formatDate(s.at, "HH:mm")}` : "No changes yet";
    case "saved":
      return `Saved ${formatDate(s.at, "HH:mm")}`;
    case "pending":
    case "saving":
      return "Saving…";
    case "held":
      return `Not saved: correct ${s.count === 1 ? "the answer" : `${s.count} answers`} marked below (kept on this device)`;
    case "offline":
      return "Offline — changes kept on this device";
    case "conflict":
      return "Conflict — a colleague saved too: choose which answers to keep";
    case "error":
      return `Not saved — ${s.message}`;
  }
}

const TONE: Record<SaveStatus["kind"], string> = {
  idle: "text-ink-muted",
  saved: "text-success-700",
  pending: "text-ink-muted",
  saving: "text-ink-muted",
  held: "text-warning-800",
  offline: "text-warning-800",
  conflict: "text-warning-800",
  error: "text-danger-700",
};

/** The autosave state in words, announced politely as it changes. */
export function SaveStatusText({ status, className }: { status: SaveStatus; className?: string }) {
  return (
    <p
      aria-live="polite"
      aria-atomic="true"
      data-testid="save-status"
      className={cn("text-sm font-medium", TONE[status.kind], className)}
    >
      {text(status)}
    </p>
  );
}
