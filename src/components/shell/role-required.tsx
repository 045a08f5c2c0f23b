import type { ReactNode } from "react";
import { hasAtLeast, type Role } from "@/server/api/roles";
import { Card } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { roleLabel } from "./labels";

/**
 * Shows `children` to members with at least `role`, and otherwise says which role the page
 * needs. Only presentation: every procedure behind the page checks the role again.
 */
export function RoleRequired({ have, role, to, children }: { have: Role; role: Role; to: string; children: ReactNode }) {
  if (hasAtLeast(have, role)) return <>{children}</>;
  return (
    <Card>
      <ErrorState title={`You need the ${roleLabel(role).toLowerCase()} role to ${to}`} message="Ask an owner or admin of your organisation if you need it." />
    </Card>
  );
}
