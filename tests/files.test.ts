import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant, type TenantDb } from "@/server/db/tenant";
import { AppError } from "@/server/errors/app-error";
import { resetEnvForTests } from "@/server/env";
import type { FileConfig } from "@/server/files/config";
import { handleDownload, handleUpload, UPLOAD_HEADER } from "@/server/files/http";
import { openDownload, uploadFile } from "@/server/files/transfer";
import { CHUNK_BYTES } from "@/server/files/store";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeUser, type TestUser } from "./helpers/actors";
import {
  FILE_QUESTION,
  PDF_ONLY_QUESTION,
  TEXT_QUESTION,
  inviteWithDraft,
  makeOrgWithOwner,
  makeRfp,
  setRfpStatus,
  submitResponse,
  type Org,
} from "./helpers/rfp-world";
import { docx, EXE_BYTES, PDF_BYTES, PNG_BYTES, xlsx } from "./helpers/zip";

// Files end to end below the HTTP layer (and through it for status codes): both storage
// backends round-trip bytes and SHA-256 on this database; limits and content checks refuse
// before anything is stored; reading follows the RFP share rules and the sealed-bid rule, and
// answers 404-alike (null) for everything else.

let t: TestDb;
let sponsor: Org;
let cdmo: Org;
let stranger: Org;
let viewer: TestUser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdmo-files-test-"));
const cfg = (backend: "disk" | "db", maxBytes = 25 * 1024 * 1024): FileConfig => ({
  backend,
  dir: path.join(tmp, "store"),
  spoolDir: path.join(tmp, backend === "disk" ? "store/.incoming" : "spool"),
  maxBytes,
});

const stream = (bytes: Uint8Array) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      // In pieces, as a network body arrives.
      for (let at = 0; at < bytes.length; at += 64 * 1024) c.enqueue(bytes.subarray(at, at + 64 * 1024));
      c.close();
    },
  });
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
async function readAll(s: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const p of s as unknown as AsyncIterable<Uint8Array>) parts.push(p);
  return Buffer.concat(parts);
}

const attach = (org: Org, rfpId: string, name: string, bytes: Uint8Array, c = cfg("disk"), user = org.owner) =>
  uploadFile({
    user,
    params: { orgSlug: org.slug, purpose: "RFP_ATTACHMENT", rfpId, name },
    body: stream(bytes),
    config: c,
  });
const answer = (
  org: Org,
  responseId: string,
  name: string,
  bytes: Uint8Array,
  c = cfg("db"),
  questionId = FILE_QUESTION,
) =>
  uploadFile({
    user: org.owner,
    params: { orgSlug: org.slug, purpose: "RESPONSE_ANSWER", responseId, questionId, name },
    body: stream(bytes),
    config: c,
  });
const download = (user: TestUser, orgSlug: string, fileId: string, now?: Date, c = cfg("disk")) =>
  openDownload({ user, params: { orgSlug, fileId }, config: c, now: now ? () => now : undefined });

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return `${e.code}: ${e.message}`;
    if (e instanceof TRPCError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return "accepted";
}

/** The sponsor's own rows, read as the sponsor (on PostgreSQL even the owner role is bound by the policies). */
const asSponsor = async <T>(fn: (db: TenantDb) => Promise<T>) => withTenant(await getDb(), { orgId: sponsor.id }, fn);
const countRows = (model: "StoredFile" | "FileChunk") =>
  asSponsor((db) => (model === "StoredFile" ? db.storedFile.count() : db.fileChunk.count()));
const filesOnDisk = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? filesOnDisk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    : [];

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeOrgWithOwner("SPONSOR", "helix");
  cdmo = await makeOrgWithOwner("CDMO", "northbridge");
  stranger = await makeOrgWithOwner("CDMO", "mallory");
  viewer = await makeUser("helix-viewer");
  await addMember(sponsor.id, viewer, "VIEWER");
});
afterAll(async () => {
  await t?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`files (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("both backends store and return the same bytes and SHA-256, the db backend in 256 KB chunks", async () => {
    const rfpId = await makeRfp(sponsor);
    const big = Buffer.concat([PDF_BYTES, randomBytes(CHUNK_BYTES * 2 + 1234)]);
    for (const backend of ["disk", "db"] as const) {
      const before = await countRows("FileChunk");
      const file = await attach(sponsor, rfpId, `spec-${backend}.pdf`, big, cfg(backend));
      expect(file).toMatchObject({ size: big.length, sha256: sha(big), contentType: "application/pdf", own: true });
      expect((await countRows("FileChunk")) - before).toBe(backend === "db" ? 3 : 0);
      const got = await download(sponsor.owner, sponsor.slug, file.id, undefined, cfg(backend));
      expect(got).not.toBeNull();
      const bytes = await readAll(got!.body);
      expect(bytes.length).toBe(big.length);
      expect(sha(bytes)).toBe(sha(big));
    }
    expect(filesOnDisk(path.join(tmp, "store", sponsor.id))).toHaveLength(1);
  });

  it("accepts Word, Excel, PNG and CSV by content, and stores the type it found, not the browser's", async () => {
    const rfpId = await makeRfp(sponsor);
    expect((await attach(sponsor, rfpId, "scope.docx", docx())).contentType).toMatch(/wordprocessingml/);
    expect((await attach(sponsor, rfpId, "volumes.xlsx", xlsx())).contentType).toMatch(/spreadsheetml/);
    expect((await attach(sponsor, rfpId, "site.png", PNG_BYTES)).contentType).toBe("image/png");
    expect((await attach(sponsor, rfpId, "lots.csv", Buffer.from("lot,litres\n1,2000\n"))).contentType).toBe(
      "text/csv; charset=utf-8",
    );
    const list = await callerFor(sponsor.owner).file.list({ orgSlug: sponsor.slug, rfpId });
    expect(list.map((f) => f.fileName)).toEqual(["scope.docx", "volumes.xlsx", "site.png", "lots.csv"]);
  });

  it("refuses a file over the limit without storing anything, in either backend", async () => {
    const rfpId = await makeRfp(sponsor);
    const [files, chunks] = [await countRows("StoredFile"), await countRows("FileChunk")];
    const onDisk = filesOnDisk(path.join(tmp, "store")).length;
    for (const backend of ["disk", "db"] as const) {
      const tooBig = Buffer.concat([PDF_BYTES, randomBytes(10_000)]);
      expect(await refusal(attach(sponsor, rfpId, "huge.pdf", tooBig, cfg(backend, 8 * 1024)))).toBe(
        "BAD_REQUEST: huge.pdf is larger than 8 KB, the largest file accepted.",
      );
    }
    expect([await countRows("StoredFile"), await countRows("FileChunk")]).toEqual([files, chunks]);
    expect(filesOnDisk(path.join(tmp, "store")).length).toBe(onDisk);
    expect(filesOnDisk(path.join(tmp, "spool"))).toEqual([]);
  });

  it("refuses a renamed executable by its content, and an unaccepted extension by name", async () => {
    const rfpId = await makeRfp(sponsor);
    const files = await countRows("StoredFile");
    expect(await refusal(attach(sponsor, rfpId, "report.pdf", EXE_BYTES))).toBe(
      "BAD_REQUEST: report.pdf is not a PDF document by its content; only PDF, Word, Excel, CSV, text, PNG and JPEG files are accepted.",
    );
    expect(await refusal(attach(sponsor, rfpId, "report.exe", EXE_BYTES))).toBe(
      "BAD_REQUEST: report.exe: only PDF, Word, Excel, CSV, text, PNG and JPEG files are accepted.",
    );
    expect(await refusal(attach(sponsor, rfpId, "notes.txt", Buffer.from("a\u0000b")))).toMatch(/not a text file/);
    expect(await countRows("StoredFile")).toBe(files);
    expect(filesOnDisk(path.join(tmp, "store", ".incoming"))).toEqual([]);
  });

  it("only sponsor writers attach, only to their own RFP while it is a draft or published", async () => {
    const rfpId = await makeRfp(sponsor);
    expect(
      await refusal(
        uploadFile({
          user: viewer,
          params: { orgSlug: sponsor.slug, purpose: "RFP_ATTACHMENT", rfpId, name: "a.pdf" },
          body: stream(PDF_BYTES),
          config: cfg("disk"),
        }),
      ),
    ).toBe("FORBIDDEN: This needs the owner, admin or evaluator role.");
    // Another organisation's RFP id, as its own org: the RFP does not exist for it.
    expect(await refusal(attach(stranger, rfpId, "a.pdf", PDF_BYTES))).toMatch(/^FORBIDDEN: Only the sponsor/);
    const other = await makeOrgWithOwner("SPONSOR", "rival");
    expect(await refusal(attach(other, rfpId, "a.pdf", PDF_BYTES))).toBe("NOT_FOUND: RFP not found.");
    // Not a member of the sponsor at all: the organisation does not exist for them.
    expect(await refusal(attach({ ...sponsor, owner: other.owner }, rfpId, "a.pdf", PDF_BYTES))).toBe(
      "NOT_FOUND: Organisation not found.",
    );
    await setRfpStatus(sponsor, rfpId, { status: "CANCELLED" });
    expect(await refusal(attach(sponsor, rfpId, "a.pdf", PDF_BYTES))).toBe(
      "CONFLICT: Attachments can no longer change: this RFP is cancelled.",
    );
  });

  it("invitees read a published RFP's attachments; nobody else does, and a draft's are not shared", async () => {
    const rfpId = await makeRfp(sponsor);
    const file = await attach(sponsor, rfpId, "scope.pdf", PDF_BYTES);
    await inviteWithDraft(sponsor, cdmo, rfpId);
    // Still a draft: the invitee sees neither the RFP nor its files.
    expect(await download(cdmo.owner, cdmo.slug, file.id)).toBeNull();
    expect(await callerFor(cdmo.owner).file.list({ orgSlug: cdmo.slug, rfpId })).toEqual([]);
    await setRfpStatus(sponsor, rfpId, { status: "PUBLISHED" });
    const got = await download(cdmo.owner, cdmo.slug, file.id);
    expect(sha(await readAll(got!.body))).toBe(sha(PDF_BYTES));
    expect(got!.file.own).toBe(false);
    const list = await callerFor(cdmo.owner).file.list({ orgSlug: cdmo.slug, rfpId });
    expect(list.map((f) => [f.id, f.own])).toEqual([[file.id, false]]);
    // A CDMO that was not invited, in its own organisation or in the sponsor's (not a member).
    expect(await download(stranger.owner, stranger.slug, file.id)).toBeNull();
    expect(await download(stranger.owner, sponsor.slug, file.id)).toBeNull();
    expect(await callerFor(stranger.owner).file.list({ orgSlug: stranger.slug, rfpId })).toEqual([]);
    // An invitee cannot remove the sponsor's file.
    expect(await refusal(callerFor(cdmo.owner).file.remove({ orgSlug: cdmo.slug, fileId: file.id }))).toBe(
      "NOT_FOUND: File not found.",
    );
  });

  it("answer files: the CDMO's own draft only, a file question only, within the question's kinds", async () => {
    const rfpId = await makeRfp(sponsor, { status: "PUBLISHED" });
    const { responseId } = await inviteWithDraft(sponsor, cdmo, rfpId);
    const file = await answer(cdmo, responseId, "quote.pdf", PDF_BYTES);
    expect(file).toMatchObject({ purpose: "RESPONSE_ANSWER", responseId, questionId: FILE_QUESTION, own: true });
    expect(await refusal(answer(cdmo, responseId, "notes.pdf", PDF_BYTES, cfg("db"), TEXT_QUESTION))).toBe(
      "BAD_REQUEST: This question does not take files.",
    );
    expect(await refusal(answer(cdmo, responseId, "cert.png", PNG_BYTES, cfg("db"), PDF_ONLY_QUESTION))).toBe(
      "BAD_REQUEST: cert.png: only PDF files are accepted.",
    );
    expect(await refusal(answer(stranger, responseId, "quote.pdf", PDF_BYTES))).toBe("NOT_FOUND: Response not found.");
    expect(await refusal(answer(sponsor, responseId, "quote.pdf", PDF_BYTES))).toMatch(/^FORBIDDEN: Only the CDMO/);
    // The sponsor cannot read a draft response's file, nor list it.
    expect(await download(sponsor.owner, sponsor.slug, file.id)).toBeNull();
    expect(await callerFor(sponsor.owner).file.list({ orgSlug: sponsor.slug, responseId })).toEqual([]);
    // The CDMO removes its own draft file (soft delete, audited) ...
    const extra = await answer(cdmo, responseId, "old.pdf", PDF_BYTES);
    await callerFor(cdmo.owner).file.remove({ orgSlug: cdmo.slug, fileId: extra.id });
    expect(await download(cdmo.owner, cdmo.slug, extra.id)).toBeNull();
    const listed = await callerFor(cdmo.owner).file.list({ orgSlug: cdmo.slug, responseId });
    expect(listed.map((f) => f.id)).toEqual([file.id]);
    // ... and once submitted, nothing changes any more, and the sponsor reads it.
    await submitResponse(cdmo, responseId);
    expect(await refusal(answer(cdmo, responseId, "late.pdf", PDF_BYTES))).toBe(
      "CONFLICT: This response has been submitted; its files can no longer change.",
    );
    expect(await refusal(callerFor(cdmo.owner).file.remove({ orgSlug: cdmo.slug, fileId: file.id }))).toBe(
      "CONFLICT: This response has been submitted; its files can no longer change.",
    );
    const got = await download(sponsor.owner, sponsor.slug, file.id, undefined, cfg("db"));
    expect(sha(await readAll(got!.body))).toBe(sha(PDF_BYTES));
    expect(await download(viewer, sponsor.slug, file.id, undefined, cfg("db"))).not.toBeNull();
    expect(await download(stranger.owner, stranger.slug, file.id)).toBeNull();
  });

  it("a sealed RFP's answer files stay hidden from the sponsor until the due date, and with a committee until two open", async () => {
    const due = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const after = new Date(due.getTime() + 60_000);
    for (const committeeOpening of [false, true]) {
      const rfpId = await makeRfp(sponsor, { status: "PUBLISHED", dueAt: due, sealed: true, committeeOpening });
      const { responseId } = await inviteWithDraft(sponsor, cdmo, rfpId);
      const file = await answer(cdmo, responseId, "price-breakdown.xlsx", xlsx());
      await submitResponse(cdmo, responseId);
      expect(await download(sponsor.owner, sponsor.slug, file.id)).toBeNull();
      expect(await callerFor(sponsor.owner).file.list({ orgSlug: sponsor.slug, responseId })).toEqual([]);
      // The CDMO still sees its own.
      expect(await download(cdmo.owner, cdmo.slug, file.id, undefined, cfg("db"))).not.toBeNull();
      const afterDue = await download(sponsor.owner, sponsor.slug, file.id, after, cfg("db"));
      expect(afterDue !== null).toBe(!committeeOpening);
      if (afterDue) expect(sha(await readAll(afterDue.body))).toBe(sha(xlsx()));
      if (committeeOpening) {
        await withTenant(await getDb(), { orgId: sponsor.id }, async (db) => {
          await db.bidOpening.create({ data: { rfpId, round: 1, userId: sponsor.owner.id, at: after } });
        });
        expect(await download(sponsor.owner, sponsor.slug, file.id, after, cfg("db"))).toBeNull();
        await asSponsor((db) => db.bidOpening.create({ data: { rfpId, round: 1, userId: viewer.id, at: after } }));
        expect(await download(sponsor.owner, sponsor.slug, file.id, after, cfg("db"))).not.toBeNull();
      }
    }
  });

  it("attachment changes of a published RFP are recorded and announced to invitees, and audited; a closed RFP's stay", async () => {
    const rfpId = await makeRfp(sponsor, { status: "PUBLISHED" });
    const invitee = await makeOrgWithOwner("CDMO", "invitee");
    await inviteWithDraft(sponsor, invitee, rfpId);
    const file = await attach(sponsor, rfpId, "old-scope.pdf", PDF_BYTES);
    await callerFor(sponsor.owner).file.remove({ orgSlug: sponsor.slug, fileId: file.id });
    const changes = await asSponsor((db) =>
      db.rfpChange.findMany({ where: { rfpId }, orderBy: { at: "asc" }, select: { summary: true } }),
    );
    expect(changes.map((c) => c.summary)).toEqual([
      ["Attachment added: old-scope.pdf"],
      ["Attachment removed: old-scope.pdf"],
    ]);
    const audit = await asSponsor((db) =>
      db.auditEvent.findMany({ where: { entityId: file.id }, orderBy: { at: "asc" }, select: { action: true } }),
    );
    expect(audit.map((a) => a.action)).toEqual(["file.upload", "file.remove"]);
    const told = await callerFor(invitee.owner).notification.list({ cursor: null, limit: 20, unreadOnly: true });
    expect(told.items.map((n) => [n.kind, n.title])).toEqual([
      ["RFP_CHANGED", "RFP changed: Drug substance for HX-101"],
      ["RFP_CHANGED", "RFP changed: Drug substance for HX-101"],
    ]);
    expect(told.items.map((n) => n.body).join("\n")).toMatch(/Attachment removed: old-scope\.pdf/);
    const kept = await attach(sponsor, rfpId, "scope.pdf", PDF_BYTES);
    await setRfpStatus(sponsor, rfpId, { dueAt: new Date(Date.now() - 1000) });
    expect(await refusal(callerFor(sponsor.owner).file.remove({ orgSlug: sponsor.slug, fileId: kept.id }))).toBe(
      "CONFLICT: Attachments can no longer change: this RFP is closed.",
    );
  });
});

describe(`file routes over HTTP (${process.env.TEST_DB ?? "pglite"})`, () => {
  const base = "http://localhost/api/files";
  beforeAll(() => {
    process.env.FILE_STORAGE_DIR = path.join(tmp, "http");
    process.env.FILE_MAX_BYTES = String(64 * 1024);
    resetEnvForTests();
  });
  afterAll(() => {
    delete process.env.FILE_STORAGE_DIR;
    delete process.env.FILE_MAX_BYTES;
    resetEnvForTests();
  });
  const post = (
    query: Record<string, string>,
    body: Uint8Array,
    headers: Record<string, string> = { [UPLOAD_HEADER]: "1" },
  ) =>
    new Request(`${base}?${new URLSearchParams(query)}`, {
      method: "POST",
      body: new Uint8Array(body),
      headers,
      ...({ duplex: "half" } as object),
    });

  it("uploads with 201, downloads as an attachment with nosniff and private caching, and answers 404 to others", async () => {
    const rfpId = await makeRfp(sponsor);
    const q = { orgSlug: sponsor.slug, purpose: "RFP_ATTACHMENT", rfpId, name: "Scope v2 (final).pdf" };
    const res = await handleUpload(post(q, PDF_BYTES), sponsor.owner);
    expect(res.status).toBe(201);
    const { file } = (await res.json()) as { file: { id: string } };
    const dl = await handleDownload(new Request(`${base}/${file.id}?orgSlug=${sponsor.slug}`), sponsor.owner, file.id);
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-disposition")).toBe(
      `attachment; filename="Scope v2 _final_.pdf"; filename*=UTF-8''Scope%20v2%20%28final%29.pdf`,
    );
    expect(dl.headers.get("x-content-type-options")).toBe("nosniff");
    expect(dl.headers.get("cache-control")).toBe("private, no-store");
    expect(dl.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await dl.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    for (const [user, slug] of [
      [stranger.owner, stranger.slug],
      [stranger.owner, sponsor.slug],
    ] as const) {
      const denied = await handleDownload(new Request(`${base}/${file.id}?orgSlug=${slug}`), user, file.id);
      expect(denied.status).toBe(404);
      expect(await denied.json()).toEqual({ error: { message: "File not found." } });
    }
    const unknown = await handleDownload(new Request(`${base}/nope?orgSlug=${sponsor.slug}`), sponsor.owner, "nope");
    expect(unknown.status).toBe(404);
    expect((await handleDownload(new Request(`${base}/${file.id}`), null, file.id)).status).toBe(401);
  });

  it("answers 413 for a declared or actual size over FILE_MAX_BYTES, 400 for a bad type or missing header, 401 signed out", async () => {
    const rfpId = await makeRfp(sponsor);
    const q = { orgSlug: sponsor.slug, purpose: "RFP_ATTACHMENT", rfpId, name: "big.pdf" };
    const big = Buffer.concat([PDF_BYTES, randomBytes(70 * 1024)]);
    const res = await handleUpload(post(q, big), sponsor.owner);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { message: "big.pdf is larger than 64 KB, the largest file accepted.", field: "file" },
    });
    const exe = await handleUpload(post({ ...q, name: "tool.exe" }, EXE_BYTES), sponsor.owner);
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as { error: { message: string } }).error.message).toBe(
      "tool.exe: only PDF, Word, Excel, CSV, text, PNG and JPEG files are accepted.",
    );
    expect((await handleUpload(post(q, PDF_BYTES, {}), sponsor.owner)).status).toBe(400);
    expect((await handleUpload(post(q, PDF_BYTES), null)).status).toBe(401);
    const bad = await handleUpload(post({ ...q, purpose: "OTHER" }, PDF_BYTES), sponsor.owner);
    expect(bad.status).toBe(400);
  });
});
