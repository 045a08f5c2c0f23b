import { getDb } from "../db/client";
import { todayIso } from "./quality";
import { refreshAgedQuality, type AgingResult } from "./quality-aging";
import { env } from "../env";

// The daily recompute of aged quality scores, run inside the server process: shortly after
// start (a server that was down over midnight catches up) and then hourly. An hourly tick
// only compares dates: the sweep, one transaction per organisation, runs once per UTC day
// and process (again after a failure). Several instances running it at once is harmless
// (the recompute is idempotent). `QUALITY_REFRESH=off` turns it off for a deployment that
// runs `cdmo refresh-quality` from cron instead.

const HOUR = 3_600_000;
let started = false;

/** A tick that sweeps at most once per day (by `today()`), never twice at once. */
export function dailySweep(sweep: (day: string) => Promise<AgingResult>, today: () => string = todayIso) {
  let running = false;
  let sweptFor: string | null = null;
  return async (): Promise<AgingResult | null> => {
    const day = today();
    if (running || sweptFor === day) return null;
    running = true;
    try {
      const r = await sweep(day);
      sweptFor = day;
      if (r.vendors || r.views) console.log(`Quality scores recomputed for ${day}: ${r.vendors} vendors, ${r.views} sponsor views.`);
      return r;
    } catch (e) {
      console.error("The daily quality-score refresh failed; it will be retried within the hour.", e);
      return null;
    } finally {
      running = false;
    }
  };
}

export function scheduleQualityAging(): void {
  if (started || env().QUALITY_REFRESH === "off") return;
  started = true;
  const tick = dailySweep(async (day) => refreshAgedQuality(await getDb(), day));
  setTimeout(tick, 30_000).unref();
  setInterval(tick, HOUR).unref();
}
