"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";
import type { TScorecardInput } from "@/server/decision";
import { titleSlug } from "@/lib/file-name";
import { useTRPCClient } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { base64ToBytes, download, XLSX_TYPE } from "../responses/download";
import { Button } from "../ui/button";

/** The comparison matrix as CSV or XLSX, and the decision input as JSON (for `cdmo scorecard`). */
export function ExportButtons({
  orgSlug,
  rfpId,
  input,
  title,
}: {
  orgSlug: string;
  rfpId: string;
  input: TScorecardInput;
  title: string;
}) {
  const client = useTRPCClient();
  const [busy, setBusy] = useState<"csv" | "xlsx" | null>(null);
  const run = async (format: "csv" | "xlsx") => {
    setBusy(format);
    try {
      const r = await client.evaluation.export.query({ orgSlug, rfpId, format });
      if (r.csv !== null) download(r.csv, r.fileName, "text/csv;charset=utf-8");
      else if (r.base64 !== null) download(base64ToBytes(r.base64), r.fileName, XLSX_TYPE);
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const json = () =>
    download(JSON.stringify(input, null, 2), `${titleSlug(title)}-scorecard-input.json`, "application/json");
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" size="sm" pending={busy === "csv"} onClick={() => void run("csv")}>
        Export CSV
      </Button>
      <Button variant="secondary" size="sm" pending={busy === "xlsx"} onClick={() => void run("xlsx")}>
        Export XLSX
      </Button>
      <Button variant="ghost" size="sm" onClick={json} title="The input for `npm run cdmo -- scorecard`">
        Decision input (JSON)
      </Button>
    </div>
  );
}
