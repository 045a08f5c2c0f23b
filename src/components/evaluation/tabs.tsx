"use client";

import dynamic from "next/dynamic";
import { TableSkeleton } from "../ui/skeleton";
import { ConsensusHeatmap } from "./consensus-heatmap";
import { EvalShell } from "./eval-shell";
import { ScoringMatrix } from "./scoring-matrix";

// The evaluation's four pages. Results (charts, the decision core's analyses) and the criteria
// editor load on their own pages only, so scoring stays light.
const ResultsView = dynamic(() => import("./results-view").then((m) => m.ResultsView), {
  loading: () => <TableSkeleton label="Loading the results" rows={6} />,
});
const SetupForm = dynamic(() => import("./setup-form").then((m) => m.SetupForm), {
  loading: () => <TableSkeleton label="Loading the criteria" rows={6} />,
});

type Props = { orgSlug: string; rfpId: string };

export function ScoreTab(p: Props) {
  return (
    <EvalShell {...p} tab="score">
      {(data) => <ScoringMatrix data={data} {...p} />}
    </EvalShell>
  );
}

export function ConsensusTab(p: Props) {
  return (
    <EvalShell {...p} tab="consensus">
      {(data) => <ConsensusHeatmap data={data} {...p} />}
    </EvalShell>
  );
}

export function ResultsTab(p: Props) {
  return (
    <EvalShell {...p} tab="results">
      {(data) => <ResultsView data={data} {...p} />}
    </EvalShell>
  );
}

export function SetupTab(p: Props) {
  return (
    <EvalShell {...p} tab="setup">
      {(data) => <SetupForm key={data.scorecard.version} data={data} {...p} />}
    </EvalShell>
  );
}
