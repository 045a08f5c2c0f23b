import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CdmoProfileEditor } from "@/components/vendors/cdmo-profile-editor";
import { loadOrg } from "../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Public profile" };

export default async function ProfilePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <PageHeader
        title="Public profile"
        description={`How ${org.name} appears to sponsors in the vendor directory: capabilities, sites and quality history.`}
      />
      {org.kind === "CDMO" ? (
        <CdmoProfileEditor viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role }} />
      ) : (
        <Card>
          <EmptyState
            title="Public profiles belong to CDMO organisations"
            description="Sponsors keep private vendor records in the vendor directory instead."
          />
        </Card>
      )}
    </>
  );
}
