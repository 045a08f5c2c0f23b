"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Label } from "../ui/label";
import { Select } from "../ui/input";
import { TableSkeleton } from "../ui/skeleton";
import { base64ToBytes, download, XLSX_TYPE } from "./download";
import { AnswerTable, PriceTable } from "./matrix-tables";
import { SealedPanel } from "./sealed-panel";

/** The sponsor's responses page: round switcher, exports, then the sealed state or the matrix. */
export function ResponsesView({
  orgSlug,
  rfpId,
  canOpenBids,
}: {
  orgSlug: string;
  rfpId: string;
  canOpenBids: boolean;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const asked = Number(params.get("round"));
  const round = Number.isInteger(asked) && asked >= 1 ? asked : undefined;
  const q = useQuery(trpc.responses.matrix.queryOptions({ orgSlug, rfpId, round }));
  const [exporting, setExporting] = useState<"csv" | "xlsx" | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.responses.matrix.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.bids.status.queryKey() });
  };

  if (q.isPending) return <TableSkeleton label="Loading responses" rows={6} />;
  if (q.isError)
    return (
      <Card>
        <ErrorState message={errorMessage(q.error)} onRetry={() => void q.refetch()} />
      </Card>
    );
  const v = q.data;
  const sealed = !v.matrix || !v.columns;

  const exportAs = async (kind: "csv" | "xlsx") => {
    setExporting(kind);
    try {
      if (kind === "csv") {
        const r = await client.responses.exportCsv.query({ orgSlug, rfpId, round: v.round });
        download(r.csv, r.fileName, "text/csv;charset=utf-8");
      } else {
        const r = await client.responses.exportXlsx.query({ orgSlug, rfpId, round: v.round });
        download(base64ToBytes(r.base64), r.fileName, XLSX_TYPE);
      }
      toast.success(`Exported ${v.columns?.length ?? 0} responses.`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setExporting(null);
    }
  };

  const chooseRound = (r: number) => {
    const next = new URLSearchParams(params);
    if (r === v.rfp.round) next.delete("round");
    else next.set("round", String(r));
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        {v.rounds.length > 1 ? (
          <div className="space-y-1.5">
            <Label htmlFor="round">Round</Label>
            <Select id="round" value={v.round} onChange={(e) => chooseRound(Number(e.target.value))} className="w-64">
              {v.rounds.map((r) => (
                <option key={r} value={r}>
                  {r === v.rfp.round ? `Round ${r} (current)` : `Round ${r} (earlier version)`}
                </option>
              ))}
            </Select>
          </div>
        ) : (
          <p className="text-sm text-ink-muted">
            {v.submissions.count} {v.submissions.count === 1 ? "response" : "responses"} submitted
          </p>
        )}
        <div className="flex gap-2">
          <Button
            variant="secondary"
            disabled={sealed || !v.columns?.length}
            pending={exporting === "csv"}
            onClick={() => void exportAs("csv")}
          >
            {exporting === "csv" ? "Exporting…" : "Export CSV"}
          </Button>
          <Button
            variant="secondary"
            disabled={sealed || !v.columns?.length}
            pending={exporting === "xlsx"}
            onClick={() => void exportAs("xlsx")}
          >
            {exporting === "xlsx" ? "Exporting…" : "Export XLSX"}
          </Button>
        </div>
      </div>
      {sealed ? (
        <SealedPanel
          orgSlug={orgSlug}
          rfpId={rfpId}
          round={v.round}
          seal={v.seal}
          submissions={v.submissions}
          canOpenBids={canOpenBids}
          onChanged={refresh}
        />
      ) : v.columns!.length === 0 ? (
        <Card>
          <EmptyState
            title="No responses in this round yet"
            description="Submitted responses appear here side by side, with their price lines per stage."
          />
        </Card>
      ) : (
        <>
          {v.matrix!.priceRows.length ? <PriceTable matrix={v.matrix!} columns={v.columns!} /> : null}
          <AnswerTable matrix={v.matrix!} columns={v.columns!} />
        </>
      )}
    </div>
  );
}
