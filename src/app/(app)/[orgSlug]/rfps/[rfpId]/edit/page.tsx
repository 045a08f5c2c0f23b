import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RfpBuilder } from "@/components/rfps/builder/rfp-builder";
import { PermissionRequired } from "@/components/shell/role-required";
import { loadOrg } from "../../../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit RFP" };

export default async function EditRfpPage({ params }: { params: Promise<{ orgSlug: string; rfpId: string }> }) {
  const { orgSlug, rfpId } = await params;
  const { org } = await loadOrg(orgSlug);
  // RFPs are the sponsor's; a CDMO reads the ones it is invited to in its inbox.
  if (org.kind !== "SPONSOR") notFound();
  // The heading (the RFP's title) is rendered by the builder once the document is loaded.
  return (
    <PermissionRequired org={org} permission="rfp.read" to="open RFPs">
      <RfpBuilder viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role }} rfpId={rfpId} />
    </PermissionRequired>
  );
}
