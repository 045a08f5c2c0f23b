"use client";

import { EvalShell } from "./eval-shell";
import { ResultsView } from "./results-view";

export function ResultsTab(p: { orgSlug: string; rfpId: string }) {
  return (
    <EvalShell {...p} tab="results">
      {(data) => <ResultsView data={data} {...p} />}
    </EvalShell>
  );
}
