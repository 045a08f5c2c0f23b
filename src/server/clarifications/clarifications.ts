import { recordAudit, type Actor } from "../audit/record-audit";
import { userNames } from "../db/globals";
import type { TenantDb } from "../db/tenant";
import { AppError, prismaCode } from "../errors/app-error";
import { notifyInvitees, notifySponsor } from "../notifications/rfp-notify";
import { acceptsResponses, effectiveStatus } from "../rfps/lifecycle";
import type { TAnswerClarificationInput, TAskClarificationInput } from "./schemas";

// Clarifications: a CDMO asks the sponsor a question about an RFP; the sponsor answers it to
// every invitee (the question as the sponsor words it, never who asked) or to the asker only.
//
// Who owns what: the question (Clarification) is the CDMO's row, readable by the sponsor through
// the share rule; the answer (ClarificationAnswer) is the sponsor's row, readable by invitees
// when it is for all or addressed to them. Invariant of the invitee's view: it names no asker
// and carries no id of another organisation's question (an ALL answer's `clarificationId` would
// let a CDMO tell its own questions from others', and nothing more, but it is still not theirs).

type Org = { id: string; name: string };

/** A CDMO's open questions per RFP: enough for any real clarification round, not a flood. */
export const MAX_QUESTIONS_PER_RFP = 100;

const short = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const notFound = () => new AppError("NOT_FOUND", "The RFP was not found.");

/** A CDMO asks, in its own organisation, about an RFP it is invited to and that is open. */
export async function askClarification(
  db: TenantDb,
  actor: Actor & object,
  org: Org,
  input: TAskClarificationInput,
  now = new Date(),
): Promise<{ id: string; createdAt: Date }> {
  // The share rule admits an invited CDMO (sent, unrevoked invitation, RFP not a draft).
  const rfp = await db.rfp.findFirst({
    where: { id: input.rfpId, organizationId: { not: org.id } },
    select: { id: true, organizationId: true, title: true, status: true, dueAt: true },
  });
  if (!rfp) throw notFound();
  if (!acceptsResponses(rfp, now))
    throw new AppError(
      "CONFLICT",
      effectiveStatus(rfp, now) === "CLOSED"
        ? "The due date has passed: questions can only be asked while the RFP is open for responses."
        : "Questions can only be asked while the RFP is open for responses.",
    );
  const asked = await db.clarification.count({ where: { rfpId: rfp.id, organizationId: org.id } });
  if (asked >= MAX_QUESTIONS_PER_RFP)
    throw new AppError(
      "CONFLICT",
      `Your organisation has asked ${MAX_QUESTIONS_PER_RFP} questions about this RFP, the most it can ask.`,
      { field: "question" },
    );
  const q = await db.clarification.create({
    data: {
      rfpId: rfp.id,
      sponsorOrganizationId: rfp.organizationId,
      question: input.question,
      askedById: actor.id,
    },
    select: { id: true, createdAt: true },
  });
  await recordAudit(db, {
    actor,
    action: "clarification.asked",
    entityType: "Clarification",
    entityId: q.id,
    changes: { rfpId: { old: null, new: rfp.id }, question: { old: null, new: input.question } },
  });
  // The sponsor may know who asked; only other invitees may not.
  await notifySponsor(db, rfp.id, {
    kind: "CLARIFICATION",
    title: `New question on “${short(rfp.title, 80)}”`,
    body: `${org.name} asked: “${short(input.question)}” Answer it to every invitee (without saying who asked) or privately.`,
    roles: ["OWNER", "ADMIN", "EVALUATOR"],
  });
  return q;
}

/** The sponsor's own RFP, by id (never one read through a share). */
async function ownRfp(db: TenantDb, orgId: string, rfpId: string) {
  const rfp = await db.rfp.findFirst({
    where: { id: rfpId, organizationId: orgId },
    select: { id: true, title: true, status: true, dueAt: true },
  });
  if (!rfp) throw notFound();
  return rfp;
}

export type SponsorAnswer = {
  id: string;
  question: string;
  answer: string;
  audience: "ALL" | "PRIVATE";
  answeredAt: Date;
  answeredBy: string | null;
};

export type SponsorClarification = {
  id: string;
  question: string;
  askedAt: Date;
  /** The organisation that asked, as the sponsor named it when inviting. */
  askedBy: string;
  answer: SponsorAnswer | null;
};

/** Every question about the sponsor's RFP, oldest first, with who asked and the answer if any. */
export async function listClarificationsForSponsor(
  db: TenantDb,
  org: Org,
  rfpId: string,
): Promise<{ questions: SponsorClarification[]; unanswered: number }> {
  await ownRfp(db, org.id, rfpId);
  const [questions, answers, invitations] = await Promise.all([
    db.clarification.findMany({
      where: { rfpId, sponsorOrganizationId: org.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, organizationId: true, question: true, createdAt: true },
    }),
    db.clarificationAnswer.findMany({ where: { rfpId, organizationId: org.id } }),
    db.rfpInvitation.findMany({
      where: { rfpId, organizationId: org.id, vendorOrganizationId: { not: null } },
      select: { vendorOrganizationId: true, displayName: true },
    }),
  ]);
  const names = new Map(invitations.map((i) => [i.vendorOrganizationId!, i.displayName]));
  const people = await userNames(db, [...new Set(answers.flatMap((a) => (a.answeredById ? [a.answeredById] : [])))]);
  const byQuestion = new Map(answers.flatMap((a) => (a.clarificationId ? [[a.clarificationId, a] as const] : [])));
  const out = questions.map((q): SponsorClarification => {
    const a = byQuestion.get(q.id);
    return {
      id: q.id,
      question: q.question,
      askedAt: q.createdAt,
      askedBy: names.get(q.organizationId) ?? "An invited CDMO",
      answer: a
        ? {
            id: a.id,
            question: a.question,
            answer: a.answer,
            audience: a.audience,
            answeredAt: a.createdAt,
            answeredBy: a.answeredById ? (people.get(a.answeredById) ?? null) : null,
          }
        : null,
    };
  });
  return { questions: out, unanswered: out.filter((q) => !q.answer).length };
}

/** The sponsor answers a question, once: to every invitee (anonymously) or to the asker only. */
export async function answerClarification(
  db: TenantDb,
  actor: Actor & object,
  org: Org,
  input: TAnswerClarificationInput,
  now = new Date(),
): Promise<{ id: string }> {
  const q = await db.clarification.findFirst({
    where: { id: input.clarificationId, sponsorOrganizationId: org.id },
    select: { id: true, rfpId: true, organizationId: true, question: true },
  });
  if (!q) throw new AppError("NOT_FOUND", "The question was not found.");
  const rfp = await ownRfp(db, org.id, q.rfpId);
  const status = effectiveStatus(rfp, now);
  if (status === "CANCELLED" || status === "AWARDED")
    throw new AppError(
      "CONFLICT",
      `This RFP has been ${status === "CANCELLED" ? "cancelled" : "awarded"}; its questions can no longer be answered.`,
    );
  const already = await db.clarificationAnswer.findFirst({ where: { clarificationId: q.id }, select: { id: true } });
  if (already) throw new AppError("CONFLICT", "This question has already been answered. Reload to see the answer.");
  const question = input.question ?? q.question;
  const row = await db.clarificationAnswer
    .create({
      data: {
        rfpId: q.rfpId,
        clarificationId: q.id,
        question,
        answer: input.answer,
        audience: input.audience,
        recipientOrganizationId: input.audience === "PRIVATE" ? q.organizationId : null,
        answeredById: actor.id,
      },
      select: { id: true },
    })
    .catch((e: unknown) => {
      // Two people answering at once: the unique clarificationId lets one win.
      if (prismaCode(e) === "P2002")
        throw new AppError("CONFLICT", "This question has just been answered by someone else. Reload to see it.");
      throw e;
    });
  await recordAudit(db, {
    actor,
    action: "clarification.answered",
    entityType: "ClarificationAnswer",
    entityId: row.id,
    changes: {
      clarificationId: { old: null, new: q.id },
      audience: { old: null, new: input.audience },
      question: { old: q.question, new: question },
      answer: { old: null, new: input.answer },
    },
  });
  const title = `Clarification on “${short(rfp.title, 80)}”`;
  if (input.audience === "ALL")
    await notifyInvitees(db, q.rfpId, {
      kind: "CLARIFICATION",
      title,
      body: `The sponsor answered a question for every invitee: “${short(question)}”`,
    });
  else
    await notifyInvitees(
      db,
      q.rfpId,
      { kind: "CLARIFICATION", title, body: `The sponsor answered your question: “${short(question)}”` },
      { orgIds: [q.organizationId] },
    );
  return row;
}

export type InviteeQuestion = {
  id: string;
  question: string;
  askedAt: Date;
  answer: { question: string; answer: string; audience: "ALL" | "PRIVATE"; answeredAt: Date } | null;
};

export type InviteeAnswer = { id: string; question: string; answer: string; answeredAt: Date };

/**
 * What an invited CDMO sees: its own questions with their answers, and every answer the sponsor
 * gave to all invitees. Other organisations' questions appear only as the sponsor worded them in
 * an answer for all, with no asker and no question id.
 */
export async function listClarificationsForInvitee(
  db: TenantDb,
  org: Org,
  rfpId: string,
): Promise<{ mine: InviteeQuestion[]; answers: InviteeAnswer[] }> {
  const rfp = await db.rfp.findFirst({ where: { id: rfpId, organizationId: { not: org.id } }, select: { id: true } });
  if (!rfp) throw notFound();
  const [questions, answers] = await Promise.all([
    db.clarification.findMany({
      where: { rfpId, organizationId: org.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, question: true, createdAt: true },
    }),
    // The share rule (and RLS) admit answers for all and those addressed to this organisation.
    db.clarificationAnswer.findMany({
      where: { rfpId, OR: [{ audience: "ALL" }, { recipientOrganizationId: org.id }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const own = new Set(questions.map((q) => q.id));
  const toMine = new Map(
    answers.flatMap((a) => (a.clarificationId && own.has(a.clarificationId) ? [[a.clarificationId, a] as const] : [])),
  );
  return {
    mine: questions.map((q) => {
      const a = toMine.get(q.id);
      return {
        id: q.id,
        question: q.question,
        askedAt: q.createdAt,
        answer: a ? { question: a.question, answer: a.answer, audience: a.audience, answeredAt: a.createdAt } : null,
      };
    }),
    answers: answers
      .filter((a) => !(a.clarificationId && own.has(a.clarificationId)))
      .map((a) => ({ id: a.id, question: a.question, answer: a.answer, answeredAt: a.createdAt })),
  };
}
