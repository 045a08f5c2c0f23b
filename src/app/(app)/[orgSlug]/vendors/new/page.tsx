import type { Metadata } from "next";
import { NewVendor } from "@/components/vendors/new-vendor";
import { loadOrg } from "../../load-org";
import { VendorSubpage } from "../vendor-subpage";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add private vendor" };

export default async function NewVendorPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await loadOrg((await params).orgSlug);
  return (
    <VendorSubpage
      permission="vendor.createPrivate"
      org={org}
      title="Add private vendor"
      description="A record only your organisation sees, for a manufacturer that is not on the platform. You can link it to its platform profile later."
      to="add vendors"
    >
      <NewVendor orgSlug={org.slug} />
    </VendorSubpage>
  );
}
