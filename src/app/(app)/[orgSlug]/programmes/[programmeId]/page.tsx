import type { Metadata } from "next";
import { ProgrammeHome } from "@/components/programmes/programme-home";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../load-org";
import { ProgrammesGate } from "../programmes-gate";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Programme" };

export default async function ProgrammePage({ params }: { params: Promise<{ orgSlug: string; programmeId: string }> }) {
  const { orgSlug, programmeId } = await params;
  const { org } = await loadOrg(orgSlug);
  // The heading (the programme's name) is rendered by the client component once loaded.
  if (org.kind !== "SPONSOR")
    return (
      <>
        <PageHeader title="Programme" />
        <ProgrammesGate org={org} permission="programme.read" to="see programmes">
          {null}
        </ProgrammesGate>
      </>
    );
  return (
    <ProgrammesGate org={org} permission="programme.read" to="see programmes">
      <ProgrammeHome viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role }} programmeId={programmeId} />
    </ProgrammesGate>
  );
}
