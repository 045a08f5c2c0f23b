import { getDb } from "../db/client";
import { deliverOutboxMessage } from "../email/deliver";
import { emailTransport } from "../email/transport";
import { defineJob } from "./define";

// Sends one outbox message through SMTP after the transaction that wrote it committed
// (queued by sendEmail in that transaction). Retried 8 times from 30 s, doubling: the last
// attempt comes about two hours after the first.
export const deliverEmailJob = defineJob<{ outboxId: string }>({
  name: "email.deliver",
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  expireInSeconds: 120,
  async run({ outboxId }) {
    const transport = emailTransport();
    // SMTP_URL was removed since the message was queued: the row stays in the outbox.
    if (!transport) return { outboxId, outcome: "no-transport" };
    return { outboxId, outcome: await deliverOutboxMessage(await getDb(), outboxId, transport) };
  },
});
