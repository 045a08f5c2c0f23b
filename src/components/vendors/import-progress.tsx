/** Staging progress; a real progressbar (aria-valuenow) plus a sentence for everyone. */
export function ImportProgress({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  const text =
    total > 0 ? `${label}: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} rows (${pct}%)` : label;
  return (
    <div className="space-y-1.5">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={text}
        className="h-3 w-full overflow-hidden rounded-full bg-line"
      >
        <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${pct}%` }} />
      </div>
      <p className="text-sm text-ink-muted" aria-live="polite">
        {pct === 100 ? `All ${total.toLocaleString("en-GB")} rows checked.` : text}
      </p>
    </div>
  );
}
