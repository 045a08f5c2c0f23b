import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { DEFAULT_WEIGHTS, type RfpContent } from "@/server/rfps/content";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor, type TestUser } from "./helpers/actors";
import { makeTeam, type TestOrg } from "./helpers/vendors";
import { seedRfp, type SeedRfp } from "./helpers/rfp-seed";

// rfp.update: the builder's whole document under one version. Saves of a draft, refusals that
// name the field (in the builder's words: "Section 2, question 3"), exactly one winner among
// concurrent saves of one version, no edit once the RFP is closed, published edits recorded for
// invitees, and an audit entry for every save.

let t: TestDb;
let s: TestOrg;
let other: TestOrg;
let cdmo: TestOrg;

beforeAll(async () => {
  t = await createTestDb();
  s = await makeTeam("SPONSOR", "Edit Sponsor");
  other = await makeTeam("SPONSOR", "Other Sponsor");
  cdmo = await makeTeam("CDMO", "Invited CDMO");
});
afterAll(async () => t?.drop());

const HOUR = 3_600_000;
const inDays = (d: number) => new Date(Date.now() + d * 24 * HOUR);

type Seeded = Awaited<ReturnType<typeof seedRfp>>;

async function rfp(o: SeedRfp = {}): Promise<Seeded> {
  return seedRfp(s.id, o);
}

/** The full document of a seeded RFP, as the builder would send it back unchanged. */
function doc(r: Seeded, over: Record<string, unknown> = {}) {
  return {
    orgSlug: s.slug,
    rfpId: r.rfpId,
    version: r.version,
    title: "DS and DP for mAb-12",
    summary: null as string | null,
    stages: ["CLD", "PD", "DS_CLIN", "DP_FORM", "FILL"],
    weights: DEFAULT_WEIGHTS,
    dueAt: null as Date | null,
    timeZone: "Europe/Berlin",
    sealed: false,
    committeeOpening: false,
    content: structuredClone(r.content),
    ...over,
  };
}

const update = (u: TestUser, input: ReturnType<typeof doc>) => callerFor(u).rfp.update(input as never);

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof TRPCError ? { code: e.code, message: e.message } : { code: String(e), message: "" }),
  );

async function stored(rfpId: string) {
  return withTenant(await getDb(), { orgId: s.id }, (db) => db.rfp.findFirstOrThrow({ where: { id: rfpId } }));
}

async function auditOf(rfpId: string) {
  return (await callerFor(s.owner).audit.list({ orgSlug: s.slug, entityId: rfpId, action: "rfp.updated" })).items;
}

const addQuestion = (c: RfpContent, sectionIndex: number, q: Record<string, unknown>): RfpContent => {
  const copy = structuredClone(c);
  copy.sections[sectionIndex]!.questions.push(q as never);
  return copy;
};

describe(`rfp.update (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("saves a draft's document and settings, bumps the version and audits old and new values", async () => {
    const r = await rfp();
    // The mAb template's stages, whatever they are.
    const base = doc(r, { stages: (await stored(r.rfpId)).stages });
    const due = new Date("2031-03-14T16:00:00Z");
    const content = addQuestion(r.content, 1, {
      id: "q-new",
      kind: "number",
      prompt: "Largest single-use bioreactor?",
      unit: "L",
      min: 0,
      required: true,
    });
    const result = await update(s.evaluator, {
      ...base,
      title: "DS and DP for mAb-12 (phase 1)",
      summary: "Phase 1 supply.",
      weights: { capability: 40, quality: 20, pricing: 25, handoff: 15 },
      dueAt: due,
      timeZone: "america/new_york",
      content,
    });
    expect(result).toMatchObject({ id: r.rfpId, version: r.version + 1, changed: true, changeSummary: [] });

    const row = await stored(r.rfpId);
    expect(row.version).toBe(r.version + 1);
    expect(row.title).toBe("DS and DP for mAb-12 (phase 1)");
    expect(row.summary).toBe("Phase 1 supply.");
    expect(row.dueAt?.toISOString()).toBe(due.toISOString());
    expect(row.timeZone, "stored in the zone's canonical spelling").toBe("America/New_York");
    expect(row.weights).toEqual({ capability: 40, quality: 20, pricing: 25, handoff: 15 });
    expect((row.content as RfpContent).sections[1]!.questions.at(-1)).toMatchObject({ id: "q-new", unit: "L" });

    const [entry, ...more] = await auditOf(r.rfpId);
    expect(more).toEqual([]);
    const changes = entry!.changes as Record<string, { old: unknown; new: unknown }>;
    expect(changes.title).toEqual({ old: "DS and DP for mAb-12", new: "DS and DP for mAb-12 (phase 1)" });
    expect(changes.dueAt).toEqual({ old: null, new: due.toISOString() });
    expect(changes.timeZone).toEqual({ old: "Europe/Berlin", new: "America/New_York" });
    expect(changes.weights!.new).toEqual({ capability: 40, quality: 20, pricing: 25, handoff: 15 });
    expect(changes.content!.new).toMatch(/^\d+ questions in \d+ sections$/);
    expect(changes.contentChanges!.new).toEqual([
      expect.stringMatching(/^Question “Largest single-use bioreactor\?” added to /),
    ]);
    // A summary, not the document.
    expect(JSON.stringify(changes)).not.toContain('"sections"');
    expect(entry!.actorEmail).toBe(s.evaluator.email);
  });

  it("a save that changes nothing keeps the version and writes no audit entry", async () => {
    const r = await rfp();
    const base = doc(r, { stages: (await stored(r.rfpId)).stages });
    const res = await update(s.owner, base);
    expect(res).toMatchObject({ version: r.version, changed: false });
    expect((await stored(r.rfpId)).version).toBe(r.version);
    expect(await auditOf(r.rfpId)).toEqual([]);
  });

  it("refuses invalid documents with a message naming the section, question and field", async () => {
    const r = await rfp();
    const base = doc(r, { stages: (await stored(r.rfpId)).stages });
    const withBadQuestion = (q: Record<string, unknown>) => addQuestion(r.content, 1, q);
    const qNumber = r.content.sections[1]!.questions.length + 1;
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        {
          content: withBadQuestion({ id: "q1", kind: "single", prompt: "Pick", options: ["A", "a"], required: false }),
        },
        new RegExp(`^Content: question ${qNumber} in “.+” lists the option “a” twice\\.$`),
      ],
      [
        { content: withBadQuestion({ id: "q2", kind: "single", prompt: "Pick", options: [], required: false }) },
        new RegExp(`^Content: section 2, question ${qNumber}, options: add at least one option\\.$`),
      ],
      [
        { content: withBadQuestion({ id: "q3", kind: "text", prompt: "  ", required: false }) },
        new RegExp(`^Content: section 2, question ${qNumber}, question text: enter the question\\.$`),
      ],
      [
        {
          content: withBadQuestion({
            id: "q4",
            kind: "number",
            prompt: "Titre",
            unit: "g/L",
            min: 5,
            max: 1,
            required: false,
          }),
        },
        /the maximum \(1\) is below the minimum \(5\)/,
      ],
      [{ weights: { capability: 50, quality: 25, pricing: 25, handoff: 15 } }, /^Weights: .*add up to 115%/],
      [{ committeeOpening: true }, /^Committee opening: a committee opening needs sealed bids/],
      [{ timeZone: "Mars/Olympus" }, /^Time zone: choose the time zone from the list\.$/],
      [{ title: " " }, /^Title: give the RFP a title\.$/],
      [{ stages: ["FILL", "FILL"] }, /^Stages: each stage can be in scope once\.$/],
    ];
    for (const [over, message] of cases) {
      const f = await failure(update(s.owner, { ...base, ...over }));
      expect(f?.code, JSON.stringify(over)).toBe("BAD_REQUEST");
      expect(f?.message, JSON.stringify(over)).toMatch(message);
    }
    expect((await stored(r.rfpId)).version).toBe(r.version);
    expect(await auditOf(r.rfpId)).toEqual([]);
  });

  it("two saves of the same version: the first wins, the second is a CONFLICT telling to reload", async () => {
    const r = await rfp();
    const base = doc(r, { stages: (await stored(r.rfpId)).stages });
    await update(s.owner, { ...base, title: "Mine" });
    const f = await failure(update(s.evaluator, { ...base, title: "Theirs" }));
    expect(f?.code).toBe("CONFLICT");
    expect(f?.message).toMatch(/reload/i);
    expect((await stored(r.rfpId)).title).toBe("Mine");
  });

  it("20 concurrent saves of one version: exactly one wins, 19 CONFLICT, one audit entry, the winner's document stored", async () => {
    const r = await rfp();
    const base = doc(r, { stages: (await stored(r.rfpId)).stages });
    const N = 20;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        update(i % 2 ? s.owner : s.evaluator, { ...base, title: `Title ${i}` }).then(
          () => ({ ok: true as const, i }),
          (e: unknown) => ({ ok: false as const, i, code: e instanceof TRPCError ? e.code : String(e) }),
        ),
      ),
    );
    const winners = results.filter((x) => x.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((x) => !x.ok).map((x) => (x.ok ? "" : x.code))).toEqual(Array(N - 1).fill("CONFLICT"));
    const row = await stored(r.rfpId);
    expect(row.title).toBe(`Title ${winners[0]!.i}`);
    expect(row.version).toBe(r.version + 1);
    expect(await auditOf(r.rfpId)).toHaveLength(1);
  });

  it("no edits once the RFP is closed, awarded or cancelled (a published RFP past its due date reads as closed)", async () => {
    const seeds: SeedRfp[] = [
      { status: "CLOSED", dueAt: inDays(-1) },
      { status: "PUBLISHED", dueAt: new Date(Date.now() - 1000) },
      { status: "AWARDED", dueAt: inDays(-5) },
      { status: "CANCELLED" },
    ];
    for (const seed of seeds) {
      const r = await rfp(seed);
      const base = doc(r, { stages: (await stored(r.rfpId)).stages, dueAt: seed.dueAt ?? null });
      const f = await failure(update(s.owner, { ...base, title: "Too late" }));
      expect(f, seed.status).toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/can no longer be edited/),
      });
      expect((await stored(r.rfpId)).title).toBe("DS and DP for mAb-12");
    }
  });

  it("a published edit records what changed for invitees, who can read it", async () => {
    const due = inDays(10);
    const r = await rfp({ status: "PUBLISHED", dueAt: due, invite: [cdmo.id] });
    const base = doc(r, { stages: (await stored(r.rfpId)).stages, dueAt: due });
    const newDue = inDays(14);
    const content = addQuestion(r.content, 0, {
      id: "q-gmp",
      kind: "yesno",
      prompt: "EU GMP certificate?",
      required: true,
    });
    const result = await update(s.owner, {
      ...base,
      dueAt: newDue,
      weights: { capability: 30, quality: 30, pricing: 25, handoff: 15 },
      content,
    });
    expect(result.changeSummary).toEqual([
      expect.stringMatching(/^Due date moved from .+ to .+\.$/),
      expect.stringMatching(/^Question “EU GMP certificate\?” added to /),
    ]);
    // The weights are the sponsor's own: audited, not announced.
    expect(result.changeSummary.join(" ")).not.toMatch(/weight/i);
    const changes = await withTenant(await getDb(), { orgId: cdmo.id }, (db) =>
      db.rfpChange.findMany({ where: { rfpId: r.rfpId } }),
    );
    expect(changes.map((c) => c.summary)).toEqual([result.changeSummary]);
    expect(changes[0]).toMatchObject({ round: 1, byId: s.owner.id });
    const audit = await auditOf(r.rfpId);
    expect(Object.keys(audit[0]!.changes as object).sort()).toEqual(["content", "contentChanges", "dueAt", "weights"]);
    // Every member of the invited CDMO is told, in the bell and by e-mail.
    const told = (await t.adminQuery(
      `SELECT "userId", kind::text AS kind, title, body FROM "Notification" WHERE "contextOrgId" = '${cdmo.id}'`,
    )) as { userId: string; kind: string; title: string; body: string }[];
    expect(told.map((n) => n.userId).sort()).toEqual([cdmo.owner.id, cdmo.evaluator.id, cdmo.viewer.id].sort());
    for (const n of told) {
      expect(n).toMatchObject({ kind: "RFP_CHANGED", title: "RFP changed: DS and DP for mAb-12" });
      expect(n.body).toContain(result.changeSummary[1]);
    }
    // A change of weights alone is the sponsor's business: audited, announced to no one.
    const silent = await update(s.owner, {
      ...base,
      version: result.version,
      content,
      dueAt: newDue,
      weights: { capability: 25, quality: 35, pricing: 25, handoff: 15 },
    });
    expect(silent).toMatchObject({ changed: true, changeSummary: [] });
    const after = await t.adminQuery(`SELECT 1 FROM "Notification" WHERE "contextOrgId" = '${cdmo.id}'`);
    expect(after).toHaveLength(told.length);
  });

  it("after publication: sealed options stay, the due date stays set and ahead, the RFP stays complete", async () => {
    const due = inDays(10);
    const r = await rfp({ status: "PUBLISHED", dueAt: due, sealed: true, invite: [cdmo.id] });
    const base = doc(r, { stages: (await stored(r.rfpId)).stages, dueAt: due, sealed: true });
    const priceLess = structuredClone(r.content);
    for (const section of priceLess.sections) section.questions = section.questions.filter((q) => q.kind !== "price");
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ sealed: false }, /sealed-bid options cannot change after publication/],
      [{ committeeOpening: true }, /sealed-bid options cannot change after publication/],
      [{ dueAt: null }, /keeps a due date/],
      [{ dueAt: new Date(Date.now() + 10 * 60_000) }, /at least an hour from now/],
      [{ content: priceLess }, /must stay complete: Add a price line for every stage in scope/],
    ];
    for (const [over, message] of cases) {
      const f = await failure(update(s.owner, { ...base, ...over }));
      expect(f, JSON.stringify(over)).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    }
    expect((await stored(r.rfpId)).version).toBe(r.version);
    // A draft may switch the options freely.
    const d = await rfp({ sealed: true, committeeOpening: true });
    const draft = doc(d, { stages: (await stored(d.rfpId)).stages, sealed: true, committeeOpening: true });
    expect(await update(s.owner, { ...draft, sealed: false, committeeOpening: false })).toMatchObject({
      changed: true,
    });
  });

  it("viewers cannot save; another sponsor and an invited CDMO cannot reach the RFP", async () => {
    const r = await rfp({ status: "PUBLISHED", dueAt: inDays(10), invite: [cdmo.id] });
    const base = doc(r, { stages: (await stored(r.rfpId)).stages, dueAt: inDays(10), title: "Hijacked" });
    expect(await failure(update(s.viewer, base))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(update(other.owner, base))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(update(other.owner, { ...base, orgSlug: other.slug }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(update(cdmo.owner, { ...base, orgSlug: cdmo.slug }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await stored(r.rfpId)).title).toBe("DS and DP for mAb-12");
  });

  it("rfp.editor gives the builder the document, its version and what may still change", async () => {
    const draft = await rfp({ sealed: true });
    const view = await callerFor(s.viewer).rfp.editor({ orgSlug: s.slug, rfpId: draft.rfpId });
    expect(view).toMatchObject({
      id: draft.rfpId,
      version: draft.version,
      status: "DRAFT",
      editable: true,
      sealLocked: false,
      sealed: true,
      programme: { name: "mAb-12 programme" },
    });
    expect(view.content).toEqual(draft.content);
    const open = await rfp({ status: "PUBLISHED", dueAt: inDays(3) });
    expect(await callerFor(s.owner).rfp.editor({ orgSlug: s.slug, rfpId: open.rfpId })).toMatchObject({
      status: "PUBLISHED",
      editable: true,
      sealLocked: true,
    });
    const late = await rfp({ status: "PUBLISHED", dueAt: new Date(Date.now() - 1000) });
    expect(await callerFor(s.owner).rfp.editor({ orgSlug: s.slug, rfpId: late.rfpId })).toMatchObject({
      status: "CLOSED",
      editable: false,
    });
    expect(await failure(callerFor(other.owner).rfp.editor({ orgSlug: other.slug, rfpId: draft.rfpId }))).toMatchObject(
      { code: "NOT_FOUND" },
    );
  });
});
