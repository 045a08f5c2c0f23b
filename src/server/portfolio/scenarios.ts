import type { Prisma } from "../db/generated/client";
import { DB_NULL } from "../db/json-null";
import { lockRfp } from "../db/sql/locks";
import type { TenantDb } from "../db/tenant";
import { recordAudit, type Actor, type Changes } from "../audit/record-audit";
import { simulateChunked } from "../decision";
import { AppError } from "../errors/app-error";
import type { EvalOrg } from "../evaluation/load";
import { buildProblem } from "./build";
import { loadPortfolioFacts, programmeForPortfolio, rfpChoices } from "./facts";
import { canonicalJson } from "./record";
import type { TScenarioCreateInput, TScenarioSaveInput, TSimulationSaveInput } from "./schemas";
import { ZScenarioSettings, type ScenarioSettings } from "./settings";

// Scenarios: create, edit (settings, manual assignment, name, pin), delete, and the Monte Carlo
// run saved with its seed. Every change is audited in its transaction and checked against the
// version the editor read; an edit of a scenario under a proposed decision marks that decision's
// signatures invalid in the same transaction, saying what changed.

const json = (v: unknown) => v as Prisma.InputJsonValue;

export function parseSettings(raw: unknown, fallback: ScenarioSettings): ScenarioSettings {
  const s = ZScenarioSettings.safeParse(raw);
  return s.success ? s.data : fallback;
}

/** A new programme's scenario: its assumptions, no edits, no constraints. */
export function defaultSettings(programme: { assumptions: unknown }): ScenarioSettings {
  const parsed = ZScenarioSettings.safeParse({ assumptions: programme.assumptions ?? {} });
  return parsed.success ? parsed.data : ZScenarioSettings.parse({});
}

async function scenarioRow(db: TenantDb, scenarioId: string) {
  const row = await db.portfolioScenario.findFirst({ where: { id: scenarioId, archivedAt: null } });
  if (!row) throw new AppError("NOT_FOUND", "The scenario was not found.");
  return row;
}

async function assertNotAwarded(db: TenantDb, scenarioId: string) {
  const awarded = await db.portfolioDecision.findFirst({
    where: { scenarioId, status: "AWARDED" },
    select: { id: true },
  });
  if (awarded)
    throw new AppError(
      "PRECONDITION_FAILED",
      "This scenario is the signed award and can no longer change. Copy it to explore other choices.",
    );
}

async function assertNameFree(db: TenantDb, programmeId: string, rfpId: string, name: string, except?: string) {
  const clash = await db.portfolioScenario.findFirst({
    where: {
      programmeId,
      rfpId,
      archivedAt: null,
      name: { equals: name, mode: "insensitive" },
      NOT: except ? { id: except } : undefined,
    },
    select: { id: true },
  });
  if (clash)
    throw new AppError("CONFLICT", `A scenario named "${name}" already exists. Choose another name.`, {
      field: "name",
    });
}

/** Checks a manual assignment against the scenario's problem: every stage, a vendor that offers it. */
async function checkAssignment(
  db: TenantDb,
  org: EvalOrg,
  userId: string,
  programmeId: string,
  rfpId: string,
  settings: ScenarioSettings,
  assignment: Record<string, string>,
) {
  const programme = await programmeForPortfolio(db, programmeId);
  const facts = await loadPortfolioFacts(db, org, userId, programme, rfpId);
  const built = buildProblem(facts, settings);
  for (const s of built.problem.stages) {
    const v = assignment[s.id];
    if (!v) throw new AppError("BAD_REQUEST", `Choose a vendor for ${s.name}.`, { field: `assignment.${s.id}` });
    if (!built.problem.offers.some((o) => o.stageId === s.id && o.vendorId === v))
      throw new AppError("BAD_REQUEST", `That vendor has no offer for ${s.name}.`, { field: `assignment.${s.id}` });
  }
  const extra = Object.keys(assignment).find((k) => !built.problem.stages.some((s) => s.id === k));
  if (extra)
    throw new AppError("BAD_REQUEST", "The assignment names a stage this programme does not have.", {
      field: `assignment.${extra}`,
    });
  return built;
}

export async function createScenario(db: TenantDb, actor: Actor, org: EvalOrg, input: TScenarioCreateInput) {
  const programme = await programmeForPortfolio(db, input.programmeId);
  if (programme.archivedAt)
    throw new AppError("PRECONDITION_FAILED", "This programme is archived; restore it to plan portfolios.");
  const rfps = await rfpChoices(db, org.id, programme.id, new Date());
  if (!rfps.some((r) => r.id === input.rfpId))
    throw new AppError("BAD_REQUEST", "Choose an RFP of this programme that has been published.", { field: "rfpId" });
  await assertNameFree(db, programme.id, input.rfpId, input.name);
  if (input.assignment)
    await checkAssignment(db, org, actor?.id ?? "", programme.id, input.rfpId, input.settings, input.assignment);
  const row = await db.portfolioScenario.create({
    data: {
      programmeId: programme.id,
      rfpId: input.rfpId,
      name: input.name,
      settings: json(input.settings),
      assignment: input.assignment ? json(input.assignment) : undefined,
      pinned: input.pinned,
      createdById: actor?.id ?? null,
    },
  });
  await recordAudit(db, {
    actor,
    action: "scenario.created",
    entityType: "PortfolioScenario",
    entityId: row.id,
    changes: {
      name: { old: null, new: row.name },
      settings: { old: null, new: input.settings },
      assignment: { old: null, new: input.assignment },
      pinned: { old: null, new: input.pinned },
    },
  });
  return { id: row.id, version: row.version };
}

export async function saveScenario(db: TenantDb, actor: Actor, org: EvalOrg, input: TScenarioSaveInput) {
  const first = await scenarioRow(db, input.scenarioId);
  // Serialised with signing and the award of its RFP (decisions.ts), so an edit and a signature
  // never both pass on the same record.
  await lockRfp(db, first.rfpId);
  const row = await scenarioRow(db, input.scenarioId);
  await assertNotAwarded(db, row.id);
  const fallback = defaultSettings({ assumptions: {} });
  const before = {
    name: row.name,
    settings: parseSettings(row.settings, fallback),
    assignment: row.assignment,
    pinned: row.pinned,
  };
  const after = {
    name: input.name ?? before.name,
    settings: input.settings ?? before.settings,
    assignment: input.assignment === undefined ? before.assignment : input.assignment,
    pinned: input.pinned ?? before.pinned,
  };
  if (input.name !== undefined && input.name !== row.name)
    await assertNameFree(db, row.programmeId, row.rfpId, input.name, row.id);
  if (after.assignment && (input.assignment || input.settings))
    await checkAssignment(
      db,
      org,
      actor?.id ?? "",
      row.programmeId,
      row.rfpId,
      after.settings,
      after.assignment as Record<string, string>,
    );
  const changes: Changes = {};
  for (const k of ["name", "settings", "assignment", "pinned"] as const)
    if (canonicalJson(before[k]) !== canonicalJson(after[k]))
      changes[k] = { old: before[k] ?? null, new: after[k] ?? null };
  if (!Object.keys(changes).length) return { id: row.id, version: row.version };
  const touchesRecord = "settings" in changes || "assignment" in changes;
  const n = await db.portfolioScenario.updateMany({
    where: { id: row.id, version: input.version, archivedAt: null },
    data: {
      name: after.name,
      settings: json(after.settings),
      assignment: after.assignment === null ? DB_NULL : json(after.assignment),
      pinned: after.pinned,
      // A simulation belongs to the problem it ran on: an edit of the problem clears it.
      ...(touchesRecord ? { simulation: DB_NULL } : {}),
      version: { increment: 1 },
    },
  });
  if (n.count !== 1)
    throw new AppError(
      "CONFLICT",
      "Someone else changed this scenario while you were working on it. Reload it and make your change again.",
    );
  await recordAudit(db, {
    actor,
    action: "scenario.updated",
    entityType: "PortfolioScenario",
    entityId: row.id,
    changes,
  });
  if (touchesRecord) await invalidateSignatures(db, actor, row.id, Object.keys(changes));
  return { id: row.id, version: input.version + 1 };
}

/** Marks the signatures of a proposal on this scenario invalid, saying which edit did it. */
async function invalidateSignatures(db: TenantDb, actor: Actor, scenarioId: string, fields: string[]) {
  const proposal = await db.portfolioDecision.findFirst({
    where: { scenarioId, status: "PROPOSED" },
    select: { id: true },
  });
  if (!proposal) return;
  const what = fields
    .filter((f) => f === "settings" || f === "assignment")
    .map((f) => (f === "settings" ? "its assumptions, offers or constraints" : "its assignment"));
  const reason = `The scenario was edited after signing (${what.join(" and ")}) by ${actor?.email ?? "someone"}.`;
  const n = await db.decisionSignature.updateMany({
    where: { decisionId: proposal.id, invalidatedAt: null },
    data: { invalidatedAt: new Date(), invalidReason: reason },
  });
  if (n.count)
    await recordAudit(db, {
      actor,
      action: "decision.signatures_invalidated",
      entityType: "PortfolioDecision",
      entityId: proposal.id,
      changes: { validSignatures: { old: n.count, new: 0 } },
      reason,
    });
}

export async function archiveScenario(db: TenantDb, actor: Actor, input: { scenarioId: string; version: number }) {
  const row = await scenarioRow(db, input.scenarioId);
  const live = await db.portfolioDecision.findFirst({
    where: { scenarioId: row.id, status: { in: ["PROPOSED", "AWARDED"] } },
    select: { status: true },
  });
  if (live)
    throw new AppError(
      "PRECONDITION_FAILED",
      live.status === "AWARDED"
        ? "This scenario is the signed award; it is kept."
        : "This scenario is proposed for award. Withdraw the proposal first.",
    );
  const n = await db.portfolioScenario.updateMany({
    where: { id: row.id, version: input.version, archivedAt: null },
    data: { archivedAt: new Date(), version: { increment: 1 } },
  });
  if (n.count !== 1) throw new AppError("CONFLICT", "Someone else changed this scenario. Reload it and try again.");
  await recordAudit(db, {
    actor,
    action: "scenario.deleted",
    entityType: "PortfolioScenario",
    entityId: row.id,
    changes: { archived: { old: false, new: true } },
  });
  return { ok: true as const };
}

/**
 * Runs the Monte Carlo again on the server with the seed the page used (the same seed gives the
 * same result) and saves it with the scenario. The server's run is the one kept: a saved result
 * cannot be typed in. simulateChunked yields to the event loop between slices of 5,000
 * iterations, so even 200,000 iterations do not hold other requests up.
 */
export async function saveSimulation(db: TenantDb, actor: Actor, org: EvalOrg, input: TSimulationSaveInput) {
  const row = await scenarioRow(db, input.scenarioId);
  await assertNotAwarded(db, row.id);
  const programme = await programmeForPortfolio(db, row.programmeId);
  const settings = parseSettings(row.settings, defaultSettings(programme));
  const built = await checkAssignment(db, org, actor?.id ?? "", row.programmeId, row.rfpId, settings, input.assignment);
  const result = await simulateChunked({
    problem: built.problem,
    assignment: input.assignment,
    iterations: input.iterations,
    seed: input.seed,
  });
  const simulation = {
    iterations: input.iterations,
    seed: input.seed,
    assignment: input.assignment,
    result,
    at: new Date().toISOString(),
  };
  const n = await db.portfolioScenario.updateMany({
    where: { id: row.id, version: input.version, archivedAt: null },
    data: { simulation: json(simulation), version: { increment: 1 } },
  });
  if (n.count !== 1)
    throw new AppError("CONFLICT", "Someone else changed this scenario. Reload it and run the simulation again.");
  await recordAudit(db, {
    actor,
    action: "scenario.simulated",
    entityType: "PortfolioScenario",
    entityId: row.id,
    changes: {
      simulation: {
        old: null,
        new: {
          iterations: input.iterations,
          seed: input.seed,
          p50Weeks: result.durationWeeks.p50,
          p90Weeks: result.durationWeeks.p90,
        },
      },
    },
  });
  return { version: input.version + 1, simulation };
}
