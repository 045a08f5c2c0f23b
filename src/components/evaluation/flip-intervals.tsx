import type { SensitivityResult } from "@/server/decision/sensitivity";
import type { FlatCriterion } from "@/server/evaluation/criteria";
import { pct } from "./types";

/** Each criterion's weight interval over which the leader stays first, as a bar with the team's weight and the slider's. */
export function FlipIntervals({
  result,
  names,
  tops,
  current,
}: {
  result: SensitivityResult;
  names: Map<string, string>;
  tops: FlatCriterion[];
  current: Record<string, number>;
}) {
  if (!result.leaderId)
    return (
      <p className="text-sm text-ink-muted">No vendor has a subtotal in every category yet, so nothing to analyse.</p>
    );
  const leader = names.get(result.leaderId);
  return (
    <div className="space-y-4">
      {result.excludedVendors.length ? (
        <p className="text-sm text-ink-muted">
          Left out (a category not scored): {result.excludedVendors.map((id) => names.get(id)).join(", ")}.
        </p>
      ) : null}
      <ul className="space-y-4" data-testid="flip-intervals">
        {result.criteria.map((c) => {
          const name = tops.find((t) => t.id === c.criterionId)?.name ?? c.criterionId;
          const now = current[c.criterionId] ?? c.weight;
          const text =
            `${name}: ${leader} stays first from ${pct(c.low, 1)} to ${pct(c.high, 1)} (team weight ${pct(c.weight, 1)}).` +
            (c.lowChallenger ? ` Below ${pct(c.low, 1)}, ${names.get(c.lowChallenger)} overtakes.` : "") +
            (c.highChallenger ? ` Above ${pct(c.high, 1)}, ${names.get(c.highChallenger)} overtakes.` : "");
          return (
            <li key={c.criterionId}>
              <p className="text-sm text-ink">{text}</p>
              <div className="relative mt-1.5 h-3 rounded bg-danger-50" aria-hidden>
                <div
                  className="absolute inset-y-0 rounded bg-success-50 ring-1 ring-success-700/40"
                  style={{ left: `${c.low * 100}%`, width: `${(c.high - c.low) * 100}%` }}
                />
                <div className="absolute inset-y-[-3px] w-0.5 bg-ink" style={{ left: `${c.weight * 100}%` }} />
                <div
                  className="absolute inset-y-[-3px] w-0.5 bg-brand-600"
                  style={{ left: `${Math.min(1, Math.max(0, now)) * 100}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-ink-muted">
        Green: the leader holds. Black mark: the team&apos;s weight. Blue mark: the slider&apos;s.
      </p>
    </div>
  );
}
