"use client";

import { useMemo, useState } from "react";
import { computeScorecard, DISAGREEMENT_THRESHOLD } from "@/server/decision/scorecard";
import { flatten } from "@/server/evaluation/criteria";
import { Card, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { cn } from "../ui/cn";
import { CellDialog } from "./cell-dialog";
import { LockControls } from "./lock-controls";
import { cellKey, fmtScore, type EvaluationData } from "./types";

/**
 * Each criterion's scores side by side: the cell shows the team's score and the spread between
 * evaluators, shaded by the spread (the heatmap); a cell where evaluators disagree is flagged and
 * needs the team's rationale before a lead can lock the scorecard.
 */
export function ConsensusHeatmap({ data, orgSlug, rfpId }: { data: EvaluationData; orgSlug: string; rfpId: string }) {
  const [openCell, setOpenCell] = useState<{ vendorId: string; criterionId: string } | null>(null);
  const result = useMemo(() => (data.input ? computeScorecard(data.input) : null), [data.input]);
  const nodes = useMemo(() => flatten(data.scorecard.criteria), [data.scorecard.criteria]);
  if (!result)
    return (
      <Card>
        <EmptyState
          title="Blind scoring"
          description="You see the team's scores once you submit your own (or once a lead locks the scorecard)."
        />
      </Card>
    );
  const range = data.scorecard.scale.max - data.scorecard.scale.min;
  const byVendor = new Map(result.vendors.map((v) => [v.vendorId, v]));
  const rationale = new Set(data.rationales.map((r) => cellKey(r.vendorId, r.criterionId)));
  const flagged: { vendorId: string; criterionId: string }[] = [];
  for (const v of result.vendors)
    for (const [leafId, l] of Object.entries(v.leaves))
      if (l.disagreement) flagged.push({ vendorId: v.vendorId, criterionId: leafId });
  const missing = flagged.filter((f) => !rationale.has(cellKey(f.vendorId, f.criterionId)));
  const nameOf = (id: string) => data.vendors.find((v) => v.id === id)?.name ?? id;
  const leafName = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;

  return (
    <Card>
      <CardHeader
        title="Consensus"
        description={`The team's ${data.scorecard.aggregation} per cell and the spread between evaluators. A spread of ${DISAGREEMENT_THRESHOLD * range} points or more (${DISAGREEMENT_THRESHOLD * 100}% of the scale) is a disagreement: record the team's rationale before locking.`}
        actions={
          <LockControls
            data={data}
            orgSlug={orgSlug}
            rfpId={rfpId}
            missing={missing.map((m) => `${nameOf(m.vendorId)} on "${leafName(m.criterionId)}"`)}
          />
        }
      />
      <p className="px-5 pt-3 text-sm text-ink-muted" aria-live="polite">
        {flagged.length === 0
          ? "No disagreements."
          : `${flagged.length} disagreement${flagged.length === 1 ? "" : "s"}, ${missing.length} without a rationale.`}
      </p>
      <div className="overflow-x-auto p-2">
        <table className="w-full border-separate border-spacing-1 text-sm">
          <caption className="sr-only">Team score and spread per vendor and criterion</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-left">
                Criterion
              </th>
              {data.vendors.map((v) => (
                <th key={v.id} scope="col" className="min-w-32 px-2 py-1 text-left">
                  {v.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) =>
              !n.leaf ? (
                n.depth === 0 ? (
                  <tr key={n.id}>
                    <th
                      scope="colgroup"
                      colSpan={data.vendors.length + 1}
                      className="px-2 pt-3 pb-1 text-left text-xs font-semibold tracking-wide text-ink-muted uppercase"
                    >
                      {n.name}
                    </th>
                  </tr>
                ) : null
              ) : (
                <tr key={n.id}>
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    <span className="text-ink">{n.name}</span>
                  </th>
                  {data.vendors.map((v) => {
                    const leaf = byVendor.get(v.id)?.leaves[n.id];
                    const spread = leaf?.spread ?? 0;
                    const heat = range > 0 ? Math.min(1, spread / range) : 0;
                    const k = cellKey(v.id, n.id);
                    const flag = !!leaf?.disagreement;
                    const explained = rationale.has(k);
                    return (
                      <td key={v.id} className="p-0">
                        <button
                          type="button"
                          onClick={() => setOpenCell({ vendorId: v.id, criterionId: n.id })}
                          aria-label={`${v.name}, ${n.name}: ${leaf?.n ? `score ${fmtScore(leaf.score, 2)}, spread ${fmtScore(leaf.spread)}, ${leaf.n} scores` : "not scored"}${flag ? (explained ? ", disagreement with rationale" : ", disagreement, rationale needed") : ""}`}
                          className={cn(
                            "flex w-full items-center justify-between gap-2 rounded px-2 py-1.5 text-left tabular-nums focus:outline-2 focus:outline-brand-600",
                            flag && !explained ? "ring-2 ring-warning-800" : "",
                          )}
                          style={{ backgroundColor: `rgba(217, 119, 6, ${0.08 + heat * 0.5})` }}
                        >
                          <span className="font-medium text-ink">{leaf?.n ? fmtScore(leaf.score, 2) : "–"}</span>
                          <span className="text-xs text-ink">
                            {!leaf?.n
                              ? ""
                              : data.auto.some((a) => a.vendorId === v.id && a.criterionId === n.id)
                                ? "auto"
                                : leaf.n === 1
                                  ? "1 score"
                                  : leaf.spread
                                    ? `spread ${fmtScore(leaf.spread)}`
                                    : "agreed"}
                            {flag ? (explained ? " ✓" : " ⚑") : ""}
                          </span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {openCell ? (
        <CellDialog
          data={data}
          orgSlug={orgSlug}
          rfpId={rfpId}
          cell={openCell}
          leaf={nodes.find((n) => n.id === openCell.criterionId)!}
          result={byVendor.get(openCell.vendorId)?.leaves[openCell.criterionId] ?? null}
          onClose={() => setOpenCell(null)}
        />
      ) : null}
    </Card>
  );
}
