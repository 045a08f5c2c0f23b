"use client";

import { EvalShell } from "./eval-shell";
import { SetupForm } from "./setup-form";

export function SetupTab(p: { orgSlug: string; rfpId: string }) {
  return (
    <EvalShell {...p} tab="setup">
      {(data) => <SetupForm key={data.scorecard.version} data={data} {...p} />}
    </EvalShell>
  );
}
