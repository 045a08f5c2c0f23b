import { getDb } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import { loadFdaText, readFdaSource } from "../vendors/fda-source";
import { todayIso } from "../vendors/quality";
import { defineJob } from "./define";

// The public FDA data, loaded for everyone once a day from FDA_INSPECTIONS_SOURCE and
// FDA_WARNING_LETTERS_SOURCE (a file path or an http(s) URL), as `cdmo import-fda` does by
// hand. Scheduled only when one of them is set (runner.ts). The load is idempotent, so a
// retry or a second server's run changes nothing; each record's source is dated the day of
// the run (the day the listing was read).

export const fdaSources = (): { source: string; kind: "INSPECTIONS" | "WARNING_LETTERS" }[] => {
  const e = env();
  return [
    ...(e.FDA_INSPECTIONS_SOURCE ? [{ source: e.FDA_INSPECTIONS_SOURCE, kind: "INSPECTIONS" as const }] : []),
    ...(e.FDA_WARNING_LETTERS_SOURCE
      ? [{ source: e.FDA_WARNING_LETTERS_SOURCE, kind: "WARNING_LETTERS" as const }]
      : []),
  ];
};

export const fdaLoadJob = defineJob<null>({
  name: "fda.load",
  policy: "stately",
  retry: { limit: 3, delaySeconds: 600, backoff: true },
  expireInSeconds: 4 * 3600,
  schedule: { cron: "30 2 * * *" },
  async run() {
    const results = [];
    for (const { source, kind } of fdaSources()) {
      const file = await readFdaSource(source);
      const r = await loadFdaText(await getDb(), { ...file, kind, sourceDate: todayIso() });
      log.info(
        { job: "fda.load", file: file.name, created: r.created, updated: r.updated, unchanged: r.unchanged },
        `FDA load of ${file.name}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`,
      );
      results.push({ file: r.file, created: r.created, updated: r.updated, unchanged: r.unchanged });
    }
    return results;
  },
});
