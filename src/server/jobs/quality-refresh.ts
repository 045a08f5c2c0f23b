import { getDb } from "../db/client";
import { log } from "../log";
import { todayIso } from "../vendors/quality";
import { qualityRefreshDue, runDailyQualityRefresh } from "../vendors/quality-aging";
import { defineJob } from "./define";

// Quality scores are recency-weighted, so the cached ones are aged once per UTC day
// (src/server/vendors/quality-aging.ts). pg-boss's schedule fires this at 00:05 UTC on one
// of the servers; a server that starts checks with one read whether today's run is done and
// queues it only if not (a server that was down over midnight catches up). The run itself
// checks again, so the schedule and a start on the same day do the work once.
export const qualityRefreshJob = defineJob<{ asOf?: string } | null>({
  name: "quality.refresh",
  retry: { limit: 5, delaySeconds: 300, backoff: true },
  expireInSeconds: 4 * 3600,
  schedule: { cron: "5 0 * * *" },
  async run(data) {
    const asOf = data?.asOf ?? todayIso();
    const r = await runDailyQualityRefresh(await getDb(), asOf);
    if ("vendors" in r && (r.vendors || r.views))
      log.info(
        { job: "quality.refresh", asOf, vendors: r.vendors, views: r.views },
        `Quality scores recomputed for ${asOf}: ${r.vendors} vendors, ${r.views} sponsor views`,
      );
    return r;
  },
  async onStart(queue) {
    const asOf = todayIso();
    if (await qualityRefreshDue(await getDb(), asOf))
      await queue({ asOf }, { singletonKey: `quality.refresh:${asOf}` });
  },
});
