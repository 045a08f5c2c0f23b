import type { Metadata } from "next";
import { hasAtLeast } from "@/server/api/roles";
import { AuditLog } from "@/components/audit/audit-log";
import { fromSearch } from "@/components/audit/filters";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrg } from "../load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgSlug } = await params;
  const { org } = await loadOrg(orgSlug);
  return (
    <>
      <PageHeader title="Audit log" description="Every change in this organisation: who made it, when (by the server's clock) and what changed." />
      {hasAtLeast(org.role, "ADMIN") ? (
        <AuditLog orgSlug={org.slug} initialFilters={fromSearch(await searchParams)} />
      ) : (
        <Card>
          <ErrorState title="You need the admin role to see the audit log" message="Ask an owner or admin of this organisation if you need it." />
        </Card>
      )}
    </>
  );
}
