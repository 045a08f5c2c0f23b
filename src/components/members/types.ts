import type { OrgKind, Role } from "@/server/api/roles";

/** What the members screens know about the viewer's organisation and role. */
export type OrgViewer = { orgSlug: string; kind: OrgKind; role: Role; userId: string };

export type MemberRow = {
  id: string;
  role: Role;
  version: number;
  createdAt: Date;
  user: { id: string; name: string | null; email: string };
};

export const displayName = (m: MemberRow) => m.user.name?.trim() || m.user.email;
