import { getDb } from "./client";

// What /api/health asks the database (src/server/health/health.ts): that it answers, and which
// migrations it has applied. The application role may read _prisma_migrations (grants.ts) for
// this and nothing else about migrations.

/** Names of the migrations applied to completion and not rolled back, on the process-wide client. */
export async function appliedMigrations(): Promise<string[]> {
  const prisma = await getDb();
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return rows.map((r) => r.name);
}
