import type { ReactNode } from "react";

/**
 * A horizontally scrollable box for wide tables. It takes keyboard focus so people who do
 * not use a mouse can scroll it (WCAG: scrollable regions must be keyboard accessible).
 * `relative` makes it the containing block of what is absolutely positioned inside (the
 * visually hidden `sr-only` texts): otherwise those sit at their place in a cell scrolled out
 * of view and make the whole page that much wider.
 */
export function ScrollX({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      {children}
    </div>
  );
}
