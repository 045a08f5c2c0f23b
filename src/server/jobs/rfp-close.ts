import { getDb } from "../db/client";
import { log } from "../log";
import { closeDueRfps } from "../rfps/deadlines";
import { defineJob } from "./define";

// Closes RFPs whose due date has passed, with nobody online: writes the status down and tells
// invitees and the sponsor (src/server/rfps/deadlines.ts). Every minute on one server; reads
// never wait for it (status is derived from the clock), so a late run only delays the e-mails.
// Stately: a burst of schedule ticks while one run is busy coalesces into one more run.
export const rfpCloseJob = defineJob<{ now?: string } | null>({
  name: "rfp.close",
  policy: "stately",
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  expireInSeconds: 15 * 60,
  schedule: { cron: "* * * * *" },
  async run(data) {
    const closed = await closeDueRfps(await getDb(), data?.now ? new Date(data.now) : new Date());
    if (closed) log.info({ job: "rfp.close", closed }, `RFPs closed at their due date: ${closed}`);
    return { closed };
  },
});
