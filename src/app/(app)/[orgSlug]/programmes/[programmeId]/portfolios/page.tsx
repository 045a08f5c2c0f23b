import type { Metadata } from "next";
import { PortfolioPage } from "@/components/portfolio/portfolio-page";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../../../load-org";
import { ProgrammesGate } from "../../programmes-gate";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Portfolios" };

export default async function PortfoliosPage({
  params,
}: {
  params: Promise<{ orgSlug: string; programmeId: string }>;
}) {
  const { orgSlug, programmeId } = await params;
  const { org } = await loadOrg(orgSlug);
  if (org.kind !== "SPONSOR")
    return (
      <>
        <PageHeader title="Portfolios" />
        <ProgrammesGate org={org} permission="portfolio.read" to="compare portfolios">
          {null}
        </ProgrammesGate>
      </>
    );
  return (
    <ProgrammesGate org={org} permission="portfolio.read" to="compare portfolios">
      <PortfolioPage orgSlug={org.slug} programmeId={programmeId} />
    </ProgrammesGate>
  );
}
