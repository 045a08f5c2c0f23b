import type { Metadata } from "next";
import { PermissionRequired } from "@/components/shell/role-required";
import { ResultsTab } from "@/components/evaluation/tab-results";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Evaluation results" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string; rfpId: string }> }) {
  const { orgSlug, rfpId } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <PageHeader
        title="Evaluation results"
        description="The ranking on the team's weights, what would change it, and how sure the winner is."
        actions={<ButtonLink href={`/${org.slug}/rfps/${rfpId}`}>Back to the RFP</ButtonLink>}
      />
      <PermissionRequired org={org} permission="evaluation.read" to="see the evaluation">
        <ResultsTab orgSlug={org.slug} rfpId={rfpId} />
      </PermissionRequired>
    </>
  );
}
