import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { fromSearch } from "@/components/audit/filters";
import { PermissionRequired } from "@/components/shell/role-required";
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
      <PageHeader
        title="Audit log"
        description="Every change in this organisation: who made it, when (by the server's clock) and what changed."
      />
      <PermissionRequired org={org} permission="audit.read" to="see the audit log">
        <AuditLog orgSlug={org.slug} initialFilters={fromSearch(await searchParams)} />
      </PermissionRequired>
    </>
  );
}
