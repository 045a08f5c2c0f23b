"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import type { AppRouter } from "@/server/api/root";
import { formatBytes } from "@/server/files/kinds";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { LocalTime } from "@/components/ui/local-time";
import { Skeleton } from "@/components/ui/skeleton";

type Receipt = inferRouterOutputs<AppRouter>["portal"]["response"]["receipt"];

/** The receipt as plain text: what "Copy" puts on the clipboard and "Download" saves. */
export function receiptText(r: Receipt): string {
  return [
    "CDMO Select: response receipt",
    `RFP: ${r.rfpTitle ?? r.rfpId}`,
    `Round: ${r.round}`,
    `Response: ${r.responseId}`,
    `Submitted (server time, UTC): ${new Date(r.submittedAt).toISOString()}`,
    `Submitted by: ${r.submittedBy ?? "unknown"}`,
    `${r.algorithm} of what was submitted: ${r.receiptHash}`,
    ...(r.files.length
      ? ["Files covered:", ...r.files.map((f) => `  ${f.fileName} (${f.size} bytes) SHA-256 ${f.sha256}`)]
      : []),
    "",
  ].join("\n");
}

/** A submitted response's receipt: when (server clock), who, and the SHA-256, with copy and download. */
export function ReceiptCard({ orgSlug, responseId }: { orgSlug: string; responseId: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.portal.response.receipt.queryOptions({ orgSlug, responseId }));
  const [copied, setCopied] = useState<string | null>(null);

  const body = () => {
    if (q.isPending)
      return (
        <div role="status" aria-label="Loading the receipt" className="space-y-2">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-full" />
        </div>
      );
    if (q.isError) return <ErrorState message={errorMessage(q.error)} onRetry={() => void q.refetch()} />;
    const r = q.data;
    const text = receiptText(r);
    return (
      <div className="space-y-3">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          <dt className="text-ink-muted">Submitted</dt>
          <dd className="text-ink" data-testid="receipt-time">
            <LocalTime value={r.submittedAt} pattern="PPpp" />
          </dd>
          <dt className="text-ink-muted">By</dt>
          <dd className="text-ink">{r.submittedBy ?? "Unknown"}</dd>
          <dt className="text-ink-muted">Round</dt>
          <dd className="text-ink">{r.round}</dd>
          <dt className="text-ink-muted">{r.algorithm}</dt>
          <dd className="font-mono text-xs break-all text-ink" data-testid="receipt-hash">
            {r.receiptHash}
          </dd>
        </dl>
        {r.files.length ? (
          <div className="text-sm">
            <p className="text-ink-muted">Files covered by the hash</p>
            <ul className="mt-1 space-y-0.5">
              {r.files.map((f) => (
                <li key={f.id} className="break-all text-ink">
                  {f.fileName} <span className="text-xs text-ink-muted">({formatBytes(f.size)})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              void navigator.clipboard
                .writeText(text)
                .then(() => setCopied("Receipt copied to the clipboard."))
                .catch(() => setCopied("Copying was refused by the browser: use Download instead."))
            }
          >
            Copy receipt
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
              const a = document.createElement("a");
              a.href = url;
              a.download = `receipt-round-${r.round}-${r.receiptHash.slice(0, 12)}.txt`;
              a.click();
              setTimeout(() => URL.revokeObjectURL(url), 1000);
            }}
          >
            Download receipt
          </Button>
        </div>
        <p aria-live="polite" className="text-xs text-ink-muted">
          {copied}
        </p>
      </div>
    );
  };

  return (
    <Card aria-labelledby="receipt-heading">
      <CardHeader
        id="receipt-heading"
        title="Receipt"
        description="Proof of what your organisation submitted, and when."
      />
      <CardBody>{body()}</CardBody>
    </Card>
  );
}
