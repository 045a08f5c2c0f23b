"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { QualityTimeline } from "../charts/lazy";
import type { TimelineEvent } from "../charts/quality-timeline";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Skeleton } from "../ui/skeleton";
import { errorMessage } from "../forms/server-errors";
import { formatDay } from "./format";
import { HistoryTables, type HistoryKind } from "./history-tables";
import { countryName } from "./options";
import type { VendorDetail } from "./types";

// The add forms (and their form library) load when "Add ..." is pressed, not with the page.
const loadForms = () => import("./history-forms");
const formLoading = () => <Skeleton className="h-48" />;
const AddInspectionForm = dynamic(() => loadForms().then((m) => m.AddInspectionForm), {
  ssr: false,
  loading: formLoading,
});
const AddWarningLetterForm = dynamic(() => loadForms().then((m) => m.AddWarningLetterForm), {
  ssr: false,
  loading: formLoading,
});
const AddRecallForm = dynamic(() => loadForms().then((m) => m.AddRecallForm), { ssr: false, loading: formLoading });

const OUTCOME = {
  NAI: "no action indicated",
  VAI: "voluntary action indicated",
  OAI: "official action indicated",
} as const;

export function timelineEvents(detail: Pick<VendorDetail, "history" | "sites" | "removedSites">): TimelineEvent[] {
  const site = (id: string | null | undefined) => {
    const s = detail.sites.find((x) => x.id === id) ?? detail.removedSites.find((x) => x.id === id);
    return s ? ` at ${s.city}, ${countryName(s.country)}${s.removed ? " (site removed by the CDMO)" : ""}` : "";
  };
  return [
    ...detail.history.inspections.map((i) => ({
      id: i.id,
      kind: "inspection" as const,
      date: i.endDate,
      category: i.classification,
      description: `${i.agency} inspection${site(i.siteId)} ending ${formatDay(i.endDate)}: ${i.classification} (${OUTCOME[i.classification]})${i.observations483 != null ? `, ${i.observations483} Form 483 observations` : ""}.`,
    })),
    ...detail.history.warningLetters.map((w) => ({
      id: w.id,
      kind: "warningLetter" as const,
      date: w.issuedAt,
      category: w.status,
      description: `Warning letter${site(w.siteId)} issued ${formatDay(w.issuedAt)}, ${w.status === "OPEN" ? "still open" : "closed"}: ${w.subject}.`,
    })),
    ...detail.history.recalls.map((r) => ({
      id: r.id,
      kind: "recall" as const,
      date: r.date,
      category: r.classification ?? "",
      description: `Recall${r.classification ? ` class ${r.classification}` : ""}${site(r.siteId)} on ${formatDay(r.date)}${r.product ? ` of ${r.product}` : ""}.`,
    })),
  ];
}

/**
 * Quality-system history: the timeline, the tables, and (for those allowed) the add forms.
 * Only one add form is open at a time so each label ("Site", ...) is unique on the page.
 */
export function HistoryPanel({
  orgSlug,
  detail,
  canAdd,
  description,
}: {
  orgSlug: string;
  detail: VendorDetail;
  canAdd: boolean;
  description?: string;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [adding, setAdding] = useState<HistoryKind | null>(null);
  const addInspection = useMutation(trpc.vendors.addInspection.mutationOptions());
  const addLetter = useMutation(trpc.vendors.addWarningLetter.mutationOptions());
  const addRecall = useMutation(trpc.vendors.addRecall.mutationOptions());
  const remove = useMutation(trpc.vendors.removeHistory.mutationOptions());
  const vendorId = detail.vendor.id;
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.vendors.pathKey() });

  const saved = async (what: string) => {
    toast.success(`${what} saved; the quality score has been recalculated`);
    setAdding(null);
    await refresh();
  };
  const onRemove = async (kind: HistoryKind, id: string) => {
    try {
      await remove.mutateAsync({ orgSlug, kind, id });
      toast.success("Removed; the quality score has been recalculated");
      await refresh();
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  const noSites = detail.sites.length === 0;

  return (
    <Card aria-labelledby="history-heading">
      <CardHeader
        id="history-heading"
        title="Quality history"
        description={description ?? "FDA and other agency inspections, warning letters and recalls."}
        actions={
          canAdd ? (
            <div className="flex flex-wrap gap-2">
              <Button
                size="sm"
                variant="secondary"
                aria-expanded={adding === "inspection"}
                disabled={noSites}
                onClick={() => setAdding("inspection")}
              >
                Add inspection
              </Button>
              <Button
                size="sm"
                variant="secondary"
                aria-expanded={adding === "warningLetter"}
                onClick={() => setAdding("warningLetter")}
              >
                Add warning letter
              </Button>
              <Button
                size="sm"
                variant="secondary"
                aria-expanded={adding === "recall"}
                onClick={() => setAdding("recall")}
              >
                Add recall
              </Button>
            </div>
          ) : null
        }
      />
      {canAdd && noSites ? (
        <p className="px-5 pt-3 text-sm text-ink-muted">Inspections belong to a site: add a site first.</p>
      ) : null}
      {adding ? (
        <CardBody className="border-b border-line bg-canvas">
          {adding === "inspection" ? (
            <AddInspectionForm
              sites={detail.sites}
              onCancel={() => setAdding(null)}
              onSave={async (v) => {
                await addInspection.mutateAsync({ ...(v as Parameters<typeof addInspection.mutateAsync>[0]), orgSlug });
                await saved("Inspection");
              }}
            />
          ) : adding === "warningLetter" ? (
            <AddWarningLetterForm
              vendorId={vendorId}
              sites={detail.sites}
              onCancel={() => setAdding(null)}
              onSave={async (v) => {
                await addLetter.mutateAsync({
                  ...(v as Parameters<typeof addLetter.mutateAsync>[0]),
                  orgSlug,
                  vendorId,
                });
                await saved("Warning letter");
              }}
            />
          ) : (
            <AddRecallForm
              vendorId={vendorId}
              sites={detail.sites}
              onCancel={() => setAdding(null)}
              onSave={async (v) => {
                await addRecall.mutateAsync({
                  ...(v as Parameters<typeof addRecall.mutateAsync>[0]),
                  orgSlug,
                  vendorId,
                });
                await saved("Recall");
              }}
            />
          )}
        </CardBody>
      ) : null}
      <CardBody>
        <QualityTimeline events={timelineEvents(detail)} />
      </CardBody>
      <div className="border-t border-line">
        <HistoryTables
          history={detail.history}
          sites={[...detail.sites, ...detail.removedSites]}
          canRemove={canAdd}
          onRemove={(k, id) => void onRemove(k, id)}
        />
      </div>
    </Card>
  );
}
