"use client";

import dynamic from "next/dynamic";
import { useEffect } from "react";
import { TableSkeleton } from "../ui/skeleton";
import { EvalShell } from "./eval-shell";

// The heatmap scores with the decision core and its input validation: loaded beside the
// evaluation's data instead of with the page.
const loadHeatmap = () => import("./consensus-heatmap");
const ConsensusHeatmap = dynamic(() => loadHeatmap().then((m) => m.ConsensusHeatmap), {
  loading: () => <TableSkeleton label="Loading the consensus view" rows={8} />,
});

export function ConsensusTab(p: { orgSlug: string; rfpId: string }) {
  useEffect(() => void loadHeatmap(), []);
  return (
    <EvalShell {...p} tab="consensus">
      {(data) => <ConsensusHeatmap data={data} {...p} />}
    </EvalShell>
  );
}
