import type { Metadata } from "next";
import Link from "next/link";
import { hasAtLeast } from "@/server/api/roles";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { NewVendor } from "@/components/vendors/new-vendor";
import { loadOrg } from "../../load-org";
import { SponsorOnly } from "../sponsor-only";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add private vendor" };

export default async function NewVendorPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/${org.slug}/vendors`} className="text-brand-700 underline">
          Vendor directory
        </Link>
      </nav>
      <PageHeader title="Add private vendor" description="A record only your organisation sees, for a manufacturer that is not on the platform. You can link it to its platform profile later." />
      {org.kind !== "SPONSOR" ? (
        <SponsorOnly orgSlug={org.slug} />
      ) : hasAtLeast(org.role, "EVALUATOR") ? (
        <NewVendor orgSlug={org.slug} />
      ) : (
        <Card>
          <ErrorState title="You need the evaluator role to add vendors" message="Ask an owner or admin of your organisation if you need it." />
        </Card>
      )}
    </>
  );
}
