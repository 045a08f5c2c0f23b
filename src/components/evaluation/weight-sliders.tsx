"use client";

import type { FlatCriterion } from "@/server/evaluation/criteria";
import { Button } from "../ui/button";
import { pct } from "./types";

/**
 * One slider per top-level criterion, in percent of the total. Moving one scales the others by
 * (1 - x) / (1 - w), as the sensitivity analysis does, so a slider crosses a flip point exactly
 * where the ranking changes.
 */
export function WeightSliders({
  tops,
  weights,
  onChange,
  onReset,
}: {
  tops: FlatCriterion[];
  weights: Record<string, number>;
  onChange: (w: Record<string, number>) => void;
  onReset?: () => void;
}) {
  const set = (id: string, x: number) => {
    const w = weights[id] ?? 0;
    const rest = 1 - w;
    const next: Record<string, number> = {};
    for (const t of tops) {
      if (t.id === id) next[t.id] = x;
      else next[t.id] = rest > 1e-12 ? ((weights[t.id] ?? 0) * (1 - x)) / rest : (1 - x) / (tops.length - 1);
    }
    onChange(next);
  };
  return (
    <div className="space-y-4">
      {tops.map((t) => {
        const w = weights[t.id] ?? 0;
        return (
          <div key={t.id}>
            <div className="flex justify-between text-sm">
              <label htmlFor={`w-${t.id}`} className="font-medium text-ink">
                {t.name}
              </label>
              <span className="tabular-nums text-ink-muted">{pct(w, 1)}</span>
            </div>
            <input
              id={`w-${t.id}`}
              type="range"
              min={0}
              max={1000}
              step={1}
              value={Math.round(w * 1000)}
              aria-valuetext={pct(w, 1)}
              disabled={tops.length < 2}
              onChange={(e) => set(t.id, Number(e.target.value) / 1000)}
              className="w-full accent-brand-600"
            />
          </div>
        );
      })}
      {onReset ? (
        <Button variant="secondary" size="sm" onClick={onReset}>
          Back to the team&apos;s weights
        </Button>
      ) : null}
    </div>
  );
}
