import os from "node:os";
import path from "node:path";
import { resolveDbTarget } from "../db/config";
import { env, type Env } from "../env";

// Where uploaded bytes live. On the embedded database (one machine by definition) they go to
// local disk beside it; on PostgreSQL they go into the database itself (FileChunk rows), so any
// number of app servers on any machines serve the same files and a database backup holds them.
// FILE_STORAGE overrides the choice.

export type FileBackend = "disk" | "db";
export type FileConfig = {
  backend: FileBackend;
  /** The disk backend's directory (also holds the disk backend's uploads in progress). */
  dir: string;
  /** Where uploads are spooled while they arrive and are checked. */
  spoolDir: string;
  maxBytes: number;
};

export function fileConfig(e: Env = env(), source: Record<string, string | undefined> = process.env): FileConfig {
  const target = resolveDbTarget(source);
  const backend: FileBackend = e.FILE_STORAGE ?? (target.kind === "postgres" ? "db" : "disk");
  const besideDatabase =
    target.kind === "postgres"
      ? path.join(process.cwd(), ".data", "files")
      : target.dataDir.startsWith("memory://")
        ? path.join(os.tmpdir(), "cdmo-files") // an in-memory database (tests) keeps nothing either
        : path.join(path.dirname(target.dataDir), "files");
  const dir = path.resolve(e.FILE_STORAGE_DIR ?? besideDatabase);
  return {
    backend,
    dir,
    // Spool next to the files on disk, so storing is a rename on the same file system.
    spoolDir: backend === "disk" ? path.join(dir, ".incoming") : path.join(os.tmpdir(), "cdmo-uploads"),
    maxBytes: e.FILE_MAX_BYTES,
  };
}
