import type { TenantDb } from "../db/tenant";
import type { TenantCreateData } from "../db/tenant-db";
import { recordAudit, type Actor, type Changes } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { leavesOf } from "./criteria";
import { evaluationVendors, type EvalOrg } from "./load";
import type { TSaveScoresInput } from "./schemas";
import { assertUnlocked, writableScorecard } from "./scorecard-row";

// An evaluator's own scores: saved cell by cell (the matrix batches what was typed since the last
// save), final once submitted. Each save is one audit entry listing every cell it changed.

const fmt = (v: number | null, c: string | null) => (v === null ? null : c ? `${v} (${c})` : v);

export async function saveScores(db: TenantDb, actor: Actor & object, org: EvalOrg, input: TSaveScoresInput) {
  assertCan(org, "evaluation.score");
  const card = await writableScorecard(db, org, input.rfpId);
  assertUnlocked(card);
  const submitted = await db.scoreSubmission.findFirst({ where: { scorecardId: card.id, evaluatorId: actor.id } });
  if (submitted)
    throw new AppError(
      "PRECONDITION_FAILED",
      "You have submitted your scores. Ask a lead to reopen your submission to change them.",
    );
  const vendors = await evaluationVendors(db, input.rfpId);
  const vendorName = new Map(vendors.map((v) => [v.id, v.displayName]));
  const leaves = new Map(leavesOf(card.criteria).map((l) => [l.id, l]));
  const seen = new Set<string>();
  input.entries.forEach((e, i) => {
    if (!vendorName.has(e.vendorId))
      throw new AppError("BAD_REQUEST", "This vendor is not invited to the RFP (or declined).", {
        field: `entries.${i}.vendorId`,
      });
    const leaf = leaves.get(e.criterionId);
    if (!leaf)
      throw new AppError("BAD_REQUEST", "This criterion is not a scored criterion of the scorecard.", {
        field: `entries.${i}.criterionId`,
      });
    if (leaf.auto)
      throw new AppError("BAD_REQUEST", `"${leaf.name}" is scored automatically; a lead can override it instead.`, {
        field: `entries.${i}.criterionId`,
      });
    if (e.value !== null && (e.value < card.scale.min || e.value > card.scale.max))
      throw new AppError("BAD_REQUEST", `Scores go from ${card.scale.min} to ${card.scale.max}.`, {
        field: `entries.${i}.value`,
      });
    const key = `${e.vendorId} ${e.criterionId}`;
    if (seen.has(key))
      throw new AppError("BAD_REQUEST", "The same cell appears twice in one save.", { field: `entries.${i}` });
    seen.add(key);
  });

  const existing = await db.score.findMany({
    where: {
      scorecardId: card.id,
      evaluatorId: actor.id,
      OR: input.entries.map((e) => ({ invitationId: e.vendorId, criterionId: e.criterionId })),
    },
  });
  const changes: Changes = {};
  const saved: { vendorId: string; criterionId: string; version: number | null }[] = [];
  const created: TenantCreateData<"score">[] = [];
  for (const e of input.entries) {
    const row = existing.find((x) => x.invitationId === e.vendorId && x.criterionId === e.criterionId);
    if (row && e.version !== undefined && row.version !== e.version)
      throw new AppError(
        "CONFLICT",
        `Your score for ${vendorName.get(e.vendorId)} on "${leaves.get(e.criterionId)!.name}" was changed in another window. Reload to see it.`,
      );
    const label = `${vendorName.get(e.vendorId)} / ${leaves.get(e.criterionId)!.path.join(" / ")}`;
    const comment = e.comment ?? null;
    if (e.value === null) {
      if (row) {
        await db.score.deleteMany({ where: { id: row.id, version: row.version } });
        changes[label] = { old: fmt(row.value, row.comment), new: null };
      }
      saved.push({ vendorId: e.vendorId, criterionId: e.criterionId, version: null });
      continue;
    }
    if (row) {
      if (row.value === e.value && (row.comment ?? null) === comment) {
        saved.push({ vendorId: e.vendorId, criterionId: e.criterionId, version: row.version });
        continue;
      }
      const n = await db.score.updateMany({
        where: { id: row.id, version: row.version },
        data: { value: e.value, comment, version: { increment: 1 } },
      });
      if (n.count !== 1) throw new AppError("CONFLICT", "This score changed while saving. Reload and try again.");
      changes[label] = { old: fmt(row.value, row.comment), new: fmt(e.value, comment) };
      saved.push({ vendorId: e.vendorId, criterionId: e.criterionId, version: row.version + 1 });
    } else {
      created.push({
        scorecardId: card.id,
        invitationId: e.vendorId,
        criterionId: e.criterionId,
        evaluatorId: actor.id,
        value: e.value,
        comment,
      });
      changes[label] = { old: null, new: fmt(e.value, comment) };
      saved.push({ vendorId: e.vendorId, criterionId: e.criterionId, version: 1 });
    }
  }
  // New cells in one statement; a cell someone created meanwhile fails it with a conflict.
  if (created.length) await db.score.createMany({ data: created });
  if (Object.keys(changes).length)
    await recordAudit(db, { actor, action: "scores.saved", entityType: "Scorecard", entityId: card.id, changes });
  return { saved };
}

export async function submitScores(db: TenantDb, actor: Actor & object, org: EvalOrg, rfpId: string) {
  assertCan(org, "evaluation.score");
  const card = await writableScorecard(db, org, rfpId);
  assertUnlocked(card);
  const count = await db.score.count({ where: { scorecardId: card.id, evaluatorId: actor.id } });
  if (count === 0) throw new AppError("PRECONDITION_FAILED", "Score at least one vendor before submitting.");
  const made = await db.scoreSubmission.createMany({
    data: { scorecardId: card.id, evaluatorId: actor.id },
    skipDuplicates: true,
  });
  if (made.count === 0) throw new AppError("CONFLICT", "You have already submitted your scores.");
  await recordAudit(db, {
    actor,
    action: "scores.submitted",
    entityType: "Scorecard",
    entityId: card.id,
    changes: { submitted: { old: null, new: `${count} scores` } },
  });
  return { submitted: count };
}

/** A lead lets an evaluator change submitted scores again. */
export async function reopenSubmission(
  db: TenantDb,
  actor: Actor,
  org: EvalOrg,
  input: { rfpId: string; evaluatorId: string },
) {
  assertCan(org, "evaluation.manage");
  const card = await writableScorecard(db, org, input.rfpId);
  assertUnlocked(card);
  const gone = await db.scoreSubmission.deleteMany({ where: { scorecardId: card.id, evaluatorId: input.evaluatorId } });
  if (gone.count === 0) throw new AppError("CONFLICT", "This evaluator has not submitted (or was already reopened).");
  await recordAudit(db, {
    actor,
    action: "scores.reopened",
    entityType: "Scorecard",
    entityId: card.id,
    changes: { evaluator: { old: input.evaluatorId, new: null } },
  });
  return { reopened: true };
}
