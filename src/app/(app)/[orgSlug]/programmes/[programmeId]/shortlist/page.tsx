import type { Metadata } from "next";
import { ShortlistBoard } from "@/components/shortlist/shortlist-board";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../../load-org";
import { ProgrammesGate } from "../../programmes-gate";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shortlist" };

export default async function ShortlistPage({ params }: { params: Promise<{ orgSlug: string; programmeId: string }> }) {
  const { orgSlug, programmeId } = await params;
  const { org } = await loadOrg(orgSlug);
  if (org.kind !== "SPONSOR")
    return (
      <>
        <PageHeader title="Shortlist" />
        <ProgrammesGate org={org} permission="shortlist.read" to="see the shortlist">
          {null}
        </ProgrammesGate>
      </>
    );
  return (
    <ProgrammesGate org={org} permission="shortlist.read" to="see the shortlist">
      <ShortlistBoard viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role }} programmeId={programmeId} />
    </ProgrammesGate>
  );
}
