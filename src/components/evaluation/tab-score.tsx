"use client";

import { EvalShell } from "./eval-shell";
import { ScoringMatrix } from "./scoring-matrix";

// Each evaluation page has its own entry module, so a page downloads only its own view.
export function ScoreTab(p: { orgSlug: string; rfpId: string }) {
  return (
    <EvalShell {...p} tab="score">
      {(data) => <ScoringMatrix data={data} {...p} />}
    </EvalShell>
  );
}
