import { getDb } from "../db/client";
import { remindDueRfps } from "../rfps/deadlines";
import { defineJob } from "./define";

// 48 hours before an RFP's due date, tells the invitees that have not submitted (once per due
// date: Rfp.reminderDueAt; a moved due date reminds again). Every five minutes on one server.
export const rfpDeadlineReminderJob = defineJob<{ now?: string } | null>({
  name: "rfp.deadline-reminder",
  policy: "stately",
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  expireInSeconds: 15 * 60,
  schedule: { cron: "*/5 * * * *" },
  async run(data) {
    const reminded = await remindDueRfps(await getDb(), data?.now ? new Date(data.now) : new Date());
    return { reminded };
  },
});
