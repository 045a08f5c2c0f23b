import Link from "next/link";
import type { ReactNode } from "react";
import { PermissionRequired } from "@/components/shell/role-required";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Permission } from "@/server/auth/permissions";
import type { LoadedOrg } from "../load-org";

/** Programme pages are a sponsor's: a CDMO is told so, a member without the permission is told who has it. */
export function ProgrammesGate({
  org,
  permission,
  to,
  children,
}: {
  org: LoadedOrg;
  permission: Permission;
  to: string;
  children: ReactNode;
}) {
  if (org.kind !== "SPONSOR")
    return (
      <Card>
        <EmptyState
          title="Programmes belong to sponsor organisations"
          description="Sponsors plan their programmes here and send RFPs from them. The RFPs you are invited to answer come to your organisation."
          action={
            <Link href={`/${org.slug}`} className="text-sm font-medium text-brand-700 underline">
              Back to the overview
            </Link>
          }
        />
      </Card>
    );
  return (
    <PermissionRequired org={org} permission={permission} to={to}>
      {children}
    </PermissionRequired>
  );
}

/** "Programmes" (and the programme, when given) above a sub-page's title. */
export function ProgrammesBreadcrumb({
  orgSlug,
  programme,
}: {
  orgSlug: string;
  programme?: { id: string; name: string };
}) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <ol className="flex flex-wrap items-center gap-1.5">
        <li>
          <Link href={`/${orgSlug}/programmes`} className="text-brand-700 underline">
            All programmes
          </Link>
        </li>
        {programme ? (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="text-ink-muted">
              /
            </span>
            <Link href={`/${orgSlug}/programmes/${programme.id}`} className="text-brand-700 underline">
              {programme.name}
            </Link>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
