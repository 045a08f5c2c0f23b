"use client";

import { can } from "@/server/auth/permissions";
import dynamic from "next/dynamic";
import { Skeleton } from "../ui/skeleton";
import { MembersTable } from "./members-table";
import { PendingInvitations } from "./pending-invitations";
import type { OrgViewer } from "./types";

// Only admins and owners see the invite form: its form library loads for them, after the list.
const InviteForm = dynamic(() => import("./invite-form").then((m) => m.InviteForm), {
  ssr: false,
  loading: () => <Skeleton className="h-72" />,
});

/** The members screen: everyone sees the list; admins and owners also invite and manage. */
export function MembersPanel({ viewer }: { viewer: OrgViewer }) {
  const isAdmin = can(viewer, "members.invite");
  return (
    <div className="space-y-6">
      <MembersTable viewer={viewer} />
      {isAdmin ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <InviteForm viewer={viewer} />
          <PendingInvitations viewer={viewer} />
        </div>
      ) : null}
    </div>
  );
}
