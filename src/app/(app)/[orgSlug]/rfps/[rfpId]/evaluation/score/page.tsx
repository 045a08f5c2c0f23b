import type { Metadata } from "next";
import { PermissionRequired } from "@/components/shell/role-required";
import { ScoreTab } from "@/components/evaluation/tab-score";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../../../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Score the responses" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string; rfpId: string }> }) {
  const { orgSlug, rfpId } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <PageHeader
        title="Score the responses"
        description="Your score for each invited vendor on each criterion, with a note where it helps the team."
        actions={<ButtonLink href={`/${org.slug}/rfps/${rfpId}`}>Back to the RFP</ButtonLink>}
      />
      <PermissionRequired org={org} permission="evaluation.read" to="see the evaluation">
        <ScoreTab orgSlug={org.slug} rfpId={rfpId} />
      </PermissionRequired>
    </>
  );
}
