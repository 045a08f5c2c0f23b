import { PGlite } from "@electric-sql/pglite";
import { jobQueueSpecs } from "../jobs/registry";
import { migrateJobQueue } from "./job-queue";
import { applyMigrations, type MigrateOptions, type MigrateTarget } from "./migrate";

/**
 * Everything `npm run db:migrate` does, for scripts and tests that prepare a database: the
 * Prisma migrations, then pg-boss's schema and the job queues (with the app role's grants).
 * Returns the names of the Prisma migrations applied.
 */
export async function migrateDatabase(target: MigrateTarget, options: MigrateOptions = {}): Promise<string[]> {
  const applied = await applyMigrations(target, options);
  if (target.kind === "postgres") await migrateJobQueue(target, jobQueueSpecs());
  else if (target.pglite) await migrateJobQueue({ kind: "pglite", pglite: target.pglite }, jobQueueSpecs());
  else {
    const pglite = await PGlite.create(target.dataDir ? { dataDir: target.dataDir } : {});
    try {
      await migrateJobQueue({ kind: "pglite", pglite }, jobQueueSpecs());
    } finally {
      await pglite.close();
    }
  }
  return applied;
}
