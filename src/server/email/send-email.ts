import nodemailer, { type Transporter } from "nodemailer";
import { getDb } from "../db/client";
import { withOutboxAccess } from "../db/outbox";
import type { TenantDb } from "../db/tenant";

export type Email = { to: string; subject: string; text: string; html?: string };

let transport: Transporter | null | undefined;

function smtp(): Transporter | null {
  if (transport === undefined) {
    const url = process.env.SMTP_URL?.trim();
    transport = url ? nodemailer.createTransport(url) : null;
  }
  return transport;
}

/** True when messages go to the outbox table instead of an SMTP server. */
export const usesOutbox = () => smtp() === null;

/**
 * The outbox page shows reset and invitation links, so it is served only in development,
 * or when the operator opts in (npm start does for the local demo, where no SMTP is set).
 */
export const outboxPageEnabled = () =>
  usesOutbox() && (process.env.NODE_ENV !== "production" || process.env.ENABLE_DEV_OUTBOX === "1");

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
    await transporter.sendMail({ from: process.env.MAIL_FROM ?? "CDMO Select <no-reply@cdmo-select.local>", ...email });
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
  const base = (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  return `${base}${path}`;
}
