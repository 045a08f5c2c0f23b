import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { assertSponsorMaySeeResponses, sponsorMaySeeResponses } from "@/server/rfps/sealing";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";
import { makeRfp, priceAnswers, setDueAt, submitResponse, type RfpFixture } from "./helpers/rfp-responses";

// Sealed bids: before the due date (and, with committee opening, before two different sponsor
// members have opened them) the sponsor learns how many responses arrived and when, nothing
// more; the opening itself is refused before the deadline, counted once per member, and audited.

let t: TestDb;
let owner: TestUser;
let evaluator: TestUser;
let sponsor: { id: string; slug: string };
const cdmos: { id: string; name: string }[] = [];

const DAY = 86_400_000;
const future = () => new Date(Date.now() + 7 * DAY);
const past = () => new Date(Date.now() - DAY);

beforeAll(async () => {
  t = await createTestDb();
  owner = await makeUser("sb-owner");
  sponsor = await makeOrg("SPONSOR", owner, "Sealed Sponsor");
  evaluator = await makeUser("sb-evaluator");
  await addMember(sponsor.id, evaluator, "EVALUATOR");
  for (const name of ["Sealed CDMO One", "Sealed CDMO Two"]) {
    const o = await makeUser("sb-cdmo");
    const org = await makeOrg("CDMO", o, name);
    cdmos.push({ id: org.id, name });
  }
});
afterAll(async () => t?.drop());

async function rfpWithResponses(o: { sealed: boolean; committeeOpening: boolean; dueAt: Date }): Promise<RfpFixture> {
  const rfp = await makeRfp({ sponsorId: sponsor.id, cdmos, ...o });
  for (const [i, c] of cdmos.entries())
    await submitResponse({ cdmoId: c.id, sponsorId: sponsor.id, rfp, answers: priceAnswers(100_000 * (i + 1)) });
  return rfp;
}

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));
const asSponsor = (u: TestUser) => callerFor(u).bids;

describe(`sealed bids (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("before the due date: only how many responses arrived and when; opening is refused", async () => {
    const rfp = await rfpWithResponses({ sealed: true, committeeOpening: true, dueAt: future() });
    const s = await asSponsor(owner).status({ orgSlug: sponsor.slug, rfpId: rfp.rfpId });
    expect(s.state).toMatchObject({ visible: false, reason: "before-due-date" });
    expect(s.submissions.count).toBe(2);
    expect(s.submissions.times).toHaveLength(2);
    expect(s.canOpen).toBe(false);
    expect(s.message).toMatch(/sealed until the due date/);
    // Nothing of the answers travels in the status.
    expect(JSON.stringify(s)).not.toMatch(/100000|price-|Sealed CDMO/);
    await expect(asSponsor(owner).open({ orgSlug: sponsor.slug, rfpId: rfp.rfpId })).rejects.toSatisfy(
      (e) => code(e) === "CONFLICT",
    );
    const db = await getDb();
    expect(
      await withTenant(db, { orgId: sponsor.id }, (tx) => sponsorMaySeeResponses(tx, sponsor.id, rfp.rfpId, 1)),
    ).toBe(false);
    await expect(
      withTenant(db, { orgId: sponsor.id }, (tx) => assertSponsorMaySeeResponses(tx, sponsor.id, rfp.rfpId, 1)),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("no price reaches the sponsor before the due date: matrix, CSV, XLSX, audit log", async () => {
    const rfp = await rfpWithResponses({ sealed: true, committeeOpening: false, dueAt: future() });
    // The CDMO's own audit trail records what it submitted; that entry lives in the CDMO's organisation.
    const { recordAudit } = await import("@/server/audit/record-audit");
    await withTenant(await getDb(), { orgId: cdmos[0]!.id }, (tx) =>
      recordAudit(tx, {
        actor: null,
        action: "response.submitted",
        entityType: "RfpResponse",
        entityId: rfp.rfpId,
        changes: { answers: { old: null, new: priceAnswers(100_000) } },
      }),
    );
    const input = { orgSlug: sponsor.slug, rfpId: rfp.rfpId };
    const api = callerFor(owner);
    const matrix = await api.responses.matrix(input);
    expect(matrix.matrix).toBeNull();
    expect(matrix.submissions.count).toBe(2);
    for (const call of [api.responses.exportCsv, api.responses.exportXlsx])
      await expect(call(input)).rejects.toSatisfy((e) => code(e) === "PRECONDITION_FAILED");
    const trail = JSON.stringify([
      await api.audit.list({ orgSlug: sponsor.slug, limit: 200 }),
      await api.audit.exportCsv({ orgSlug: sponsor.slug }),
      matrix,
    ]);
    for (const price of ["100000", "200000", "300000", "400000", "500000", "600000"])
      expect(trail).not.toContain(price);
    // After the due date the same reads show them.
    await setDueAt(sponsor.id, rfp.rfpId, past());
    const open = await api.responses.matrix(input);
    expect(open.matrix!.totals.map((t) => t.price)).toEqual([2_100_000, 4_200_000]);
    expect((await api.responses.exportCsv(input)).csv).toContain("2100000");
  });

  it("committee opening: the same member twice counts once; the second member opens the prices", async () => {
    const rfp = await rfpWithResponses({ sealed: true, committeeOpening: true, dueAt: future() });
    await setDueAt(sponsor.id, rfp.rfpId, past());
    const input = { orgSlug: sponsor.slug, rfpId: rfp.rfpId };
    let s = await asSponsor(owner).status(input);
    expect(s.state).toMatchObject({ visible: false, reason: "awaiting-committee", openingsNeeded: 2 });
    expect(s.canOpen).toBe(true);

    s = await asSponsor(owner).open(input);
    expect(s.state).toMatchObject({ visible: false, reason: "awaiting-committee", openingsNeeded: 1 });
    expect(s.openedByMe).toBe(true);
    expect(s.canOpen).toBe(false);
    s = await asSponsor(owner).open(input);
    expect(s.openings).toHaveLength(1);
    expect(s.state.visible).toBe(false);
    // The matrix reads the openings with its RFP (one statement): it agrees with the seal.
    const halfOpen = await callerFor(owner).responses.matrix(input);
    expect(halfOpen.matrix).toBeNull();
    expect(halfOpen.seal).toMatchObject({ openings: 1, state: { reason: "awaiting-committee", openingsNeeded: 1 } });

    s = await asSponsor(evaluator).open(input);
    expect(s.state).toEqual({ visible: true });
    expect(s.openings.map((o) => o.mine)).toEqual([false, true]);
    const open = await callerFor(owner).responses.matrix(input);
    expect(open.seal).toMatchObject({ openings: 2, state: { visible: true } });
    expect(open.columns).toHaveLength(2);

    const audit = await callerFor(owner).audit.list({ orgSlug: sponsor.slug, entityId: rfp.rfpId, limit: 50 });
    const opened = audit.items.filter((a) => a.action === "rfp.bidsOpened");
    expect(opened).toHaveLength(2);
    expect(opened.map((a) => (a.changes as Record<string, { new: unknown }>).pricesVisible!.new).sort()).toEqual([
      false,
      true,
    ]);
  });

  it("sealed without committee opens by itself at the due date; nothing to open", async () => {
    const rfp = await rfpWithResponses({ sealed: true, committeeOpening: false, dueAt: future() });
    const input = { orgSlug: sponsor.slug, rfpId: rfp.rfpId };
    expect((await asSponsor(owner).status(input)).state.visible).toBe(false);
    await setDueAt(sponsor.id, rfp.rfpId, past());
    expect((await asSponsor(owner).status(input)).state).toEqual({ visible: true });
    await expect(asSponsor(owner).open(input)).rejects.toSatisfy((e) => code(e) === "BAD_REQUEST");
  });

  it("an unsealed RFP shows its responses as they arrive", async () => {
    const rfp = await rfpWithResponses({ sealed: false, committeeOpening: false, dueAt: future() });
    const s = await asSponsor(owner).status({ orgSlug: sponsor.slug, rfpId: rfp.rfpId });
    expect(s.state).toEqual({ visible: true });
    await expect(asSponsor(owner).open({ orgSlug: sponsor.slug, rfpId: rfp.rfpId })).rejects.toSatisfy(
      (e) => code(e) === "BAD_REQUEST",
    );
  });

  it("a sealed RFP cancelled before its due date stays sealed", async () => {
    const rfp = await rfpWithResponses({ sealed: true, committeeOpening: false, dueAt: future() });
    await withTenant(await getDb(), { orgId: sponsor.id }, (tx) =>
      tx.rfp.update({
        where: { id: rfp.rfpId },
        data: { status: "CANCELLED", cancelledAt: new Date(), dueAt: new Date(Date.now() + 60_000) },
      }),
    );
    await setDueAt(sponsor.id, rfp.rfpId, past());
    await withTenant(await getDb(), { orgId: sponsor.id }, (tx) =>
      tx.rfp.update({ where: { id: rfp.rfpId }, data: { cancelledAt: new Date(Date.now() - 2 * DAY) } }),
    );
    const s = await asSponsor(owner).status({ orgSlug: sponsor.slug, rfpId: rfp.rfpId });
    expect(s.state.visible).toBe(false);
    expect(s.cancelledUnopened).toBe(true);
  });

  it("refuses a round the RFP does not have, and another organisation's RFP", async () => {
    const rfp = await rfpWithResponses({ sealed: true, committeeOpening: true, dueAt: future() });
    await expect(asSponsor(owner).status({ orgSlug: sponsor.slug, rfpId: rfp.rfpId, round: 2 })).rejects.toSatisfy(
      (e) => code(e) === "BAD_REQUEST",
    );
    const other = await makeUser("sb-other");
    const otherOrg = await makeOrg("SPONSOR", other);
    await expect(asSponsor(other).status({ orgSlug: otherOrg.slug, rfpId: rfp.rfpId })).rejects.toSatisfy(
      (e) => code(e) === "NOT_FOUND",
    );
  });
});
