import type { SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";

// Every SQL statement the app sends, BEGIN and COMMIT included, passes through the driver
// adapter; this wrapper lets tests and benchmarks listen (and count round trips). With no
// listener it costs one Set-size check per statement.

type Listener = (sql: string, args: readonly unknown[]) => void;
const listeners = new Set<Listener>();

/** Call `listener` with every statement sent from now on; returns the function that stops it. */
export function onStatement(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(sql: string, args: readonly unknown[] = []) {
  for (const l of listeners) l(sql, args);
}

function observed<T extends SqlQueryable>(q: T): T {
  return new Proxy(q, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (query: SqlQuery) => {
          if (listeners.size) emit(query.sql, query.args);
          return (value as (q: SqlQuery) => unknown).call(target, query);
        };
      }
      if (prop === "startTransaction") {
        return async (...args: unknown[]) => {
          // The adapter sends BEGIN on the new connection itself.
          if (listeners.size) emit("BEGIN");
          return observed(await (value as (...a: unknown[]) => Promise<SqlQueryable>).apply(target, args));
        };
      }
      if (
        (prop === "commit" || prop === "rollback") &&
        (target as { options?: { usePhantomQuery?: boolean } }).options?.usePhantomQuery
      ) {
        // Adapters with "phantom" queries (PGlite) end the transaction themselves; the
        // others receive COMMIT / ROLLBACK through executeRaw above.
        return () => {
          if (listeners.size) emit(prop === "commit" ? "COMMIT" : "ROLLBACK");
          return (value as () => unknown).call(target);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

export function withStatementLog<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === "connect") return async () => observed(await (value as () => Promise<SqlQueryable>).call(target));
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
