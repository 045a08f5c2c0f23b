"use client";

import { useCallback, useMemo, useRef, useSyncExternalStore } from "react";
import { buttonClasses } from "../ui/button";
import { COLUMN_CHOICES, COLUMNS_STORAGE_KEY, parseColumns, toggleColumn, type ColumnId } from "./directory-columns";

// The chosen columns live in localStorage: this browser's preference, read after hydration (the
// server renders the defaults) and shared between tabs through the storage event.
const listeners = new Set<() => void>();
function subscribe(cb: () => void) {
  listeners.add(cb);
  window.addEventListener("storage", cb);
  return () => {
    listeners.delete(cb);
    window.removeEventListener("storage", cb);
  };
}
function read(): string | null {
  try {
    return window.localStorage.getItem(COLUMNS_STORAGE_KEY);
  } catch {
    return null; // storage blocked: the defaults
  }
}

export function useDirectoryColumns() {
  const stored = useSyncExternalStore(subscribe, read, () => null);
  const visible = useMemo(() => parseColumns(stored), [stored]);
  const set = useCallback((next: ColumnId[]) => {
    try {
      window.localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage blocked: the choice cannot be kept, and the defaults stay.
    }
    for (const l of listeners) l();
  }, []);
  return [visible, set] as const;
}

/** "Columns": a disclosure with one checkbox per optional column. */
export function ColumnPicker({ visible, onChange }: { visible: ColumnId[]; onChange: (next: ColumnId[]) => void }) {
  const box = useRef<HTMLDetailsElement>(null);
  return (
    <details
      ref={box}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && box.current?.open) {
          box.current.open = false;
          box.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary
        className={buttonClasses("secondary", "md", "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}
      >
        Columns
        <span aria-hidden="true" className="text-xs text-ink-muted">
          ▾
        </span>
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-56 space-y-1 rounded-md border border-line bg-surface p-3 shadow-lg">
        <legend className="float-left mb-1 text-xs font-semibold tracking-wide text-ink-muted uppercase">
          Columns to show
        </legend>
        {COLUMN_CHOICES.map((c) => (
          <label key={c.id} className="clear-left flex items-center gap-2 py-0.5 text-sm text-ink">
            <input
              type="checkbox"
              className="size-4 accent-brand-700"
              checked={visible.includes(c.id)}
              onChange={(e) => onChange(toggleColumn(visible, c.id, e.target.checked))}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
