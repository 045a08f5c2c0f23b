import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { fullClientOf } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { receiptHash } from "@/server/rfps/receipt";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor, type TestUser } from "./helpers/actors";
import { makeTeam, type TestOrg } from "./helpers/vendors";
import {
  COMPLETE_ANSWERS,
  makeInvitedRfp,
  openRevisionRound,
  revokeInvitation,
  setDueAt,
} from "./helpers/response-fixture";

// The CDMO's response (portal.response.*): one CDMO never reads or changes another's, a
// submitted response never changes (procedures and the database trigger), the due date is the
// server's clock, required answers are enforced on submit, concurrent saves and submits have
// exactly one winner, the sponsor never reads a draft, and a revision round keeps both versions.

let t: TestDb;
const getDbSync = () => t.prisma;
let sponsor: TestOrg;
let cdmoA: TestOrg;
let cdmoB: TestOrg;
let cdmoC: TestOrg;
let rfpId: string;
let invitationB: string;

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeTeam("SPONSOR", "Helix Sponsor");
  cdmoA = await makeTeam("CDMO", "Alpha Biologics");
  cdmoB = await makeTeam("CDMO", "Beta Biologics");
  cdmoC = await makeTeam("CDMO", "Gamma Uninvited");
  const rfp = await makeInvitedRfp({ sponsorId: sponsor.id, cdmoIds: [cdmoA.id, cdmoB.id] });
  rfpId = rfp.rfpId;
  invitationB = rfp.invitationIds[1]!;
});
afterAll(async () => t?.drop());
afterEach(() => {
  vi.useRealTimers();
});

const api = (u: TestUser) => callerFor(u).portal.response;
const refusedWith = (code: string, message?: RegExp, field?: string) => (e: unknown) =>
  e instanceof TRPCError &&
  e.code === code &&
  (!message || message.test(e.message)) &&
  (!field || (e.cause instanceof AppError && e.cause.field === field));

async function rawResponses(orgId: string) {
  return withTenant(
    await getDb(),
    { orgId },
    (tx) =>
      fullClientOf(tx).$queryRaw<{ id: string; organizationId: string; submittedAt: Date | null }[]>`
      SELECT id, "organizationId", "submittedAt" FROM "RfpResponse" ORDER BY id`,
  );
}

async function responseRow(orgId: string, id: string) {
  return withTenant(await getDb(), { orgId }, (tx) => tx.rfpResponse.findFirst({ where: { id } }));
}

const N = 20;
const outcome = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (e: unknown) => ({ ok: false as const, code: e instanceof TRPCError ? e.code : String(e) }),
  );

describe(`CDMO responses (${process.env.TEST_DB ?? "pglite"})`, () => {
  let draftA: { id: string; version: number };

  it("opening the editor creates the participation and one draft for the round, however many tabs open it at once", async () => {
    const views = await Promise.all(
      Array.from({ length: 5 }, () => api(cdmoA.owner).get({ orgSlug: cdmoA.slug, rfpId })),
    );
    const ids = new Set(views.map((v) => v.response?.id));
    expect(ids.size).toBe(1);
    const v = views[0]!;
    expect(v.response).toMatchObject({ round: 1, version: 1, answers: {}, submittedAt: null });
    expect(v.editable).toBe(true);
    expect(v.rfp).toMatchObject({ id: rfpId, round: 1, status: "PUBLISHED", acceptsResponses: true });
    expect(v.versions).toHaveLength(1);
    draftA = { id: v.response!.id, version: 1 };
    const participations = await withTenant(await getDb(), { orgId: cdmoA.id }, (tx) =>
      tx.rfpParticipation.findMany({ where: { rfpId } }),
    );
    expect(participations).toHaveLength(1);
    expect(participations[0]!.viewedAt).not.toBeNull();
  });

  it("saves partial answers in draft mode, storing the parsed values (extra keys dropped, blanks left out)", async () => {
    const saved = await api(cdmoA.evaluator).saveDraft({
      orgSlug: cdmoA.slug,
      responseId: draftA.id,
      version: 1,
      answers: {
        "q-text": "  Half-typed answer  ",
        "q-price-ds": { price: 1_000_000, sneaky: "x" },
        "q-number": { value: -5 },
        "q-multi": [],
        "q-gone": "a question the sponsor removed",
      },
    });
    expect(saved).toMatchObject({ version: 2, dropped: ["q-gone"] });
    const v = await api(cdmoA.owner).get({ orgSlug: cdmoA.slug, rfpId });
    expect(v.response!.answers).toEqual({
      "q-text": "Half-typed answer",
      "q-number": { value: -5 },
      "q-price-ds": { price: 1_000_000 },
    });
    draftA.version = 2;
  });

  it("refuses a value of the wrong kind, naming the question and the field", async () => {
    await expect(
      api(cdmoA.owner).saveDraft({
        orgSlug: cdmoA.slug,
        responseId: draftA.id,
        version: draftA.version,
        answers: { "q-yesno": "maybe" },
      }),
    ).rejects.toSatisfy(refusedWith("BAD_REQUEST", /EU GMP certification.*yes or no/i, "answers.q-yesno"));
  });

  it("a stale version is a CONFLICT telling the user to reload and merge; nothing is stored", async () => {
    await expect(
      api(cdmoA.owner).saveDraft({
        orgSlug: cdmoA.slug,
        responseId: draftA.id,
        version: 1,
        answers: { "q-text": "overwrite" },
      }),
    ).rejects.toSatisfy(refusedWith("CONFLICT", /reload.*merge/i, "version"));
    expect((await responseRow(cdmoA.id, draftA.id))!.answers).toMatchObject({ "q-text": "Half-typed answer" });
  });

  it("20 concurrent saves from the same version: exactly one wins and its answers are stored", async () => {
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        outcome(
          api(cdmoA.owner).saveDraft({
            orgSlug: cdmoA.slug,
            responseId: draftA.id,
            version: draftA.version,
            answers: { "q-text": `writer ${i}` },
          }),
        ),
      ),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.code))).toEqual(Array(N - 1).fill("CONFLICT"));
    const row = await responseRow(cdmoA.id, draftA.id);
    expect(row!.answers).toEqual({ "q-text": `writer ${winners[0]}` });
    expect(row!.version).toBe(draftA.version + 1);
    draftA.version = row!.version;
  });

  it("submit enforces every required answer, naming the first missing question", async () => {
    await expect(
      api(cdmoA.owner).submit({ orgSlug: cdmoA.slug, responseId: draftA.id, version: draftA.version }),
    ).rejects.toSatisfy(refusedWith("BAD_REQUEST", /EU GMP certification.*is required.*other answers need attention/i));
    expect((await responseRow(cdmoA.id, draftA.id))!.submittedAt).toBeNull();
  });

  it("the sponsor cannot read a draft, not through the procedures, its scoped client or plain SQL", async () => {
    await expect(api(sponsor.owner).get({ orgSlug: sponsor.slug, rfpId })).rejects.toSatisfy(refusedWith("FORBIDDEN"));
    await expect(api(sponsor.owner).receipt({ orgSlug: sponsor.slug, responseId: draftA.id })).rejects.toSatisfy(
      refusedWith("FORBIDDEN"),
    );
    const scoped = await withTenant(await getDb(), { orgId: sponsor.id }, (tx) =>
      tx.rfpResponse.findMany({ where: { rfpId } }),
    );
    expect(scoped).toEqual([]);
    expect(await rawResponses(sponsor.id)).toEqual([]);
  });

  it("another CDMO can never read or change this CDMO's response, by any procedure, by id", async () => {
    const before = await responseRow(cdmoA.id, draftA.id);
    // B answers the same RFP: it gets its own draft, never A's.
    const viewB = await api(cdmoB.owner).get({ orgSlug: cdmoB.slug, rfpId });
    expect(viewB.response!.id).not.toBe(draftA.id);
    expect(JSON.stringify(viewB)).not.toContain("writer");
    for (const who of [cdmoB.owner, cdmoC.owner]) {
      const slug = who === cdmoB.owner ? cdmoB.slug : cdmoC.slug;
      const calls = [
        () =>
          api(who).saveDraft({
            orgSlug: slug,
            responseId: draftA.id,
            version: draftA.version,
            answers: { "q-text": "x" },
          }),
        () => api(who).submit({ orgSlug: slug, responseId: draftA.id, version: draftA.version }),
        () => api(who).receipt({ orgSlug: slug, responseId: draftA.id }),
      ];
      for (const c of calls) await expect(c()).rejects.toSatisfy(refusedWith("NOT_FOUND"));
      // In A's organisation, B is nobody.
      await expect(api(who).get({ orgSlug: cdmoA.slug, rfpId })).rejects.toSatisfy(refusedWith("NOT_FOUND"));
      await expect(
        api(who).saveDraft({ orgSlug: cdmoA.slug, responseId: draftA.id, version: draftA.version, answers: {} }),
      ).rejects.toSatisfy(refusedWith("NOT_FOUND"));
    }
    // C was not invited: the RFP does not exist for it.
    await expect(api(cdmoC.owner).get({ orgSlug: cdmoC.slug, rfpId })).rejects.toSatisfy(refusedWith("NOT_FOUND"));
    expect((await rawResponses(cdmoB.id)).map((r) => r.organizationId)).toEqual([cdmoB.id]);
    expect(await rawResponses(cdmoC.id)).toEqual([]);
    expect(await responseRow(cdmoA.id, draftA.id)).toEqual(before);
  });

  it("after the due date (by the server's clock) nothing can be saved or submitted", async () => {
    const row = await withTenant(await getDb(), { orgId: sponsor.id }, (tx) =>
      tx.rfp.findFirst({ where: { id: rfpId } }),
    );
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(row!.dueAt!.getTime() + 1000));
    await expect(
      api(cdmoA.owner).saveDraft({
        orgSlug: cdmoA.slug,
        responseId: draftA.id,
        version: draftA.version,
        answers: COMPLETE_ANSWERS,
      }),
    ).rejects.toSatisfy(refusedWith("CONFLICT", /due date.*passed/i));
    await expect(
      api(cdmoA.owner).submit({ orgSlug: cdmoA.slug, responseId: draftA.id, version: draftA.version }),
    ).rejects.toSatisfy(refusedWith("CONFLICT", /due date.*passed/i));
    const view = await api(cdmoA.owner).get({ orgSlug: cdmoA.slug, rfpId });
    expect(view).toMatchObject({ editable: false, rfp: { status: "CLOSED", acceptsResponses: false } });
    // One second before the due date it is still open.
    vi.setSystemTime(new Date(row!.dueAt!.getTime() - 1000));
    expect((await api(cdmoA.owner).get({ orgSlug: cdmoA.slug, rfpId })).editable).toBe(true);
  });

  let receiptA: { receiptHash: string; submittedAt: Date };

  it("submits a complete response: a receipt with time, hash, who and round; the sponsor is told and can now read it", async () => {
    const saved = await api(cdmoA.owner).saveDraft({
      orgSlug: cdmoA.slug,
      responseId: draftA.id,
      version: draftA.version,
      answers: COMPLETE_ANSWERS,
    });
    const submitted = await api(cdmoA.evaluator).submit({
      orgSlug: cdmoA.slug,
      responseId: draftA.id,
      version: saved.version,
    });
    expect(submitted.receiptHash).toMatch(/^[0-9a-f]{64}$/);
    const receipt = await api(cdmoA.owner).receipt({ orgSlug: cdmoA.slug, responseId: draftA.id });
    expect(receipt).toMatchObject({
      round: 1,
      receiptHash: submitted.receiptHash,
      submittedBy: cdmoA.evaluator.name,
      rfpTitle: "HX-101 drug substance and fill-finish",
      algorithm: "SHA-256",
    });
    receiptA = { receiptHash: receipt.receiptHash, submittedAt: receipt.submittedAt };
    // The hash is recomputable from what was stored (jsonb reorders keys; the canonical form does not care).
    const row = await responseRow(cdmoA.id, draftA.id);
    expect(receiptHash({ rfpId, round: 1, answers: row!.answers as Record<string, unknown>, files: [] })).toBe(
      receipt.receiptHash,
    );
    const participation = await withTenant(await getDb(), { orgId: cdmoA.id }, (tx) =>
      tx.rfpParticipation.findFirst({ where: { id: row!.participationId } }),
    );
    expect(participation!.submittedAt).toEqual(row!.submittedAt);
    const audit = await callerFor(cdmoA.owner).audit.list({ orgSlug: cdmoA.slug, action: "response.submitted" });
    expect(audit.items.map((e) => e.entityId)).toEqual([draftA.id]);
    expect((await rawResponses(sponsor.id)).map((r) => r.id)).toEqual([draftA.id]);
    const notes = (await t.adminQuery(
      `SELECT n.kind::text AS kind, n.title, n."userId" FROM "Notification" n WHERE n."contextOrgId" = '${sponsor.id}'`,
    )) as { kind: string; title: string; userId: string }[];
    expect(
      notes
        .filter((n) => n.kind === "RESPONSE_SUBMITTED")
        .map((n) => n.userId)
        .sort(),
    ).toEqual([sponsor.owner.id, sponsor.evaluator.id, sponsor.viewer.id].sort());
    expect(notes[0]!.title).toContain("Alpha Biologics");
  });

  it("a submitted response cannot be changed through any procedure, nor by SQL (the trigger refuses it)", async () => {
    const before = await responseRow(cdmoA.id, draftA.id);
    const view = await api(cdmoA.owner).get({ orgSlug: cdmoA.slug, rfpId });
    expect(view.editable).toBe(false);
    for (const version of [before!.version - 1, before!.version]) {
      await expect(
        api(cdmoA.owner).saveDraft({ orgSlug: cdmoA.slug, responseId: draftA.id, version, answers: { "q-text": "x" } }),
      ).rejects.toSatisfy(refusedWith("CONFLICT", /submitted/));
      await expect(api(cdmoA.owner).submit({ orgSlug: cdmoA.slug, responseId: draftA.id, version })).rejects.toSatisfy(
        refusedWith("CONFLICT", /submitted/),
      );
    }
    const db = await getDb();
    await expect(
      withTenant(db, { orgId: cdmoA.id }, (tx) =>
        tx.rfpResponse.updateMany({ where: { id: draftA.id }, data: { answers: { "q-text": "tampered" } } }),
      ),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      withTenant(db, { orgId: cdmoA.id }, (tx) => tx.rfpResponse.deleteMany({ where: { id: draftA.id } })),
    ).rejects.toThrow(/cannot be changed/);
    // Not even the table's owner (the superuser on PGlite) gets past it.
    await expect(
      t.adminQuery(`DO $$ BEGIN
        PERFORM set_config('app.org_id', '${cdmoA.id}', true);
        UPDATE "RfpResponse" SET "receiptHash" = 'x' WHERE id = '${draftA.id}';
      END $$`),
    ).rejects.toThrow(/cannot be changed/);
    expect(await responseRow(cdmoA.id, draftA.id)).toEqual(before);
  });

  it("20 concurrent submits of one response give exactly one receipt", async () => {
    const viewB = await api(cdmoB.owner).get({ orgSlug: cdmoB.slug, rfpId });
    const saved = await api(cdmoB.owner).saveDraft({
      orgSlug: cdmoB.slug,
      responseId: viewB.response!.id,
      version: viewB.response!.version,
      answers: { ...COMPLETE_ANSWERS, "q-text": "Beta's own platform" },
    });
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        outcome(api(cdmoB.owner).submit({ orgSlug: cdmoB.slug, responseId: saved.id, version: saved.version })),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.code))).toEqual(Array(N - 1).fill("CONFLICT"));
    const audit = await callerFor(cdmoB.owner).audit.list({ orgSlug: cdmoB.slug, action: "response.submitted" });
    expect(audit.items).toHaveLength(1);
    const receipt = await api(cdmoB.owner).receipt({ orgSlug: cdmoB.slug, responseId: saved.id });
    expect(receipt.receiptHash).toBe((results.find((r) => r.ok)!.value as { receiptHash: string }).receiptHash);
    // Different answers, different hash; A's is untouched.
    expect(receipt.receiptHash).not.toBe(receiptA.receiptHash);
  });

  it("a revision round opens a new draft prefilled from the last submission; the old version stays viewable", async () => {
    await openRevisionRound(sponsor.id, rfpId);
    const v2 = await api(cdmoA.owner).get({ orgSlug: cdmoA.slug, rfpId });
    expect(v2.rfp.round).toBe(2);
    expect(v2.response).toMatchObject({ round: 2, version: 1, submittedAt: null });
    expect(v2.response!.id).not.toBe(draftA.id);
    expect(v2.response!.answers).toEqual((await responseRow(cdmoA.id, draftA.id))!.answers);
    expect(v2.editable).toBe(true);
    expect(v2.versions.map((x) => [x.round, !!x.submittedAt])).toEqual([
      [1, true],
      [2, false],
    ]);
    const saved = await api(cdmoA.owner).saveDraft({
      orgSlug: cdmoA.slug,
      responseId: v2.response!.id,
      version: 1,
      answers: { ...COMPLETE_ANSWERS, "q-price-ds": { price: 990_000, durationWeeks: 24 } },
    });
    await api(cdmoA.owner).submit({ orgSlug: cdmoA.slug, responseId: saved.id, version: saved.version });

    const v1 = await api(cdmoA.owner).get({ orgSlug: cdmoA.slug, rfpId, round: 1 });
    expect(v1).toMatchObject({ editable: false, response: { id: draftA.id, round: 1 } });
    expect(v1.response!.answers).toMatchObject({ "q-price-ds": { price: 1_250_000 } });
    // The round-1 receipt is what it was.
    const r1 = await api(cdmoA.owner).receipt({ orgSlug: cdmoA.slug, responseId: draftA.id });
    expect(r1.receiptHash).toBe(receiptA.receiptHash);
    expect(r1.submittedAt).toEqual(receiptA.submittedAt);
    await expect(api(cdmoA.owner).get({ orgSlug: cdmoA.slug, rfpId, round: 7 })).rejects.toSatisfy(
      refusedWith("NOT_FOUND"),
    );
    // The sponsor reads both submitted versions.
    expect((await rawResponses(sponsor.id)).filter((r) => r.organizationId === cdmoA.id)).toHaveLength(2);
  });

  it("a revoked invitation hides the RFP and stops the draft", async () => {
    await revokeInvitation(sponsor.id, invitationB);
    await expect(api(cdmoB.owner).get({ orgSlug: cdmoB.slug, rfpId })).rejects.toSatisfy(refusedWith("NOT_FOUND"));
  });

  it("an unsubmitted draft of an earlier round is closed; the new round's draft starts from it", async () => {
    const rfp = await makeInvitedRfp({ sponsorId: sponsor.id, cdmoIds: [cdmoC.id], title: "Second RFP" });
    const v1 = await api(cdmoC.owner).get({ orgSlug: cdmoC.slug, rfpId: rfp.rfpId });
    await api(cdmoC.owner).saveDraft({
      orgSlug: cdmoC.slug,
      responseId: v1.response!.id,
      version: 1,
      answers: { "q-text": "never submitted" },
    });
    await openRevisionRound(sponsor.id, rfp.rfpId);
    await expect(
      api(cdmoC.owner).saveDraft({ orgSlug: cdmoC.slug, responseId: v1.response!.id, version: 2, answers: {} }),
    ).rejects.toSatisfy(refusedWith("CONFLICT", /round 1.*round 2/));
    const v2 = await api(cdmoC.owner).get({ orgSlug: cdmoC.slug, rfpId: rfp.rfpId });
    expect(v2.response).toMatchObject({ round: 2, answers: { "q-text": "never submitted" } });
    // Moving the due date into the past closes the new round's draft too.
    await setDueAt(sponsor.id, rfp.rfpId, new Date(Date.now() - 1000));
    await expect(
      api(cdmoC.owner).saveDraft({ orgSlug: cdmoC.slug, responseId: v2.response!.id, version: 1, answers: {} }),
    ).rejects.toSatisfy(refusedWith("CONFLICT", /due date/));
  });

  it("answer files must be the CDMO's own for this RFP; they count in the receipt's hash", async () => {
    const rfp = await makeInvitedRfp({ sponsorId: sponsor.id, cdmoIds: [cdmoA.id, cdmoC.id], title: "Files RFP" });
    const view = await api(cdmoA.owner).get({ orgSlug: cdmoA.slug, rfpId: rfp.rfpId });
    const responseId = view.response!.id;
    const fileOf = (orgId: string, sha: string) =>
      withTenant(getDbSync(), { orgId }, (tx) =>
        tx.storedFile.create({
          data: {
            purpose: "RESPONSE_ANSWER",
            rfpId: rfp.rfpId,
            responseId,
            questionId: "q-file",
            fileName: "quality-manual.pdf",
            contentType: "application/pdf",
            size: 1234,
            sha256: sha,
            storage: "db",
          },
        }),
      );
    const own = await fileOf(cdmoA.id, "a".repeat(64));
    const foreign = await fileOf(cdmoC.id, "c".repeat(64));
    const saved = await api(cdmoA.owner).saveDraft({
      orgSlug: cdmoA.slug,
      responseId,
      version: 1,
      answers: { ...COMPLETE_ANSWERS, "q-file": { fileIds: [own.id, foreign.id] } },
    });
    const after = await api(cdmoA.owner).get({ orgSlug: cdmoA.slug, rfpId: rfp.rfpId });
    expect(after.response!.answers["q-file"]).toEqual({ fileIds: [own.id] });
    expect(after.response!.files.map((f) => f.id)).toEqual([own.id]);
    const submitted = await api(cdmoA.owner).submit({ orgSlug: cdmoA.slug, responseId, version: saved.version });
    const answers = (await responseRow(cdmoA.id, responseId))!.answers as Record<string, unknown>;
    const withFile = receiptHash({
      rfpId: rfp.rfpId,
      round: 1,
      answers,
      files: [{ id: own.id, sha256: own.sha256 }],
    });
    expect(submitted.receiptHash).toBe(withFile);
    expect(receiptHash({ rfpId: rfp.rfpId, round: 1, answers, files: [] })).not.toBe(withFile);
    const receipt = await api(cdmoA.owner).receipt({ orgSlug: cdmoA.slug, responseId });
    expect(receipt.files).toEqual([{ id: own.id, fileName: "quality-manual.pdf", sha256: own.sha256, size: 1234 }]);
  });
});
