import type { Metadata } from "next";
import { PermissionRequired } from "@/components/shell/role-required";
import { SetupTab } from "@/components/evaluation/tab-setup";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../../../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Criteria and weights" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string; rfpId: string }> }) {
  const { orgSlug, rfpId } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <PageHeader
        title="Criteria and weights"
        description="The scorecard: criteria, sub-criteria, weights, the anchored scale and the rules of scoring."
        actions={<ButtonLink href={`/${org.slug}/rfps/${rfpId}`}>Back to the RFP</ButtonLink>}
      />
      <PermissionRequired org={org} permission="evaluation.read" to="see the evaluation">
        <SetupTab orgSlug={org.slug} rfpId={rfpId} />
      </PermissionRequired>
    </>
  );
}
