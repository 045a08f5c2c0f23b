import type { Metadata } from "next";
import { ProgrammeList } from "@/components/programmes/programme-list";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { icons } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/server/auth/permissions";
import { loadOrg } from "../load-org";
import { ProgrammesGate } from "./programmes-gate";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Programmes" };

export default async function ProgrammesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await loadOrg((await params).orgSlug);
  return (
    <>
      <PageHeader
        title="Programmes"
        description="Each programme is the home of its RFPs, their evaluation and the choice of manufacturers."
        actions={
          org.kind === "SPONSOR" && can(org, "programme.write") ? (
            <ButtonLink href={`/${org.slug}/programmes/new`} variant="primary">
              <Icon icon={icons.plus} />
              New programme
            </ButtonLink>
          ) : null
        }
      />
      <ProgrammesGate org={org} permission="programme.read" to="see programmes">
        <ProgrammeList viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role }} />
      </ProgrammesGate>
    </>
  );
}
