/**
 * `npm run db:restore -- --file FILE [--replace]`: restores a backup made by db:backup into
 * BACKUP_DATABASE_URL (PostgreSQL, a superuser or BYPASSRLS role: an empty database, in one
 * transaction; restore beside the old one and switch DATABASE_URL) or PGLITE_DATA_DIR (PGlite;
 * stop the app first; --replace moves an existing directory aside, never deletes it).
 */
import { parseArgs } from "node:util";
import { backupTarget, restoreDatabase } from "../src/server/db/backup";
import { resolveMigrationTarget } from "../src/server/db/config";

const { values } = parseArgs({ options: { file: { type: "string" }, replace: { type: "boolean" } } });
try {
  if (!values.file) throw new Error("say which backup: --file FILE");
  const { movedAside } = await restoreDatabase(backupTarget(resolveMigrationTarget()), values.file, {
    replace: values.replace,
  });
  console.log(`Restored ${values.file}.${movedAside ? ` The previous database is in ${movedAside}.` : ""}`);
  console.log("Run `npm run db:migrate` (npm start does) if the backup is older than this version.");
} catch (e) {
  console.error(`db:restore: ${(e as Error).message}`);
  process.exit(1);
}
