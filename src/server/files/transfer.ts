import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { z } from "zod";
import type { SessionUser } from "../auth/sessions";
import { consume } from "../auth/rate-limit";
import { log } from "../log";
import { asMember, asResolvedMember } from "../db/member-tx";
import type { Membership } from "../db/tenant";
import { zId, zSlug } from "../validation";
import { acceptedKind } from "./accept";
import { fileConfig, type FileConfig } from "./config";
import { FILE_KIND_INFO } from "./kinds";
import {
  checkUploadTarget,
  findReadableFile,
  recordUpload,
  ZUploadTarget,
  zFileName,
  type FileOrg,
  type FileView,
} from "./service";
import { sniff } from "./sniff";
import { FileTooLargeError, spool, spooledReader } from "./spool";
import { openBytes, putBytes, readChunk } from "./store";

// Upload and download as the route handlers run them (src/app/api/files/...): the caller is
// resolved exactly as for a tRPC procedure (session, then membership by the organisation's slug
// with the RLS settings, db/member-tx.ts); permissions come from the same table.
//
// Upload: check the target (cheap, so a refused caller sends no bytes to disk), spool the body to
// a temporary file while hashing and counting (aborting past the limit), check the content, then
// in ONE transaction re-check the target with its row locked, store the bytes, write the row and
// the audit entry. No transaction is open while the client is still sending.

const orgOf = (m: Membership): FileOrg => ({ id: m.orgId, kind: m.kind, role: m.role });
const newFileId = () => `f${randomBytes(12).toString("hex")}`;

export const ZUploadParams = ZUploadTarget.and(z.object({ orgSlug: zSlug, name: zFileName }));

export async function uploadFile(opts: {
  user: SessionUser;
  params: unknown;
  body: ReadableStream<Uint8Array> | null;
  declaredLength?: number | null;
  now?: () => Date;
  config?: FileConfig;
}): Promise<FileView> {
  const now = opts.now ?? (() => new Date());
  const cfg = opts.config ?? fileConfig();
  const { orgSlug, name, ...rest } = ZUploadParams.parse(opts.params);
  const target = ZUploadTarget.parse(rest);
  if (opts.declaredLength && opts.declaredLength > cfg.maxBytes) throw new FileTooLargeError(name, cfg.maxBytes);
  await consume("fileUpload", opts.user.id);
  await asMember(opts.user.id, orgSlug, (m, db) => checkUploadTarget(db, orgOf(m), target, now(), { lock: false }));

  const empty = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  const spooled = await spool(opts.body ?? empty, { dir: cfg.spoolDir, maxBytes: cfg.maxBytes, name });
  let undo: (() => Promise<void>) | undefined;
  try {
    const reader = await spooledReader(spooled);
    const content = await sniff(reader).finally(() => reader.close());
    const actor = { id: opts.user.id, email: opts.user.email };
    return await asMember(opts.user.id, orgSlug, async (m, db) => {
      const org = orgOf(m);
      const checked = await checkUploadTarget(db, org, target, now(), { lock: true });
      const kind = acceptedKind(name, content, checked.accept);
      const id = newFileId();
      // The row first: a chunk may only point at an existing file of its organisation (RLS).
      const file = await recordUpload(db, org, actor, target, checked, {
        id,
        fileName: name,
        contentType: FILE_KIND_INFO[kind].mime,
        size: spooled.size,
        sha256: spooled.sha256,
        storage: cfg.backend,
      });
      undo = await putBytes(db, cfg.backend, cfg, { id, organizationId: m.orgId }, spooled);
      return file;
    });
  } catch (e) {
    await undo?.().catch(() => {});
    throw e;
  } finally {
    await fs.rm(spooled.path, { force: true });
  }
}

export const ZDownloadParams = z.object({ orgSlug: zSlug, fileId: zId });

export type Download = { file: FileView; body: ReadableStream<Uint8Array> };

/**
 * The file and a stream of its bytes, if the user, acting in `orgSlug`, may read it now; null
 * otherwise (unknown id, another organisation's file not shared with this one, a sealed
 * answer, a non-member), so a caller cannot tell "exists" from "not yours".
 */
export async function openDownload(opts: {
  user: SessionUser;
  params: unknown;
  now?: () => Date;
  config?: FileConfig;
}): Promise<Download | null> {
  const now = opts.now ?? (() => new Date());
  const cfg = opts.config ?? fileConfig();
  const parsed = ZDownloadParams.safeParse(opts.params);
  if (!parsed.success) return null;
  const { orgSlug, fileId } = parsed.data;
  let member: Membership | undefined;
  const found = await asMember(opts.user.id, orgSlug, async (m, db) => {
    member = m;
    const file = await findReadableFile(db, orgOf(m), fileId, now());
    if (!file) return null;
    const first = file.storage === "db" ? await readChunk(db, file.id, 0) : null;
    return { file, first };
  }).catch((e: unknown) => {
    if ((e as { code?: string }).code === "NOT_FOUND") return null; // not a member of that organisation
    throw e;
  });
  if (!found || !member) return null;
  const m = member;
  const { file, first } = found;
  const body = await openBytes(
    file,
    cfg,
    (seq) => asResolvedMember(m, opts.user.id, (db) => readChunk(db, file.id, seq)),
    first,
  );
  if (!body) {
    log.error(
      { fileId: file.id, storage: file.storage, orgId: file.organizationId, userId: opts.user.id },
      "A file has a row but its bytes are missing",
    );
    return null;
  }
  const { organizationId, storage: _storage, ...rest } = file;
  return { file: { ...rest, own: organizationId === m.orgId }, body };
}
