import { readdirSync } from "node:fs";
import path from "node:path";
import { appliedMigrations } from "../db/health";
import { jobRunnerState, type JobRunnerState } from "../jobs/runner";
import { log } from "../log";

// /api/health: what a load balancer or an operator asks before sending traffic to an instance.
// Ready means the database answers, it has every migration this build ships (none missing, none
// unknown, which would mean an older build against a newer database), and the job runner is
// running, or deliberately off (JOBS=off). An instance that is shutting down says so, so the
// balancer stops sending it requests while it finishes the ones it has.

export type Check = { ok: boolean; detail: string };
export type HealthReport = {
  status: "ok" | "failing" | "draining";
  checks: { database: Check; migrations: Check; jobs: Check };
};

const globalForHealth = globalThis as unknown as { __cdmoDraining?: boolean };

/** The server (scripts/server.mjs) calls this first on SIGTERM. */
export const isDraining = () => globalForHealth.__cdmoDraining === true;

let shipped: string[] | undefined;
/** The migrations in this build's prisma/migrations, by folder name. */
function shippedMigrations(): string[] {
  shipped ??= readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return shipped;
}

export function migrationsCheck(applied: readonly string[], expected: readonly string[]): Check {
  const have = new Set(applied);
  const want = new Set(expected);
  const missing = expected.filter((m) => !have.has(m));
  const unknown = applied.filter((m) => !want.has(m));
  if (missing.length) return { ok: false, detail: `${missing.length} not applied, first ${missing[0]}` };
  if (unknown.length) return { ok: false, detail: `${unknown.length} applied that this build does not know` };
  return { ok: true, detail: `${expected.length} applied` };
}

export function jobsCheck(s: { state: JobRunnerState; error?: string }): Check {
  if (s.state === "running") return { ok: true, detail: "running" };
  if (s.state === "off") return { ok: true, detail: "off in this process (JOBS=off)" };
  if (s.state === "failed") return { ok: false, detail: `not running: ${s.error ?? "unknown error"}` };
  return { ok: false, detail: s.state };
}

/** A promise that fails after `ms`, so a database that hangs makes the check fail, not the probe wait. */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

export async function checkHealth(timeoutMs = 3000): Promise<HealthReport> {
  const started = performance.now();
  let database: Check;
  let migrations: Check;
  try {
    const applied = await within(appliedMigrations(), timeoutMs);
    database = { ok: true, detail: `answered in ${Math.round(performance.now() - started)} ms` };
    migrations = migrationsCheck(applied, shippedMigrations());
  } catch (e) {
    // The reason goes to the log only: the endpoint is public, and driver errors name hosts and roles.
    log.error({ check: "database", reason: (e as Error).message }, "Health check: the database did not answer");
    database = { ok: false, detail: "did not answer (see the server log)" };
    migrations = { ok: false, detail: "unknown: the database did not answer" };
  }
  const checks = { database, migrations, jobs: jobsCheck(jobRunnerState()) };
  const healthy = Object.values(checks).every((c) => c.ok);
  return { status: isDraining() ? "draining" : healthy ? "ok" : "failing", checks };
}
