"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
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
import { SponsorClarifications } from "../clarifications/sponsor-clarifications";
import { FileList } from "../files/file-list";
import { FileUpload } from "../files/file-upload";
import { Alert } from "../ui/alert";
import { ButtonLink } from "../ui/button";
import { DueDateIcsButton } from "./due-date-ics-button";
import { LifecycleActions } from "./lifecycle-actions";

// The invitations (its pickers and the e-mail invite form) are drawn once the RFP has loaded:
// they load beside it, not with the page.
const InvitationsPanel = dynamic(() => import("./invitations-panel").then((m) => m.InvitationsPanel), {
  loading: () => <TableSkeleton label="the invitations" rows={3} />,
});

/** What the viewer's role allows on this page (decided on the server from the permissions table). */
export type RfpPageRights = {
  write: boolean;
  manage: boolean;
  answer: boolean;
  responses: boolean;
  evaluation: boolean;
  files: boolean;
};

/**
 * The sponsor's home for one RFP: its state and the moves open now, scope and due date, the
 * questions, who is invited and how far each has got, attachments and clarifications.
 */
export function RfpOverview({ orgSlug, rfpId, rights }: { orgSlug: string; rfpId: string; rights: RfpPageRights }) {
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
  const open = r.status === "DRAFT" || r.status === "PUBLISHED";
  const base = `/${orgSlug}/rfps/${r.id}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${orgSlug}/programmes/${r.programme.id}`} className="text-brand-700 underline">
          {r.programme.name}
        </Link>
      </nav>
      <PageHeader
        title={r.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RfpStatusBadge status={r.status} />
            {r.round > 1 ? <span>Revision round {r.round}</span> : null}
            {r.sealed ? <span>Sealed bids{r.committeeOpening ? ", opened by two members" : ""}</span> : null}
          </span>
        }
        actions={
          <>
            {rights.write && open ? (
              <ButtonLink href={`${base}/edit`} size="sm">
                Edit
              </ButtonLink>
            ) : null}
            {rights.responses && r.status !== "DRAFT" ? (
              <ButtonLink href={`${base}/responses`} size="sm">
                Responses
              </ButtonLink>
            ) : null}
            {rights.evaluation && r.status !== "DRAFT" ? (
              <ButtonLink href={`${base}/evaluation`} size="sm" variant="primary">
                Evaluation
              </ButtonLink>
            ) : null}
            {rights.manage ? <LifecycleActions orgSlug={orgSlug} rfpId={r.id} /> : null}
          </>
        }
      />
      {r.status === "CANCELLED" ? (
        <Alert tone="warning" title="Cancelled">
          {r.cancelReason}
        </Alert>
      ) : null}
      {/* Facts and files side by side; the invitations table and the questions need the full width. */}
      <div className="grid gap-6 xl:grid-cols-2">
        <Card aria-labelledby="rfp-facts">
          <CardHeader id="rfp-facts" title="Scope and deadline" />
          <CardBody className="space-y-4 text-sm">
            {r.summary ? <p className="whitespace-pre-line text-ink">{r.summary}</p> : null}
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
            {r.dueAt && r.status !== "CANCELLED" ? (
              <DueDateIcsButton
                rfp={{ id: r.id, title: r.title, dueAt: r.dueAt, version: r.version, cancelled: false }}
                path={base}
              />
            ) : null}
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
        <Card aria-labelledby="rfp-attachments">
          <CardHeader id="rfp-attachments" title="Attachments" />
          <CardBody className="space-y-4">
            <FileList
              orgSlug={orgSlug}
              query={{ rfpId: r.id }}
              canRemove={rights.files && open}
              label="Attachments of this RFP"
              emptyText="No attachments. Add specifications, a CDA or a process description for invitees."
            />
            {rights.files && open ? (
              <FileUpload orgSlug={orgSlug} target={{ purpose: "RFP_ATTACHMENT", rfpId: r.id }} label="Add files" />
            ) : null}
          </CardBody>
        </Card>
      </div>
      <InvitationsPanel orgSlug={orgSlug} rfpId={r.id} status={r.status} canWrite={rights.write} />
      <Card aria-labelledby="rfp-sections">
        <CardHeader id="rfp-sections" title="Questions" />
        <CardBody>
          <SectionsPreview sections={r.content.sections} stages={r.stages} label="Sections of this RFP" />
        </CardBody>
      </Card>
      {r.status !== "DRAFT" ? <SponsorClarifications orgSlug={orgSlug} rfpId={r.id} canAnswer={rights.answer} /> : null}
    </div>
  );
}
