"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/trpc/react";
import { errorCode, errorMessage } from "../forms/server-errors";
import { StageChain } from "../programmes/programme-summary";
import { Card, CardBody, CardHeader } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { PageHeader } from "../ui/page-header";
import { TableSkeleton } from "../ui/skeleton";
import { RfpStatusBadge } from "./rfp-status-badge";
import { SectionsPreview } from "./template-preview";

/** An RFP at a glance for its sponsor: programme, status, scope, due date and sections. The builder extends it. */
export function RfpOverview({ orgSlug, rfpId }: { orgSlug: string; rfpId: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.rfp.get.queryOptions({ orgSlug, rfpId }));
  if (q.isPending) return <TableSkeleton label="RFP" rows={5} />;
  if (q.isError) {
    const missing = errorCode(q.error) === "NOT_FOUND";
    return (
      <Card>
        <ErrorState
          title={missing ? "This RFP was not found" : "The RFP could not be loaded"}
          message={missing ? "It may belong to another organisation, or the link is wrong." : errorMessage(q.error)}
          onRetry={missing ? undefined : () => void q.refetch()}
        />
      </Card>
    );
  }
  const r = q.data;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${orgSlug}/programmes/${r.programme.id}`} className="text-brand-700 underline">
          {r.programme.name}
        </Link>
      </nav>
      <PageHeader title={r.title} actions={<RfpStatusBadge status={r.status} />} />
      <Card aria-labelledby="rfp-facts">
        <CardHeader id="rfp-facts" title="Scope and deadline" />
        <CardBody className="space-y-4 text-sm">
          <StageChain stages={r.stages} />
          <p>
            Due:{" "}
            {r.dueAt ? (
              <>
                <LocalTime value={r.dueAt} pattern="EEEE d MMMM yyyy, HH:mm" /> (your time; set in {r.timeZone})
              </>
            ) : (
              <span className="text-ink-muted">not set yet</span>
            )}
          </p>
          {r.copiedFrom ? (
            <p className="text-ink-muted">
              Copied from{" "}
              <Link href={`/${orgSlug}/rfps/${r.copiedFrom.id}`} className="text-brand-700 underline">
                {r.copiedFrom.title}
              </Link>
            </p>
          ) : null}
        </CardBody>
      </Card>
      <Card aria-labelledby="rfp-sections">
        <CardHeader id="rfp-sections" title="Questions" />
        <CardBody>
          <SectionsPreview sections={r.content.sections} stages={r.stages} label="Sections of this RFP" />
        </CardBody>
      </Card>
    </div>
  );
}
