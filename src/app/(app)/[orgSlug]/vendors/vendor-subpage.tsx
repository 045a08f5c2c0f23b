import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/server/api/roles";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/shell/role-required";
import { SponsorOnly } from "./sponsor-only";

type Org = { slug: string; kind: "SPONSOR" | "CDMO"; role: Role };

/** A page under the vendor directory that changes data: breadcrumb, header, kind and role gates. */
export function VendorSubpage({ org, title, description, to, children }: { org: Org; title: string; description: string; to: string; children: ReactNode }) {
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
        <RoleRequired have={org.role} role="EVALUATOR" to={to}>
          {children}
        </RoleRequired>
      )}
    </>
  );
}
