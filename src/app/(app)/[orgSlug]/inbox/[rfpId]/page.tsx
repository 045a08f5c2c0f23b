import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/server/auth/permissions";
import { RFP_STATUS_LABELS } from "@/server/rfps/lifecycle";
import { stageLabel } from "@/server/vendors/catalog";
import { DeclineDialog } from "@/components/portal/decline-dialog";
import { DueDate } from "@/components/portal/due-date";
import { IcsButton } from "@/components/portal/ics-button";
import { RfpDocument } from "@/components/portal/rfp-document";
import { InviteeClarifications } from "@/components/clarifications/invitee-clarifications";
import { InvitationStatusBadge } from "@/components/rfps/invitation-status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../load-org";
import { loadPortalRfp } from "../load-portal-rfp";
import { CdmoOnly } from "../cdmo-only";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "RFP" };

type Params = Promise<{ orgSlug: string; rfpId: string }>;

const kb = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1048576).toFixed(1)} MB`;

export default async function PortalRfpPage({ params }: { params: Params }) {
  const { orgSlug, rfpId } = await params;
  const { org } = await loadOrg(orgSlug);
  if (!can(org, "portal.read")) return <CdmoOnly orgSlug={org.slug} />;
  const view = await loadPortalRfp(org.slug, rfpId);
  const { rfp, participation } = view;
  const base = `/${org.slug}/inbox/${rfp.id}`;
  const declined = participation.status === "DECLINED";
  const submitted = participation.status === "SUBMITTED";
  const canRespond = rfp.acceptsResponses && !declined && can(org, "response.write");

  return (
    <>
      <Link
        href={`/${org.slug}/inbox`}
        className="mb-3 inline-block text-sm text-brand-700 underline-offset-2 hover:underline"
      >
        ← Inbox
      </Link>
      <PageHeader
        title={rfp.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>From {view.sponsorName}</span>
            <Badge tone={rfp.status === "PUBLISHED" ? "brand" : "neutral"}>{RFP_STATUS_LABELS[rfp.status]}</Badge>
            <InvitationStatusBadge status={participation.status} />
            {rfp.round > 1 ? <Badge tone="warning">Revision round {rfp.round}</Badge> : null}
          </span>
        }
        actions={
          <>
            {canRespond || submitted ? (
              <ButtonLink href={`${base}/respond`} variant="primary">
                {submitted ? "View your response" : "Start response"}
              </ButtonLink>
            ) : null}
            {rfp.acceptsResponses && !declined && !submitted && can(org, "response.write") ? (
              <DeclineDialog orgSlug={org.slug} rfpId={rfp.id} sponsorName={view.sponsorName} />
            ) : null}
          </>
        }
      />

      <div className="mb-6 space-y-3">
        {declined ? (
          <Alert tone="warning" title="You declined this invitation">
            {participation.declinedAt ? (
              <>
                On <LocalTime value={participation.declinedAt} pattern="PPp" />.{" "}
              </>
            ) : null}
            Your reason: {participation.declineReason}
          </Alert>
        ) : null}
        {rfp.status === "CLOSED" ? (
          <Alert tone="info">The due date has passed: responses can no longer be changed or submitted.</Alert>
        ) : rfp.status === "CANCELLED" ? (
          <Alert tone="warning">The sponsor cancelled this RFP.</Alert>
        ) : rfp.status === "AWARDED" ? (
          view.award?.outcome === "AWARDED" ? (
            <Alert tone="success" title="You have been awarded work on this RFP">
              {view.sponsorName} chose you for {view.award.stages.map(stageLabel).join(", ")}. They will be in touch to
              start.
            </Alert>
          ) : view.award ? (
            <Alert tone="info" title="The sponsor has decided this RFP">
              Thank you for responding. {view.sponsorName} has chosen other partners for this programme.
            </Alert>
          ) : (
            <Alert tone="info">The sponsor has decided this RFP.</Alert>
          )
        ) : null}
        {rfp.sealed ? (
          <Alert tone="info" title="Sealed bids">
            The sponsor cannot see any price in a response before the due date.
          </Alert>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          {rfp.summary || rfp.stages.length ? (
            <Card aria-labelledby="scope-heading">
              <CardHeader id="scope-heading" title="Scope" />
              <CardBody className="space-y-3">
                {rfp.summary ? <p className="text-sm whitespace-pre-line text-ink">{rfp.summary}</p> : null}
                {rfp.stages.length ? (
                  <ul className="flex flex-wrap gap-1.5" aria-label="Stages in scope">
                    {rfp.stages.map((s) => (
                      <li key={s}>
                        <Badge>{stageLabel(s)}</Badge>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </CardBody>
            </Card>
          ) : null}
          <h2 className="sr-only">Questions</h2>
          <RfpDocument content={rfp.content} />
          <InviteeClarifications
            orgSlug={org.slug}
            rfpId={rfp.id}
            canAsk={rfp.acceptsResponses && !declined && can(org, "clarification.ask")}
          />
        </div>

        <aside className="space-y-6" aria-label="About this RFP">
          <Card aria-labelledby="due-heading">
            <CardHeader id="due-heading" title="Due date" />
            <CardBody className="space-y-3">
              {rfp.dueAt ? (
                <>
                  <DueDate dueAt={rfp.dueAt} timeZone={rfp.timeZone} />
                  <IcsButton
                    rfpId={rfp.id}
                    title={rfp.title}
                    sponsorName={view.sponsorName}
                    dueAt={rfp.dueAt}
                    version={rfp.version}
                    path={base}
                  />
                </>
              ) : (
                <p className="text-sm text-ink-muted">No due date set.</p>
              )}
            </CardBody>
          </Card>

          <Card aria-labelledby="attachments-heading">
            <CardHeader id="attachments-heading" title="Attachments" />
            {view.attachments.length ? (
              <ul className="divide-y divide-line">
                {view.attachments.map((a) => (
                  <li key={a.id} className="px-5 py-2.5 text-sm">
                    <a
                      href={`/api/files/${a.id}?orgSlug=${encodeURIComponent(org.slug)}`}
                      className="font-medium break-all text-brand-700 underline-offset-2 hover:underline"
                    >
                      {a.fileName}
                    </a>
                    <span className="ml-2 text-xs text-ink-muted">{kb(a.size)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <CardBody>
                <p className="text-sm text-ink-muted">The sponsor attached no files.</p>
              </CardBody>
            )}
          </Card>

          {view.changes.length ? (
            <Card aria-labelledby="changes-heading">
              <CardHeader id="changes-heading" title="Changes since publication" />
              <ul className="divide-y divide-line">
                {view.changes.map((c) => (
                  <li key={c.id} className="px-5 py-3 text-sm">
                    <p className="text-xs text-ink-muted">
                      <LocalTime value={c.at} pattern="PPp" />
                      {c.round > 1 ? ` · round ${c.round}` : ""}
                    </p>
                    <ul className="mt-1 list-disc space-y-0.5 pl-5 text-ink">
                      {c.summary.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
