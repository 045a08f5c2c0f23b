/**
 * `npm run db:migration -- NAME`: writes prisma/migrations/<yyyyMMddHHmmss>_<name>/migration.sql
 * with the SQL that takes the migrations folder to the current Prisma schema (what
 * `prisma migrate dev --create-only` would write), computed by the wasm schema engine on an
 * in-memory PGlite shadow database. Review the file and append hand-written SQL (RLS
 * policies, grants, triggers) before applying it with `npm run db:migrate`.
 *
 * Options: --schema <file|folder> (default prisma/schema/ or prisma/schema.prisma),
 *          --migrations <folder> (default prisma/migrations).
 */
import path from "node:path";
import { parseArgs } from "node:util";

import { createMigrationSql, resolvePaths, writeMigration } from "../src/server/db/migrate";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { schema: { type: "string" }, migrations: { type: "string" } },
});
const name = positionals.join("_");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (e.g. add_audit_log)");
  process.exit(2);
}

const options = { schemaPath: values.schema, migrationsDir: values.migrations };
const { schemaPath, migrationsDir } = resolvePaths(options);
const rel = (p: string) => path.relative(process.cwd(), p) || ".";

try {
  const sql = await createMigrationSql(options);
  if (!sql) {
    console.error(`No changes: ${rel(schemaPath)} matches ${rel(migrationsDir)}. No migration written.`);
    process.exit(1);
  }
  const dir = writeMigration(name, sql, options);
  console.log(`Wrote ${rel(path.join(dir, "migration.sql"))}:\n`);
  console.log(sql);
  console.log("Append any hand-written SQL (policies, grants, triggers) to it, then run `npm run db:migrate`.");
} catch (e) {
  console.error(`db:migration failed: ${(e as Error).message}`);
  process.exit(1);
}
