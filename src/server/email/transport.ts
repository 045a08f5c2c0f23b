import nodemailer from "nodemailer";
import { env } from "../env";

// Where delivered messages go: SMTP when SMTP_URL is set, or a transport a test injects.
// Without one, the outbox row is the delivery (the dev outbox page lists it).

export type OutgoingEmail = { from: string; to: string; subject: string; text: string; html?: string };
export type EmailTransport = { send(message: OutgoingEmail): Promise<void> };

const globalForMail = globalThis as unknown as {
  __cdmoMailTransport?: EmailTransport | null;
  __cdmoMailInjected?: boolean;
};

export function emailTransport(): EmailTransport | null {
  if (globalForMail.__cdmoMailTransport === undefined) {
    const url = env().SMTP_URL;
    const smtp = url ? nodemailer.createTransport(url) : null;
    globalForMail.__cdmoMailTransport = smtp ? { send: async (m) => void (await smtp.sendMail(m)) } : null;
  }
  return globalForMail.__cdmoMailTransport;
}

/** For tests: deliver through `t` (null: no transport, as without SMTP_URL); undefined re-reads SMTP_URL. */
export function setEmailTransportForTests(t: EmailTransport | null | undefined): void {
  globalForMail.__cdmoMailTransport = t;
}

export const mailFrom = () => env().MAIL_FROM;
