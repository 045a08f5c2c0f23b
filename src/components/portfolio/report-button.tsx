"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPCClient } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { base64ToBytes, download } from "../responses/download";
import { Button } from "../ui/button";

/** The decision report as a PDF, built on the server from the same record the signatures carry. */
export function ReportButton({ orgSlug, programmeId, rfpId }: { orgSlug: string; programmeId: string; rfpId: string }) {
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      pending={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const r = await client.portfolio.report.query({ orgSlug, programmeId, rfpId });
          download(base64ToBytes(r.base64), r.fileName, r.contentType);
        } catch (e) {
          toast.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      Decision report (PDF)
    </Button>
  );
}
