import path from "node:path";

// Where the database lives. One decision, read from the environment in one place:
// DATABASE_URL (postgres://...) switches to a real PostgreSQL; otherwise an embedded
// PGlite in a git-ignored data directory.
export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

function postgresUrl(name: string, value: string): string {
  if (!/^postgres(ql)?:\/\//.test(value)) throw new Error(`${name} must be a postgres:// or postgresql:// URL`);
  return value;
}

export function resolveDbTarget(env: Record<string, string | undefined> = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url: postgresUrl("DATABASE_URL", url) };
  const dataDir = env.PGLITE_DATA_DIR?.trim() || path.join(process.cwd(), ".data", "pglite");
  return { kind: "pglite", dataDir };
}

/**
 * Where migrations run. On PostgreSQL that is MIGRATION_DATABASE_URL, a connection as the
 * role that owns the tables; the app's own DATABASE_URL role may not create or alter
 * anything, so migrating through it is refused with a message saying what to set.
 * On PGlite it is the same data directory (the embedded connection is a superuser).
 */
export function resolveMigrationTarget(env: Record<string, string | undefined> = process.env): DbTarget {
  const app = resolveDbTarget(env);
  if (app.kind === "pglite") return app;
  const url = env.MIGRATION_DATABASE_URL?.trim();
  if (!url) {
    throw new Error(
      "DATABASE_URL is set but MIGRATION_DATABASE_URL is not: migrations run as the role that owns the tables " +
        `(e.g. postgres://${OWNER_ROLE}@host/db), the app as ${APP_ROLE}, which may not change the schema (see README: PostgreSQL).`,
    );
  }
  return { kind: "postgres", url: postgresUrl("MIGRATION_DATABASE_URL", url) };
}

// The role the application runs as. It owns nothing and holds only the DML it needs
// (src/server/db/grants.ts), so it cannot ALTER a table, disable a trigger or switch row-level
// security off. On PGlite the connection is a superuser (which bypasses row-level security
// even when forced), so every connection switches to this role right after start-up. On
// PostgreSQL DATABASE_URL logs in as this role (or as a role whose only privileges come from it).
export const APP_ROLE = "cdmo_app";

// The role that owns the schema on PostgreSQL: migrations run as it (MIGRATION_DATABASE_URL).
export const OWNER_ROLE = "cdmo_owner";

/** The same server and database as `url`, logged in as `user` (used to derive test/bench owner URLs). */
export function withUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = "";
  return u.toString();
}
