import pg from "pg";
import { env } from "../env";
import { log } from "../log";
import { currentDbTarget } from "./client";

// Where rate-limit counters live, so limits hold across app instances and restarts:
// Redis when REDIS_URL is set, else the PostgreSQL database (table "RateLimit", created
// by a migration; rate-limiter-flexible's own SQL), else (embedded PGlite, one process
// by construction) memory.

export type LimiterStore =
  | { kind: "memory"; id: string }
  | { kind: "postgres"; id: string; pool: pg.Pool }
  | { kind: "redis"; id: string; client: import("ioredis").Redis };

export const RATE_LIMIT_TABLE = "RateLimit";

const stores = new Map<string, Promise<LimiterStore>>();

async function open(): Promise<LimiterStore> {
  const redisUrl = env().REDIS_URL;
  if (redisUrl) {
    const { Redis } = await import("ioredis");
    // Fail fast instead of queueing commands while Redis is away: a sign-in then answers
    // an error rather than hanging.
    const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    client.on("error", (e) => log.error({ store: "redis", reason: e.message }, "Rate-limit store (Redis) failed"));
    await client.connect();
    return { kind: "redis", id: `redis:${redisUrl}`, client };
  }
  const target = currentDbTarget();
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 3 });
    pool.on("error", (e) =>
      log.error({ store: "postgres", reason: e.message }, "Rate-limit store (PostgreSQL) failed"),
    );
    return { kind: "postgres", id: `postgres:${target.url}`, pool };
  }
  return { kind: "memory", id: `memory:${target.dataDir}` };
}

/** The store for the current database target (tests switch targets per file). */
export function limiterStore(): Promise<LimiterStore> {
  const redisUrl = env().REDIS_URL;
  const target = currentDbTarget();
  const key = redisUrl
    ? `redis:${redisUrl}`
    : target.kind === "postgres"
      ? `postgres:${target.url}`
      : `memory:${target.dataDir}`;
  let store = stores.get(key);
  if (!store) {
    store = open();
    stores.set(key, store);
  }
  return store;
}

/** For tests: close and forget every store. */
export async function closeLimiterStores(): Promise<void> {
  const all = [...stores.values()];
  stores.clear();
  for (const s of await Promise.all(all)) {
    if (s.kind === "postgres") await s.pool.end();
    if (s.kind === "redis") s.client.disconnect();
  }
}
