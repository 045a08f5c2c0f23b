import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";
import { makeRfp, type RfpFixture } from "./helpers/rfp-responses";

// Clarifications: a CDMO asks while the RFP is open; the sponsor sees who asked and answers to
// every invitee (the question as the sponsor words it, never who asked) or privately. Another
// invitee's view never carries the asker's name or the id of a question it did not ask.

let t: TestDb;
let sponsorOwner: TestUser;
let viewer: TestUser;
let sponsor: { id: string; slug: string };
type Cdmo = { id: string; slug: string; name: string; owner: TestUser };
const cdmos: Cdmo[] = [];
let outsider: Cdmo;

const DAY = 86_400_000;
const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

beforeAll(async () => {
  t = await createTestDb();
  sponsorOwner = await makeUser("cl-owner");
  sponsor = await makeOrg("SPONSOR", sponsorOwner, "Clarifying Sponsor");
  viewer = await makeUser("cl-viewer");
  await addMember(sponsor.id, viewer, "VIEWER");
  for (const name of ["Asker Bio Secret", "Other Invitee Bio", "Not Invited Bio"]) {
    const owner = await makeUser("cl-cdmo");
    const org = await makeOrg("CDMO", owner, name);
    cdmos.push({ ...org, name, owner });
  }
  outsider = cdmos.pop()!;
});
afterAll(async () => t?.drop());

const openRfp = (dueAt = new Date(Date.now() + 7 * DAY)): Promise<RfpFixture> =>
  makeRfp({ sponsorId: sponsor.id, cdmos: cdmos.map((c) => ({ id: c.id, name: c.name })), dueAt });

const ask = (c: Cdmo, rfpId: string, question: string) =>
  callerFor(c.owner).clarification.ask({ orgSlug: c.slug, rfpId, question });

async function notificationsOf(user: TestUser) {
  return (await callerFor(user).notification.list({ limit: 50 })).items as { kind: string; body: string }[];
}

describe(`clarifications (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("an answer to all shows the sponsor's wording to every invitee, never who asked", async () => {
    const rfp = await openRfp();
    const [asker, other] = cdmos as [Cdmo, Cdmo];
    const q = await ask(asker, rfp.rfpId, "As Asker Bio Secret, may we quote our Site 7 in Worcester?");

    // The sponsor sees who asked, and is told.
    const list = await callerFor(viewer).clarification.list({ orgSlug: sponsor.slug, rfpId: rfp.rfpId });
    expect(list.questions).toHaveLength(1);
    expect(list.questions[0]).toMatchObject({ id: q.id, askedBy: "Asker Bio Secret", answer: null });
    expect(list.unanswered).toBe(1);
    expect((await notificationsOf(sponsorOwner)).some((n) => n.kind === "CLARIFICATION")).toBe(true);

    // Before an answer the other invitee sees nothing of it.
    const before = await callerFor(other.owner).clarification.listAsInvitee({ orgSlug: other.slug, rfpId: rfp.rfpId });
    expect(before).toEqual({ mine: [], answers: [] });

    await callerFor(sponsorOwner).clarification.answer({
      orgSlug: sponsor.slug,
      clarificationId: q.id,
      audience: "ALL",
      question: "May a second site be quoted?",
      answer: "Yes, name the site in the price line.",
    });

    const seen = await callerFor(other.owner).clarification.listAsInvitee({ orgSlug: other.slug, rfpId: rfp.rfpId });
    expect(seen.mine).toEqual([]);
    expect(seen.answers).toHaveLength(1);
    expect(seen.answers[0]).toMatchObject({
      question: "May a second site be quoted?",
      answer: "Yes, name the site in the price line.",
    });
    const text = JSON.stringify(seen);
    for (const secret of [q.id, asker.id, asker.name, "Site 7", asker.owner.email]) expect(text).not.toContain(secret);
    // The notification every invitee gets names no asker either.
    const told = (await notificationsOf(other.owner)).filter((n) => n.kind === "CLARIFICATION");
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told)).not.toMatch(/Asker Bio|Site 7/);

    // The asker sees its own question answered (to everyone).
    const mine = await callerFor(asker.owner).clarification.listAsInvitee({ orgSlug: asker.slug, rfpId: rfp.rfpId });
    expect(mine.mine).toHaveLength(1);
    expect(mine.mine[0]!.answer).toMatchObject({ audience: "ALL", answer: "Yes, name the site in the price line." });
    expect(mine.answers).toEqual([]);

    // Answered once only.
    await expect(
      callerFor(sponsorOwner).clarification.answer({
        orgSlug: sponsor.slug,
        clarificationId: q.id,
        audience: "PRIVATE",
        answer: "again",
      }),
    ).rejects.toSatisfy((e) => code(e) === "CONFLICT");
  });

  it("a private answer reaches the asker only", async () => {
    const rfp = await openRfp();
    const [asker, other] = cdmos as [Cdmo, Cdmo];
    const q = await ask(asker, rfp.rfpId, "Is a reference standard supplied?");
    await callerFor(sponsorOwner).clarification.answer({
      orgSlug: sponsor.slug,
      clarificationId: q.id,
      audience: "PRIVATE",
      answer: "Yes, 2 mg, shipped on dry ice.",
    });
    const mine = await callerFor(asker.owner).clarification.listAsInvitee({ orgSlug: asker.slug, rfpId: rfp.rfpId });
    expect(mine.mine[0]!.answer).toMatchObject({ audience: "PRIVATE", answer: "Yes, 2 mg, shipped on dry ice." });
    const theirs = await callerFor(other.owner).clarification.listAsInvitee({ orgSlug: other.slug, rfpId: rfp.rfpId });
    expect(JSON.stringify(theirs)).not.toMatch(/dry ice|reference standard/);
    const audit = await callerFor(sponsorOwner).audit.list({ orgSlug: sponsor.slug, limit: 50 });
    expect(audit.items.some((a) => a.action === "clarification.answered")).toBe(true);
    const cdmoAudit = await callerFor(asker.owner).audit.list({ orgSlug: asker.slug, limit: 50 });
    expect(cdmoAudit.items.some((a) => a.action === "clarification.asked")).toBe(true);
  });

  it("questions only while the RFP is open, and only from invitees", async () => {
    const closed = await openRfp(new Date(Date.now() - DAY));
    await expect(ask(cdmos[0]!, closed.rfpId, "Too late?")).rejects.toSatisfy((e) => code(e) === "CONFLICT");
    const rfp = await openRfp();
    await expect(ask(outsider, rfp.rfpId, "Let me in?")).rejects.toSatisfy((e) => code(e) === "NOT_FOUND");
    await expect(
      callerFor(outsider.owner).clarification.listAsInvitee({ orgSlug: outsider.slug, rfpId: rfp.rfpId }),
    ).rejects.toSatisfy((e) => code(e) === "NOT_FOUND");
    // A revoked invitation closes the door too.
    await withTenant(await getDb(), { orgId: sponsor.id }, (tx) =>
      tx.rfpInvitation.update({ where: { id: rfp.invitations.get(cdmos[1]!.id)! }, data: { revokedAt: new Date() } }),
    );
    await expect(ask(cdmos[1]!, rfp.rfpId, "Still there?")).rejects.toSatisfy((e) => code(e) === "NOT_FOUND");
    // Another sponsor cannot list or answer them.
    const q = await ask(cdmos[0]!, rfp.rfpId, "A fair question");
    const otherOwner = await makeUser("cl-other-sponsor");
    const otherSponsor = await makeOrg("SPONSOR", otherOwner);
    await expect(
      callerFor(otherOwner).clarification.list({ orgSlug: otherSponsor.slug, rfpId: rfp.rfpId }),
    ).rejects.toSatisfy((e) => code(e) === "NOT_FOUND");
    await expect(
      callerFor(otherOwner).clarification.answer({
        orgSlug: otherSponsor.slug,
        clarificationId: q.id,
        audience: "ALL",
        answer: "Hijacked",
      }),
    ).rejects.toSatisfy((e) => code(e) === "NOT_FOUND");
  });
});
