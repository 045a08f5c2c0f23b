import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withOutboxAccess } from "@/server/db/outbox";
import { notify } from "@/server/notifications/notify";
import { notifyInvitees, notifySponsor } from "@/server/notifications/rfp-notify";
import { callerFor } from "./helpers/actors";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { asOrg, inviteEmail, inviteOrg, makeDraftRfp, makeOrgWith } from "./helpers/rfp-fixture";

// notify_org is the one way to write another person's notification: it refuses organisations
// that share no RFP invitation, and honours each person's e-mail opt-out per kind.

let t: TestDb;
let sponsor: Awaited<ReturnType<typeof makeOrgWith>>;
let cdmo: Awaited<ReturnType<typeof makeOrgWith>>;
let stranger: Awaited<ReturnType<typeof makeOrgWith>>;
let rfpId: string;

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeOrgWith("SPONSOR", "sp", ["ADMIN", "VIEWER"]);
  cdmo = await makeOrgWith("CDMO", "cd", ["RESPONDER"]);
  stranger = await makeOrgWith("CDMO", "st");
  ({ rfpId } = await makeDraftRfp(sponsor.id));
  await inviteOrg(sponsor.id, rfpId, cdmo.id);
});
afterAll(async () => t?.drop());

const notificationsOf = async (userId: string) =>
  (await t.adminQuery(
    `SELECT kind::text, title, body, link, "contextOrgId", "readAt" FROM "Notification" WHERE "userId" = '${userId}' ORDER BY "createdAt"`,
  )) as { kind: string; title: string; body: string; link: string; contextOrgId: string }[];

const outboxTo = async (email: string) =>
  withOutboxAccess(await getDb(), (tx) =>
    tx.emailOutbox.findMany({ where: { to: email.toLowerCase() }, orderBy: { createdAt: "asc" } }),
  );

const msg = (title: string) => ({
  kind: "RFP_CHANGED" as const,
  title,
  body: `${title}: the body.`,
  link: "/x/inbox/1",
});

describe(`notify (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("refuses an organisation that shares no RFP with the caller, and writes nothing", async () => {
    await expect(asOrg(sponsor.id, (db) => notify(db, { orgId: stranger.id, ...msg("Unrelated") }))).rejects.toThrow(
      /share an RFP/,
    );
    expect(await notificationsOf(stranger.owner.id)).toEqual([]);
    expect(await outboxTo(stranger.owner.email)).toEqual([]);
    // Nor can a CDMO reach an unrelated sponsor, or one whose invitation is still a draft.
    const other = await makeOrgWith("SPONSOR", "other");
    const draft = await makeDraftRfp(other.id);
    await inviteOrg(other.id, draft.rfpId, stranger.id, { sent: false });
    await expect(asOrg(stranger.id, (db) => notify(db, { orgId: other.id, ...msg("Back") }))).rejects.toThrow(
      /share an RFP/,
    );
    expect(await notificationsOf(other.owner.id)).toEqual([]);
  });

  it("notifies every member of an invited organisation, in-app and by e-mail, in the caller's transaction", async () => {
    const r = await asOrg(sponsor.id, (db) => notify(db, { orgId: cdmo.id, ...msg("Changed once") }));
    expect(r.emailed).toBe(2);
    for (const u of [cdmo.owner, cdmo.members[0]!]) {
      expect((await notificationsOf(u.id)).map((n) => [n.title, n.contextOrgId])).toEqual([["Changed once", cdmo.id]]);
      const mail = await outboxTo(u.email);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe("Changed once");
      expect(mail[0]!.text).toContain("Changed once: the body.");
      expect(mail[0]!.text).toMatch(/\/x\/inbox\/1/);
      expect(mail[0]!.text).toMatch(/\/account#notifications/);
    }
    // Rolled back with the change that caused it.
    await expect(
      asOrg(sponsor.id, async (db) => {
        await notify(db, { orgId: cdmo.id, ...msg("Never") });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await notificationsOf(cdmo.owner.id)).map((n) => n.title)).toEqual(["Changed once"]);
  });

  it("only the roles asked for", async () => {
    await asOrg(cdmo.id, (db) => notify(db, { orgId: sponsor.id, ...msg("Admins only"), roles: ["OWNER", "ADMIN"] }));
    expect((await notificationsOf(sponsor.owner.id)).map((n) => n.title)).toContain("Admins only");
    expect((await notificationsOf(sponsor.members[0]!.id)).map((n) => n.title)).toContain("Admins only");
    expect((await notificationsOf(sponsor.members[1]!.id)).map((n) => n.title)).not.toContain("Admins only");
  });

  it("e-mail opt-out per kind: the notification still appears, the e-mail does not", async () => {
    const responder = cdmo.members[0]!;
    await t.adminQuery(
      `INSERT INTO "NotificationPreference" ("userId", kind, email) VALUES ('${responder.id}', 'RFP_CHANGED', false)`,
    );
    const before = (await outboxTo(responder.email)).length;
    const r = await asOrg(sponsor.id, (db) => notify(db, { orgId: cdmo.id, ...msg("Changed twice") }));
    expect(r.emailed).toBe(1);
    expect((await notificationsOf(responder.id)).map((n) => n.title)).toContain("Changed twice");
    expect(await outboxTo(responder.email)).toHaveLength(before);
    // Another kind still e-mails.
    await asOrg(sponsor.id, (db) => notify(db, { orgId: cdmo.id, ...msg("Closed"), kind: "RFP_CLOSED" }));
    expect(await outboxTo(responder.email)).toHaveLength(before + 1);
  });

  it("notifyInvitees tells sent, unrevoked invitees with a link into their own organisation; notifySponsor the sponsor", async () => {
    const late = await makeOrgWith("CDMO", "late");
    await inviteOrg(sponsor.id, rfpId, late.id, { sent: false });
    await inviteEmail(sponsor.id, rfpId, "outside-person@test.example");
    const told = await asOrg(sponsor.id, (db) =>
      notifyInvitees(db, rfpId, { kind: "RFP_CHANGED", title: "Due date moved", body: "The due date moved." }),
    );
    expect(told).toBe(2);
    const mine = await notificationsOf(cdmo.owner.id);
    expect(mine.at(-1)).toMatchObject({ title: "Due date moved", link: `/${cdmo.slug}/inbox/${rfpId}` });
    expect(await notificationsOf(late.owner.id)).toEqual([]);
    const outside = await outboxTo("outside-person@test.example");
    expect(outside.map((m) => m.subject)).toEqual(["Due date moved"]);
    expect(outside[0]!.text).toContain("The due date moved.");

    // A CDMO sees the RFP (and can tell its sponsor) once it is published.
    await asOrg(sponsor.id, (db) => db.rfp.update({ where: { id: rfpId }, data: { status: "PUBLISHED" } }));
    await asOrg(cdmo.id, (db) =>
      notifySponsor(db, rfpId, { kind: "RESPONSE_SUBMITTED", title: "Response in", body: "A response came in." }),
    );
    expect((await notificationsOf(sponsor.owner.id)).at(-1)).toMatchObject({
      title: "Response in",
      link: `/${sponsor.slug}/rfps/${rfpId}`,
    });
    // A CDMO that is not invited cannot see the RFP, so cannot notify its sponsor.
    await expect(
      asOrg(stranger.id, (db) => notifySponsor(db, rfpId, { kind: "CLARIFICATION", title: "x", body: "y" })),
    ).rejects.toThrow(/not found/);
  });
});

describe(`notification procedures (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("list newest first with paging, unread count, mark one and all read", async () => {
    const user = sponsor.members[1]!; // the viewer: only what is sent to everyone reaches them
    await callerFor(user).notification.markRead({ all: true });
    for (const title of ["First", "Second", "Third"])
      await asOrg(cdmo.id, (db) => notify(db, { orgId: sponsor.id, ...msg(title) }));
    const api = callerFor(user).notification;
    expect(await api.unreadCount()).toBe(3);
    const page1 = await api.list({ limit: 2, unreadOnly: true });
    expect(page1.items.map((n) => n.title)).toEqual(["Third", "Second"]);
    const page2 = await api.list({ limit: 2, unreadOnly: true, cursor: page1.nextCursor });
    expect(page2.items.map((n) => n.title)).toEqual(["First"]);
    expect(page2.nextCursor).toBeNull();

    expect(await api.markRead({ id: page1.items[0]!.id })).toEqual({ updated: 1 });
    expect(await api.markRead({ id: page1.items[0]!.id })).toEqual({ updated: 0 });
    expect(await api.unreadCount()).toBe(2);
    expect((await api.list({ unreadOnly: true })).items.map((n) => n.title)).toEqual(["Second", "First"]);
    expect(await api.markRead({ all: true })).toEqual({ updated: 2 });
    expect(await api.unreadCount()).toBe(0);
    expect((await api.list()).items.every((n) => n.readAt instanceof Date)).toBe(true);
  });

  it("a user never reads, counts or marks another user's notification", async () => {
    const owner = cdmo.owner;
    const other = sponsor.owner;
    await asOrg(sponsor.id, (db) => notify(db, { orgId: cdmo.id, ...msg("For the CDMO only") }));
    const mine = await callerFor(owner).notification.list({ limit: 1 });
    const id = mine.items[0]!.id;
    expect(mine.items[0]!.title).toBe("For the CDMO only");

    const theirs = callerFor(other).notification;
    const listed = await theirs.list({ limit: 100, cursor: id });
    expect(JSON.stringify(listed)).not.toContain("For the CDMO only");
    expect(JSON.stringify(listed)).not.toContain(id);
    expect(await theirs.markRead({ id })).toEqual({ updated: 0 });
    await theirs.markRead({ all: true });
    const after = await t.adminQuery(`SELECT "readAt" FROM "Notification" WHERE id = '${id}'`);
    expect(after).toEqual([{ readAt: null }]);
    expect(await callerFor(owner).notification.unreadCount()).toBeGreaterThan(0);
  });

  it("e-mail preferences per kind: on by default, turned off and on again", async () => {
    const api = callerFor(sponsor.owner).notification;
    const prefs = await api.preferences();
    expect(prefs).toHaveLength(8);
    expect(prefs.every((p) => p.email)).toBe(true);
    const off = await api.setPreference({ kind: "RESPONSE_SUBMITTED", email: false });
    expect(off.find((p) => p.kind === "RESPONSE_SUBMITTED")?.email).toBe(false);
    const before = (await outboxTo(sponsor.owner.email)).length;
    await asOrg(cdmo.id, (db) => notify(db, { orgId: sponsor.id, ...msg("Submitted"), kind: "RESPONSE_SUBMITTED" }));
    expect(await outboxTo(sponsor.owner.email)).toHaveLength(before);
    await api.setPreference({ kind: "RESPONSE_SUBMITTED", email: true });
    await asOrg(cdmo.id, (db) => notify(db, { orgId: sponsor.id, ...msg("Submitted"), kind: "RESPONSE_SUBMITTED" }));
    expect(await outboxTo(sponsor.owner.email)).toHaveLength(before + 1);
    // Another user's preferences are untouched.
    expect((await callerFor(cdmo.owner).notification.preferences()).every((p) => p.email)).toBe(true);
  });

  it("needs a signed-in user", async () => {
    await expect(callerFor(null).notification.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
