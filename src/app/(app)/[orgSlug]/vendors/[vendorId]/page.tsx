import type { Metadata } from "next";
import { VendorProfile } from "@/components/vendors/vendor-profile";
import { HydrateClient } from "@/trpc/hydrate";
import { serverQueryClient, serverTrpc } from "@/trpc/server";
import { loadOrg } from "../../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vendor" };

export default async function VendorPage({ params }: { params: Promise<{ orgSlug: string; vendorId: string }> }) {
  const { orgSlug, vendorId } = await params;
  const { org } = await loadOrg(orgSlug);
  // Read on the server so the first HTML has the vendor (its name is the page's largest text);
  // an unknown or foreign id is not prefetched and the client shows its not-found state.
  await serverQueryClient().prefetchQuery(serverTrpc.vendors.get.queryOptions({ orgSlug: org.slug, vendorId }));
  return (
    <HydrateClient>
      <VendorProfile viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role }} vendorId={vendorId} />
    </HydrateClient>
  );
}
