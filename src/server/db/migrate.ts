/**
 * Prisma migrations without Prisma's native schema engine.
 *
 * `prisma migrate` needs a native engine that cannot be downloaded on our machines, so
 * this module drives the published wasm build of the same engine
 * (`@prisma/schema-engine-wasm`, pinned to the engine hash of our `prisma` version)
 * through driver adapters:
 *
 * - `applyMigrations` = `prisma migrate deploy`: applies `prisma/migrations/<name>/migration.sql`
 *   in order and records them in `_prisma_migrations` (same table, same checksums), on
 *   PGlite or on a real PostgreSQL (through `@prisma/adapter-pg`).
 * - `createMigrationSql` / `checkDrift` = `prisma migrate diff --from-migrations ... --to-schema ...`:
 *   the migrations are replayed on an in-memory PGlite shadow database (hand-written SQL
 *   such as RLS policies, roles, grants and triggers included) and compared with the
 *   Prisma schema.
 *
 * Server/CLI only (reads files, loads wasm). Not for the Next.js bundle.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaContainer, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { appGrantsSql } from "./grants";

// ---------------------------------------------------------------------------------------
// Public API

export type MigrateTarget =
  /** Embedded PGlite: an open instance (left open), or a data directory (opened and closed here; in-memory when omitted). */
  | { kind: "pglite"; dataDir?: string; pglite?: PGlite }
  /** A real PostgreSQL server, e.g. `postgres://user@127.0.0.1:5432/db`. */
  | { kind: "postgres"; url: string };

export interface MigrateOptions {
  /** Directory that relative defaults are resolved against. Default: `process.cwd()`. */
  rootDir?: string;
  /**
   * The Prisma schema: a `.prisma` file or a folder searched recursively for `*.prisma`.
   * Default: `prisma/schema/` when that folder exists, else `prisma/schema.prisma`.
   */
  schemaPath?: string;
  /** The migrations folder (Prisma's layout). Default: `prisma/migrations`. */
  migrationsDir?: string;
  /** SQL run on the shadow database before the migrations (Prisma's `migrations.initShadowDb`). */
  shadowDbInitScript?: string;
  /** Run the application role's grant step after applying (default true). */
  grants?: boolean;
  /** Receives the engine's JSON log lines (default: dropped unless `DEBUG` mentions `migrate`). */
  onLog?: (line: string) => void;
}

export interface DriftResult {
  /** True when the migrations do not produce the schema's datamodel. */
  drift: boolean;
  /** The SQL that would bring the migrations up to the schema ('' when `drift` is false). */
  sql: string;
}

/**
 * Applies the pending migrations to `target`, like `prisma migrate deploy`.
 * Idempotent; returns the names of the migrations applied by this call (oldest first).
 * A failing migration is recorded as failed in `_prisma_migrations` (as Prisma does) and
 * rejects with the database error.
 */
export async function applyMigrations(target: MigrateTarget, options: MigrateOptions = {}): Promise<string[]> {
  const paths = resolvePaths(options);
  const migrationsList = readMigrationsList(paths.migrationsDir, options.shadowDbInitScript);
  return serialized(async () => {
    const db = await openTarget(target);
    try {
      const factory = new ProjectMigrationFactory(db.connect, () => createShadowPGlite());
      const result = await withEngine(factory, [], options, (engine) =>
        engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
      );
      // Every run ends with the application role's grants, pending migrations or not, so no
      // table can be added without them (src/server/db/grants.ts).
      if (options.grants !== false) await db.exec(appGrantsSql({ createRole: target.kind === "pglite" }));
      return result.appliedMigrationNames;
    } finally {
      await db.close();
    }
  });
}

/**
 * The SQL that takes a database built from the migrations folder (empty when there are no
 * migrations) to the current Prisma schema. '' when there is nothing to change.
 */
export async function createMigrationSql(options: MigrateOptions = {}): Promise<string> {
  const paths = resolvePaths(options);
  const files = readSchemaFiles(paths.schemaPath);
  const migrationsList = readMigrationsList(paths.migrationsDir, options.shadowDbInitScript);
  return serialized(async () => {
    // The engine connects to its "main" database on construction, but a diff between
    // the migrations and the datamodel only uses the shadow database: give it the shadow
    // instance for both so we start one PGlite, not two.
    const shadow = await createShadowPGlite();
    try {
      const factory = new ProjectMigrationFactory(
        async () => pgliteAdapter(shadow),
        async () => shadow,
        { closeShadow: false },
      );
      const result = await withEngine(factory, files, options, (engine) =>
        engine.diff({
          from: { tag: "migrations", ...migrationsList },
          to: { tag: "schemaDatamodel", files },
          script: true,
          exitCode: null,
          filters: NO_FILTER,
        }),
      );
      return normalizeDiffScript(result.stdout ?? "");
    } finally {
      await shadow.close();
    }
  });
}

/** Drift between the migrations folder and the Prisma schema (a missing migration). */
export async function checkDrift(options: MigrateOptions = {}): Promise<DriftResult> {
  const sql = await createMigrationSql(options);
  return { drift: sql !== "", sql };
}

/**
 * Writes `<migrationsDir>/<yyyyMMddHHmmss>_<name>/migration.sql` with `sql` (and
 * `migration_lock.toml` when missing). Returns the new migration's directory.
 */
export function writeMigration(name: string, sql: string, options: MigrateOptions = {}, now = new Date()): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error(`Invalid migration name ${JSON.stringify(name)}: use letters, digits and underscores.`);
  const { migrationsDir } = resolvePaths(options);
  fs.mkdirSync(migrationsDir, { recursive: true });
  const lockfile = path.join(migrationsDir, LOCKFILE);
  if (!fs.existsSync(lockfile)) fs.writeFileSync(lockfile, LOCKFILE_CONTENT);
  const dir = path.join(migrationsDir, `${migrationTimestamp(now)}_${slug}`);
  if (fs.existsSync(dir)) throw new Error(`Migration directory ${dir} already exists.`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
  return dir;
}

/** `yyyyMMddHHmmss` in UTC, Prisma's migration directory prefix. */
export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** Resolves the schema/migrations locations, applying the defaults. */
export function resolvePaths(options: MigrateOptions = {}): { schemaPath: string; migrationsDir: string } {
  const root = path.resolve(options.rootDir ?? process.cwd());
  let schemaPath: string;
  if (options.schemaPath) schemaPath = path.resolve(root, options.schemaPath);
  else {
    const dir = path.join(root, "prisma", "schema");
    schemaPath = isDirectory(dir) ? dir : path.join(root, "prisma", "schema.prisma");
  }
  const migrationsDir = path.resolve(root, options.migrationsDir ?? path.join("prisma", "migrations"));
  return { schemaPath, migrationsDir };
}

/** The schema files (one file, or every `*.prisma` below a folder, sorted). */
export function readSchemaFiles(schemaPath: string): SchemaContainer[] {
  if (isDirectory(schemaPath)) {
    const files = fs
      .readdirSync(schemaPath, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".prisma"))
      .sort()
      .map((f) => path.join(schemaPath, f));
    if (files.length === 0) throw new Error(`No *.prisma files in ${schemaPath}.`);
    return files.map((f) => ({ path: f, content: fs.readFileSync(f, "utf8") }));
  }
  if (!fs.existsSync(schemaPath)) throw new Error(`Prisma schema not found: ${schemaPath}.`);
  return [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }];
}

/** The migrations folder in the engine's format (as the Prisma CLI reads it). */
export function readMigrationsList(migrationsDir: string, shadowDbInitScript = ""): MigrationList {
  const lockfilePath = path.join(migrationsDir, LOCKFILE);
  const dirs = isDirectory(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    // The engine needs the provider from the lockfile; this project is PostgreSQL-only, so
    // an absent lockfile (no migrations yet) reads as Prisma's default PostgreSQL one.
    lockfile: {
      path: lockfilePath,
      content: fs.existsSync(lockfilePath) ? fs.readFileSync(lockfilePath, "utf8") : LOCKFILE_CONTENT,
    },
    shadowDbInitScript,
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      let content: MigrationList["migrationDirectories"][number]["migrationFile"]["content"];
      try {
        content = { tag: "ok", value: fs.readFileSync(file, "utf8") };
      } catch (e) {
        content = { tag: "error", value: `Could not read ${file}: ${(e as Error).message}` };
      }
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  };
}

// ---------------------------------------------------------------------------------------
// Engine

type Wasm = typeof SchemaEngineWasm;
type Engine = SchemaEngineWasm.SchemaEngine;

const LOCKFILE = "migration_lock.toml";
const LOCKFILE_CONTENT =
  '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n';
const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

let wasmPromise: Promise<Wasm> | undefined;

/** The wasm schema engine, instantiated once per process. */
function loadWasm(): Promise<Wasm> {
  wasmPromise ??= (async () => {
    // The package is published for bundlers (`import * as wasm from "./x.wasm"`); in Node we
    // instantiate the .wasm ourselves with the JS glue module as its import object.
    const bg: Wasm = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = fs.readFileSync(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  wasmPromise.catch(() => (wasmPromise = undefined));
  return wasmPromise;
}

// One engine operation at a time per process (the engine and PGlite are single-connection).
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

async function withEngine<T>(
  factory: ProjectMigrationFactory,
  files: SchemaContainer[],
  options: MigrateOptions,
  fn: (engine: Engine) => Promise<T>,
): Promise<T> {
  const wasm = await loadWasm();
  const debug = /\bmigrate\b|\*/.test(process.env.DEBUG ?? "");
  const onLog = options.onLog ?? (debug ? (line: string) => console.error(line) : undefined);
  let engine: Engine | undefined;
  try {
    engine = await wasm.SchemaEngine.new(
      { datamodels: files.length ? files.map((f): [string, string] => [f.path, f.content]) : undefined },
      (line: unknown) => onLog?.(String(line)),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return await fn(engine);
  } catch (e) {
    throw toError(e);
  } finally {
    engine?.free();
    await factory.disposeAll();
  }
}

/** Engine errors arrive as plain objects or strings; make them Errors with a readable message. */
function toError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (typeof e === "string") return new Error(e);
  if (e && typeof e === "object") {
    const o = e as { message?: unknown; error?: unknown; meta?: unknown };
    const msg = typeof o.message === "string" ? o.message : typeof o.error === "string" ? o.error : JSON.stringify(e);
    return Object.assign(new Error(msg), { cause: e });
  }
  return new Error(String(e));
}

/** The engine prints a comment for an empty diff; report that as ''. */
function normalizeDiffScript(script: string): string {
  const meaningful = script
    .split("\n")
    .map((l) => l.trim())
    .some((l) => l !== "" && !l.startsWith("--"));
  return meaningful ? script.trim() + "\n" : "";
}

// ---------------------------------------------------------------------------------------
// Databases and adapters

interface OpenTarget {
  connect: () => Promise<SqlDriverAdapter>;
  /** Run a script on the target as the migrating role, outside the engine. */
  exec: (sql: string) => Promise<void>;
  close: () => Promise<void>;
}

async function openTarget(target: MigrateTarget): Promise<OpenTarget> {
  if (target.kind === "pglite") {
    if (target.pglite) {
      const db = target.pglite;
      return { connect: async () => pgliteAdapter(db), exec: pgliteExec(db), close: async () => {} };
    }
    if (target.dataDir) fs.mkdirSync(path.dirname(path.resolve(target.dataDir)), { recursive: true });
    const db = await PGlite.create(target.dataDir ? { dataDir: target.dataDir } : {});
    return { connect: async () => pgliteAdapter(db), exec: pgliteExec(db), close: () => db.close() };
  }
  if (target.kind === "postgres") {
    // max: 1 keeps the engine's session (advisory lock, search_path) on one connection.
    const factory = new PrismaPg({ connectionString: target.url, max: 1 });
    const exec = async (sql: string) => {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    return { connect: async () => pgAdapter(await factory.connect()), exec, close: async () => {} };
  }
  throw new Error(`Unknown migrate target ${JSON.stringify(target)}`);
}

/** PGlite may have been switched to the app role by a client on the same instance (tests): run as the superuser. */
function pgliteExec(db: PGlite) {
  return async (sql: string) => {
    const [{ role } = { role: "none" }] = (await db.query<{ role: string }>("SELECT current_setting('role') AS role"))
      .rows;
    await db.exec("RESET ROLE");
    try {
      await db.exec(sql);
    } finally {
      if (role !== "none") await db.exec(`SET ROLE "${role.replace(/"/g, '""')}"`);
    }
  };
}

/**
 * The published adapters' `executeScript` does not suit migration scripts:
 * - pglite-prisma-adapter 0.7 does not await `exec()`, so a failing migration is reported as
 *   applied and its error surfaces as an unhandled rejection;
 * - @prisma/adapter-pg splits the script on every ";", which breaks `DO $$ ... $$` blocks,
 *   plpgsql function bodies and string literals, and runs each piece on any pool connection.
 * Both are replaced by one simple-protocol query with the whole script, which is what the
 * native engine does (PostgreSQL runs it as one implicit transaction).
 */
function pgliteAdapter(db: PGlite): Promise<SqlDriverAdapter> {
  return new PrismaPGlite(db).connect().then((adapter) => wholeScript(adapter, (sql) => db.exec(sql)));
}

function pgAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const pool = (
    adapter as unknown as { underlyingDriver(): { query(sql: string): Promise<unknown> } }
  ).underlyingDriver();
  return wholeScript(adapter, (sql) => pool.query(sql));
}

function wholeScript(adapter: SqlDriverAdapter, run: (sql: string) => Promise<unknown>): SqlDriverAdapter {
  const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (e) {
      onError(e); // converts the driver's error into a DriverAdapterError and throws it
    }
  };
  return adapter;
}

/** A fresh in-memory PGlite. The first is built by initdb (~2-3 s); later ones are restored from its dump (~0.4 s). */
let shadowTemplate: Promise<Blob> | undefined;
async function createShadowPGlite(): Promise<PGlite> {
  if (!shadowTemplate) {
    const first = await PGlite.create();
    shadowTemplate = first.dumpDataDir("none").then((blob) => blob as Blob);
    shadowTemplate.catch(() => (shadowTemplate = undefined));
    try {
      await shadowTemplate;
    } catch (e) {
      await first.close();
      throw e;
    }
    return first;
  }
  return PGlite.create({ loadDataDir: await shadowTemplate });
}

/**
 * The driver adapter factory given to the engine: the target database for `connect()`, and
 * a fresh in-memory PGlite for `connectToShadowDb()` (always PGlite, also when the target
 * is PostgreSQL: the shadow only replays the migrations). Every connection it hands out is
 * disposed, and every shadow database closed, by `disposeAll()`.
 */
class ProjectMigrationFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "cdmo-migrate";
  private cleanups: Array<() => Promise<void>> = [];

  constructor(
    private readonly connectMain: () => Promise<SqlDriverAdapter>,
    private readonly openShadow: () => Promise<PGlite>,
    private readonly opts: { closeShadow: boolean } = { closeShadow: true },
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await this.connectMain());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const db = await this.openShadow();
    if (this.opts.closeShadow) this.cleanups.push(() => db.close());
    return this.track(await pgliteAdapter(db));
  }

  /** Makes `dispose()` idempotent (the engine may call it too) and remembers the adapter. */
  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => (disposed ??= dispose());
    this.cleanups.unshift(() => adapter.dispose());
    return adapter;
  }

  async disposeAll(): Promise<void> {
    const cleanups = this.cleanups;
    this.cleanups = [];
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
