import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PgBoss } from "./pg-boss";
import type { TenantDb } from "./tenant";
import { fullClientOf } from "./tenant-db";
import { APP_ROLE } from "./config";

// pg-boss talks to the database through an "executor" ({ executeSql(text, values) }). On
// PostgreSQL the runner gives pg-boss a pool of its own; on the embedded PGlite there is one
// connection, shared with Prisma, so pg-boss goes through it (PGlite runs one statement or one
// transaction at a time, so pg-boss never lands inside a request's transaction). Jobs queued
// by a service go through the service's own transaction: the job commits, or rolls back, with
// the change that caused it.

export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** pg-boss's JSON payloads arrive as objects; PostgreSQL reads them from their text. */
const param = (v: unknown) =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) ? JSON.stringify(v) : v;

/**
 * PGlite: parameterised statements one at a time; pg-boss's scripts (BEGIN; ...; COMMIT;)
 * whole, inside PGlite's own transaction, so a script that fails half-way is rolled back
 * before anyone else uses the shared connection (left to itself it would stay in an aborted
 * transaction that the next caller, say a request, would inherit).
 */
export function pgliteExecutor(pglite: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (values?.length) return pglite.query(text, values.map(param));
      return pglite.transaction(async (tx) => ({ rows: (await tx.exec(text)).at(-1)?.rows ?? [] }));
    },
  };
}

/** A transaction's connection, so what pg-boss writes commits or rolls back with it. */
export function transactionExecutor(tx: TenantDb): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      return { rows: await fullClientOf(tx).$queryRawUnsafe<unknown[]>(text, ...values.map(param)) };
    },
  };
}

/** One PostgreSQL connection for the migration step (the owner's). */
async function withPgClient<T>(url: string, fn: (x: SqlExecutor) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn({ executeSql: (text, values) => client.query(text, values?.map(param)) });
  } finally {
    await client.end();
  }
}

export type JobQueueSpec = {
  name: string;
  policy: "standard" | "stately";
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
};

/**
 * The migration step for the job queue, run by whoever runs the migrations (the owner role):
 * creates or upgrades pg-boss's own schema ("pgboss"), creates or updates one queue per job,
 * and grants the application role the DML pg-boss needs at run time (it creates nothing then:
 * the runner starts with `migrate: false`).
 */
export async function migrateJobQueue(
  target: { kind: "pglite"; pglite: PGlite } | { kind: "postgres"; url: string },
  queues: JobQueueSpec[],
): Promise<void> {
  const run = async (x: SqlExecutor) => {
    const boss = new PgBoss({ db: x, migrate: true, supervise: false, schedule: false });
    await boss.start();
    try {
      for (const { name, ...options } of queues) {
        if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...options });
        else await boss.createQueue(name, { name, ...options });
      }
    } finally {
      await boss.stop({ graceful: false, close: false });
    }
    await x.executeSql(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}')
           AND (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOBYPASSRLS;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') AND current_user <> '${APP_ROLE}' THEN
          GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE};
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE};
        END IF;
      END $$;`);
  };
  if (target.kind === "pglite") await run(pgliteExecutor(target.pglite));
  else await withPgClient(target.url, run);
}
