"use client";

import { useId, useRef, useState } from "react";
import { mentionToken, type MentionCandidate } from "@/server/shortlist/mentions";
import { cn } from "../ui/cn";

// A comment box that offers the organisation's members after "@". Choosing one (arrow keys and
// Enter or Tab, or a click) writes "@Name" in the box; when the comment is sent, each "@Name"
// chosen this way becomes the token the server resolves (`@[Name](userId)`, mentions.ts), so two
// colleagues with the same name, or someone renamed later, still resolve to the right person.

const QUERY = /(^|\s)@([^\s@]{0,40})$/;

/** The text to send: every chosen "@Name" as its mention token. */
export function withMentionTokens(text: string, chosen: readonly MentionCandidate[]): string {
  let out = text;
  // Longest names first, so "@Ana Ribeiro" is not cut short by a colleague called "Ana".
  for (const m of [...chosen].sort((a, b) => b.name.length - a.name.length))
    out = out.split(`@${m.name}`).join(mentionToken(m));
  return out;
}

export function MentionInput({
  id,
  value,
  onChange,
  members,
  chosen,
  onChoose,
  describedBy,
  placeholder,
  onSubmit,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  members: readonly MentionCandidate[];
  chosen: readonly MentionCandidate[];
  onChoose: (m: MentionCandidate) => void;
  describedBy?: string;
  placeholder?: string;
  /** Ctrl or Cmd + Enter. */
  onSubmit: () => void;
}) {
  const listId = `${useId()}-members`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const q = query?.toLowerCase() ?? "";
  const matches =
    query === null
      ? []
      : members.filter((m) => m.name.toLowerCase().includes(q) || m.email.toLowerCase().startsWith(q)).slice(0, 6);
  const open = matches.length > 0;

  const sync = (text: string, caret: number) => {
    const m = QUERY.exec(text.slice(0, caret));
    setQuery(m ? m[2]! : null);
    setActive(0);
  };
  const choose = (m: MentionCandidate) => {
    const el = ref.current;
    const caret = el?.selectionStart ?? value.length;
    const before = value.slice(0, caret).replace(QUERY, (_all, lead: string) => `${lead}@${m.name} `);
    const next = before + value.slice(caret);
    onChange(next);
    if (!chosen.some((c) => c.id === m.id)) onChoose(m);
    setQuery(null);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(before.length, before.length);
    });
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      setActive((a) => (a + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (open && (e.key === "Enter" || e.key === "Tab") && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      choose(matches[active]!);
    } else if (open && e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setQuery(null);
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div className="relative">
      <textarea
        ref={ref}
        id={id}
        rows={3}
        value={value}
        placeholder={placeholder}
        aria-describedby={describedBy}
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={open ? optionId(active) : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          sync(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onClick={(e) => sync(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        className="block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm placeholder:text-ink-muted focus:border-brand-600"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Members to mention"
        hidden={!open}
        className="absolute bottom-full z-10 mb-1 w-full overflow-hidden rounded-md border border-line bg-surface p-1 shadow-lg"
      >
        {matches.map((m, i) => (
          <li
            key={m.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(m)}
            className={cn("cursor-pointer rounded px-2.5 py-1.5 text-sm", i === active && "bg-brand-50 text-brand-900")}
          >
            <span className="font-medium">{m.name}</span> <span className="text-xs text-ink-muted">{m.email}</span>
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="sr-only">
        {open
          ? `${matches.length} ${matches.length === 1 ? "member matches" : "members match"}. Use the arrow keys and Enter to mention one.`
          : ""}
      </p>
    </div>
  );
}
