import { recordAudit, type Actor } from "../audit/record-audit";
import { minNoticeMs } from "./notice";
import type { TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import { notifyInvitees } from "../notifications/rfp-notify";
import {
  assertPublishable,
  assertTransition,
  canOpenRevisionRound,
  effectiveStatus,
  publishProblems,
  type PublishProblem,
  type RfpStatus,
} from "./lifecycle";
import type { RfpContent } from "./content";
import { lockOwnRfp, type LockedRfp } from "./rfp-row";
import { lockInvitations, sendPendingInvitations } from "./invitations";
import { formatInZone, isValidTimeZone } from "./time-zone";

// The sponsor's lifecycle moves: publish, cancel, open a revision round. Each locks the RFP row
// first, decides on the status the clock gives it (effectiveStatus: a published RFP past its due
// date is closed whether or not the closing job has run), writes the change, its audit entry and
// its notifications in one transaction. Closing is the clock's: see deadlines.ts.

export type SponsorCtx = { db: TenantDb; orgId: string; actor: Actor; now?: Date };

/** How close to the due date a published RFP needs no separate reminder (the invitation says when). */
export const REMINDER_WINDOW_HOURS = 48;
const REMINDER_WINDOW_MS = REMINDER_WINDOW_HOURS * 3600_000;

const publishInput = (rfp: LockedRfp, dueAt = rfp.dueAt, timeZone = rfp.timeZone) => ({
  title: rfp.title,
  dueAt,
  timeZone,
  content: rfp.content as RfpContent,
  weights: rfp.weights,
  stages: rfp.stages,
});

/** The reminder for this due date is already covered when the RFP goes out within 48 hours of it. */
const reminderCovered = (dueAt: Date, now: Date) =>
  dueAt.getTime() - now.getTime() <= REMINDER_WINDOW_MS ? dueAt : null;

export type PublishResult = { id: string; status: RfpStatus; publishedAt: Date; version: number; sent: number };

/** DRAFT -> PUBLISHED: needs a publishable document, a due date ahead and at least one invitation; sends them all. */
export async function publishRfp(c: SponsorCtx, input: { rfpId: string; version?: number }): Promise<PublishResult> {
  const now = c.now ?? new Date();
  const rfp = await lockOwnRfp(c.db, c.orgId, input.rfpId, input.version);
  const from = effectiveStatus(rfp, now);
  if (from !== "DRAFT") {
    assertTransition(from, "PUBLISHED");
    throw new AppError(
      "CONFLICT",
      "This RFP has already been published. To ask invitees for new offers, open a revision round.",
      { field: "status" },
    );
  }
  assertPublishable(publishInput(rfp), now, minNoticeMs());
  // Invitations being added right now wait for this transaction, then see the RFP published.
  await lockInvitations(c.db, rfp.id);
  const invitations = await c.db.rfpInvitation.count({ where: { rfpId: rfp.id, revokedAt: null } });
  if (invitations === 0)
    throw new AppError("BAD_REQUEST", "Invite at least one CDMO before publishing.", { field: "invitations" });

  const updated = await c.db.rfp.update({
    where: { id: rfp.id },
    data: {
      status: "PUBLISHED",
      publishedAt: now,
      reminderDueAt: reminderCovered(rfp.dueAt!, now),
      version: { increment: 1 },
    },
    select: { version: true },
  });
  await recordAudit(c.db, {
    actor: c.actor,
    action: "rfp.published",
    entityType: "Rfp",
    entityId: rfp.id,
    changes: {
      status: { old: "DRAFT", new: "PUBLISHED" },
      publishedAt: { old: null, new: now.toISOString() },
    },
  });
  const { sent } = await sendPendingInvitations(c.db, rfp, c.actor, now);
  return { id: rfp.id, status: "PUBLISHED", publishedAt: now, version: updated.version, sent };
}

/** DRAFT, PUBLISHED or CLOSED -> CANCELLED, with a reason invitees are told. */
export async function cancelRfp(
  c: SponsorCtx,
  input: { rfpId: string; reason: string; version?: number },
): Promise<{ id: string; status: RfpStatus; version: number; told: number }> {
  const now = c.now ?? new Date();
  const rfp = await lockOwnRfp(c.db, c.orgId, input.rfpId, input.version);
  const from = effectiveStatus(rfp, now);
  assertTransition(from, "CANCELLED");
  const updated = await c.db.rfp.update({
    where: { id: rfp.id },
    data: { status: "CANCELLED", cancelledAt: now, cancelReason: input.reason, version: { increment: 1 } },
    select: { version: true },
  });
  await recordAudit(c.db, {
    actor: c.actor,
    action: "rfp.cancelled",
    entityType: "Rfp",
    entityId: rfp.id,
    changes: { status: { old: from, new: "CANCELLED" }, cancelledAt: { old: null, new: now.toISOString() } },
    reason: input.reason,
  });
  // A draft has no sent invitations: nobody to tell.
  const told = await notifyInvitees(c.db, rfp.id, {
    kind: "RFP_CHANGED",
    title: `RFP cancelled: ${rfp.title}`,
    body: `The sponsor cancelled the RFP "${rfp.title}". Reason: ${input.reason}`,
  });
  return { id: rfp.id, status: "CANCELLED", version: updated.version, told };
}

/**
 * CLOSED -> PUBLISHED in round + 1 (best and final offer) with a new due date ahead. Responses
 * of earlier rounds stay as submitted; each invitee answers the new round in a new response.
 */
export async function openRevisionRound(
  c: SponsorCtx,
  input: { rfpId: string; dueAt: Date; timeZone?: string; note?: string; version?: number },
): Promise<{ id: string; status: RfpStatus; round: number; dueAt: Date; version: number; told: number }> {
  const now = c.now ?? new Date();
  const rfp = await lockOwnRfp(c.db, c.orgId, input.rfpId, input.version);
  const from = effectiveStatus(rfp, now);
  if (!canOpenRevisionRound(rfp, now)) {
    if (from === "PUBLISHED")
      throw new AppError(
        "CONFLICT",
        "This RFP is still open for responses. A revision round can be opened once its due date has passed.",
        { field: "status" },
      );
    assertTransition(from, "PUBLISHED");
    throw new AppError("CONFLICT", "Only a closed RFP can open a revision round.", { field: "status" });
  }
  const timeZone = input.timeZone ?? rfp.timeZone;
  if (!isValidTimeZone(timeZone))
    throw new AppError("BAD_REQUEST", "Choose the due date's time zone from the list.", { field: "timeZone" });
  const dueProblem = publishProblems(publishInput(rfp, input.dueAt, timeZone), now, minNoticeMs()).find(
    (p: PublishProblem) => p.field === "dueAt",
  );
  if (dueProblem) throw new AppError("BAD_REQUEST", dueProblem.message, { field: "dueAt" });

  const round = rfp.round + 1;
  const updated = await c.db.rfp.update({
    where: { id: rfp.id },
    data: {
      status: "PUBLISHED",
      round,
      dueAt: input.dueAt,
      timeZone,
      closedAt: null,
      reminderDueAt: reminderCovered(input.dueAt, now),
      version: { increment: 1 },
    },
    select: { version: true },
  });
  const due = formatInZone(input.dueAt, timeZone);
  const summary = [`Revision round ${round} opened: submit a revised offer by ${due}.`];
  if (input.note) summary.push(input.note);
  await c.db.rfpChange.create({ data: { rfpId: rfp.id, round, summary, byId: c.actor?.id ?? null } });
  await recordAudit(c.db, {
    actor: c.actor,
    action: "rfp.revision_round_opened",
    entityType: "Rfp",
    entityId: rfp.id,
    changes: {
      status: { old: from, new: "PUBLISHED" },
      round: { old: rfp.round, new: round },
      dueAt: { old: rfp.dueAt?.toISOString() ?? null, new: input.dueAt.toISOString() },
      ...(timeZone !== rfp.timeZone ? { timeZone: { old: rfp.timeZone, new: timeZone } } : {}),
    },
  });
  const told = await notifyInvitees(c.db, rfp.id, {
    kind: "RFP_CHANGED",
    title: `Revision round ${round}: ${rfp.title}`,
    body:
      `The sponsor opened revision round ${round} of the RFP "${rfp.title}" and asks for your best and final offer by ${due}.` +
      ` Your earlier response is kept as submitted.${input.note ? ` Note from the sponsor: ${input.note}` : ""}`,
  });
  return { id: rfp.id, status: "PUBLISHED", round, dueAt: input.dueAt, version: updated.version, told };
}

export type RfpLifecycleView = {
  id: string;
  status: RfpStatus;
  storedStatus: RfpStatus;
  round: number;
  dueAt: Date | null;
  timeZone: string;
  publishedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  version: number;
  invitations: { active: number; pending: number };
  /** What the sponsor may do now, and why not publish yet. */
  can: { publish: boolean; cancel: boolean; openRevisionRound: boolean };
  publishProblems: PublishProblem[];
};

/** The RFP's status as the clock makes it, and which moves are open (for the sponsor's page). */
export async function rfpLifecycle(db: TenantDb, orgId: string, rfpId: string, now = new Date()) {
  const rfp = await db.rfp.findFirst({
    where: { id: rfpId, organizationId: orgId },
    select: {
      id: true,
      title: true,
      stages: true,
      content: true,
      weights: true,
      status: true,
      dueAt: true,
      timeZone: true,
      round: true,
      publishedAt: true,
      closedAt: true,
      cancelledAt: true,
      cancelReason: true,
      version: true,
    },
  });
  if (!rfp) throw new AppError("NOT_FOUND", "The RFP was not found.");
  const [active, pending] = await Promise.all([
    db.rfpInvitation.count({ where: { rfpId, revokedAt: null } }),
    db.rfpInvitation.count({ where: { rfpId, revokedAt: null, sentAt: null } }),
  ]);
  const status = effectiveStatus(rfp, now);
  const problems: PublishProblem[] =
    status === "DRAFT"
      ? [
          ...publishProblems(publishInput(rfp as unknown as LockedRfp), now, minNoticeMs()),
          ...(active ? [] : [{ field: "invitations", message: "Invite at least one CDMO before publishing." }]),
        ]
      : [];
  const view: RfpLifecycleView = {
    id: rfp.id,
    status,
    storedStatus: rfp.status,
    round: rfp.round,
    dueAt: rfp.dueAt,
    timeZone: rfp.timeZone,
    publishedAt: rfp.publishedAt,
    closedAt: rfp.closedAt,
    cancelledAt: rfp.cancelledAt,
    cancelReason: rfp.cancelReason,
    version: rfp.version,
    invitations: { active, pending },
    can: {
      publish: status === "DRAFT" && problems.length === 0,
      cancel: status === "DRAFT" || status === "PUBLISHED" || status === "CLOSED",
      openRevisionRound: canOpenRevisionRound(rfp, now),
    },
    publishProblems: problems,
  };
  return view;
}
