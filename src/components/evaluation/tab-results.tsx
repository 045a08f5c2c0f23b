"use client";

import dynamic from "next/dynamic";
import { useEffect } from "react";
import { TableSkeleton } from "../ui/skeleton";
import { EvalShell } from "./eval-shell";

// The results run the decision core (scorecard, sensitivity, rank acceptability) in the browser,
// with its input validation: loaded beside the evaluation's data instead of with the page.
const loadResults = () => import("./results-view");
const ResultsView = dynamic(() => loadResults().then((m) => m.ResultsView), {
  loading: () => <TableSkeleton label="Loading the results" rows={8} />,
});

export function ResultsTab(p: { orgSlug: string; rfpId: string }) {
  useEffect(() => void loadResults(), []);
  return (
    <EvalShell {...p} tab="results">
      {(data) => <ResultsView data={data} {...p} />}
    </EvalShell>
  );
}
