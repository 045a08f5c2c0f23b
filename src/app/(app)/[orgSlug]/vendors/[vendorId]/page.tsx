import type { Metadata } from "next";
import { VendorProfile } from "@/components/vendors/vendor-profile";
import { loadOrg } from "../../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vendor" };

export default async function VendorPage({ params }: { params: Promise<{ orgSlug: string; vendorId: string }> }) {
  const { orgSlug, vendorId } = await params;
  const { org } = await loadOrg(orgSlug);
  // The heading (the vendor's name) is rendered by the client component once loaded.
  return <VendorProfile viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role }} vendorId={vendorId} />;
}
