import type { ReactNode } from "react";
import { can, holdersOf, type OrgAccess, type OrgKind, type Permission } from "@/server/auth/permissions";
import { Card } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { roleLabel } from "./labels";

/**
 * Shows `children` to members whose role holds `permission`, and otherwise says which roles
 * do. Only presentation: every procedure behind the page checks the same permission again.
 */
export function PermissionRequired({
  org,
  permission,
  to,
  children,
}: {
  org: OrgAccess & { kind: OrgKind };
  permission: Permission;
  to: string;
  children: ReactNode;
}) {
  if (can(org, permission)) return <>{children}</>;
  const roles = holdersOf(org.kind, permission).map((r) => roleLabel(r).toLowerCase());
  return (
    <Card>
      <ErrorState
        title={`You need the ${roles.join(" or ")} role to ${to}`}
        message="Ask an owner or admin of your organisation if you need it."
      />
    </Card>
  );
}
