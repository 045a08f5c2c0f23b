// Prisma 7 reads this file (schema location, migrations folder) for every CLI command.
// Only `prisma generate` runs here (scripts/prisma-generate.mjs); migrations are
// applied and created by scripts/db-migrate.ts / scripts/db-migration.ts through the
// wasm schema engine (src/server/db/migrate.ts), which use the same two paths.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

const root = import.meta.dirname;
const schemaDir = path.join(root, "prisma", "schema");

export default defineConfig({
  // A folder of *.prisma files when it exists, else the single schema file.
  schema:
    fs.existsSync(schemaDir) && fs.statSync(schemaDir).isDirectory()
      ? schemaDir
      : path.join(root, "prisma", "schema.prisma"),
  migrations: { path: path.join(root, "prisma", "migrations") },
  // Only needed by commands that connect to a database (not by `generate`).
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
