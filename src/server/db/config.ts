import path from "node:path";

// Where the database lives. One decision, read from the environment in one place:
// DATABASE_URL (postgres://...) switches to a real PostgreSQL; otherwise an embedded
// PGlite in a git-ignored data directory.
export type DbTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

export function resolveDbTarget(env: NodeJS.ProcessEnv = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL");
    }
    return { kind: "postgres", url };
  }
  const dataDir = env.PGLITE_DATA_DIR?.trim() || path.join(process.cwd(), ".data", "pglite");
  return { kind: "pglite", dataDir };
}

// The role the application runs as. On PGlite the connection is a superuser (which
// bypasses row-level security even when forced), so every connection switches to this
// role right after start-up. On PostgreSQL the URL's user must already be such a role.
export const APP_ROLE = "cdmo_app";
