"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

// "Export all data": asks the export route whether a download would be allowed now (HEAD: no
// body, nothing counted), then lets the browser download the ZIP itself, so the archive streams
// to disk instead of being held in this page's memory. A refusal is shown here, in words.

const REFUSED: Record<number, string> = {
  401: "Your session has ended. Sign in again to export.",
  403: "Only owners and admins can export the organisation's data.",
  404: "This organisation was not found, or you are no longer a member of it. Reload the page.",
};

function refusedMessage(res: Response): string {
  if (res.status === 429) {
    const minutes = Math.max(1, Math.ceil(Number(res.headers.get("Retry-After") ?? "60") / 60));
    return `You have exported several times in the last hour; try again in ${minutes} minute${minutes > 1 ? "s" : ""}.`;
  }
  return REFUSED[res.status] ?? "The export could not start. Try again in a moment.";
}

export function ExportData({ orgSlug, orgName }: { orgSlug: string; orgName: string }) {
  const [state, setState] = useState<"idle" | "checking" | "started">("idle");
  const [error, setError] = useState<string | null>(null);
  const url = `/api/orgs/${encodeURIComponent(orgSlug)}/export`;

  async function start() {
    setError(null);
    setState("checking");
    const res = await fetch(url, { method: "HEAD", cache: "no-store" }).catch(() => null);
    if (!res?.ok) {
      setState("idle");
      setError(res ? refusedMessage(res) : "The server could not be reached. Check your connection and try again.");
      return;
    }
    window.location.assign(url);
    setState("started");
    // The browser shows the download's own progress from here; free the button again shortly.
    window.setTimeout(() => setState("idle"), 4000);
  }

  return (
    <Card aria-labelledby="export-data-title">
      <CardHeader
        id="export-data-title"
        title="Export all data"
        description={`Everything ${orgName} owns, as one ZIP: a CSV or JSON file per table, every uploaded file, and a manifest. Secrets and other organisations' data are left out.`}
        actions={
          <Button variant="secondary" pending={state !== "idle"} onClick={() => void start()}>
            {state === "checking" ? "Preparing export…" : state === "started" ? "Download started" : "Export data"}
          </Button>
        }
      />
      <p role="status" aria-live="polite" className="px-5 py-3 text-sm text-ink-muted">
        {error ? (
          <span className="text-danger-700">{error}</span>
        ) : state === "started" ? (
          "Your download has started; large organisations take a while."
        ) : (
          "The export is recorded in the audit log."
        )}
      </p>
    </Card>
  );
}
