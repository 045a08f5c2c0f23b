/**
 * `npm run db:migrate`: applies the pending prisma/migrations/* (like `prisma migrate deploy`,
 * same `_prisma_migrations` bookkeeping) with the wasm schema engine.
 *
 * Target: on PostgreSQL, MIGRATION_DATABASE_URL (the role that owns the tables; required when
 * DATABASE_URL is set, since the app's role may not change the schema), else the embedded
 * PGlite data directory `.data/pglite` (override with PGLITE_DATA_DIR). PGlite is
 * single-process: stop the app that has the directory open first. Every run ends with the
 * application role's grants (src/server/db/grants.ts).
 *
 * Options: --migrations <folder> (default prisma/migrations).
 */
import path from "node:path";
import { parseArgs } from "node:util";

import { resolveMigrationTarget } from "../src/server/db/config";
import { resolvePaths, type MigrateTarget } from "../src/server/db/migrate";
import { migrateDatabase } from "../src/server/db/migrate-database";
import { jobQueueSpecs } from "../src/server/jobs/registry";

const { values } = parseArgs({ options: { migrations: { type: "string" } } });
const options = { migrationsDir: values.migrations };

let target: MigrateTarget;
try {
  const resolved = resolveMigrationTarget();
  target = resolved.kind === "postgres" ? resolved : { kind: "pglite", dataDir: path.resolve(resolved.dataDir) };
} catch (e) {
  console.error(`db:migrate: ${(e as Error).message}`);
  process.exit(1);
}
const where =
  target.kind === "postgres"
    ? `PostgreSQL ${redact(target.url)}`
    : `PGlite ${path.relative(process.cwd(), target.dataDir!)}`;

try {
  const { migrationsDir } = resolvePaths(options);
  const applied = await migrateDatabase(target, options);
  if (applied.length === 0)
    console.log(`${where}: no pending migrations in ${path.relative(process.cwd(), migrationsDir)}.`);
  else {
    console.log(`${where}: applied ${applied.length} migration${applied.length === 1 ? "" : "s"}:`);
    for (const name of applied) console.log(`  ${name}`);
  }
  console.log(
    `${where}: job queues ready (${jobQueueSpecs()
      .map((q) => q.name)
      .join(", ")}).`,
  );
} catch (e) {
  console.error(`db:migrate failed on ${where}:\n${(e as Error).message}`);
  process.exit(1);
}

function redact(u: string): string {
  try {
    const parsed = new URL(u);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(MIGRATION_DATABASE_URL)";
  }
}
