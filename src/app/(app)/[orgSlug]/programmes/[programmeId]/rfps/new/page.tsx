import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { NewRfp } from "@/components/rfps/new-rfp";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/server/auth/permissions";
import { serverCaller } from "@/trpc/server";
import { loadOrg } from "../../../../load-org";
import { ProgrammesBreadcrumb, ProgrammesGate } from "../../../programmes-gate";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New RFP" };

async function loadProgramme(orgSlug: string, programmeId: string) {
  try {
    return await (await serverCaller()).programme.get({ orgSlug, programmeId });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
}

export default async function NewRfpPage({ params }: { params: Promise<{ orgSlug: string; programmeId: string }> }) {
  const { orgSlug, programmeId } = await params;
  const { org } = await loadOrg(orgSlug);
  const programme = org.kind === "SPONSOR" && can(org, "rfp.write") ? await loadProgramme(org.slug, programmeId) : null;
  return (
    <>
      <ProgrammesBreadcrumb orgSlug={org.slug} programme={programme ?? undefined} />
      <PageHeader
        title="New RFP"
        description={
          programme
            ? `A draft request for proposal for ${programme.name}. Nothing is sent until you publish it.`
            : undefined
        }
      />
      <ProgrammesGate org={org} permission="rfp.write" to="create RFPs">
        {programme?.archivedAt ? (
          <Alert tone="warning" title="This programme is archived">
            Restore it before adding RFPs to it.
          </Alert>
        ) : programme ? (
          <NewRfp
            orgSlug={org.slug}
            programme={{
              id: programme.id,
              name: programme.name,
              modality: programme.modality,
              stages: programme.stages,
            }}
          />
        ) : null}
      </ProgrammesGate>
    </>
  );
}
