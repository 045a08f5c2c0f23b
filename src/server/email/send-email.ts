import nodemailer, { type Transporter } from "nodemailer";
import { getDb } from "../db/client";

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
 * Send through SMTP when SMTP_URL is set; otherwise keep the message in the outbox table,
 * which /dev/outbox lists so links can be followed in development and in tests.
 */
export async function sendEmail(email: Email): Promise<void> {
  const transporter = smtp();
  if (transporter) {
    await transporter.sendMail({ from: process.env.MAIL_FROM ?? "CDMO Select <no-reply@cdmo-select.local>", ...email });
    return;
  }
  const db = await getDb();
  await db.emailOutbox.create({ data: { to: email.to.toLowerCase(), subject: email.subject, text: email.text, html: email.html ?? null } });
}

export async function listOutbox(limit = 50) {
  const db = await getDb();
  return db.emailOutbox.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}

export function appUrl(path: string): string {
  const base = (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  return `${base}${path}`;
}
