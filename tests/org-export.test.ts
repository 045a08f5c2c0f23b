import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant, type TenantDb } from "@/server/db/tenant";
import { handleExport, handleExportCheck } from "@/server/export/http";
import type { FileConfig } from "@/server/files/config";
import { uploadFile } from "@/server/files/transfer";
import { createTestDb, testDbKind, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeUser, type TestUser } from "./helpers/actors";
import {
  FILE_QUESTION,
  inviteWithDraft,
  makeOrgWithOwner,
  makeRfp,
  submitResponse,
  type Org,
} from "./helpers/rfp-world";
import {
  makeRfp as makeQuotedRfp,
  priceAnswers,
  setDueAt,
  submitResponse as submitQuote,
} from "./helpers/rfp-responses";
import { PDF_BYTES } from "./helpers/zip";

// The organisation export end to end below the route file: who may start one, what the ZIP holds
// (the organisation's own rows and files, none of another organisation's, no secrets), the
// sealed-bid rule on responses a sponsor received, the audit entry and the per-user limit.

let t: TestDb;
let sponsor: Org; // A
let other: Org; // B, a second sponsor whose data must never appear in A's export
let cdmo: Org; // C1, invited by A
let rival: Org; // C2, also invited by A
let admin: TestUser;
let evaluator: TestUser;
let viewer: TestUser;
let sealedRfpId: string;
let attachmentId: string;
let answerFileId: string;
let otherFileId: string;
let rivalResponseId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdmo-export-test-"));
const cfg = (backend: "disk" | "db"): FileConfig => ({
  backend,
  dir: path.join(tmp, "store"),
  spoolDir: path.join(tmp, backend === "disk" ? "store/.incoming" : "spool"),
  maxBytes: 1024 * 1024,
});
const DAY = 86_400_000;
const PRICE_BASE = 987_650; // priceAnswers: 987650, 1975300, ... per stage

const upload = (org: Org, params: Record<string, string>, name: string, c: FileConfig) =>
  uploadFile({
    user: org.owner,
    params: { orgSlug: org.slug, name, ...params },
    body: new Blob([new Uint8Array(PDF_BYTES)]).stream(),
    config: c,
  });

const request = (slug: string, method = "GET") => new Request(`http://localhost/api/orgs/${slug}/export`, { method });
const exportAs = (user: TestUser | null, slug: string) =>
  handleExport(request(slug), user, slug, { config: cfg("db") });

type Unzipped = { names: string[]; text: Map<string, string>; bytes: Map<string, Buffer> };
async function unzip(res: Response): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const names = Object.keys(zip.files).sort();
  const text = new Map<string, string>();
  const bytes = new Map<string, Buffer>();
  for (const n of names) {
    bytes.set(n, await zip.files[n]!.async("nodebuffer"));
    if (!n.startsWith("files/")) text.set(n, bytes.get(n)!.toString("utf8"));
  }
  return { names, text, bytes };
}
const allText = (z: Unzipped) => [...z.text.values()].join("\n");
const rowsOf = (z: Unzipped, name: string): Record<string, unknown>[] => {
  const s = z.text.get(name)!;
  if (name.endsWith(".json")) return JSON.parse(s) as Record<string, unknown>[];
  return s ? Papa.parse<Record<string, unknown>>(s.trim(), { header: true }).data : [];
};
const asOrg = async <T>(orgId: string, fn: (db: TenantDb) => Promise<T>) => withTenant(await getDb(), { orgId }, fn);

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeOrgWithOwner("SPONSOR", "helix");
  other = await makeOrgWithOwner("SPONSOR", "other");
  cdmo = await makeOrgWithOwner("CDMO", "northbridge");
  rival = await makeOrgWithOwner("CDMO", "rival");
  [admin, evaluator, viewer] = await Promise.all(["admin", "evaluator", "viewer"].map((r) => makeUser(`helix-${r}`)));
  await addMember(sponsor.id, admin, "ADMIN");
  await addMember(sponsor.id, evaluator, "EVALUATOR");
  await addMember(sponsor.id, viewer, "VIEWER");
  // A pending invitation: its token hash must not go out.
  await callerFor(sponsor.owner).members.invite({
    orgSlug: sponsor.slug,
    email: "new.hire@test.example",
    role: "VIEWER",
  });
  await callerFor(other.owner).members.invite({ orgSlug: other.slug, email: "b.hire@test.example", role: "VIEWER" });

  // A's draft RFP with an attachment on disk; B's with one in the database.
  const draft = await makeRfp(sponsor);
  attachmentId = (await upload(sponsor, { purpose: "RFP_ATTACHMENT", rfpId: draft }, "scope.pdf", cfg("disk"))).id;
  const otherDraft = await makeRfp(other);
  otherFileId = (await upload(other, { purpose: "RFP_ATTACHMENT", rfpId: otherDraft }, "b-only.pdf", cfg("db"))).id;

  // A published RFP the CDMO answers with a file (stored in the database), then submits.
  const open = await makeRfp(sponsor, { status: "PUBLISHED" });
  const { responseId } = await inviteWithDraft(sponsor, cdmo, open);
  const answer = { purpose: "RESPONSE_ANSWER", responseId, questionId: FILE_QUESTION };
  answerFileId = (await upload(cdmo, answer, "quote.pdf", cfg("db"))).id;
  await submitResponse(cdmo, responseId);

  // A sealed RFP, due next week, with priced responses from both CDMOs.
  const cdmos = [
    { id: cdmo.id, name: "Northbridge" },
    { id: rival.id, name: "Rival" },
  ];
  const quoted = await makeQuotedRfp({
    sponsorId: sponsor.id,
    cdmos,
    dueAt: new Date(Date.now() + 7 * DAY),
    sealed: true,
  });
  sealedRfpId = quoted.rfpId;
  await submitQuote({ cdmoId: cdmo.id, sponsorId: sponsor.id, rfp: quoted, answers: priceAnswers(PRICE_BASE) });
  rivalResponseId = await submitQuote({
    cdmoId: rival.id,
    sponsorId: sponsor.id,
    rfp: quoted,
    answers: priceAnswers(PRICE_BASE + 1),
  });
});
afterAll(async () => {
  await t?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`organisation export (${testDbKind()})`, () => {
  it("a sponsor's owner gets its own rows and files, with a manifest, and nothing of another organisation", async () => {
    const res = await exportAs(sponsor.owner, sponsor.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/zip");
    const day = new Date().toISOString().slice(0, 10);
    expect(res.headers.get("Content-Disposition")).toContain(`filename="${sponsor.slug}-export-${day}.zip"`);
    const z = await unzip(res);

    const manifest = JSON.parse(z.text.get("manifest.json")!);
    expect(manifest).toMatchObject({
      schemaVersion: 1,
      organisation: { id: sponsor.id, slug: sponsor.slug, kind: "SPONSOR" },
      exporter: { id: sponsor.owner.id, email: sponsor.owner.email, role: "OWNER" },
      uploadedFiles: { count: 1, bytes: PDF_BYTES.length, missing: [] },
    });
    // Every table file is listed with the number of rows it really holds.
    for (const { name, rows } of manifest.files as { name: string; rows: number }[])
      expect([name, rowsOf(z, name).length]).toEqual([name, rows]);
    expect(manifest.files.length).toBeGreaterThanOrEqual(30);

    const members = rowsOf(z, "members.csv");
    expect(members.map((m) => m.email).sort()).toEqual(
      [sponsor.owner, admin, evaluator, viewer].map((u) => u.email).sort(),
    );
    expect(rowsOf(z, "invitations.csv").map((i) => i.email)).toEqual(["new.hire@test.example"]);
    expect(rowsOf(z, "rfps.json")).toHaveLength(3);
    expect(rowsOf(z, "files.csv").map((f) => f.id)).toEqual([attachmentId]);
    expect(z.bytes.get(`files/${attachmentId}-scope.pdf`)).toEqual(PDF_BYTES);
    expect(z.names.filter((n) => n.startsWith("files/"))).toHaveLength(1); // not the CDMO's answer file

    const text = allText(z);
    for (const foreign of [other.id, other.slug, otherFileId, "b-only.pdf", "b.hire@test.example", answerFileId])
      expect(text).not.toContain(foreign);
  });

  it("leaves secrets out: token hashes, password hashes, sessions", async () => {
    const z = await unzip(await exportAs(sponsor.owner, sponsor.slug));
    const hashes = await asOrg(sponsor.id, (db) => db.invitation.findMany({ select: { tokenHash: true } }));
    expect(hashes.length).toBe(1);
    const text = allText(z);
    for (const secret of [...hashes.map((h) => h.tokenHash), sponsor.owner.sessionId, admin.sessionId])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/tokenHash|passwordHash|argon2/);
  });

  it("a sealed round's answers stay out of the sponsor's export until the seal opens", async () => {
    const before = await unzip(await exportAs(sponsor.owner, sponsor.slug));
    const sealed = rowsOf(before, "responses-received.json").filter((r) => r.rfpId === sealedRfpId);
    expect(sealed).toHaveLength(2);
    expect(sealed.every((r) => r.sealed === true && r.answers === null)).toBe(true);
    expect(allText(before)).not.toContain(String(PRICE_BASE));

    await setDueAt(sponsor.id, sealedRfpId, new Date(Date.now() - DAY));
    const after = await unzip(await exportAs(admin, sponsor.slug));
    const opened = rowsOf(after, "responses-received.json").filter((r) => r.rfpId === sealedRfpId);
    expect(opened.every((r) => r.sealed === false)).toBe(true);
    expect(allText(after)).toContain(String(PRICE_BASE));
    await setDueAt(sponsor.id, sealedRfpId, new Date(Date.now() + 7 * DAY));
  });

  it("a CDMO's export holds its own responses and files, never another CDMO's or the sponsor's internals", async () => {
    const res = await exportAs(cdmo.owner, cdmo.slug);
    expect(res.status).toBe(200);
    const z = await unzip(res);
    expect(z.names).not.toContain("scores.csv");
    expect(z.names).not.toContain("rfps.json");
    expect(z.names).not.toContain("responses-received.json");
    const responses = rowsOf(z, "responses.json");
    expect(responses).toHaveLength(2);
    // Its own prices, even while the sponsor's seal is closed: they are the CDMO's own answers.
    expect(allText(z)).toContain(String(PRICE_BASE));
    expect(z.bytes.get(`files/${answerFileId}-quote.pdf`)).toEqual(PDF_BYTES);
    const text = allText(z);
    for (const foreign of [rival.id, rivalResponseId, String(PRICE_BASE + 1), attachmentId, "new.hire@test.example"])
      expect(text).not.toContain(foreign);
  });

  it("pages through a table larger than one read, in order, without losing or repeating a row", async () => {
    const vendor = await asOrg(other.id, (db) =>
      db.vendor.create({ data: { kind: "PRIVATE", name: "Paged Bio" }, select: { id: true } }),
    );
    const tags = Array.from({ length: 1234 }, (_, i) => ({ vendorId: vendor.id, tag: `tag-${i}` }));
    await asOrg(other.id, (db) => db.vendorTag.createMany({ data: tags }));
    const z = await unzip(await exportAs(other.owner, other.slug));
    const rows = rowsOf(z, "vendor-tags.csv");
    expect(new Set(rows.map((r) => r.tag)).size).toBe(1234);
    const manifest = JSON.parse(z.text.get("manifest.json")!);
    expect(manifest.files).toContainEqual({ name: "vendor-tags.csv", rows: 1234 });
  });

  it("is recorded in the audit log when it starts", async () => {
    const before = Date.now();
    const res = await exportAs(admin, sponsor.slug);
    await res.body?.cancel();
    const entries = await asOrg(sponsor.id, (db) =>
      db.auditEvent.findMany({ where: { action: "organization.exported", actorId: admin.id } }),
    );
    expect(entries.some((e) => e.at.getTime() >= before - 5000 && e.entityId === sponsor.id)).toBe(true);
  });

  it("refuses viewers, evaluators and responders (403), the signed-out (401), another organisation (404)", async () => {
    const responder = await makeUser("northbridge-responder");
    await addMember(cdmo.id, responder, "RESPONDER");
    const refused = await exportAs(responder, cdmo.slug);
    expect([refused.status, (await refused.json()).error.message]).toEqual([
      403,
      "This needs the owner or admin role.",
    ]);
    for (const u of [viewer, evaluator]) {
      const res = await exportAs(u, sponsor.slug);
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toBe("This needs the owner or admin role.");
      expect((await handleExportCheck(request(sponsor.slug, "HEAD"), u, sponsor.slug)).status).toBe(403);
    }
    expect((await exportAs(null, sponsor.slug)).status).toBe(401);
    expect((await exportAs(sponsor.owner, other.slug)).status).toBe(404);
    expect((await exportAs(sponsor.owner, "no-such-org")).status).toBe(404);
    expect((await exportAs(sponsor.owner, "../etc")).status).toBe(404);
    // None of the refusals is recorded as an export.
    const byViewer = await asOrg(sponsor.id, (db) =>
      db.auditEvent.count({ where: { action: "organization.exported", actorId: { in: [viewer.id, evaluator.id] } } }),
    );
    expect(byViewer).toBe(0);
  });

  it("is limited per user: the sixth export within the hour is refused with Retry-After", async () => {
    const user = await makeUser("helix-second-admin");
    await addMember(sponsor.id, user, "ADMIN");
    expect((await handleExportCheck(request(sponsor.slug, "HEAD"), user, sponsor.slug)).status).toBe(204);
    for (let i = 0; i < 5; i++) {
      const res = await exportAs(user, sponsor.slug);
      expect(res.status).toBe(200);
      await res.body?.cancel();
    }
    const refused = await exportAs(user, sponsor.slug);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/5 times in 60 minutes/);
    expect((await handleExportCheck(request(sponsor.slug, "HEAD"), user, sponsor.slug)).status).toBe(429);
    // Another user's allowance is their own.
    expect((await handleExportCheck(request(sponsor.slug, "HEAD"), admin, sponsor.slug)).status).toBe(204);
  });
});
