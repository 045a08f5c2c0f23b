import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors/app-error";
import { formatBytes } from "./kinds";
import type { ByteReader } from "./sniff";

// An upload arrives as a stream and is written to a temporary file as it comes, hashed
// (SHA-256) and counted on the way; past the size limit the stream is abandoned and the
// partial file removed, so no upload is ever held in memory and nothing too large is stored.
// Spooling before any database work also means no transaction waits on a slow client.

export type Spooled = { path: string; size: number; sha256: string };

export class FileTooLargeError extends AppError {
  constructor(name: string, maxBytes: number) {
    super("BAD_REQUEST", `${name} is larger than ${formatBytes(maxBytes)}, the largest file accepted.`, {
      field: "file",
    });
  }
}

export async function spool(
  body: ReadableStream<Uint8Array>,
  opts: { dir: string; maxBytes: number; name: string },
): Promise<Spooled> {
  await fs.mkdir(opts.dir, { recursive: true });
  const file = path.join(opts.dir, `${Date.now()}-${randomBytes(8).toString("hex")}.part`);
  const out = await fs.open(file, "wx", 0o600);
  const hash = createHash("sha256");
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > opts.maxBytes) throw new FileTooLargeError(opts.name, opts.maxBytes);
      hash.update(value);
      await out.write(value);
    }
    await out.close();
    return { path: file, size, sha256: hash.digest("hex") };
  } catch (e) {
    await reader.cancel().catch(() => {});
    await out.close().catch(() => {});
    await fs.rm(file, { force: true });
    throw e;
  }
}

/** Random access to a spooled file for the content check; close it when done. */
export async function spooledReader(file: Spooled): Promise<ByteReader & { close(): Promise<void> }> {
  const handle = await fs.open(file.path, "r");
  return {
    size: file.size,
    async read(offset, length) {
      const len = Math.max(0, Math.min(length, file.size - offset));
      const buf = Buffer.alloc(len);
      const { bytesRead } = await handle.read(buf, 0, len, offset);
      return buf.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}
