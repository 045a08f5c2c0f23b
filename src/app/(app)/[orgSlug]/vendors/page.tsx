import type { Metadata } from "next";
import { VendorDirectory } from "@/components/vendors/vendor-directory";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { icons } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/server/auth/permissions";
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
        actions={
          org.kind === "SPONSOR" && can(org, "vendor.createPrivate") ? (
            <>
              <ButtonLink href={`/${org.slug}/vendors/import`}>
                <Icon icon={icons.upload} />
                Import FDA data
              </ButtonLink>
              <ButtonLink href={`/${org.slug}/vendors/new`} variant="primary">
                <Icon icon={icons.plus} />
                Add private vendor
              </ButtonLink>
            </>
          ) : null
        }
      />
      {org.kind === "SPONSOR" ? (
        <VendorDirectory viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role }} />
      ) : (
        <SponsorOnly orgSlug={org.slug} />
      )}
    </>
  );
}
