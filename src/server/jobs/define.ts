// What a job is. One file per job in this folder exports one definition; registry.ts lists
// them. The migration step creates a pg-boss queue per definition (with its retry policy),
// and the runner works every queue and keeps every schedule.

export type JobDefinition<T = unknown> = {
  /** The queue's name, e.g. "email.deliver". Renaming one is a new queue. */
  name: string;
  /** Does the work; throwing (or timing out) makes pg-boss retry it by the policy below. */
  run: (data: T) => Promise<unknown>;
  /** Retries after the first attempt; the delay doubles each time when `backoff` (with jitter). */
  retry: { limit: number; delaySeconds: number; backoff: boolean };
  /**
   * pg-boss's queue policy: "standard" keeps every job queued; "stately" keeps at most one
   * waiting and one running, so a burst of sends coalesces into one run. Default standard.
   */
  policy?: "standard" | "stately";
  /** An attempt still running after this long counts as failed (and is retried). At most 24 h. */
  expireInSeconds: number;
  /** A cron line in UTC when the job also runs on a schedule (pg-boss keeps one per queue). */
  schedule?: { cron: string; data?: T };
  /** Runs once when a server's runner starts, e.g. to queue work that came due while it was down. */
  onStart?: (queue: (data: T, options?: { singletonKey?: string }) => Promise<void>) => Promise<void>;
};

export const defineJob = <T>(job: JobDefinition<T>): JobDefinition<T> => job;
