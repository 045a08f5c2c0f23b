import type { Metadata } from "next";
import { PermissionRequired } from "@/components/shell/role-required";
import { ConsensusTab } from "@/components/evaluation/tab-consensus";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../../../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Consensus" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string; rfpId: string }> }) {
  const { orgSlug, rfpId } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <PageHeader
        title="Consensus"
        description="Every evaluator's scores side by side, where the team disagrees, and the lock."
        actions={<ButtonLink href={`/${org.slug}/rfps/${rfpId}`}>Back to the RFP</ButtonLink>}
      />
      <PermissionRequired org={org} permission="evaluation.read" to="see the evaluation">
        <ConsensusTab orgSlug={org.slug} rfpId={rfpId} />
      </PermissionRequired>
    </>
  );
}
