import type { FlatCriterion } from "@/server/evaluation/criteria";
import { PREFILL_FORMULAS } from "@/server/evaluation/prefill-formulas";
import { Card, CardBody } from "../ui/card";

/** The focused criterion's description and what each point of the scale means. */
export function AnchorsPanel({ leaf, scale }: { leaf: FlatCriterion; scale: { min: number; max: number } }) {
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    <Card className="self-start xl:sticky xl:top-4" aria-labelledby="anchors-title">
      <CardBody className="space-y-3">
        <div>
          <h2 id="anchors-title" className="text-sm font-semibold text-ink">
            {leaf.path.join(" / ")}
          </h2>
          {leaf.description ? <p className="mt-1 text-sm text-ink-muted">{leaf.description}</p> : null}
        </div>
        {leaf.auto ? (
          <p className="text-sm text-ink-muted">{PREFILL_FORMULAS[leaf.auto]}</p>
        ) : (
          <dl className="space-y-1.5 text-sm">
            {points.map((p, i) => (
              <div key={p} className="flex gap-2">
                <dt className="w-6 shrink-0 text-right font-semibold tabular-nums text-ink">{p}</dt>
                <dd className="text-ink-muted">{leaf.anchors[i] || "—"}</dd>
              </div>
            ))}
          </dl>
        )}
      </CardBody>
    </Card>
  );
}

/** The same, on one line above the grid, where the page is too narrow for a side panel. */
export function AnchorsStrip({ leaf, scale }: { leaf: FlatCriterion; scale: { min: number; max: number } }) {
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    <p className="text-xs text-ink-muted" aria-live="polite">
      <span className="font-semibold text-ink">{leaf.name}: </span>
      {leaf.auto
        ? PREFILL_FORMULAS[leaf.auto]
        : points.map((p, i) => (
            <span key={p} className="mr-3 inline-block">
              <span className="font-semibold text-ink tabular-nums">{p}</span> {leaf.anchors[i] || "—"}
            </span>
          ))}
    </p>
  );
}
