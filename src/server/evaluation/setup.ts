import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { recordAudit, type Actor, type Changes } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { leavesOf, type Criterion } from "./criteria";
import type { EvalOrg } from "./load";
import type { TScorecardSetupInput } from "./schemas";
import { assertUnlocked, bumpVersion, writableScorecard } from "./scorecard-row";

// The lead's edit of the scorecard: criteria, weights, scale and rules in one versioned save.
// Scores on criteria that are removed (or become automatic) go with them, in the same
// transaction, and the audit entry says how many.

function describe(tree: Criterion[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (group: Criterion[], prefix: string) =>
    group.forEach((c) => {
      out[c.id] = `${prefix}${c.name} (weight ${c.weight}${c.auto ? `, automatic: ${c.auto}` : ""})`;
      if (c.children?.length) walk(c.children, `${prefix}${c.name} / `);
    });
  walk(tree, "");
  return out;
}

export async function updateScorecard(db: TenantDb, actor: Actor, org: EvalOrg, input: TScorecardSetupInput) {
  assertCan(org, "evaluation.manage");
  const card = await writableScorecard(db, org, input.rfpId);
  assertUnlocked(card);
  // A default scorecard saved by this very write is at version 1; the editor read it as 0.
  const expected = input.version === 0 ? 1 : input.version;
  if (input.version === 0 && card.version !== 1)
    throw new AppError("CONFLICT", "Someone else saved this scorecard first. Reload it and make your change again.");

  const scaleChanged = input.scale.min !== card.scale.min || input.scale.max !== card.scale.max;
  if (scaleChanged && (await db.score.count({ where: { scorecardId: card.id } })) > 0)
    throw new AppError(
      "PRECONDITION_FAILED",
      "The scale cannot change once evaluators have scored: their scores would mean something else.",
      { field: "scale" },
    );
  const scoredByPeople = new Set(
    leavesOf(input.criteria)
      .filter((l) => !l.auto)
      .map((l) => l.id),
  );
  const autoLeaves = new Set(
    leavesOf(input.criteria)
      .filter((l) => l.auto)
      .map((l) => l.id),
  );
  const dropped = await db.score.deleteMany({
    where: { scorecardId: card.id, criterionId: { notIn: [...scoredByPeople] } },
  });
  await db.scoreOverride.deleteMany({ where: { scorecardId: card.id, criterionId: { notIn: [...autoLeaves] } } });
  await db.scoreRationale.deleteMany({
    where: { scorecardId: card.id, criterionId: { notIn: [...scoredByPeople, ...autoLeaves] } },
  });

  const version = await bumpVersion(db, card, expected, {
    criteria: input.criteria as unknown as Prisma.InputJsonValue,
    weightMode: input.weightMode === "points" ? "POINTS" : "PERCENT",
    aggregation: input.aggregation === "median" ? "MEDIAN" : "MEAN",
    blind: input.blind,
    scaleMin: input.scale.min,
    scaleMax: input.scale.max,
  });

  const changes: Changes = {};
  const before = describe(card.criteria);
  const after = describe(input.criteria);
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)]))
    if (before[id] !== after[id]) changes[`criterion ${id}`] = { old: before[id] ?? null, new: after[id] ?? null };
  const rules: [string, unknown, unknown][] = [
    ["blind", card.blind, input.blind],
    ["aggregation", card.aggregation, input.aggregation],
    ["weightMode", card.weightMode, input.weightMode],
    ["scale", `${card.scale.min}-${card.scale.max}`, `${input.scale.min}-${input.scale.max}`],
  ];
  for (const [k, o, n] of rules) if (o !== n) changes[k] = { old: o, new: n };
  if (!Object.keys(changes).length && JSON.stringify(card.criteria) !== JSON.stringify(input.criteria))
    // Anchors or descriptions only: still a change to the record, say so.
    changes.descriptions = { old: "previous wording", new: "edited" };
  if (dropped.count) changes.scoresRemoved = { old: dropped.count, new: 0 };
  await recordAudit(db, { actor, action: "scorecard.updated", entityType: "Scorecard", entityId: card.id, changes });
  return { version, scoresRemoved: dropped.count };
}
