import type { PrismaClient } from "../db/generated/client";
import { withOutboxAccess } from "../db/outbox";
import { mailFrom, type EmailTransport } from "./transport";

// Delivery of one outbox message, after the transaction that wrote it committed. A worker
// first takes a lease on the row (one conditional UPDATE: unsent, and no other worker's lease
// running), so two workers never send the same message; no transaction stays open while the
// SMTP server is talked to. A failure is recorded on the row and rethrown, so the job runner
// retries with backoff. A worker that dies mid-send leaves a lease that expires, after which
// the message is sent again (at least once, never twice while a lease holds). The outbox is
// readable only through withOutboxAccess (row-level security), one short transaction per step.

export const LEASE_MS = 2 * 60_000;

export type DeliveryOutcome = "sent" | "already-sent";

export async function deliverOutboxMessage(
  db: PrismaClient,
  id: string,
  transport: EmailTransport,
): Promise<DeliveryOutcome> {
  const now = new Date();
  const claimed = await withOutboxAccess(db, async (tx) => {
    const lease = await tx.emailOutbox.updateMany({
      where: { id, sentAt: null, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedUntil: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
    });
    return lease.count ? tx.emailOutbox.findUniqueOrThrow({ where: { id } }) : null;
  });
  if (!claimed) {
    const row = await withOutboxAccess(db, (tx) =>
      tx.emailOutbox.findUnique({ where: { id }, select: { sentAt: true } }),
    );
    if (!row) throw new Error(`Outbox message ${id} does not exist.`);
    if (row.sentAt) return "already-sent";
    // Another worker holds the lease: try again later, by which time it sent or its lease ran out.
    throw new Error(`Outbox message ${id} is being delivered by another worker.`);
  }
  const msg = claimed;
  try {
    await transport.send({
      from: mailFrom(),
      to: msg.to,
      subject: msg.subject,
      text: msg.text,
      ...(msg.html ? { html: msg.html } : {}),
    });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await withOutboxAccess(db, (tx) =>
      tx.emailOutbox.update({ where: { id }, data: { lastError: error.slice(0, 1000), claimedUntil: null } }),
    );
    throw e;
  }
  await withOutboxAccess(db, (tx) =>
    tx.emailOutbox.update({ where: { id }, data: { sentAt: new Date(), claimedUntil: null } }),
  );
  return "sent";
}
