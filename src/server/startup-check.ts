import { getDb } from "./db/client";
import { outboxWarning } from "./email/outbox-access";
import { env } from "./env";
import { log } from "./log";

/**
 * Open the database once at start-up, so a misconfigured deployment (for example a
 * superuser or BYPASSRLS role, under which row-level security would not isolate tenants)
 * refuses to start instead of failing on the first request.
 */
export async function checkDatabaseOrExit(): Promise<void> {
  try {
    // Every variable is validated before anything else runs; the error names each bad one.
    env();
    const warning = outboxWarning();
    if (warning) log.warn(warning);
    await getDb();
  } catch (e) {
    log.fatal({ err: e }, `The server cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}
