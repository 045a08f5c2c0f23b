import type { Role } from "../api/roles";
import { organizationSummary } from "../db/globals";
import { notifyChosenMembers, notifyOrgMembers } from "../db/sql/notify";
import type { TenantDb } from "../db/tenant";
import { appUrl, sendEmail } from "../email/send-email";
import { AppError } from "../errors/app-error";
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from "./kinds";

// Notifications cross organisations: the sponsor's actions reach CDMO people and the other way
// round. Each goes through notify_org (in the caller's transaction), which writes one in-app
// notification per member and returns those who want this kind by e-mail; their messages go
// into the outbox in the same transaction, so a change that rolls back notifies no one.

export type NotifyInput = {
  /** The organisation whose members are told. */
  orgId: string;
  kind: NotificationKind;
  /** One line: the bell, the page and the e-mail subject. */
  title: string;
  /** A sentence or two saying what happened and what to do. */
  body: string;
  /** An app path in the recipient organisation ("/acme/inbox/rfp1"). */
  link: string;
  /** Only members with these roles (default: every member). */
  roles?: readonly Role[];
};

export type NotifyResult = { emailed: number };

/** Notify every member (of `roles`) of `orgId`, in-app and by e-mail unless they turned this kind off. */
export async function notify(db: TenantDb, n: NotifyInput): Promise<NotifyResult> {
  if (!n.link.startsWith("/") || n.link.startsWith("//")) throw new Error("notify: link must be an app path");
  let recipients: { email: string; name: string }[];
  try {
    recipients = await notifyOrgMembers(db, n);
  } catch (e) {
    if (String((e as Error)?.message).includes("no RFP links these organisations"))
      throw new AppError("FORBIDDEN", "You can only notify organisations you share an RFP with.", { cause: e });
    throw e;
  }
  for (const r of recipients) await sendEmail({ to: r.email, subject: n.title, text: emailText(r.name, n) }, db);
  return { emailed: recipients.length };
}

/**
 * Notify chosen people of the caller's own organisation (those a comment mentions), in-app and by
 * e-mail unless they turned this kind off. Ids of people who are not members are skipped.
 */
export async function notifyMembers(
  db: TenantDb,
  n: Omit<NotifyInput, "orgId" | "roles"> & { userIds: readonly string[] },
): Promise<NotifyResult> {
  if (!n.link.startsWith("/") || n.link.startsWith("//")) throw new Error("notifyMembers: link must be an app path");
  const recipients = await notifyChosenMembers(db, n);
  for (const r of recipients) await sendEmail({ to: r.email, subject: n.title, text: emailText(r.name, n) }, db);
  return { emailed: recipients.length };
}

/** The e-mail: who it is for, what happened, where to act, and how to stop these. */
export function emailText(name: string, n: Pick<NotifyInput, "kind" | "body" | "link">): string {
  const label = NOTIFICATION_KIND_LABELS[n.kind].label;
  return [
    `Hello ${name},`,
    "",
    n.body,
    "",
    `Open it in CDMO Select: ${appUrl(n.link)}`,
    "",
    "--",
    `You receive this e-mail because "${label}" e-mails are on for your account.`,
    `Turn them off under E-mail notifications: ${appUrl("/account#notifications")}`,
  ].join("\n");
}

/** "/{slug}{path}" for an organisation the caller can see (its own, an invited CDMO, an inviting sponsor). */
export async function orgPath(db: TenantDb, orgId: string, path: string): Promise<string> {
  const org = await organizationSummary(db, orgId);
  if (!org) throw new AppError("NOT_FOUND", "The organisation was not found.");
  return `/${org.slug}${path}`;
}
