import type { Prisma } from "../db/generated/client";
import { userNames } from "../db/globals";
import type { TenantDb } from "../db/tenant";
import { recordAudit, type Actor } from "../audit/record-audit";
import { notFound } from "../errors/app-error";
import { pruneAnswers } from "../rfps/content";
import { acceptsResponses, effectiveStatus } from "../rfps/lifecycle";
import {
  attachedFileIds,
  findOwnInvitation,
  loadInvitedRfp,
  RESPONSE_SELECT,
  storedAnswers,
  type InvitedRfp,
  type OwnResponse,
  type ResponderOrg,
} from "./load";
import type { TGetResponseInput } from "./schemas";

// Opening the response editor. The first visit while the RFP accepts responses creates the
// CDMO's participation (if the portal has not yet) and an empty draft for the current round; when
// the sponsor has opened a revision round, the new round's draft starts from the CDMO's last
// submitted answers (pruned to the questions the RFP still has), and earlier rounds stay as they
// were, readable here by round. Creating is idempotent under concurrency (insert-or-skip on the
// unique keys, then read), so two tabs opening at once share one draft.

export async function getResponse(db: TenantDb, actor: Actor, org: ResponderOrg, input: TGetResponseInput, now: Date) {
  const rfp = await loadInvitedRfp(db, org, input.rfpId);
  const invitation = await findOwnInvitation(db, org, rfp.id);
  if (!invitation) throw notFound("This RFP");
  const open = acceptsResponses(rfp, now);
  const wantsCurrent = input.round === undefined || input.round === rfp.round;

  let participation = await db.rfpParticipation.findFirst({
    where: { invitationId: invitation.id, organizationId: org.id },
    select: { id: true },
  });
  if (!participation && open && wantsCurrent)
    participation = await ensureParticipation(db, actor, rfp, invitation.id, now);

  let rows: OwnResponse[] = participation
    ? await db.rfpResponse.findMany({
        where: { participationId: participation.id, organizationId: org.id },
        orderBy: { round: "asc" },
        select: RESPONSE_SELECT,
      })
    : [];
  if (participation && open && wantsCurrent && !rows.some((r) => r.round === rfp.round)) {
    await openDraft(db, actor, rfp, participation.id, rows);
    rows = await db.rfpResponse.findMany({
      where: { participationId: participation.id, organizationId: org.id },
      orderBy: { round: "asc" },
      select: RESPONSE_SELECT,
    });
  }

  // Without a round asked for: this round's response, or (the RFP closed before this CDMO
  // answered the round) the latest it has.
  const response =
    input.round !== undefined
      ? rows.find((r) => r.round === input.round)
      : (rows.find((r) => r.round === rfp.round) ?? rows.at(-1));
  if (input.round !== undefined && !response) throw notFound("This round's response");

  return {
    rfp: {
      id: rfp.id,
      title: rfp.title,
      round: rfp.round,
      dueAt: rfp.dueAt,
      timeZone: rfp.timeZone,
      status: effectiveStatus(rfp, now),
      acceptsResponses: open,
    },
    content: rfp.content,
    response: response ? await responseView(db, org, rfp, response) : null,
    editable: !!response && open && response.round === rfp.round && !response.submittedAt,
    versions: rows.map((r) => ({
      id: r.id,
      round: r.round,
      submittedAt: r.submittedAt,
      receiptHash: r.receiptHash,
      updatedAt: r.updatedAt,
    })),
  };
}

async function ensureParticipation(db: TenantDb, actor: Actor, rfp: InvitedRfp, invitationId: string, now: Date) {
  const created = await db.rfpParticipation.createMany({
    data: [{ invitationId, rfpId: rfp.id, sponsorOrganizationId: rfp.organizationId, viewedAt: now }],
    skipDuplicates: true,
  });
  const row = await db.rfpParticipation.findFirst({ where: { invitationId }, select: { id: true } });
  if (!row) throw notFound("This RFP");
  if (created.count === 1)
    await recordAudit(db, {
      actor,
      action: "participation.viewed",
      entityType: "RfpParticipation",
      entityId: row.id,
      changes: { viewedAt: { old: null, new: now.toISOString() } },
    });
  return row;
}

/** A draft for the RFP's current round, prefilled from the last submitted round (else the latest draft). */
async function openDraft(db: TenantDb, actor: Actor, rfp: InvitedRfp, participationId: string, earlier: OwnResponse[]) {
  const before = earlier.filter((r) => r.round < rfp.round);
  const source = before.findLast((r) => r.submittedAt) ?? before.at(-1);
  const answers = source ? pruneAnswers(rfp.content, storedAnswers(source.answers)).answers : {};
  const created = await db.rfpResponse.createMany({
    data: [
      {
        participationId,
        rfpId: rfp.id,
        sponsorOrganizationId: rfp.organizationId,
        round: rfp.round,
        answers: answers as Prisma.InputJsonValue,
        updatedById: actor?.id ?? null,
      },
    ],
    skipDuplicates: true,
  });
  if (created.count !== 1) return;
  const row = await db.rfpResponse.findFirst({ where: { participationId, round: rfp.round }, select: { id: true } });
  await recordAudit(db, {
    actor,
    action: "response.draftOpened",
    entityType: "RfpResponse",
    entityId: row!.id,
    changes: {
      round: { old: null, new: rfp.round },
      ...(source ? { prefilledFrom: { old: null, new: source.id } } : {}),
    },
  });
}

/** What the editor shows of one response: answers, the files they attach, and who submitted it. */
async function responseView(db: TenantDb, org: ResponderOrg, rfp: InvitedRfp, r: OwnResponse) {
  const answers = storedAnswers(r.answers);
  const ids = [...attachedFileIds(rfp.content, answers).values()].flat();
  const files = ids.length
    ? await db.storedFile.findMany({
        where: { id: { in: ids }, organizationId: org.id, purpose: "RESPONSE_ANSWER" },
        select: { id: true, fileName: true, size: true, contentType: true, questionId: true, sha256: true },
      })
    : [];
  const names = r.submittedById ? await userNames(db, [r.submittedById]) : new Map<string, string>();
  return {
    id: r.id,
    round: r.round,
    version: r.version,
    answers,
    files,
    updatedAt: r.updatedAt,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedById ? (names.get(r.submittedById) ?? "A former member") : null,
    receiptHash: r.receiptHash,
  };
}
