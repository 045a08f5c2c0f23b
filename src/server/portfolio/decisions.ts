import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { passwordHashInTenant } from "../db/credentials";
import { lockRfp } from "../db/sql/locks";
import { recordAudit, type Actor } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import { verifyPassword } from "../auth/password";
import { consume, reward } from "../auth/rate-limit";
import { sendEmail } from "../email/send-email";
import { AppError } from "../errors/app-error";
import type { EvalOrg } from "../evaluation/load";
import { can } from "../auth/permissions";
import type { Role } from "../api/roles";
import { notify, orgPath } from "../notifications/notify";
import { inviteePath } from "../notifications/rfp-notify";
import { effectiveStatus } from "../rfps/lifecycle";
import { buildProblem, stageName } from "./build";
import { loadPortfolioFacts, programmeForPortfolio } from "./facts";
import { buildRecord, rebaseDerivedRisks, recordChanges, recordHash, type DecisionRecord } from "./record";
import { defaultSettings, parseSettings } from "./scenarios";
import type { TProposeInput, TSignInput, TWithdrawInput } from "./schemas";

// The decision: the lead proposes one scenario's portfolio with a rationale and signs it as its
// author; the named approvers sign it. Every signature re-enters the password at that moment, is
// stamped by the server clock, and carries the hash of the record it was applied to. When the
// last required approval lands, the RFP is awarded in the same transaction and each invited CDMO
// is told its own outcome (it can read only its own invitation, where the outcome is kept).

const json = (v: unknown) => v as Prisma.InputJsonValue;

/** Re-enter the password: refused (and counted against a small limit) when it is not the user's. */
async function checkPassword(db: TenantDb, userId: string, password: string) {
  await consume("signDecision", userId);
  const ok = await verifyPassword((await passwordHashInTenant(db, userId)) ?? "", password);
  if (!ok)
    throw new AppError("BAD_REQUEST", "That is not your password. The signature was not applied.", {
      field: "password",
    });
  await reward("signDecision", userId);
}

async function signer(db: TenantDb, userId: string) {
  const m = await db.membership.findFirst({
    where: { userId },
    select: { role: true, user: { select: { name: true, email: true } } },
  });
  if (!m) throw new AppError("FORBIDDEN", "Only members of this organisation can sign.");
  return { printedName: m.user.name || m.user.email, email: m.user.email, role: m.role as Role };
}

/** The record as today's data gives it, for a scenario and an assignment. */
export async function currentRecord(
  db: TenantDb,
  org: EvalOrg,
  userId: string,
  scenario: { id: string; programmeId: string; rfpId: string; settings: unknown },
  assignment: Record<string, string>,
): Promise<DecisionRecord> {
  const programme = await programmeForPortfolio(db, scenario.programmeId);
  const settings = parseSettings(scenario.settings, defaultSettings(programme));
  const facts = await loadPortfolioFacts(db, org, userId, programme, scenario.rfpId);
  const built = buildProblem(facts, settings);
  for (const s of built.problem.stages) {
    const v = assignment[s.id];
    if (!v || !built.problem.offers.some((o) => o.stageId === s.id && o.vendorId === v))
      throw new AppError("BAD_REQUEST", `Choose a vendor that quoted ${s.name}.`, { field: `assignment.${s.id}` });
    if (built.vendors.find((x) => x.id === v)?.estimate)
      throw new AppError(
        "BAD_REQUEST",
        `${s.name} is assigned to an estimate. An award needs a vendor that quoted the stage.`,
        { field: `assignment.${s.id}` },
      );
  }
  return buildRecord(
    { programmeId: scenario.programmeId, rfpId: scenario.rfpId, scenarioId: scenario.id },
    built,
    settings,
    assignment,
  );
}

export async function proposeDecision(db: TenantDb, actor: Actor, org: EvalOrg, userId: string, input: TProposeInput) {
  assertCan(org, "decision.propose");
  const scenario = await db.portfolioScenario.findFirst({ where: { id: input.scenarioId, archivedAt: null } });
  if (!scenario) throw new AppError("NOT_FOUND", "The scenario was not found.");
  // One proposal, signature or award of an RFP at a time: concurrent proposals see each other, and
  // two last approvers signing at once do not both miss the other's signature.
  await lockRfp(db, scenario.rfpId);
  const rfp = await db.rfp.findFirst({
    where: { id: scenario.rfpId },
    select: { id: true, title: true, status: true, dueAt: true },
  });
  if (!rfp) throw new AppError("NOT_FOUND", "The RFP was not found.");
  const status = effectiveStatus(rfp, new Date());
  if (status !== "CLOSED")
    throw new AppError(
      "PRECONDITION_FAILED",
      status === "PUBLISHED"
        ? "This RFP is still open for responses. Propose an award once its due date has passed."
        : `This RFP is ${status.toLowerCase()}; it cannot be awarded.`,
    );
  const open = await db.portfolioDecision.findFirst({
    where: { rfpId: rfp.id, status: "PROPOSED" },
    select: { id: true },
  });
  if (open)
    throw new AppError("CONFLICT", "A proposal for this RFP is already waiting for signatures. Withdraw it first.");

  const approvers = [...new Set(input.approverIds)];
  if (approvers.includes(userId))
    throw new AppError("BAD_REQUEST", "The author signs as author; choose other people to approve.", {
      field: "approverIds",
    });
  const members = await db.membership.findMany({
    where: { userId: { in: approvers } },
    select: { userId: true, role: true },
  });
  for (const id of approvers) {
    const m = members.find((x) => x.userId === id);
    if (!m || !can({ kind: org.kind, role: m.role as Role }, "decision.sign"))
      throw new AppError("BAD_REQUEST", "Every approver must be a member who can sign (owner, admin or evaluator).", {
        field: "approverIds",
      });
  }

  // The proposal fixes the scenario's assignment (and pins it), so later edits are visible as edits.
  const n = await db.portfolioScenario.updateMany({
    where: { id: scenario.id, version: input.version, archivedAt: null },
    data: { assignment: json(input.assignment), pinned: true, version: { increment: 1 } },
  });
  if (n.count !== 1) throw new AppError("CONFLICT", "Someone else changed this scenario. Reload it and propose again.");
  const record = await currentRecord(db, org, userId, scenario, input.assignment);
  await checkPassword(db, userId, input.password);
  const me = await signer(db, userId);
  const hash = recordHash(record);
  const decision = await db.portfolioDecision.create({
    data: {
      programmeId: scenario.programmeId,
      rfpId: rfp.id,
      scenarioId: scenario.id,
      rationale: input.rationale,
      record: json(record),
      recordHash: hash,
      requiredApprovers: approvers,
      proposedById: userId,
    },
  });
  await db.decisionSignature.create({
    data: {
      decisionId: decision.id,
      userId,
      printedName: me.printedName,
      email: me.email,
      meaning: "AUTHOR",
      recordHash: hash,
    },
  });
  if (JSON.stringify(scenario.assignment) !== JSON.stringify(input.assignment))
    await recordAudit(db, {
      actor,
      action: "scenario.updated",
      entityType: "PortfolioScenario",
      entityId: scenario.id,
      changes: {
        assignment: { old: scenario.assignment ?? null, new: input.assignment },
        pinned: { old: scenario.pinned, new: true },
      },
      reason: "Proposed for award",
    });
  await recordAudit(db, {
    actor,
    action: "decision.proposed",
    entityType: "PortfolioDecision",
    entityId: decision.id,
    changes: {
      assignment: { old: null, new: input.assignment },
      approvers: { old: null, new: approvers },
      recordHash: { old: null, new: hash },
    },
    reason: input.rationale,
  });
  await recordAudit(db, {
    actor,
    action: "decision.signed",
    entityType: "PortfolioDecision",
    entityId: decision.id,
    changes: { signature: { old: null, new: { meaning: "AUTHOR", printedName: me.printedName, recordHash: hash } } },
  });
  return { decisionId: decision.id, recordHash: hash };
}

export async function signDecision(db: TenantDb, actor: Actor, org: EvalOrg, userId: string, input: TSignInput) {
  assertCan(org, "decision.sign");
  const target = await db.portfolioDecision.findFirst({ where: { id: input.decisionId }, select: { rfpId: true } });
  if (!target) throw new AppError("NOT_FOUND", "The decision was not found.");
  await lockRfp(db, target.rfpId);
  const decision = await db.portfolioDecision.findFirst({
    where: { id: input.decisionId },
    include: { signatures: true, scenario: true },
  });
  if (!decision) throw new AppError("NOT_FOUND", "The decision was not found.");
  if (decision.status !== "PROPOSED")
    throw new AppError(
      "PRECONDITION_FAILED",
      decision.status === "AWARDED" ? "This decision is already awarded." : "This proposal was withdrawn.",
    );
  if (input.meaning === "APPROVER" && !decision.requiredApprovers.includes(userId))
    throw new AppError("BAD_REQUEST", "You are not one of the named approvers. You can sign as reviewer.", {
      field: "meaning",
    });
  if (decision.signatures.some((s) => s.userId === userId && s.meaning === input.meaning && !s.invalidatedAt))
    throw new AppError("CONFLICT", "You have already signed this decision with that meaning.");
  const signed = decision.record as unknown as DecisionRecord;
  const now = (decision.scenario.assignment ?? signed.assignment) as Record<string, string>;
  const record = await currentRecord(db, org, userId, decision.scenario, now);
  const hash = recordHash(rebaseDerivedRisks(record, signed));
  if (hash !== decision.recordHash) {
    const why = recordChanges(signed, record);
    throw new AppError(
      "PRECONDITION_FAILED",
      `The record changed since it was proposed, so it cannot be signed: ${why.join(" ")} The lead must withdraw it and propose again.`,
    );
  }
  await checkPassword(db, userId, input.password);
  const me = await signer(db, userId);
  await db.decisionSignature.create({
    data: {
      decisionId: decision.id,
      userId,
      printedName: me.printedName,
      email: me.email,
      meaning: input.meaning,
      recordHash: hash,
    },
  });
  await recordAudit(db, {
    actor,
    action: "decision.signed",
    entityType: "PortfolioDecision",
    entityId: decision.id,
    changes: {
      signature: { old: null, new: { meaning: input.meaning, printedName: me.printedName, recordHash: hash } },
    },
  });
  const approved = new Set([
    ...decision.signatures
      .filter((s) => s.meaning === "APPROVER" && !s.invalidatedAt && s.recordHash === hash)
      .map((s) => s.userId),
  ]);
  if (input.meaning === "APPROVER") approved.add(userId);
  const authorValid = decision.signatures.some(
    (s) => s.meaning === "AUTHOR" && !s.invalidatedAt && s.recordHash === hash,
  );
  const complete = authorValid && decision.requiredApprovers.every((id) => approved.has(id));
  if (complete) await award(db, actor, decision.id, decision.rfpId, record);
  return { awarded: complete };
}

/** The last approval: the RFP is awarded, the decision closed, and every invitee told its own outcome. */
async function award(db: TenantDb, actor: Actor, decisionId: string, rfpId: string, record: DecisionRecord) {
  const rfp = await db.rfp.findFirst({
    where: { id: rfpId },
    select: { id: true, title: true, status: true, dueAt: true, version: true },
  });
  if (!rfp || effectiveStatus(rfp, new Date()) !== "CLOSED")
    throw new AppError(
      "CONFLICT",
      "The RFP is no longer closed (reopened, awarded or cancelled); the award did not go through.",
    );
  const at = new Date();
  const moved = await db.rfp.updateMany({
    where: { id: rfp.id, version: rfp.version },
    data: { status: "AWARDED", awardedAt: at, version: { increment: 1 } },
  });
  if (moved.count !== 1) throw new AppError("CONFLICT", "The RFP changed at the same moment. Sign again.");
  await db.portfolioDecision.updateMany({
    where: { id: decisionId, status: "PROPOSED" },
    data: { status: "AWARDED", awardedAt: at, version: { increment: 1 } },
  });
  const invitations = await db.rfpInvitation.findMany({
    where: { rfpId, sentAt: { not: null }, revokedAt: null },
    select: { id: true, displayName: true, vendorOrganizationId: true, email: true },
  });
  const outcomes: Record<string, { outcome: string; stages: string[] }> = {};
  for (const inv of invitations) {
    const stages = record.problem.stages.filter((s) => record.assignment[s.id] === inv.id).map((s) => s.id);
    const won = stages.length > 0;
    outcomes[inv.displayName] = { outcome: won ? "AWARDED" : "NOT_AWARDED", stages };
    await db.rfpInvitation.updateMany({
      where: { id: inv.id },
      data: { awardOutcome: won ? "AWARDED" : "NOT_AWARDED", awardStages: stages, awardedAt: at },
    });
    const title = won ? `Awarded: ${rfp.title}` : `Outcome of ${rfp.title}`;
    const body = won
      ? `The sponsor has awarded you ${stages.map(stageName).join(", ")}. They will be in touch to start the work.`
      : "Thank you for your response. The sponsor has chosen other partners for this programme; we hope to work with you on another one.";
    if (inv.vendorOrganizationId) {
      const link = await orgPath(db, inv.vendorOrganizationId, inviteePath(rfpId));
      await notify(db, { orgId: inv.vendorOrganizationId, kind: "AWARD", title, body, link });
    } else if (inv.email)
      await sendEmail({ to: inv.email, subject: title, text: `Hello,\n\n${body}\n\n-- CDMO Select` }, db);
  }
  await recordAudit(db, {
    actor,
    action: "rfp.awarded",
    entityType: "Rfp",
    entityId: rfpId,
    changes: { status: { old: "CLOSED", new: "AWARDED" }, outcomes: { old: null, new: outcomes } },
    reason: `Decision ${decisionId} signed by every required approver`,
  });
}

export async function withdrawDecision(db: TenantDb, actor: Actor, org: EvalOrg, input: TWithdrawInput) {
  assertCan(org, "decision.propose");
  const target = await db.portfolioDecision.findFirst({ where: { id: input.decisionId }, select: { rfpId: true } });
  if (target) await lockRfp(db, target.rfpId);
  const n = await db.portfolioDecision.updateMany({
    where: { id: input.decisionId, status: "PROPOSED", version: input.version },
    data: { status: "WITHDRAWN", withdrawnAt: new Date(), version: { increment: 1 } },
  });
  if (n.count !== 1) {
    const d = await db.portfolioDecision.findFirst({ where: { id: input.decisionId }, select: { status: true } });
    if (!d) throw new AppError("NOT_FOUND", "The decision was not found.");
    throw new AppError(
      "CONFLICT",
      d.status === "PROPOSED"
        ? "The proposal changed meanwhile. Reload it."
        : `This decision is ${d.status.toLowerCase()}.`,
    );
  }
  await recordAudit(db, {
    actor,
    action: "decision.withdrawn",
    entityType: "PortfolioDecision",
    entityId: input.decisionId,
    changes: { status: { old: "PROPOSED", new: "WITHDRAWN" } },
    reason: input.reason,
  });
  return { ok: true as const };
}
