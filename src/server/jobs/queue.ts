import { PgBoss } from "../db/pg-boss";
import { transactionExecutor } from "../db/job-queue";
import type { TenantDb } from "../db/tenant";
import type { JobDefinition } from "./define";

// Queueing needs no running runner: pg-boss writes the job row through the caller's
// transaction, so a job exists exactly when the change that caused it committed. This
// instance is never started and has no connection of its own.
const sender = new PgBoss({
  db: { executeSql: async () => Promise.reject(new Error("Jobs are queued through a transaction: pass one.")) },
  migrate: false,
  supervise: false,
  schedule: false,
});

export type QueueOptions = { singletonKey?: string; startAfter?: number | Date };

/** Queue `job` inside the transaction `db`; it runs after commit, on whichever server works the queue. */
export async function queueJob<T>(
  db: TenantDb,
  job: JobDefinition<T>,
  data: T,
  options: QueueOptions = {},
): Promise<void> {
  const id = await sender.send(job.name, data as object, { ...options, db: transactionExecutor(db) });
  // pg-boss inserts nothing for a queue that does not exist (nor for a job a stately queue or
  // a singleton key already holds, which is the point of those).
  if (id === null && !options.singletonKey && (job.policy ?? "standard") === "standard") {
    throw new Error(`The job queue "${job.name}" does not exist: run npm run db:migrate.`);
  }
}
