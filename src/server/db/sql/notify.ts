import type { TenantDb } from "../tenant";
import { fullClientOf } from "../tenant-db";

export type NotifyOrgArgs = {
  orgId: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  /** Only members with these roles; every member when absent. */
  roles?: readonly string[];
};

/**
 * Notify every member (of `roles`) of `orgId` through the SECURITY DEFINER function notify_org:
 * the one way to write another person's notification. The function refuses an organisation the
 * current one shares no RFP invitation with. Returns who wants this kind by e-mail.
 */
export async function notifyOrgMembers(db: TenantDb, a: NotifyOrgArgs): Promise<{ email: string; name: string }[]> {
  const roles = a.roles?.length ? [...a.roles] : null;
  return fullClientOf(db).$queryRaw<{ email: string; name: string }[]>`
    SELECT email, name FROM notify_org(${a.orgId}, ${a.kind}, ${a.title}, ${a.body}, ${a.link}, ${roles}::text[])`;
}

export type NotifyMembersArgs = Omit<NotifyOrgArgs, "orgId" | "roles"> & { userIds: readonly string[] };

/**
 * Notify chosen members of the current organisation (the people a comment mentions) through the
 * SECURITY DEFINER function notify_members; ids that are not members here are skipped. Returns
 * who wants this kind by e-mail.
 */
export async function notifyChosenMembers(
  db: TenantDb,
  a: NotifyMembersArgs,
): Promise<{ email: string; name: string }[]> {
  if (!a.userIds.length) return [];
  return fullClientOf(db).$queryRaw<{ email: string; name: string }[]>`
    SELECT email, name FROM notify_members(${[...a.userIds]}::text[], ${a.kind}, ${a.title}, ${a.body}, ${a.link})`;
}
