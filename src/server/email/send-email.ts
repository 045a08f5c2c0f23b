import nodemailer, { type Transporter } from "nodemailer";
import { getDb } from "../db/client";
import { withOutboxAccess } from "../db/outbox";
import type { TenantDb } from "../db/tenant";
import { env, publicUrl } from "../env";

export type Email = { to: string; subject: string; text: string; html?: string };

let transport: Transporter | null | undefined;

function smtp(): Transporter | null {
  if (transport === undefined) {
    const url = env().SMTP_URL;
    transport = url ? nodemailer.createTransport(url) : null;
  }
  return transport;
}

/** True when messages go to the outbox table instead of an SMTP server. */
export const usesOutbox = () => smtp() === null;

/**
 * Send through SMTP when SMTP_URL is set; otherwise keep the message in the outbox table,
 * which /dev/outbox lists so links can be followed in development and in tests. Pass the
 * caller's transaction as `tx` when there is one: the outbox row then commits (or not) with
 * the change that caused it, and on PGlite, whose single connection the transaction holds,
 * a second connection would wait forever.
 */
export async function sendEmail(email: Email, tx?: TenantDb): Promise<void> {
  const transporter = smtp();
  if (transporter) {
    await transporter.sendMail({ from: env().MAIL_FROM, ...email });
    return;
  }
  const db = tx ?? (await getDb());
  // createMany: an INSERT without RETURNING, since the app may write the outbox but not read it back.
  await db.emailOutbox.createMany({ data: [{ to: email.to.toLowerCase(), subject: email.subject, text: email.text, html: email.html ?? null }] });
}

export async function listOutbox(limit = 50) {
  return withOutboxAccess(await getDb(), (tx) => tx.emailOutbox.findMany({ orderBy: { createdAt: "desc" }, take: limit }));
}

export function appUrl(path: string): string {
  return `${publicUrl()}${path}`;
}
