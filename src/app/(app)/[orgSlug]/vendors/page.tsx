import type { Metadata } from "next";
import { VendorDirectory } from "@/components/vendors/vendor-directory";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../load-org";
import { SponsorOnly } from "./sponsor-only";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vendors" };

export default async function VendorsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <PageHeader
        title="Vendors"
        description="Contract manufacturers on the platform and your own private records, with their FDA quality history."
      />
      {org.kind === "SPONSOR" ? (
        <VendorDirectory viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role }} />
      ) : (
        <SponsorOnly orgSlug={org.slug} />
      )}
    </>
  );
}
