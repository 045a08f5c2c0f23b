import { randomUUID } from "node:crypto";
import { getDb } from "../db/client";
import { insertOutboxMessage } from "../db/globals";
import { withOutboxAccess } from "../db/outbox";
import type { TenantDb } from "../db/tenant";
import { publicUrl } from "../env";
import { deliverEmailJob } from "../jobs/deliver-email";
import { queueJob } from "../jobs/queue";
import { emailTransport } from "./transport";

export type Email = { to: string; subject: string; text: string; html?: string };

/** True when messages stay in the outbox table instead of going to an SMTP server. */
export const usesOutbox = () => emailTransport() === null;

/**
 * Write the message to the outbox in the caller's transaction `tx` (or in a transaction of
 * its own) and, when SMTP is configured, queue its delivery in the same transaction: nothing
 * is sent for a change that rolls back, and no transaction waits on an SMTP server. The
 * email.deliver job sends it after commit, with retries. Without SMTP_URL the outbox row is
 * the delivery: /dev/outbox lists it. Pass `tx` whenever there is one: on PGlite, whose
 * single connection the transaction holds, a second transaction would wait forever.
 */
export async function sendEmail(email: Email, tx?: TenantDb): Promise<void> {
  if (!tx) {
    await (await getDb()).$transaction((own) => sendEmail(email, own as unknown as TenantDb));
    return;
  }
  // The id is chosen here: the app may add to the outbox but not read it back (no RETURNING).
  const id = randomUUID();
  await insertOutboxMessage(tx, {
    id,
    to: email.to.toLowerCase(),
    subject: email.subject,
    text: email.text,
    html: email.html ?? null,
  });
  if (emailTransport()) await queueJob(tx, deliverEmailJob, { outboxId: id });
}

export async function listOutbox(limit = 50) {
  return withOutboxAccess(await getDb(), (tx) =>
    tx.emailOutbox.findMany({ orderBy: { createdAt: "desc" }, take: limit }),
  );
}

export function appUrl(path: string): string {
  return `${publicUrl()}${path}`;
}
