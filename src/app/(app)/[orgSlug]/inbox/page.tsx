import type { Metadata } from "next";
import { Suspense } from "react";
import { can } from "@/server/auth/permissions";
import { Inbox } from "@/components/portal/inbox";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { TableSkeleton } from "@/components/ui/skeleton";
import { loadOrg } from "../load-org";
import { CdmoOnly } from "./cdmo-only";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <PageHeader
        title="Inbox"
        description="Requests for proposal that sponsors sent to your organisation, with their due dates."
      />
      {can(org, "portal.read") ? (
        <Suspense
          fallback={
            <Card>
              <TableSkeleton rows={4} label="invitations" />
            </Card>
          }
        >
          <Inbox orgSlug={org.slug} />
        </Suspense>
      ) : (
        <CdmoOnly orgSlug={org.slug} />
      )}
    </>
  );
}
