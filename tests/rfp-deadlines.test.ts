import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withOutboxAccess } from "@/server/db/outbox";
import { rfpCloseJob } from "@/server/jobs/rfp-close";
import { startJobRunner, type JobRunner } from "@/server/jobs/runner";
import { closeDueRfps, remindDueRfps } from "@/server/rfps/deadlines";
import { publishRfp } from "@/server/rfps/lifecycle-service";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { asOrg, inviteEmail, inviteOrg, makeDraftRfp, makeOrgWith } from "./helpers/rfp-fixture";

// The due date with nobody online, on a clock the test controls: the closing sweep closes an
// RFP only once its (possibly moved) due date has passed, tells invitees and the sponsor once,
// and the 48-hour reminder goes to invitees that have not submitted, once per due date.

let t: TestDb;
let sponsor: Awaited<ReturnType<typeof makeOrgWith>>;
let cdmo: Awaited<ReturnType<typeof makeOrgWith>>;
let late: Awaited<ReturnType<typeof makeOrgWith>>;
const runners: JobRunner[] = [];

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeOrgWith("SPONSOR", "sp", ["VIEWER"]);
  cdmo = await makeOrgWith("CDMO", "cd", ["RESPONDER"]);
  late = await makeOrgWith("CDMO", "late");
});
afterEach(async () => {
  while (runners.length) await runners.pop()!.stop();
});
afterAll(async () => t?.drop());

/** The kinds of notification `userId` got about the RFP titled `rfpTitle`, oldest first. */
const kindsOf = async (userId: string, rfpTitle: string) => {
  const ids = await asOrg(sponsor.id, (db) => db.rfp.findMany({ where: { title: rfpTitle }, select: { id: true } }));
  const rows = (await t.adminQuery(
    `SELECT kind::text, link FROM "Notification" WHERE "userId" = '${userId}' ORDER BY "createdAt"`,
  )) as { kind: string; link: string }[];
  return rows.filter((n) => ids.some((r) => n.link.endsWith(r.id))).map((n) => n.kind);
};
const rfpRow = (rfpId: string) => asOrg(sponsor.id, (db) => db.rfp.findFirstOrThrow({ where: { id: rfpId } }));
const moveDueDate = (rfpId: string, dueAt: Date) =>
  asOrg(sponsor.id, (db) => db.rfp.update({ where: { id: rfpId }, data: { dueAt } }));

async function published(title: string, dueAt: Date, invitees: string[]) {
  const { rfpId } = await makeDraftRfp(sponsor.id, { title, dueAt });
  for (const id of invitees) await inviteOrg(sponsor.id, rfpId, id, { sent: false });
  await asOrg(sponsor.id, (db) => publishRfp({ db, orgId: sponsor.id, actor: null }, { rfpId }));
  return rfpId;
}

async function submit(orgId: string, rfpId: string, round = 1) {
  await asOrg(orgId, async (db) => {
    const inv = await db.rfpInvitation.findFirstOrThrow({ where: { rfpId } });
    const p = await db.rfpParticipation.create({
      data: { invitationId: inv.id, rfpId, sponsorOrganizationId: sponsor.id, submittedAt: new Date() },
    });
    await db.rfpResponse.create({
      data: { participationId: p.id, rfpId, sponsorOrganizationId: sponsor.id, round, submittedAt: new Date() },
    });
  });
}

describe(`closing at the due date (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("closes only after the due date, follows a moved due date, and is idempotent", async () => {
    const base = await getDb();
    const due = new Date(Date.now() + 3 * DAY);
    const rfpId = await published("Clocked", due, [cdmo.id]);

    expect(await closeDueRfps(base, new Date(due.getTime() - MIN))).toBe(0);
    expect((await rfpRow(rfpId)).status).toBe("PUBLISHED");

    // The sponsor moves the due date two days later while it is open.
    const moved = new Date(due.getTime() + 2 * DAY);
    await moveDueDate(rfpId, moved);
    expect(await closeDueRfps(base, new Date(due.getTime() + MIN))).toBe(0);
    expect((await rfpRow(rfpId)).status).toBe("PUBLISHED");

    const at = new Date(moved.getTime() + MIN);
    expect(await closeDueRfps(base, at)).toBe(1);
    expect(await rfpRow(rfpId)).toMatchObject({ status: "CLOSED", closedAt: at });
    for (const u of [cdmo.owner, cdmo.members[0]!, sponsor.owner, sponsor.members[0]!])
      expect(await kindsOf(u.id, "Clocked")).toEqual(expect.arrayContaining(["RFP_CLOSED"]));
    const audit = await asOrg(sponsor.id, (db) =>
      db.auditEvent.findMany({ where: { entityId: rfpId, action: "rfp.closed" } }),
    );
    expect(audit).toMatchObject([{ actorId: null, reason: "The due date passed." }]);

    // A second run, later, changes nothing and tells no one again.
    expect(await closeDueRfps(base, new Date(at.getTime() + HOUR))).toBe(0);
    expect((await kindsOf(cdmo.owner.id, "Clocked")).filter((k) => k === "RFP_CLOSED")).toHaveLength(1);
    expect((await kindsOf(sponsor.owner.id, "Clocked")).filter((k) => k === "RFP_CLOSED")).toHaveLength(1);
  });

  it("the rfp.close job closes what is due, through the job runner", async () => {
    const due = new Date(Date.now() + 5 * DAY);
    const rfpId = await published("Runner", due, [cdmo.id]);
    const r = await startJobRunner({
      handle: t,
      jobs: [rfpCloseJob] as never,
      pollingIntervalSeconds: 0.5,
      schedules: false,
    });
    runners.push(r);
    await r.boss.send(rfpCloseJob.name, { now: new Date(due.getTime() + MIN).toISOString() });
    const end = Date.now() + 30_000;
    while ((await rfpRow(rfpId)).status !== "CLOSED") {
      if (Date.now() > end) throw new Error("the job did not close the RFP");
      await new Promise((res) => setTimeout(res, 250));
    }
    expect(rfpCloseJob.schedule?.cron).toBe("* * * * *");
  });
});

describe(`48-hour reminder (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("reminds invitees that have not submitted, once per due date, again after a move", async () => {
    const base = await getDb();
    const due = new Date(Date.now() + 10 * DAY);
    const rfpId = await published("Reminded", due, [cdmo.id, late.id]);
    await inviteEmail(sponsor.id, rfpId, "not-yet@test.example", { sent: true });
    await submit(cdmo.id, rfpId);

    expect(await remindDueRfps(base, new Date(due.getTime() - 49 * HOUR))).toBe(0);
    expect(await remindDueRfps(base, new Date(due.getTime() - 47 * HOUR))).toBe(1);
    expect(await kindsOf(late.owner.id, "Reminded")).toEqual(["INVITATION", "DEADLINE_SOON"]);
    expect(await kindsOf(cdmo.owner.id, "Reminded")).toEqual(["INVITATION"]);
    const mail = await withOutboxAccess(base, (tx) =>
      tx.emailOutbox.findMany({ where: { to: "not-yet@test.example" } }),
    );
    expect(mail.map((m) => m.subject)).toEqual(["Due in 47 hours: Reminded"]);

    expect(await remindDueRfps(base, new Date(due.getTime() - 46 * HOUR))).toBe(0);
    expect(await kindsOf(late.owner.id, "Reminded")).toEqual(["INVITATION", "DEADLINE_SOON"]);

    const moved = new Date(due.getTime() + DAY);
    await moveDueDate(rfpId, moved);
    expect(await remindDueRfps(base, new Date(moved.getTime() - 47 * HOUR))).toBe(1);
    expect(await kindsOf(late.owner.id, "Reminded")).toEqual(["INVITATION", "DEADLINE_SOON", "DEADLINE_SOON"]);
    expect((await rfpRow(rfpId)).reminderDueAt).toEqual(moved);
    // Past the due date there is nothing to remind of.
    expect(await remindDueRfps(base, new Date(moved.getTime() + MIN))).toBe(0);
  });

  it("an RFP published within 48 hours of its due date gets no separate reminder", async () => {
    const base = await getDb();
    const due = new Date(Date.now() + 30 * HOUR);
    const rfpId = await published("Short notice", due, [late.id]);
    expect((await rfpRow(rfpId)).reminderDueAt).toEqual(due);
    expect(await remindDueRfps(base, new Date(due.getTime() - 20 * HOUR))).toBe(0);
  });
});
