import type { Metadata } from "next";
import { EditProgramme } from "@/components/programmes/edit-programme";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../../load-org";
import { ProgrammesBreadcrumb, ProgrammesGate } from "../../programmes-gate";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit programme" };

export default async function EditProgrammePage({
  params,
}: {
  params: Promise<{ orgSlug: string; programmeId: string }>;
}) {
  const { orgSlug, programmeId } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <ProgrammesBreadcrumb orgSlug={org.slug} />
      <PageHeader title="Edit programme" />
      <ProgrammesGate org={org} permission="programme.write" to="edit programmes">
        <EditProgramme orgSlug={org.slug} programmeId={programmeId} />
      </ProgrammesGate>
    </>
  );
}
