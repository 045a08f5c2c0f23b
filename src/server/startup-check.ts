import { getDb } from "./db/client";

/**
 * Open the database once at start-up, so a misconfigured deployment (for example a
 * superuser or BYPASSRLS role, under which row-level security would not isolate tenants)
 * refuses to start instead of failing on the first request.
 */
export async function checkDatabaseOrExit(): Promise<void> {
  try {
    await getDb();
  } catch (e) {
    console.error(`\n✖ ${(e as Error).message}\n`);
    process.exit(1);
  }
}
