import type { TenantDb } from "../tenant";

/** Serialise on `key` until the transaction ends (a PostgreSQL advisory lock). */
export async function lockForTransaction(db: TenantDb, key: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
