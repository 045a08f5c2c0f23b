import type { Metadata } from "next";
import Link from "next/link";
import { hasAtLeast } from "@/server/api/roles";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { ImportWizard } from "@/components/vendors/import-wizard";
import { loadOrg } from "../../load-org";
import { SponsorOnly } from "../sponsor-only";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import FDA data" };

export default async function ImportPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/${org.slug}/vendors`} className="text-brand-700 underline">
          Vendor directory
        </Link>
      </nav>
      <PageHeader
        title="Import FDA data"
        description="Add inspections or warning letters from FDA exports to the vendors in your directory. Rows are matched to sites by FEI number, then by legal name and city. Only your organisation sees imported records."
      />
      {org.kind !== "SPONSOR" ? (
        <SponsorOnly orgSlug={org.slug} />
      ) : hasAtLeast(org.role, "EVALUATOR") ? (
        <ImportWizard orgSlug={org.slug} />
      ) : (
        <Card>
          <ErrorState title="You need the evaluator role to import data" message="Ask an owner or admin of your organisation if you need it." />
        </Card>
      )}
    </>
  );
}
