import type { Metadata } from "next";
import { ImportWizard } from "@/components/vendors/import-wizard";
import { loadOrg } from "../../load-org";
import { VendorSubpage } from "../vendor-subpage";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import FDA data" };

export default async function ImportPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await loadOrg((await params).orgSlug);
  return (
    <VendorSubpage
      permission="vendor.import"
      org={org}
      title="Import FDA data"
      description="Add inspections or warning letters from FDA exports to the vendors in your directory. Rows are matched to sites by FEI number, then by legal name and city. Only your organisation sees imported records."
      to="import data"
    >
      <ImportWizard orgSlug={org.slug} />
    </VendorSubpage>
  );
}
