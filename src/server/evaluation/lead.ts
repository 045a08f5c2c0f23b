import type { TenantDb } from "../db/tenant";
import { recordAudit, type Actor } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { computeScorecard } from "../decision";
import { flatten, leavesOf } from "./criteria";
import { decisionInput, evaluationVendors, peopleScores, type EvalOrg } from "./load";
import type { TOverrideInput, TRationaleInput } from "./schemas";
import { assertUnlocked, bumpVersion, writableScorecard, type WritableCard } from "./scorecard-row";

// What only a lead does: override an automatic score (with a reason), record the team's rationale
// for a cell its evaluators disagree on, and lock or unlock the scorecard.

async function cellNames(db: TenantDb, card: WritableCard, rfpId: string, vendorId: string, criterionId: string) {
  const vendors = await evaluationVendors(db, rfpId);
  const vendor = vendors.find((v) => v.id === vendorId);
  if (!vendor)
    throw new AppError("BAD_REQUEST", "This vendor is not invited to the RFP (or declined).", { field: "vendorId" });
  const leaf = leavesOf(card.criteria).find((l) => l.id === criterionId);
  if (!leaf)
    throw new AppError("BAD_REQUEST", "This criterion is not a scored criterion of the scorecard.", {
      field: "criterionId",
    });
  return { vendor, leaf, label: `${vendor.displayName} / ${leaf.path.join(" / ")}` };
}

export async function overrideScore(db: TenantDb, actor: Actor, org: EvalOrg, input: TOverrideInput) {
  assertCan(org, "evaluation.manage");
  const card = await writableScorecard(db, org, input.rfpId);
  assertUnlocked(card);
  const { leaf, label } = await cellNames(db, card, input.rfpId, input.vendorId, input.criterionId);
  if (!leaf.auto)
    throw new AppError("BAD_REQUEST", `"${leaf.name}" is scored by evaluators, not automatically.`, {
      field: "criterionId",
    });
  if (input.value !== null && (input.value < card.scale.min || input.value > card.scale.max))
    throw new AppError("BAD_REQUEST", `Scores go from ${card.scale.min} to ${card.scale.max}.`, { field: "value" });
  const where = { scorecardId: card.id, invitationId: input.vendorId, criterionId: input.criterionId };
  const before = await db.scoreOverride.findFirst({ where });
  if (input.value === null) {
    if (!before) throw new AppError("CONFLICT", "There is no override to remove.");
    await db.scoreOverride.deleteMany({ where });
  } else if (before) {
    await db.scoreOverride.updateMany({
      where,
      data: { value: input.value, reason: input.reason, byId: actor?.id ?? null, at: new Date() },
    });
  } else {
    await db.scoreOverride.create({
      data: { ...where, value: input.value, reason: input.reason, byId: actor?.id ?? null },
    });
  }
  await recordAudit(db, {
    actor,
    action: input.value === null ? "score.override.removed" : "score.overridden",
    entityType: "Scorecard",
    entityId: card.id,
    changes: { [label]: { old: before?.value ?? "automatic", new: input.value ?? "automatic" } },
    reason: input.reason,
  });
  return { ok: true };
}

export async function recordRationale(db: TenantDb, actor: Actor, org: EvalOrg, input: TRationaleInput) {
  assertCan(org, "evaluation.manage");
  const card = await writableScorecard(db, org, input.rfpId);
  assertUnlocked(card);
  const { label } = await cellNames(db, card, input.rfpId, input.vendorId, input.criterionId);
  const where = { scorecardId: card.id, invitationId: input.vendorId, criterionId: input.criterionId };
  const before = await db.scoreRationale.findFirst({ where });
  if (before)
    await db.scoreRationale.updateMany({ where, data: { text: input.text, byId: actor?.id ?? null, at: new Date() } });
  else await db.scoreRationale.create({ data: { ...where, text: input.text, byId: actor?.id ?? null } });
  await recordAudit(db, {
    actor,
    action: "score.rationale",
    entityType: "Scorecard",
    entityId: card.id,
    changes: { [label]: { old: before?.text ?? null, new: input.text } },
  });
  return { ok: true };
}

/** The flagged cells (every evaluator's scores, blind mode or not) that still lack a rationale. */
async function missingRationales(db: TenantDb, card: WritableCard, rfpId: string) {
  const [vendors, scores, rationales] = await Promise.all([
    evaluationVendors(db, rfpId),
    db.score.findMany({ where: { scorecardId: card.id } }),
    db.scoreRationale.findMany({ where: { scorecardId: card.id } }),
  ]);
  const result = computeScorecard(decisionInput(card, vendors, peopleScores(card.criteria, vendors, scores)));
  const names = new Map(flatten(card.criteria).map((c) => [c.id, c.name]));
  const has = new Set(rationales.map((r) => `${r.invitationId} ${r.criterionId}`));
  return result.vendors.flatMap((v) =>
    Object.entries(v.leaves)
      .filter(([leafId, l]) => l.disagreement && !has.has(`${v.vendorId} ${leafId}`))
      .map(([leafId]) => `${vendors.find((x) => x.id === v.vendorId)!.displayName} on "${names.get(leafId)}"`),
  );
}

export async function lockScorecard(
  db: TenantDb,
  actor: Actor,
  org: EvalOrg,
  input: { rfpId: string; version: number },
) {
  assertCan(org, "evaluation.manage");
  const card = await writableScorecard(db, org, input.rfpId);
  if (card.lockedAt) throw new AppError("CONFLICT", "The scorecard is already locked.");
  const missing = await missingRationales(db, card, input.rfpId);
  if (missing.length)
    throw new AppError(
      "PRECONDITION_FAILED",
      `Record the team's rationale for each disagreement before locking: ${missing.slice(0, 5).join("; ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}.`,
    );
  const version = await bumpVersion(db, card, input.version, { lockedAt: new Date(), lockedById: actor?.id ?? null });
  await recordAudit(db, {
    actor,
    action: "scorecard.locked",
    entityType: "Scorecard",
    entityId: card.id,
    changes: { locked: { old: false, new: true } },
  });
  return { version };
}

export async function unlockScorecard(
  db: TenantDb,
  actor: Actor,
  org: EvalOrg,
  input: { rfpId: string; version: number; reason: string },
) {
  assertCan(org, "evaluation.manage");
  const card = await writableScorecard(db, org, input.rfpId);
  if (!card.lockedAt) throw new AppError("CONFLICT", "The scorecard is not locked.");
  const version = await bumpVersion(db, card, input.version, { lockedAt: null, lockedById: null });
  await recordAudit(db, {
    actor,
    action: "scorecard.unlocked",
    entityType: "Scorecard",
    entityId: card.id,
    changes: { locked: { old: true, new: false } },
    reason: input.reason,
  });
  return { version };
}
