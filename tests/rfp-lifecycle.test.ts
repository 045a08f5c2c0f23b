import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/server/accounts/tokens";
import { getDb } from "@/server/db/client";
import { withOutboxAccess } from "@/server/db/outbox";
import { rfpLifecycle } from "@/server/rfps/lifecycle-service";
import { callerFor } from "./helpers/actors";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { asOrg, inviteEmail, inviteOrg, makeDraftRfp, makeOrgWith } from "./helpers/rfp-fixture";

// Publish, cancel and revision rounds through the procedures: checked on the server, audited,
// notified, and safe when many people press the button at once.

let t: TestDb;
let sponsor: Awaited<ReturnType<typeof makeOrgWith>>;
let cdmo: Awaited<ReturnType<typeof makeOrgWith>>;
let other: Awaited<ReturnType<typeof makeOrgWith>>;

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeOrgWith("SPONSOR", "sp", ["EVALUATOR"]);
  cdmo = await makeOrgWith("CDMO", "cd", ["RESPONDER"]);
  other = await makeOrgWith("CDMO", "ot");
});
afterAll(async () => t?.drop());

const rfpApi = () => callerFor(sponsor.owner).rfp;
const orgSlug = () => sponsor.slug;
const DAY = 86_400_000;

const notificationsOf = async (userId: string) =>
  (await t.adminQuery(
    `SELECT kind::text, title, link FROM "Notification" WHERE "userId" = '${userId}' ORDER BY "createdAt"`,
  )) as { kind: string; title: string; link: string }[];
const outboxTo = async (email: string) =>
  withOutboxAccess(await getDb(), (tx) =>
    tx.emailOutbox.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } }),
  );
// Read as the sponsor: on PostgreSQL the owner role is under the same forced row-level security.
const auditOf = async (entityId: string) =>
  asOrg(sponsor.id, (db) =>
    db.auditEvent.findMany({
      where: { entityId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { action: true, actorId: true },
    }),
  );
const rfpRow = async (rfpId: string) =>
  asOrg(sponsor.id, (db) => db.rfp.findFirstOrThrow({ where: { id: rfpId, organizationId: sponsor.id } }));
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof TRPCError ? { code: e.code, message: e.message } : { code: "?", message: String(e) }),
  );

describe(`rfp.publish (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("refuses what is not ready, naming the field", async () => {
    const noDue = await makeDraftRfp(sponsor.id, { dueAt: null });
    await inviteOrg(sponsor.id, noDue.rfpId, cdmo.id, { sent: false });
    expect(await errorOf(rfpApi().publish({ orgSlug: orgSlug(), rfpId: noDue.rfpId }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/due date/),
    });
    const past = await makeDraftRfp(sponsor.id, { dueAt: new Date(Date.now() - DAY) });
    await inviteOrg(sponsor.id, past.rfpId, cdmo.id, { sent: false });
    expect(await errorOf(rfpApi().publish({ orgSlug: orgSlug(), rfpId: past.rfpId }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/already passed/),
    });
    const empty = await makeDraftRfp(sponsor.id, { empty: true });
    await inviteOrg(sponsor.id, empty.rfpId, cdmo.id, { sent: false });
    expect(await errorOf(rfpApi().publish({ orgSlug: orgSlug(), rfpId: empty.rfpId }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    const uninvited = await makeDraftRfp(sponsor.id);
    expect(await errorOf(rfpApi().publish({ orgSlug: orgSlug(), rfpId: uninvited.rfpId }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "Invite at least one CDMO before publishing.",
    });
    const status = await rfpApi().status({ orgSlug: orgSlug(), rfpId: uninvited.rfpId });
    expect(status).toMatchObject({ status: "DRAFT", can: { publish: false } });
    expect(status.publishProblems.map((p) => p.field)).toContain("invitations");
    for (const r of [noDue, past, empty, uninvited]) expect((await rfpRow(r.rfpId)).status).toBe("DRAFT");
    // An evaluator may edit but not publish.
    expect(
      await errorOf(callerFor(sponsor.members[0]!).rfp.publish({ orgSlug: orgSlug(), rfpId: uninvited.rfpId })),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  it("publishes, sends every pending invitation (notification or claim link), audits, and refuses a stale version", async () => {
    const { rfpId } = await makeDraftRfp(sponsor.id, { title: "Publish me" });
    await inviteOrg(sponsor.id, rfpId, cdmo.id, { sent: false });
    const byMail = await inviteEmail(sponsor.id, rfpId, "new-cdmo@test.example", { sent: false });
    const revoked = await inviteOrg(sponsor.id, rfpId, other.id, { sent: false });
    await asOrg(sponsor.id, (db) =>
      db.rfpInvitation.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } }),
    );
    const before = await rfpApi().status({ orgSlug: orgSlug(), rfpId });
    expect(before).toMatchObject({ status: "DRAFT", can: { publish: true }, invitations: { active: 2, pending: 2 } });

    expect(await errorOf(rfpApi().publish({ orgSlug: orgSlug(), rfpId, version: before.version + 5 }))).toMatchObject({
      code: "CONFLICT",
    });
    const r = await rfpApi().publish({ orgSlug: orgSlug(), rfpId, version: before.version });
    expect(r).toMatchObject({ status: "PUBLISHED", sent: 2, version: before.version + 1 });
    const row = await rfpRow(rfpId);
    expect(row.status).toBe("PUBLISHED");
    expect(row.publishedAt).toBeInstanceOf(Date);

    for (const u of [cdmo.owner, cdmo.members[0]!])
      expect(await notificationsOf(u.id)).toContainEqual(
        expect.objectContaining({ kind: "INVITATION", link: `/${cdmo.slug}/inbox/${rfpId}` }),
      );
    expect(await notificationsOf(other.owner.id)).toEqual([]);
    const mail = await outboxTo("new-cdmo@test.example");
    expect(mail).toHaveLength(1);
    const token = /\/rfp-invite\/([A-Za-z0-9_-]+)/.exec(mail[0]!.text)?.[1];
    expect(token).toBeTruthy();
    const stored = await asOrg(sponsor.id, (db) => db.rfpInvitation.findUniqueOrThrow({ where: { id: byMail.id } }));
    expect(stored.tokenHash).toBe(hashToken(token!));
    expect(stored.sentAt).toBeInstanceOf(Date);
    const revokedRow = await asOrg(sponsor.id, (db) =>
      db.rfpInvitation.findUniqueOrThrow({ where: { id: revoked.id } }),
    );
    expect(revokedRow.sentAt).toBeNull();

    expect((await auditOf(rfpId)).map((a) => [a.action, a.actorId])).toEqual([["rfp.published", sponsor.owner.id]]);
    expect((await auditOf(byMail.id)).map((a) => a.action)).toEqual(["rfp_invitation.sent"]);
    expect(await errorOf(rfpApi().publish({ orgSlug: orgSlug(), rfpId }))).toMatchObject({ code: "BAD_REQUEST" });
    // The invited CDMO now reads the RFP; the revoked one does not.
    expect(await asOrg(cdmo.id, (db) => db.rfp.count({ where: { id: rfpId } }))).toBe(1);
    expect(await asOrg(other.id, (db) => db.rfp.count({ where: { id: rfpId } }))).toBe(0);
  });

  it("20 concurrent publishes: exactly one succeeds, invitations go out once", async () => {
    const { rfpId } = await makeDraftRfp(sponsor.id, { title: "Race" });
    await inviteOrg(sponsor.id, rfpId, other.id, { sent: false });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        errorOf(callerFor(sponsor.owner).rfp.publish({ orgSlug: orgSlug(), rfpId })).then((e) => e?.code ?? "OK"),
      ),
    );
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "OK").every((o) => o === "BAD_REQUEST" || o === "CONFLICT")).toBe(true);
    expect((await auditOf(rfpId)).filter((a) => a.action === "rfp.published")).toHaveLength(1);
    const invitations = (await notificationsOf(other.owner.id)).filter(
      (n) => n.kind === "INVITATION" && n.link.endsWith(rfpId),
    );
    expect(invitations).toHaveLength(1);
  });
});

describe(`rfp.cancel and rfp.openRevisionRound (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("cancel needs a reason, tells invitees, and is final", async () => {
    const { rfpId } = await makeDraftRfp(sponsor.id, { title: "To cancel" });
    await inviteOrg(sponsor.id, rfpId, cdmo.id, { sent: false });
    await rfpApi().publish({ orgSlug: orgSlug(), rfpId });
    expect(await errorOf(rfpApi().cancel({ orgSlug: orgSlug(), rfpId, reason: "  " }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    const r = await rfpApi().cancel({ orgSlug: orgSlug(), rfpId, reason: "The programme is on hold." });
    expect(r).toMatchObject({ status: "CANCELLED", told: 1 });
    expect(await rfpRow(rfpId)).toMatchObject({ status: "CANCELLED", cancelReason: "The programme is on hold." });
    expect(await notificationsOf(cdmo.owner.id)).toContainEqual({
      kind: "RFP_CHANGED",
      title: "RFP cancelled: To cancel",
      link: `/${cdmo.slug}/inbox/${rfpId}`,
    });
    expect((await auditOf(rfpId)).map((a) => a.action)).toEqual(["rfp.published", "rfp.cancelled"]);
    expect(await errorOf(rfpApi().cancel({ orgSlug: orgSlug(), rfpId, reason: "Again" }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await errorOf(rfpApi().publish({ orgSlug: orgSlug(), rfpId }))).toMatchObject({ code: "CONFLICT" });
    expect(
      await errorOf(rfpApi().openRevisionRound({ orgSlug: orgSlug(), rfpId, dueAt: new Date(Date.now() + 7 * DAY) })),
    ).toMatchObject({ code: "CONFLICT" });
  });

  it("a revision round opens only once closed, with a due date ahead, keeping the old responses", async () => {
    const { rfpId } = await makeDraftRfp(sponsor.id, { title: "BAFO" });
    const inv = await inviteOrg(sponsor.id, rfpId, cdmo.id, { sent: false });
    await rfpApi().publish({ orgSlug: orgSlug(), rfpId });
    const newDue = new Date(Date.now() + 10 * DAY);
    expect(await errorOf(rfpApi().openRevisionRound({ orgSlug: orgSlug(), rfpId, dueAt: newDue }))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/still open/),
    });
    // The CDMO submits round 1; then the due date passes (nobody runs the closing job).
    const responseId = await asOrg(cdmo.id, async (db) => {
      const p = await db.rfpParticipation.create({
        data: { invitationId: inv.id, rfpId, sponsorOrganizationId: sponsor.id },
      });
      const x = await db.rfpResponse.create({
        data: {
          participationId: p.id,
          rfpId,
          sponsorOrganizationId: sponsor.id,
          round: 1,
          answers: { q: "round one" },
          submittedAt: new Date(),
        },
      });
      return x.id;
    });
    await asOrg(sponsor.id, (db) =>
      db.rfp.update({ where: { id: rfpId }, data: { dueAt: new Date(Date.now() - 60_000) } }),
    );
    const closed = await rfpApi().status({ orgSlug: orgSlug(), rfpId });
    expect(closed).toMatchObject({ status: "CLOSED", storedStatus: "PUBLISHED", can: { openRevisionRound: true } });

    expect(
      await errorOf(rfpApi().openRevisionRound({ orgSlug: orgSlug(), rfpId, dueAt: new Date(Date.now() - DAY) })),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await errorOf(rfpApi().openRevisionRound({ orgSlug: orgSlug(), rfpId, dueAt: newDue, timeZone: "Mars/Base" })),
    ).toMatchObject({ code: "BAD_REQUEST" });
    const r = await rfpApi().openRevisionRound({
      orgSlug: orgSlug(),
      rfpId,
      dueAt: newDue,
      timeZone: "Europe/Berlin",
      note: "Please sharpen the DS price.",
    });
    expect(r).toMatchObject({ status: "PUBLISHED", round: 2, told: 1 });
    expect(await rfpRow(rfpId)).toMatchObject({ status: "PUBLISHED", round: 2, dueAt: newDue });
    expect(await notificationsOf(cdmo.owner.id)).toContainEqual({
      kind: "RFP_CHANGED",
      title: "Revision round 2: BAFO",
      link: `/${cdmo.slug}/inbox/${rfpId}`,
    });
    const changes = await asOrg(cdmo.id, (db) => db.rfpChange.findMany({ where: { rfpId } }));
    expect(changes.map((c) => [c.round, c.summary[1]])).toEqual([[2, "Please sharpen the DS price."]]);
    const old = await asOrg(sponsor.id, (db) => db.rfpResponse.findFirst({ where: { id: responseId } }));
    expect(old).toMatchObject({ round: 1, answers: { q: "round one" } });
    expect((await auditOf(rfpId)).map((a) => a.action)).toEqual(["rfp.published", "rfp.revision_round_opened"]);
  });

  it("status reads follow the clock, not the stored column", async () => {
    const { rfpId } = await makeDraftRfp(sponsor.id, { dueAt: new Date(Date.now() + 2 * DAY) });
    await inviteOrg(sponsor.id, rfpId, cdmo.id, { sent: false });
    await rfpApi().publish({ orgSlug: orgSlug(), rfpId });
    const later = new Date(Date.now() + 3 * DAY);
    const view = await asOrg(sponsor.id, (db) => rfpLifecycle(db, sponsor.id, rfpId, later));
    expect(view).toMatchObject({ status: "CLOSED", storedStatus: "PUBLISHED" });
    expect((await rfpRow(rfpId)).status).toBe("PUBLISHED");
  });

  it("other organisations cannot touch the RFP", async () => {
    const { rfpId } = await makeDraftRfp(sponsor.id);
    await inviteOrg(sponsor.id, rfpId, cdmo.id, { sent: false });
    const otherSponsor = await makeOrgWith("SPONSOR", "os");
    const api = callerFor(otherSponsor.owner).rfp;
    // Called one at a time: a rejection created before it is awaited would be reported as unhandled.
    for (const call of [
      () => api.publish({ orgSlug: otherSponsor.slug, rfpId }),
      () => api.status({ orgSlug: otherSponsor.slug, rfpId }),
      () => api.cancel({ orgSlug: otherSponsor.slug, rfpId, reason: "mine now" }),
    ])
      expect(await errorOf(call())).toMatchObject({ code: "NOT_FOUND" });
    // The invited CDMO cannot manage it either (a sponsor-only permission).
    expect(await errorOf(callerFor(cdmo.owner).rfp.publish({ orgSlug: cdmo.slug, rfpId }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await rfpRow(rfpId)).status).toBe("DRAFT");
  });
});
