import type { Metadata } from "next";
import { can } from "@/server/auth/permissions";
import { PermissionRequired } from "@/components/shell/role-required";
import { ResponsesView } from "@/components/responses/responses-view";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Responses side by side" };

export default async function ResponsesPage({ params }: { params: Promise<{ orgSlug: string; rfpId: string }> }) {
  const { orgSlug, rfpId } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <PageHeader
        title="Responses side by side"
        description="Every submitted response of one round: answers by question, and price lines per stage with totals."
        actions={<ButtonLink href={`/${org.slug}/rfps/${rfpId}`}>Back to the RFP</ButtonLink>}
      />
      <PermissionRequired org={org} permission="responses.read" to="see responses">
        <ResponsesView orgSlug={org.slug} rfpId={rfpId} canOpenBids={can(org, "rfp.openBids")} />
      </PermissionRequired>
    </>
  );
}
