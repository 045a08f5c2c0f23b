"use client";

import { cn } from "../ui/cn";

const thumb = "M5 14V7l3-5c1 0 2 .8 1.7 2L9 7h4c.8 0 1.4.8 1.2 1.6l-1.2 4.6c-.2.5-.6.8-1.1.8z M2 7h3v7H2z";

function Thumb({ down }: { down?: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className={cn("h-4 w-4 fill-none stroke-current", down && "rotate-180")}
      strokeWidth="1.3"
      strokeLinejoin="round"
    >
      <path d={thumb} />
    </svg>
  );
}

const base =
  "inline-flex h-7 items-center gap-1 rounded-md border px-2 text-xs font-medium transition-colors disabled:opacity-60";

/**
 * For and against, each with its tally. The pressed one is the member's own vote; pressing it
 * again takes the vote back. Viewers see the tallies as text.
 */
export function VoteButtons({
  name,
  votes,
  writable,
  pending,
  onVote,
}: {
  name: string;
  votes: { up: number; down: number; mine: -1 | 0 | 1 };
  writable: boolean;
  pending: boolean;
  onVote: (value: 1 | -1 | 0) => void;
}) {
  if (!writable)
    return (
      <p className="flex items-center gap-3 text-xs text-ink-muted">
        <span className="inline-flex items-center gap-1">
          <Thumb /> {votes.up}
          <span className="sr-only"> for</span>
        </span>
        <span className="inline-flex items-center gap-1">
          <Thumb down /> {votes.down}
          <span className="sr-only"> against</span>
        </span>
      </p>
    );
  const button = (value: 1 | -1, count: number) => {
    const pressed = votes.mine === value;
    return (
      <button
        type="button"
        aria-pressed={pressed}
        disabled={pending}
        onClick={() => onVote(pressed ? 0 : value)}
        className={cn(
          base,
          pressed
            ? value > 0
              ? "border-success-700/40 bg-success-50 text-success-700"
              : "border-danger-600/40 bg-danger-50 text-danger-700"
            : "border-line bg-surface text-ink-muted hover:bg-canvas",
        )}
      >
        <Thumb down={value < 0} />
        {count}
        <span className="sr-only">
          {value > 0 ? ` for ${name}` : ` against ${name}`}
          {pressed ? " (your vote)" : ""}
        </span>
      </button>
    );
  };
  return (
    <div className="flex items-center gap-1" role="group" aria-label={`Votes on ${name}`}>
      {button(1, votes.up)}
      {button(-1, votes.down)}
    </div>
  );
}
