import type { Metadata } from "next";
import { RfpOverview } from "@/components/rfps/rfp-overview";
import { can } from "@/server/auth/permissions";
import { loadOrg } from "../../load-org";
import { ProgrammesGate } from "../../programmes/programmes-gate";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "RFP" };

export default async function RfpPage({ params }: { params: Promise<{ orgSlug: string; rfpId: string }> }) {
  const { orgSlug, rfpId } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <ProgrammesGate org={org} permission="rfp.read" to="see RFPs">
      <RfpOverview
        orgSlug={org.slug}
        rfpId={rfpId}
        rights={{
          write: can(org, "rfp.write"),
          manage: can(org, "rfp.manage"),
          answer: can(org, "clarification.answer"),
          responses: can(org, "responses.read"),
          evaluation: can(org, "evaluation.read"),
          files: can(org, "file.write"),
        }}
      />
    </ProgrammesGate>
  );
}
