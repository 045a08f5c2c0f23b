import type { Metadata } from "next";
import { can } from "@/server/auth/permissions";
import { ExportData } from "@/components/members/export-data";
import { MembersPanel } from "@/components/members/members-panel";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { user, org } = await loadOrg(orgSlug);
  const isAdmin = can(org, "members.invite");
  return (
    <>
      <PageHeader
        title="Members"
        description={
          isAdmin
            ? `Invite people to ${org.name} and decide what each of them may do.`
            : `The people who work in ${org.name}.`
        }
      />
      <MembersPanel viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role, userId: user.id }} />
      {can(org, "org.export") ? (
        <div className="mt-6">
          <ExportData orgSlug={org.slug} orgName={org.name} />
        </div>
      ) : null}
    </>
  );
}
