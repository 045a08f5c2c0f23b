"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { parseState, toSearchParams, type DirectoryState } from "./directory-params";

/**
 * Read and write the directory state in the URL. Changing any filter goes back to page 1.
 * Clicks push a history entry (so Back undoes them); typing replaces the current one so
 * the history is not flooded with every keystroke.
 */
export function useDirectoryUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const current = sp.toString();
  // A navigation finishes a moment after the click: until the URL moves on from `from`, show
  // what was asked for, so a ticked box is ticked at once and a second quick click builds on
  // the first instead of undoing it.
  const [pending, setPending] = useState<{ from: string; state: DirectoryState } | null>(null);
  // Once the URL has moved on, the request is done: forget it, or Back to `from` would show it.
  if (pending && pending.from !== current) setPending(null);
  const parsed = useMemo(() => parseState(sp), [sp]);
  const state = pending && pending.from === current ? pending.state : parsed;

  const navigate = useCallback(
    (next: DirectoryState, mode: "push" | "replace" = "push") => {
      const qs = toSearchParams(next).toString();
      // Nothing to do when already there, unless a navigation away is still under way.
      if (qs === current && !pending) return;
      setPending({ from: current, state: next });
      const url = qs ? `${pathname}?${qs}` : pathname;
      if (mode === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [current, pending, pathname, router],
  );

  const update = useCallback(
    (patch: Partial<DirectoryState>, mode: "push" | "replace" = "push") => {
      const keepsPage = "page" in patch;
      navigate({ ...state, ...patch, page: keepsPage ? (patch.page ?? 1) : 1 }, mode);
    },
    [navigate, state],
  );

  return { state, update, navigate };
}

/**
 * A text field whose value lives in the URL but is typed locally: the URL is updated
 * `delay` ms after the last keystroke. When the URL changes on its own (Back, a saved
 * filter), the field follows it.
 */
export function useDebouncedField(urlValue: string, commit: (v: string) => void, delay = 350) {
  const [draft, setDraft] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  // What we last wrote ourselves: when the URL catches up with it, keep whatever was typed since.
  const [committed, setCommitted] = useState<string | null>(null);
  if (urlValue !== seen) {
    // Adjusting state during render (React's documented pattern) instead of an effect.
    setSeen(urlValue);
    // (The URL holds the trimmed text, so a pause after a space must not eat the space.)
    if (committed === null || urlValue.trim() !== committed.trim()) setDraft(urlValue);
  }
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => {
    if (draft.trim() === urlValue.trim()) return;
    const t = setTimeout(() => {
      setCommitted(draft);
      commitRef.current(draft);
    }, delay);
    return () => clearTimeout(t);
  }, [draft, urlValue, delay]);
  return [draft, setDraft] as const;
}
