import { getDb } from "../db/client";
import { refreshAgedQuality } from "./quality-aging";

// The daily recompute of aged quality scores, run inside the server process: shortly after
// start (a server that was down over midnight catches up) and then hourly; a run finds
// nothing to do except on the first pass of a new UTC day. Several instances running it at
// once is harmless (the recompute is idempotent). `QUALITY_REFRESH=off` turns it off for a
// deployment that runs `cdmo refresh-quality` from cron instead.

const HOUR = 3_600_000;
let started = false;

export function scheduleQualityAging(options: { firstAfterMs?: number; everyMs?: number } = {}): void {
  if (started || process.env.QUALITY_REFRESH === "off") return;
  started = true;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await refreshAgedQuality(await getDb());
      if (r.vendors || r.views) console.log(`Quality scores recomputed for today: ${r.vendors} vendors, ${r.views} sponsor views.`);
    } catch (e) {
      console.error("The daily quality-score refresh failed; it will be retried within the hour.", e);
    } finally {
      running = false;
    }
  };
  setTimeout(run, options.firstAfterMs ?? 30_000).unref();
  setInterval(run, options.everyMs ?? HOUR).unref();
}
