import type { ReactNode } from "react";

/**
 * A horizontally scrollable box for wide tables. It takes keyboard focus so people who do
 * not use a mouse can scroll it (WCAG: scrollable regions must be keyboard accessible).
 */
export function ScrollX({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      {children}
    </div>
  );
}
