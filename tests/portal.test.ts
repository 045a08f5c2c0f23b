import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor, type TestUser } from "./helpers/actors";
import { code, makeTeam, profile, type TestOrg } from "./helpers/vendors";
import { makeTestRfp, publishTestRfp, setTestRfpDue } from "./helpers/portal-fixtures";

// The CDMO portal: the inbox, the read-only RFP and declining. A CDMO reads an RFP only through
// its own sent, unrevoked invitation, sees what the sponsor shares with every invitee or with it
// alone, and nothing about who else is invited.

let t: TestDb;
let sponsor: TestOrg;
type Cdmo = TestOrg & { vendorId: string };
let invited: Cdmo;
let rival: Cdmo;
let outsider: Cdmo;

const DAY = 86_400_000;

async function cdmo(name: string): Promise<Cdmo> {
  const team = await makeTeam("CDMO", name);
  const { id } = await callerFor(team.owner).vendors.createProfile({ orgSlug: team.slug, ...profile({ name }) });
  return { ...team, vendorId: id };
}

async function invite(rfpId: string, ...cdmos: Cdmo[]) {
  for (const c of cdmos)
    await callerFor(sponsor.owner).rfpInvitation.addPlatform({ orgSlug: sponsor.slug, rfpId, vendorId: c.vendorId });
}

/** The notifications a user has, read as that user (they belong to people, not organisations). */
async function notificationsOf(user: TestUser) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT set_config('app.user_id', $1, true)`, user.id);
    return tx.notification.findMany({ orderBy: { createdAt: "asc" } });
  });
}

const portal = (c: Cdmo, user: TestUser = c.owner) => callerFor(user).portal;

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeTeam("SPONSOR", "Helix Therapeutics");
  invited = await cdmo("Northbridge Biologics");
  rival = await cdmo("Rival Biologics");
  outsider = await cdmo("Outsider Fill");
});
afterAll(async () => t?.drop());

describe(`CDMO portal (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("the inbox lists open invitations soonest-due first, pages them, and keeps past ones apart", async () => {
    const soon = await makeTestRfp(sponsor.id, { title: "Due soon", dueAt: new Date(Date.now() + 3 * DAY) });
    const later = await makeTestRfp(sponsor.id, { title: "Due later", dueAt: new Date(Date.now() + 30 * DAY) });
    const past = await makeTestRfp(sponsor.id, { title: "Already due", dueAt: new Date(Date.now() + 2 * DAY) });
    for (const r of [later, soon, past]) {
      await invite(r.id, invited);
      await publishTestRfp(sponsor.id, r.id);
    }
    await setTestRfpDue(sponsor.id, past.id, new Date(Date.now() - DAY));
    const open = await portal(invited).inbox({ orgSlug: invited.slug });
    expect(open.items.map((i) => i.title)).toEqual(["Due soon", "Due later"]);
    expect(open).toMatchObject({ total: 2, page: 1 });
    expect(open.items[0]).toMatchObject({
      sponsorName: "Helix Therapeutics",
      status: "INVITED",
      rfpStatus: "PUBLISHED",
      timeZone: "Europe/Berlin",
      round: 1,
    });
    const page2 = await portal(invited).inbox({ orgSlug: invited.slug, pageSize: 1, page: 2 });
    expect(page2.items.map((i) => i.title)).toEqual(["Due later"]);
    expect(page2.total).toBe(2);
    // A page past the end is empty but still knows how many there are.
    expect(await portal(invited).inbox({ orgSlug: invited.slug, pageSize: 1, page: 9 })).toMatchObject({
      items: [],
      total: 2,
    });
    const closed = await portal(invited).inbox({ orgSlug: invited.slug, show: "past" });
    expect(closed.items.map((i) => [i.title, i.rfpStatus])).toEqual([["Already due", "CLOSED"]]);
    // A responder sees the same inbox; the sponsor's own people have no inbox.
    expect((await portal(invited, invited.viewer).inbox({ orgSlug: invited.slug })).total).toBe(2);
    await expect(callerFor(sponsor.owner).portal.inbox({ orgSlug: sponsor.slug })).rejects.toSatisfy(code("FORBIDDEN"));
  });

  it("the invitee is notified when the invitation is sent, and opening the RFP marks it viewed once", async () => {
    const rfp = await makeTestRfp(sponsor.id, { title: "Notified RFP" });
    await invite(rfp.id, invited);
    const before = (await notificationsOf(invited.viewer)).length;
    await publishTestRfp(sponsor.id, rfp.id);
    const mine = await notificationsOf(invited.viewer);
    expect(mine).toHaveLength(before + 1);
    expect(mine.at(-1)).toMatchObject({
      kind: "INVITATION",
      link: `/${invited.slug}/inbox/${rfp.id}`,
      contextOrgId: invited.id,
    });
    expect(mine.at(-1)!.body).toContain("Notified RFP");

    const first = await portal(invited).rfp({ orgSlug: invited.slug, rfpId: rfp.id });
    expect(first.participation.status).toBe("VIEWED");
    const listed = (await portal(invited).inbox({ orgSlug: invited.slug, pageSize: 100 })).items;
    expect(listed.find((i) => i.rfpId === rfp.id)?.status).toBe("VIEWED");
    const viewedAt = first.participation.viewedAt;
    const again = await portal(invited, invited.viewer).rfp({ orgSlug: invited.slug, rfpId: rfp.id });
    expect(again.participation.viewedAt).toEqual(viewedAt);
    const audit = await callerFor(invited.owner).audit.list({ orgSlug: invited.slug, limit: 100 });
    expect(audit.items.filter((e) => e.action === "rfp_participation.viewed")).toHaveLength(1);
  });

  it("the RFP view carries the document, changes, attachments and the answers meant for this invitee only", async () => {
    const rfp = await makeTestRfp(sponsor.id, { title: "Full view RFP", status: "PUBLISHED" });
    await invite(rfp.id, invited, rival);
    await withTenant(await getDb(), { orgId: sponsor.id }, async (db) => {
      await db.rfpChange.create({ data: { rfpId: rfp.id, round: 1, summary: ["Due date moved by a week."] } });
      await db.storedFile.create({
        data: {
          purpose: "RFP_ATTACHMENT",
          rfpId: rfp.id,
          fileName: "tech-transfer-package.pdf",
          contentType: "application/pdf",
          size: 1234,
          sha256: "0".repeat(64),
          storage: "db",
        },
      });
      await db.storedFile.create({
        data: {
          purpose: "RFP_ATTACHMENT",
          rfpId: rfp.id,
          fileName: "withdrawn.pdf",
          contentType: "application/pdf",
          size: 1,
          sha256: "1".repeat(64),
          storage: "db",
          deletedAt: new Date(),
        },
      });
      await db.clarificationAnswer.create({
        data: { rfpId: rfp.id, question: "Is 2R vial ok?", answer: "Yes, for everyone.", audience: "ALL" },
      });
      await db.clarificationAnswer.create({
        data: {
          rfpId: rfp.id,
          question: "Private to Northbridge?",
          answer: "Only for you.",
          audience: "PRIVATE",
          recipientOrganizationId: invited.id,
        },
      });
      await db.clarificationAnswer.create({
        data: {
          rfpId: rfp.id,
          question: "Private to the rival?",
          answer: "Rival's secret.",
          audience: "PRIVATE",
          recipientOrganizationId: rival.id,
        },
      });
    });
    const view = await portal(invited).rfp({ orgSlug: invited.slug, rfpId: rfp.id });
    expect(view.rfp).toMatchObject({ title: "Full view RFP", sealed: false, round: 1, acceptsResponses: true });
    expect(view.rfp.content.sections[0]!.questions.map((q) => q.id)).toEqual(["q-exp", "q-fill"]);
    expect(view.changes.map((c) => c.summary)).toEqual([["Due date moved by a week."]]);
    expect(view.attachments.map((a) => a.fileName)).toEqual(["tech-transfer-package.pdf"]);
    expect(view.answers.map((a) => [a.answer, a.audience])).toEqual([
      ["Yes, for everyone.", "ALL"],
      ["Only for you.", "PRIVATE"],
    ]);
    const text = JSON.stringify(view);
    for (const secret of ["Rival", rival.id, rival.slug, "recipientOrganizationId", "weights", "createdById"])
      expect(text).not.toContain(secret);
  });

  it("declining needs a reason, is audited, tells the sponsor, and is refused after the due date", async () => {
    const rfp = await makeTestRfp(sponsor.id, { title: "Decline me", status: "PUBLISHED" });
    await invite(rfp.id, invited, rival);
    await expect(portal(invited).decline({ orgSlug: invited.slug, rfpId: rfp.id, reason: " " })).rejects.toSatisfy(
      code("BAD_REQUEST"),
    );
    const before = (await notificationsOf(sponsor.evaluator)).length;
    await portal(invited, invited.viewer).decline({
      orgSlug: invited.slug,
      rfpId: rfp.id,
      reason: "Our fill line is booked until 2028.",
    });
    await expect(portal(invited).decline({ orgSlug: invited.slug, rfpId: rfp.id, reason: "Twice" })).rejects.toSatisfy(
      code("CONFLICT"),
    );
    const told = await notificationsOf(sponsor.evaluator);
    expect(told).toHaveLength(before + 1);
    expect(told.at(-1)).toMatchObject({ kind: "INVITATION", link: `/${sponsor.slug}/rfps/${rfp.id}` });
    expect(told.at(-1)!.body).toContain("Our fill line is booked until 2028.");
    const view = await portal(invited).rfp({ orgSlug: invited.slug, rfpId: rfp.id });
    expect(view.participation).toMatchObject({
      status: "DECLINED",
      declineReason: "Our fill line is booked until 2028.",
    });
    const audit = await callerFor(invited.owner).audit.list({ orgSlug: invited.slug, limit: 100 });
    expect(audit.items.find((e) => e.action === "rfp_participation.declined")).toMatchObject({
      reason: "Our fill line is booked until 2028.",
    });
    // The rival, after the due date: too late.
    await setTestRfpDue(sponsor.id, rfp.id, new Date(Date.now() - 1000));
    await expect(
      portal(rival).decline({ orgSlug: rival.slug, rfpId: rfp.id, reason: "Too late now" }),
    ).rejects.toSatisfy((e) => code("CONFLICT")(e) && /due date has passed/.test((e as Error).message));
  });

  it("an RFP the CDMO was not invited to does not exist for it, by id, through any procedure or query", async () => {
    const rfp = await makeTestRfp(sponsor.id, { title: "Not for outsiders", status: "PUBLISHED" });
    await invite(rfp.id, invited);
    const api = portal(outsider);
    await expect(api.rfp({ orgSlug: outsider.slug, rfpId: rfp.id })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(api.decline({ orgSlug: outsider.slug, rfpId: rfp.id, reason: "Mallory" })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    expect((await api.inbox({ orgSlug: outsider.slug })).items.map((i) => i.rfpId)).not.toContain(rfp.id);
    await expect(
      callerFor(outsider.owner).rfpInvitation.list({ orgSlug: outsider.slug, rfpId: rfp.id }),
    ).rejects.toSatisfy(code("FORBIDDEN"));
    // Underneath the services: the scoped client, as the outsider, finds none of it.
    const rows = await withTenant(await getDb(), { orgId: outsider.id }, async (db) => [
      ...(await db.rfp.findMany({ where: { id: rfp.id } })),
      ...(await db.rfpInvitation.findMany({ where: { rfpId: rfp.id } })),
      ...(await db.rfpChange.findMany({ where: { rfpId: rfp.id } })),
      ...(await db.clarificationAnswer.findMany({ where: { rfpId: rfp.id } })),
      ...(await db.storedFile.findMany({ where: { rfpId: rfp.id } })),
    ]);
    expect(rows).toEqual([]);
    // Nor can it make a participation of its own for an invitation that is not its own.
    const invitationId = (
      await callerFor(sponsor.owner).rfpInvitation.list({ orgSlug: sponsor.slug, rfpId: rfp.id })
    )[0]!.id;
    await expect(
      withTenant(await getDb(), { orgId: outsider.id }, (db) =>
        db.rfpParticipation.create({ data: { invitationId, rfpId: rfp.id, sponsorOrganizationId: sponsor.id } }),
      ),
    ).rejects.toThrow();
  });

  it("a draft stays invisible even to an organisation with an invitation row to it", async () => {
    const rfp = await makeTestRfp(sponsor.id, { title: "Still a draft" });
    await invite(rfp.id, invited);
    // Even if a sent date were written on the draft's invitation, row-level security hides the draft.
    await withTenant(await getDb(), { orgId: sponsor.id }, (db) =>
      db.rfpInvitation.updateMany({ where: { rfpId: rfp.id }, data: { sentAt: new Date() } }),
    );
    await expect(portal(invited).rfp({ orgSlug: invited.slug, rfpId: rfp.id })).rejects.toSatisfy(code("NOT_FOUND"));
    const inbox = await portal(invited).inbox({ orgSlug: invited.slug });
    expect(inbox.items.map((i) => i.rfpId)).not.toContain(rfp.id);
  });
});
