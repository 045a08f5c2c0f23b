"use client";

import { ConsensusHeatmap } from "./consensus-heatmap";
import { EvalShell } from "./eval-shell";

export function ConsensusTab(p: { orgSlug: string; rfpId: string }) {
  return (
    <EvalShell {...p} tab="consensus">
      {(data) => <ConsensusHeatmap data={data} {...p} />}
    </EvalShell>
  );
}
