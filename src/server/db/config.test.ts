import { describe, expect, it } from "vitest";
import { resolveDbTarget, resolveMigrationTarget, withUser } from "./config";

describe("database configuration", () => {
  it("the app uses DATABASE_URL, migrations MIGRATION_DATABASE_URL (the owner)", () => {
    const env = {
      DATABASE_URL: "postgres://cdmo_app@db:5432/cdmo",
      MIGRATION_DATABASE_URL: "postgres://cdmo_owner@db:5432/cdmo",
    };
    expect(resolveDbTarget(env)).toEqual({ kind: "postgres", url: env.DATABASE_URL });
    expect(resolveMigrationTarget(env)).toEqual({ kind: "postgres", url: env.MIGRATION_DATABASE_URL });
  });

  it("refuses to migrate PostgreSQL through the app's own role", () => {
    expect(() => resolveMigrationTarget({ DATABASE_URL: "postgres://cdmo_app@db/cdmo" })).toThrow(
      /MIGRATION_DATABASE_URL is not/,
    );
    expect(() =>
      resolveMigrationTarget({ DATABASE_URL: "postgres://cdmo_app@db/cdmo", MIGRATION_DATABASE_URL: "mysql://x" }),
    ).toThrow(/MIGRATION_DATABASE_URL must be a postgres/);
  });

  it("the embedded database migrates its own directory", () => {
    expect(resolveMigrationTarget({ PGLITE_DATA_DIR: "/tmp/x" })).toEqual({ kind: "pglite", dataDir: "/tmp/x" });
  });

  it("derives an owner URL on the same server and database, without the app's password", () => {
    expect(withUser("postgres://cdmo_app:secret@127.0.0.1:5432/cdmo_test", "cdmo_owner")).toBe(
      "postgres://cdmo_owner@127.0.0.1:5432/cdmo_test",
    );
  });
});
