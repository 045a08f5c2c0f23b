import { z } from "zod";
import { CliError } from "../cli-error";
import type { Command } from "./types";

// `cdmo refresh-quality [--as-of YYYY-MM-DD]`: recompute every cached quality score that was
// computed before that day (default today, UTC), as the servers' daily quality.refresh job does.
// For deployments that run it from cron (with QUALITY_REFRESH=off on the servers), and after a
// restore. It always runs, and records the day as done, so a server starting later that day
// does not run it again.

export const refreshQualityCommand: Command = {
  description: "Recompute cached vendor quality scores computed before a day (default today).",
  flags: ["as-of"],
  async run({ flags }) {
    const asOf = flags["as-of"];
    if (asOf !== undefined && !z.iso.date().safeParse(asOf).success) {
      throw new CliError("INVALID_ARGS", `--as-of must be a date as YYYY-MM-DD, not "${asOf}"`, ["as-of"]);
    }
    const [{ createDb }, { resolveDbTarget }, { runDailyQualityRefresh }] = await Promise.all([
      import("../../server/db/client"),
      import("../../server/db/config"),
      import("../../server/vendors/quality-aging"),
    ]);
    const handle = createDb(resolveDbTarget());
    try {
      await handle.ready;
      return await runDailyQualityRefresh(handle.prisma, asOf, true);
    } finally {
      await handle.prisma.$disconnect();
      await handle.pglite?.close();
    }
  },
};
