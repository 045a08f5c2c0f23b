import type { JobQueueSpec } from "../db/job-queue";
import type { JobDefinition } from "./define";
import { deliverEmailJob } from "./deliver-email";
import { fdaLoadJob } from "./fda-load";
import { qualityRefreshJob } from "./quality-refresh";
import { qualityViewsJob } from "./quality-views";
import { rfpCloseJob } from "./rfp-close";
import { rfpDeadlineReminderJob } from "./rfp-deadline-reminder";

// Every job the application runs. To add one: write `jobs/<name>.ts` exporting
// `defineJob({...})`, list it here, and run `npm run db:migrate` (npm start does) so its queue
// exists. Queue it from a service with `queueJob(db, job, data)` inside the service's
// transaction (jobs/queue.ts).
export const JOBS = [
  deliverEmailJob,
  fdaLoadJob,
  qualityRefreshJob,
  qualityViewsJob,
  rfpCloseJob,
  rfpDeadlineReminderJob,
] as unknown as JobDefinition<never>[];

/** The queues the migration step creates, with each job's retry policy. */
export const jobQueueSpecs = (): JobQueueSpec[] =>
  JOBS.map((j) => ({
    name: j.name,
    policy: j.policy ?? "standard",
    retryLimit: j.retry.limit,
    retryDelay: j.retry.delaySeconds,
    retryBackoff: j.retry.backoff,
    expireInSeconds: j.expireInSeconds,
  }));
