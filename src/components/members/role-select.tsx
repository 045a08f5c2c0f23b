"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { assignableRoles, type Role } from "@/server/auth/permissions";
import { useTRPC } from "@/trpc/react";
import { Select } from "../ui/input";
import { errorCode, errorMessage } from "../forms/server-errors";
import { roleLabel } from "../shell/labels";
import { displayName, type MemberRow, type OrgViewer } from "./types";

/** Per-row role control. Only an owner sees (and may assign) the owner role. */
export function RoleSelect({ member, viewer }: { member: MemberRow; viewer: OrgViewer }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const name = displayName(member);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
  const change = useMutation(
    trpc.members.changeRole.mutationOptions({
      onSuccess: (_d, vars) => {
        toast.success(`${name} is now ${roleLabel(vars.role).toLowerCase()}.`);
        void refresh();
        // Changing one's own role changes what this page may show: re-render the server part.
        if (member.user.id === viewer.userId) router.refresh();
      },
      onError: (err) => {
        // A stale version: the list reloads now; the toast says so and offers it again.
        if (errorCode(err) === "CONFLICT")
          toast.error(errorMessage(err), { action: { label: "Reload", onClick: () => void refresh() } });
        else toast.error(errorMessage(err));
        void refresh();
      },
    }),
  );
  const options = assignableRoles(viewer);
  return (
    <Select
      aria-label={`Role of ${name}`}
      className="h-9 w-40"
      value={change.isPending ? change.variables.role : member.role}
      disabled={change.isPending}
      onChange={(e) =>
        change.mutate({
          orgSlug: viewer.orgSlug,
          membershipId: member.id,
          role: e.target.value as Role,
          version: member.version,
        })
      }
    >
      {options.map((r) => (
        <option key={r} value={r}>
          {roleLabel(r)}
        </option>
      ))}
    </Select>
  );
}
