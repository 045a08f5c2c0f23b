import { getDbHandle, type DbHandle } from "../db/client";
import { pgliteExecutor } from "../db/job-queue";
import { PgBoss } from "../db/pg-boss";
import { env } from "../env";
import { log } from "../log";
import type { JobDefinition } from "./define";
import { fdaSources } from "./fda-load";
import { JOBS } from "./registry";

// The job runner: pg-boss over the application's database, started in the server process
// (src/instrumentation.ts). On PostgreSQL it has a small pool of its own; on the embedded
// PGlite it shares the one connection. It starts with `migrate: false`: the migration step
// (npm run db:migrate, as the owner role) creates pg-boss's schema and the queues, and the
// application role only reads and writes them. Each job's failure is retried by its queue's
// policy (see define.ts); every server works every queue, pg-boss hands each job to one.

export type RunnerOptions = {
  handle?: DbHandle;
  jobs?: JobDefinition<never>[];
  /** How often an idle worker looks for jobs (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Keep the jobs' schedules and run their start hooks (the server does; tests may not). */
  schedules?: boolean;
};

export type JobRunner = { boss: PgBoss; stop: () => Promise<void> };

/**
 * QUALITY_REFRESH=off: the daily refresh runs from cron (`cdmo refresh-quality`), not here.
 * The FDA load is scheduled only when a file or URL is configured (jobs/fda-load.ts).
 */
const enabled = (job: JobDefinition<never>) =>
  !(job.name === "quality.refresh" && env().QUALITY_REFRESH === "off") &&
  !(job.name === "fda.load" && fdaSources().length === 0);

export async function startJobRunner(options: RunnerOptions = {}): Promise<JobRunner> {
  const handle = options.handle ?? (await getDbHandle());
  const jobs = options.jobs ?? JOBS;
  const boss =
    handle.target.kind === "postgres"
      ? new PgBoss({ connectionString: handle.target.url, max: 3, application_name: "cdmo-jobs", migrate: false })
      : new PgBoss({ db: pgliteExecutor(handle.pglite!), migrate: false });
  boss.on("error", (e) => log.error({ err: e }, "Job runner failed"));
  try {
    await boss.start();
  } catch (e) {
    throw new Error(`The job queue is not ready (${(e as Error).message}): run npm run db:migrate.`, { cause: e });
  }
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds, batchSize: 1 }, async ([j]) => {
      try {
        return await job.run(j.data as never);
      } catch (e) {
        // pg-boss retries it; the line says which job and which attempt failed, and why.
        log.error({ err: e, job: job.name, jobId: j.id }, `Job ${job.name} failed`);
        throw e;
      }
    });
    if (options.schedules === false) continue;
    if (job.schedule && enabled(job))
      await boss.schedule(job.name, job.schedule.cron, (job.schedule.data ?? undefined) as object | undefined, {
        tz: "UTC",
      });
    else if (job.schedule) await boss.unschedule(job.name);
    if (job.onStart && enabled(job)) {
      await job.onStart(async (data, opts) => void (await boss.send(job.name, data as object, opts ?? {})));
    }
  }
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 20_000 }) };
}

/** Where this process's runner is, for /api/health: "off" when JOBS=off or it was never started. */
export type JobRunnerState = "off" | "starting" | "running" | "failed" | "stopping";

const globalForJobs = globalThis as unknown as {
  __cdmoJobs?: Promise<JobRunner>;
  __cdmoStopJobs?: () => Promise<void>;
  __cdmoJobState?: { state: JobRunnerState; error?: string };
};

export function jobRunnerState(): { state: JobRunnerState; error?: string } {
  return globalForJobs.__cdmoJobState ?? { state: "off" };
}

/**
 * Start the process-wide runner once (JOBS=off: this process runs no jobs, e.g. when a
 * separate worker process does). `globalThis.__cdmoStopJobs()` stops it gracefully: the HTTP
 * server (scripts/server.mjs) awaits it on SIGTERM/SIGINT before exiting, so running jobs get
 * up to 20 s to finish; unfinished ones are failed and retried by another server.
 */
export function startServerJobRunner(): void {
  if (env().JOBS === "off" || globalForJobs.__cdmoJobs) return;
  const runner = startJobRunner();
  globalForJobs.__cdmoJobs = runner;
  globalForJobs.__cdmoJobState = { state: "starting" };
  globalForJobs.__cdmoStopJobs = () => {
    globalForJobs.__cdmoJobState = { state: "stopping" };
    return runner.then((r) => r.stop()).catch(() => {});
  };
  runner.then(
    () => {
      if (globalForJobs.__cdmoJobState?.state === "starting") globalForJobs.__cdmoJobState = { state: "running" };
      log.info({ jobs: JOBS.map((j) => j.name) }, `Jobs: working ${JOBS.map((j) => j.name).join(", ")}`);
    },
    (e) => {
      globalForJobs.__cdmoJobState = { state: "failed", error: (e as Error).message };
      log.error({ err: e }, `Jobs are not running: ${(e as Error).message}`);
    },
  );
}
