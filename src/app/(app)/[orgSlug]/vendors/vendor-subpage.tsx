import Link from "next/link";
import type { ReactNode } from "react";
import type { Permission, Role } from "@/server/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { PermissionRequired } from "@/components/shell/role-required";
import { SponsorOnly } from "./sponsor-only";

type Org = { slug: string; kind: "SPONSOR" | "CDMO"; role: Role };

/** A page under the vendor directory that changes data: breadcrumb, header, kind and permission gates. */
export function VendorSubpage({
  org,
  permission,
  title,
  description,
  to,
  children,
}: {
  org: Org;
  permission: Permission;
  title: string;
  description: string;
  to: string;
  children: ReactNode;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/${org.slug}/vendors`} className="text-brand-700 underline">
          Vendor directory
        </Link>
      </nav>
      <PageHeader title={title} description={description} />
      {org.kind !== "SPONSOR" ? (
        <SponsorOnly orgSlug={org.slug} />
      ) : (
        <PermissionRequired org={org} permission={permission} to={to}>
          {children}
        </PermissionRequired>
      )}
    </>
  );
}
