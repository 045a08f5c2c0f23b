"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { errorCode, errorMessage } from "../forms/server-errors";
import { displayName, type MemberRow, type OrgViewer } from "./types";

export function RemoveMemberButton({ member, viewer }: { member: MemberRow; viewer: OrgViewer }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const name = displayName(member);
  const self = member.user.id === viewer.userId;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: () => {
        toast.success(self ? "You left the organisation." : `${name} was removed.`);
        if (self) window.location.assign("/");
        else void refresh();
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
  return (
    <ConfirmDialog
      title={self ? "Leave this organisation?" : `Remove ${name}?`}
      description={
        self
          ? "You will lose access to this organisation straight away. An admin can invite you again."
          : `${name} (${member.user.email}) will lose access to this organisation straight away. You can invite them again later.`
      }
      confirmLabel={self ? "Leave" : "Remove member"}
      onConfirm={() => remove.mutate({ orgSlug: viewer.orgSlug, membershipId: member.id, version: member.version })}
      trigger={
        <Button variant="secondary" size="sm" pending={remove.isPending} className="text-danger-700">
          Remove<span className="sr-only"> {name}</span>
        </Button>
      }
    />
  );
}
