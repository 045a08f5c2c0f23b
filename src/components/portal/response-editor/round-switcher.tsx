"use client";

import { cn } from "@/components/ui/cn";
import type { ResponseData } from "./draft-editor";

/** Rounds of this response (a revision round keeps the earlier ones readable): one tab-like button each. */
export function RoundSwitcher({
  versions,
  current,
  selected,
  onSelect,
}: {
  versions: ResponseData["versions"];
  current: number;
  selected: number;
  onSelect: (round: number) => void;
}) {
  const rounds = [...new Set([...versions.map((v) => v.round), current])].sort((a, b) => a - b);
  if (rounds.length < 2) return null;
  return (
    <nav aria-label="Rounds" className="mb-4">
      <ul className="inline-flex flex-wrap gap-1 rounded-md border border-line-strong bg-surface p-1">
        {rounds.map((r) => {
          const v = versions.find((x) => x.round === r);
          const label = `Round ${r}${r === current ? " (current)" : ""}`;
          const state = v?.submittedAt ? "submitted" : r === current ? "draft" : "not submitted";
          return (
            <li key={r}>
              <button
                type="button"
                aria-current={r === selected ? "page" : undefined}
                onClick={() => onSelect(r)}
                className={cn(
                  "rounded px-3 py-1.5 text-sm font-medium",
                  r === selected ? "bg-brand-700 text-white" : "text-ink hover:bg-brand-50",
                )}
              >
                {label}
                <span className={cn("ml-1.5 text-xs", r === selected ? "text-white" : "text-ink-muted")}>
                  · {state}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
