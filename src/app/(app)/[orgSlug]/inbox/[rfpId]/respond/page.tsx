import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/server/auth/permissions";
import { RFP_STATUS_LABELS } from "@/server/rfps/lifecycle";
import { DueDate } from "@/components/portal/due-date";
import { ResponseEditor } from "@/components/portal/response-editor/response-editor";
import { InvitationStatusBadge } from "@/components/rfps/invitation-status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../../load-org";
import { loadPortalRfp } from "../../load-portal-rfp";
import { CdmoOnly } from "../../cdmo-only";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your response" };

type Params = Promise<{ orgSlug: string; rfpId: string }>;

export default async function RespondPage({ params }: { params: Params }) {
  const { orgSlug, rfpId } = await params;
  const { org } = await loadOrg(orgSlug);
  if (!can(org, "portal.read")) return <CdmoOnly orgSlug={org.slug} />;
  const view = await loadPortalRfp(org.slug, rfpId);
  const { rfp, participation } = view;
  const declined = participation.status === "DECLINED";

  return (
    <>
      <Link
        href={`/${org.slug}/inbox/${rfp.id}`}
        className="mb-3 inline-block text-sm text-brand-700 underline-offset-2 hover:underline"
      >
        ← The RFP
      </Link>
      <PageHeader
        title={`Your response: ${rfp.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>To {view.sponsorName}</span>
            <Badge tone={rfp.status === "PUBLISHED" ? "brand" : "neutral"}>{RFP_STATUS_LABELS[rfp.status]}</Badge>
            <InvitationStatusBadge status={participation.status} />
            {rfp.round > 1 ? <Badge tone="warning">Revision round {rfp.round}</Badge> : null}
            {rfp.dueAt ? (
              <span>
                Due <DueDate dueAt={rfp.dueAt} timeZone={rfp.timeZone} compact />
              </span>
            ) : null}
          </span>
        }
      />
      {declined ? (
        // Opening the editor would start a draft; a declined invitation has nothing to answer.
        <Alert tone="warning" title="You declined this invitation">
          {participation.declinedAt ? (
            <>
              On <LocalTime value={participation.declinedAt} pattern="PPp" />.{" "}
            </>
          ) : null}
          Your reason: {participation.declineReason}
        </Alert>
      ) : (
        <ResponseEditor
          orgSlug={org.slug}
          rfpId={rfp.id}
          canWrite={can(org, "response.write")}
          canSubmit={can(org, "response.submit")}
        />
      )}
    </>
  );
}
