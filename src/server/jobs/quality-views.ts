import { getDb } from "../db/client";
import { refreshStaleViewsEverywhere } from "../vendors/quality-aging";
import { defineJob } from "./define";

// A sponsor's cached view of a platform vendor (public history plus its own) goes stale when
// the CDMO changes that public history: the CDMO's transaction cannot write the sponsor's
// rows. The CDMO's change queues this job in its transaction; the job recomputes every
// sponsor's stale views in that sponsor's own transaction. The queue is stately, so a burst
// of changes (an import, a day of edits) coalesces into one run ten seconds after the first.
// Reads no longer check for stale views; the daily refresh also catches any left over.
export const qualityViewsJob = defineJob<null>({
  name: "quality.views",
  policy: "stately",
  retry: { limit: 5, delaySeconds: 60, backoff: true },
  expireInSeconds: 3600,
  async run() {
    return { views: await refreshStaleViewsEverywhere(await getDb()) };
  },
});
