import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { OWNER_ROLE, type DbTarget } from "./config";

// Backups of the whole database, and restoring one (`npm run db:backup` / `npm run db:restore`).
//
// PostgreSQL: pg_dump's custom format, taken while the app runs (a dump is one consistent
// snapshot); it carries the schema, row-level security, grants, the job queue and every row.
// Every row means a role that row-level security does not filter: the tables force it even on
// their owner, so BACKUP_DATABASE_URL names a superuser or a BYPASSRLS role (backupTarget). Restoring runs pg_restore in one transaction, so a restore
// that fails leaves the database as it was.
// PGlite: a gzipped tar of the data directory (PGlite's own dumpDataDir). PGlite is one process
// at a time: stop the app first. Restoring writes a fresh directory; one that exists is moved
// aside (never deleted) with --replace.
// A restore refuses to write over a database (PGlite: unless told to, --replace, which moves the
// old directory aside), and a backup of the other kind.

export type BackupKind = "postgres" | "pglite";

export class BackupError extends Error {}

const PG_DUMP_MAGIC = Buffer.from("PGDMP");
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** Which kind of backup a file is, from its first bytes; null when it is neither. */
export function backupKindOf(file: string): BackupKind | null {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.subarray(0, 5).equals(PG_DUMP_MAGIC)) return "postgres";
    if (head.subarray(0, 2).equals(GZIP_MAGIC)) return "pglite";
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where db:backup and db:restore connect: BACKUP_DATABASE_URL on PostgreSQL (a role that reads
 * past row-level security, e.g. postgres://postgres@host/db), the PGlite directory otherwise.
 */
export function backupTarget(
  migrationTarget: DbTarget,
  env: Record<string, string | undefined> = process.env,
): DbTarget {
  if (migrationTarget.kind === "pglite") return migrationTarget;
  const url = env.BACKUP_DATABASE_URL?.trim();
  if (!url)
    throw new BackupError(
      "on PostgreSQL set BACKUP_DATABASE_URL to a role that row-level security does not filter (a superuser or " +
        "BYPASSRLS, e.g. postgres://postgres@host/db): the tables force it even on their owner, so any other role's dump would miss rows",
    );
  return { kind: "postgres", url };
}

const RLS_REFUSED = /row-level security/i;

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) =>
      reject(
        new BackupError(
          (e as NodeJS.ErrnoException).code === "ENOENT"
            ? `${cmd} is not installed (Debian: apt-get install postgresql-client, the server's major version)`
            : e.message,
        ),
      ),
    );
    child.on("close", (code) => {
      if (code === 0) return resolve();
      const hint = RLS_REFUSED.test(stderr) ? " (BACKUP_DATABASE_URL must be a superuser or a BYPASSRLS role)" : "";
      reject(new BackupError(`${cmd} failed (exit ${code})${hint}: ${stderr.trim().slice(0, 2000)}`));
    });
  });
}

/** Write a backup of `target` to `outFile` (created with mode 600: it holds every organisation's data). */
export async function backupDatabase(target: DbTarget, outFile: string): Promise<{ kind: BackupKind; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  if (target.kind === "postgres") {
    await run("pg_dump", ["--format=custom", "--compress=6", `--file=${outFile}`, `--dbname=${target.url}`]);
    fs.chmodSync(outFile, 0o600);
  } else {
    if (!fs.existsSync(path.join(target.dataDir, "PG_VERSION")))
      throw new BackupError(`there is no PGlite database in ${target.dataDir}`);
    const db = new PGlite({ dataDir: target.dataDir });
    try {
      await db.waitReady; // dumpDataDir does not wait for it, and never settles when called early
      const blob = await db.dumpDataDir("gzip");
      fs.writeFileSync(outFile, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
    } finally {
      await db.close();
    }
  }
  return { kind: target.kind, bytes: fs.statSync(outFile).size };
}

async function publicTableCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`);
    return Number(rows[0]!.n);
  } finally {
    await c.end();
  }
}

/**
 * Restore `file` into `target`: a PostgreSQL database without tables, or a PGlite directory that
 * does not exist or is empty (or, with `replace`, one that is moved aside first).
 * Returns where a replaced PGlite directory was moved.
 */
export async function restoreDatabase(
  target: DbTarget,
  file: string,
  options: { replace?: boolean; now?: Date } = {},
): Promise<{ movedAside?: string }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  const kind = backupKindOf(file);
  if (kind === null) throw new BackupError(`${file} is not a backup made by db:backup`);
  if (kind !== target.kind) {
    throw new BackupError(
      `${file} is a ${kind === "postgres" ? "PostgreSQL" : "PGlite"} backup and the target is ` +
        `${target.kind === "postgres" ? "PostgreSQL (MIGRATION_DATABASE_URL)" : "PGlite (no DATABASE_URL)"}`,
    );
  }
  if (target.kind === "postgres") {
    // Into an empty database only: pg_restore --clean cannot drop the job queue's partitioned
    // tables, and restoring beside the old one then switching DATABASE_URL keeps the old one.
    const tables = await publicTableCount(target.url);
    if (tables > 0)
      throw new BackupError(
        `the database already has ${tables} tables: create an empty database (owner ${OWNER_ROLE}), restore into it, then point DATABASE_URL at it`,
      );
    await run("pg_restore", ["--single-transaction", "--exit-on-error", `--dbname=${target.url}`, file]);
    return {};
  }
  const dir = target.dataDir;
  let movedAside: string | undefined;
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    if (!options.replace)
      throw new BackupError(`${dir} already holds a database: stop the app and pass --replace (it is moved aside)`);
    movedAside = `${dir}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(dir, movedAside);
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const db = new PGlite({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]) });
  try {
    await db.waitReady;
    await db.query("SELECT count(*) FROM _prisma_migrations"); // it opens and is one of ours
  } catch (e) {
    await db.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    if (movedAside) fs.renameSync(movedAside, dir);
    throw new BackupError(`the backup could not be opened: ${(e as Error).message}`);
  }
  await db.close();
  return { movedAside };
}
