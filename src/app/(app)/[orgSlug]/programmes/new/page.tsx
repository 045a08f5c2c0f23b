import type { Metadata } from "next";
import { NewProgramme } from "@/components/programmes/new-programme";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../load-org";
import { ProgrammesBreadcrumb, ProgrammesGate } from "../programmes-gate";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New programme" };

export default async function NewProgrammePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await loadOrg((await params).orgSlug);
  return (
    <>
      <ProgrammesBreadcrumb orgSlug={org.slug} />
      <PageHeader
        title="New programme"
        description="The molecule, the stages it needs in order, its dates and money, and how the portfolio comparison should weigh hand-offs and risk."
      />
      <ProgrammesGate org={org} permission="programme.write" to="create programmes">
        <NewProgramme orgSlug={org.slug} />
      </ProgrammesGate>
    </>
  );
}
