"use client";

import dynamic from "next/dynamic";
import { useDeferredValue, useMemo, useState } from "react";
import { computeScorecard } from "@/server/decision/scorecard";
import { analyzeSensitivity } from "@/server/decision/sensitivity";
import { prepareRerank, rerank } from "@/server/decision/rerank";
import { flatten } from "@/server/evaluation/criteria";
import { Card, CardBody, CardHeader } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { AcceptabilityPanel } from "./acceptability-panel";
import { ExportButtons } from "./export-buttons";
import { FlipIntervals } from "./flip-intervals";
import { RankingTable } from "./ranking-table";
import { WeightSliders } from "./weight-sliders";
import type { EvaluationData } from "./types";

const VendorRadars = dynamic(() => import("./vendor-radars").then((m) => m.VendorRadars), {
  ssr: false,
  loading: () => <p className="text-sm text-ink-muted">Loading the charts…</p>,
});

/**
 * The results: ranking with totals, coverage and subtotals; live weight sliders that re-rank in
 * the browser with the decision core's own rerank; what flips the winner; rank acceptability;
 * a radar per vendor; exports. Every number comes from src/server/decision on `data.input`.
 */
export function ResultsView({ data, orgSlug, rfpId }: { data: EvaluationData; orgSlug: string; rfpId: string }) {
  const input = data.input;
  const base = useMemo(() => (input ? computeScorecard(input) : null), [input]);
  const prepared = useMemo(() => (input ? prepareRerank(input) : null), [input]);
  const sensitivity = useMemo(() => (input ? analyzeSensitivity(input) : null), [input]);
  const teamWeights = useMemo(
    () => (prepared ? Object.fromEntries(prepared.criteria.map((id, k) => [id, prepared.weights[k]!])) : {}),
    [prepared],
  );
  const [weights, setWeights] = useState<Record<string, number> | null>(null);
  const live = weights ?? teamWeights;
  const ranked = useMemo(() => (prepared ? rerank(prepared, live).vendors : []), [prepared, live]);
  const names = useMemo(() => new Map(data.vendors.map((v) => [v.id, v.name])), [data.vendors]);
  const tops = useMemo(() => flatten(data.scorecard.criteria).filter((c) => c.depth === 0), [data.scorecard.criteria]);
  const deferredWeights = useDeferredValue(live);

  if (!input || !base || !prepared || !sensitivity)
    return (
      <Card>
        <EmptyState
          title="Blind scoring"
          description="The results appear once you submit your own scores (or once a lead locks the scorecard)."
        />
      </Card>
    );
  if (!base.vendors.some((v) => v.total !== null))
    return (
      <Card>
        <EmptyState
          title="Nothing scored yet"
          description="Totals, sensitivity and rank acceptability appear as soon as the team scores the first vendor."
        />
        <div className="flex justify-center pb-6">
          <ExportButtons orgSlug={orgSlug} rfpId={rfpId} input={input} title={data.rfp.title} />
        </div>
      </Card>
    );

  const leader = ranked[0];
  const moved = weights !== null;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_17rem]">
        <Card>
          <CardHeader
            title="Ranking"
            description={
              moved
                ? "On the weights of the sliders (not saved). Category subtotals do not depend on the weights."
                : "On the team's weights. Totals are 0-100 over what was scored; coverage is the share of the weight scored."
            }
            actions={<ExportButtons orgSlug={orgSlug} rfpId={rfpId} input={input} title={data.rfp.title} />}
          />
          <RankingTable ranked={ranked} base={base.vendors} names={names} tops={tops} />
          <p className="px-5 pb-4 text-sm text-ink" aria-live="polite" data-testid="leader">
            {leader?.total !== null && leader ? `Leader: ${names.get(leader.vendorId)}` : "No leader yet"}
          </p>
        </Card>
        <Card>
          <CardHeader
            title="Weights"
            description="Move one weight; the others keep their proportions. Nothing is saved."
          />
          <CardBody>
            <WeightSliders
              tops={tops}
              weights={live}
              onChange={setWeights}
              onReset={moved ? () => setWeights(null) : undefined}
            />
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader
          title="What flips the winner"
          description={`For each criterion, the range of its weight over which ${names.get(sensitivity.leaderId ?? "") ?? "the leader"} stays first, the others keeping their proportions (exact, decision model section 2).`}
        />
        <CardBody>
          <FlipIntervals result={sensitivity} names={names} tops={tops} current={deferredWeights} />
        </CardBody>
      </Card>
      <AcceptabilityPanel input={input} names={names} tops={tops} />
      <Card>
        <CardHeader title="Profiles" description="Each vendor's category subtotals (0-100) on one radar." />
        <CardBody>
          <VendorRadars vendors={base.vendors} names={names} tops={tops} />
        </CardBody>
      </Card>
    </div>
  );
}
