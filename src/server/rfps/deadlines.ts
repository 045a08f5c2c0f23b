import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/generated/client";
import { rfpsDueForReminder, rfpsDueToClose, type DueRfp } from "../db/sql/rfp-deadlines";
import { withTenant, type TenantDb } from "../db/tenant";
import { log } from "../log";
import { notifyInvitees, notifySponsor } from "../notifications/rfp-notify";
import { needsClosing } from "./lifecycle";
import { REMINDER_WINDOW_HOURS } from "./lifecycle-service";
import { lockOwnRfp } from "./rfp-row";
import { formatInZone } from "./time-zone";

// What happens at an RFP's due date with nobody online. Reads never wait for this: status is
// derived from the clock (effectiveStatus). The rfp.close job writes the status down and tells
// invitees and the sponsor; rfp.deadline-reminder tells invitees that have not submitted, 48
// hours before. Both take `now` (tests control the clock), lock the RFP, decide again on the
// locked row, and are idempotent: a second run, or two servers at once, change nothing more.

const BATCH = 100;

/** Close one RFP if its due date has passed; false when there is nothing to do. */
export async function closeRfp(db: TenantDb, orgId: string, rfpId: string, now: Date): Promise<boolean> {
  const rfp = await lockOwnRfp(db, orgId, rfpId);
  if (!needsClosing(rfp, now)) return false;
  await db.rfp.update({ where: { id: rfp.id }, data: { status: "CLOSED", closedAt: now } });
  await recordAudit(db, {
    actor: null,
    action: "rfp.closed",
    entityType: "Rfp",
    entityId: rfp.id,
    changes: { status: { old: "PUBLISHED", new: "CLOSED" }, closedAt: { old: null, new: now.toISOString() } },
    reason: "The due date passed.",
  });
  const due = formatInZone(rfp.dueAt!, rfp.timeZone);
  const round = rfp.round > 1 ? ` (revision round ${rfp.round})` : "";
  await notifyInvitees(db, rfp.id, {
    kind: "RFP_CLOSED",
    title: `RFP closed: ${rfp.title}`,
    body: `The RFP "${rfp.title}"${round} closed at its due date, ${due}. Responses can no longer be changed or submitted.`,
  });
  const submitted = await db.rfpResponse.count({
    where: { rfpId: rfp.id, round: rfp.round, submittedAt: { not: null } },
  });
  await notifySponsor(db, rfp.id, {
    kind: "RFP_CLOSED",
    title: `RFP closed: ${rfp.title}`,
    body: `The RFP "${rfp.title}"${round} reached its due date, ${due}, with ${submitted} submitted ${submitted === 1 ? "response" : "responses"}. You can now compare them.`,
  });
  return true;
}

/** Remind invitees that have not submitted, once per due date; false when not due or already sent. */
export async function remindDeadline(db: TenantDb, orgId: string, rfpId: string, now: Date): Promise<boolean> {
  const rfp = await lockOwnRfp(db, orgId, rfpId);
  if (rfp.status !== "PUBLISHED" || !rfp.dueAt) return false;
  const left = rfp.dueAt.getTime() - now.getTime();
  if (left <= 0 || left > REMINDER_WINDOW_HOURS * 3600_000) return false;
  if (rfp.reminderDueAt?.getTime() === rfp.dueAt.getTime()) return false;
  await db.rfp.update({ where: { id: rfp.id }, data: { reminderDueAt: rfp.dueAt } });
  const hours = Math.max(1, Math.round(left / 3600_000));
  await notifyInvitees(
    db,
    rfp.id,
    {
      kind: "DEADLINE_SOON",
      title: `Due in ${hours} hours: ${rfp.title}`,
      body: `Responses to the RFP "${rfp.title}" are due by ${formatInZone(rfp.dueAt, rfp.timeZone)}. Your organisation has not submitted yet; drafts are not sent to the sponsor.`,
    },
    { notSubmittedRound: rfp.round },
  );
  return true;
}

type Step = (db: TenantDb, orgId: string, rfpId: string, now: Date) => Promise<boolean>;

/** Each found RFP in its sponsor's own transaction; one failing RFP does not stop the others. */
async function sweep(base: PrismaClient, find: () => Promise<DueRfp[]>, step: Step, now: Date) {
  let done = 0;
  const failed: string[] = [];
  const seen = new Set<string>();
  for (;;) {
    // Each RFP once per run, even one that another server handled (or that failed) meanwhile.
    const found = await find();
    const due = found.filter((r) => !seen.has(r.id));
    if (!due.length) break;
    for (const r of due) {
      seen.add(r.id);
      try {
        if (await withTenant(base, { orgId: r.organizationId }, (db) => step(db, r.organizationId, r.id, now))) done++;
      } catch (e) {
        failed.push(r.id);
        log.error({ err: e, rfpId: r.id, orgId: r.organizationId }, `RFP deadline job: RFP ${r.id} failed`);
      }
    }
    if (found.length < BATCH) break;
  }
  if (failed.length) throw new Error(`RFP deadline job: ${failed.length} RFP(s) failed; they are retried.`);
  return done;
}

/** Close every RFP whose due date has passed at `now`. Returns how many were closed. */
export function closeDueRfps(base: PrismaClient, now = new Date()): Promise<number> {
  return sweep(base, () => rfpsDueToClose(base, now, BATCH), closeRfp, now);
}

/** Send every 48-hour reminder due at `now`. Returns how many RFPs reminded. */
export function remindDueRfps(base: PrismaClient, now = new Date()): Promise<number> {
  return sweep(base, () => rfpsDueForReminder(base, now, REMINDER_WINDOW_HOURS, BATCH), remindDeadline, now);
}
