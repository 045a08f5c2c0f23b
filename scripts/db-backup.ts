/**
 * `npm run db:backup -- [--out FILE]`: a backup of the whole database (src/server/db/backup.ts).
 * PostgreSQL (BACKUP_DATABASE_URL: a superuser or BYPASSRLS role; the app may keep running): pg_dump's custom
 * format, default backups/cdmo-<time>.dump. PGlite (PGLITE_DATA_DIR, default .data/pglite; stop
 * the app first): a gzipped tar of the data directory, default backups/cdmo-<time>.tar.gz.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase, backupTarget } from "../src/server/db/backup";
import { resolveMigrationTarget } from "../src/server/db/config";

const { values } = parseArgs({ options: { out: { type: "string" } } });
try {
  const target = backupTarget(resolveMigrationTarget());
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = values.out ?? path.join("backups", `cdmo-${stamp}${target.kind === "postgres" ? ".dump" : ".tar.gz"}`);
  const { kind, bytes } = await backupDatabase(target, out);
  console.log(`Backed up the ${kind === "postgres" ? "PostgreSQL" : "PGlite"} database to ${out} (${bytes} bytes).`);
} catch (e) {
  console.error(`db:backup: ${(e as Error).message}`);
  process.exit(1);
}
