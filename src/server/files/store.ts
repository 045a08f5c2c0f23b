import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { TenantDb } from "../db/tenant";
import type { FileBackend, FileConfig } from "./config";
import type { Spooled } from "./spool";

// The two places bytes live (config.ts says which and why):
// - disk: one file per upload at <FILE_STORAGE_DIR>/<organisation id>/<file id>, moved there
//   from the spool by a rename in the transaction that writes its StoredFile row;
// - db: FileChunk rows of CHUNK_BYTES each, written in that same transaction, read back one
//   chunk per short transaction, so a slow download never holds a transaction open.
// Either way the row is the authority: bytes are only ever served after the row was read
// through row-level security. A file's `storage` column says where its bytes are, so changing
// FILE_STORAGE later does not lose older files.

export const CHUNK_BYTES = 256 * 1024;
/** Chunks per INSERT: about 1 MB a statement. */
const CHUNKS_PER_STATEMENT = 4;

type FileRef = { id: string; organizationId: string };
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function diskPath(dir: string, file: FileRef): string {
  if (!SAFE_ID.test(file.id) || !SAFE_ID.test(file.organizationId)) throw new Error("Unexpected file id.");
  return path.join(dir, file.organizationId, file.id);
}

/**
 * Store the spooled bytes of `file` with backend `kind`, inside the caller's transaction.
 * Returns what undoes it should that transaction not commit (removing the disk file; chunk
 * rows roll back with the transaction).
 */
export async function putBytes(
  db: TenantDb,
  kind: FileBackend,
  cfg: FileConfig,
  file: FileRef,
  spooled: Spooled,
): Promise<() => Promise<void>> {
  if (kind === "disk") {
    const dest = diskPath(cfg.dir, file);
    await fs.mkdir(path.dirname(dest), { recursive: true });
    try {
      await fs.rename(spooled.path, dest);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
      await fs.copyFile(spooled.path, dest);
    }
    return () => fs.rm(dest, { force: true });
  }
  const handle = await fs.open(spooled.path, "r");
  try {
    let seq = 0;
    for (let at = 0; at < spooled.size;) {
      const rows: { fileId: string; seq: number; data: Uint8Array<ArrayBuffer> }[] = [];
      while (rows.length < CHUNKS_PER_STATEMENT && at < spooled.size) {
        const buf = Buffer.alloc(Math.min(CHUNK_BYTES, spooled.size - at));
        const { bytesRead } = await handle.read(buf, 0, buf.length, at);
        if (bytesRead !== buf.length) throw new Error("The spooled upload changed while it was stored.");
        rows.push({ fileId: file.id, seq: seq++, data: new Uint8Array(buf) });
        at += buf.length;
      }
      await db.fileChunk.createMany({ data: rows });
    }
  } finally {
    await handle.close();
  }
  return async () => {};
}

/** One chunk of a database-stored file, read through row-level security (null if not visible). */
export async function readChunk(db: TenantDb, fileId: string, seq: number): Promise<Uint8Array | null> {
  const row = await db.fileChunk.findFirst({ where: { fileId, seq }, select: { data: true } });
  return row ? new Uint8Array(row.data) : null;
}

export type StoredRef = FileRef & { size: number; storage: string };

/**
 * The bytes of `file` as a stream. For database storage, `chunk(seq)` reads one chunk in a
 * transaction of its own; `first` is chunk 0 when the caller already read it.
 */
export async function openBytes(
  file: StoredRef,
  cfg: FileConfig,
  chunk: (seq: number) => Promise<Uint8Array | null>,
  first?: Uint8Array | null,
): Promise<ReadableStream<Uint8Array> | null> {
  if (file.storage === "disk") {
    const p = diskPath(cfg.dir, file);
    const stat = await fs.stat(p).catch(() => null);
    if (!stat || stat.size !== file.size) return null;
    return Readable.toWeb(createReadStream(p)) as ReadableStream<Uint8Array>;
  }
  const count = Math.ceil(file.size / CHUNK_BYTES);
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (seq >= count) return controller.close();
        const data = seq === 0 && first ? first : await chunk(seq);
        if (!data) return controller.error(new Error(`File ${file.id}: chunk ${seq} is missing.`));
        seq++;
        controller.enqueue(data);
      },
    },
    { highWaterMark: 1 },
  );
}
