import type { TenantDb } from "../db/tenant";
import type { Role } from "../api/roles";
import { can } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import type { EvalOrg } from "../evaluation/load";
import { buildProblem } from "./build";
import { loadPortfolioFacts, programmeForPortfolio, rfpChoices } from "./facts";
import { buildRecord, rebaseDerivedRisks, recordChanges, recordHash, riskDrift, type DecisionRecord } from "./record";
import { defaultSettings, parseSettings } from "./scenarios";
import type { ScenarioSettings } from "./settings";

// Everything the portfolio page shows for a programme and one of its RFPs: the facts, the
// scenarios with their saved settings and simulations, and the decision with each signature's
// standing (checked now, against the record rebuilt from today's data).

export async function portfolioView(
  db: TenantDb,
  org: EvalOrg,
  userId: string,
  input: { programmeId: string; rfpId?: string },
  now = new Date(),
) {
  const programme = await programmeForPortfolio(db, input.programmeId);
  const rfps = await rfpChoices(db, org.id, programme.id, now);
  const rfp = input.rfpId ? rfps.find((r) => r.id === input.rfpId) : defaultRfp(rfps);
  if (input.rfpId && !rfp) throw new AppError("NOT_FOUND", "The RFP was not found in this programme.");
  const defaults = defaultSettings(programme);
  const me = {
    id: userId,
    canWrite: can(org, "portfolio.write"),
    canPropose: can(org, "decision.propose"),
    canSign: can(org, "decision.sign"),
  };
  const members = await db.membership.findMany({
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  const nameOf = (id: string | null) => {
    const m = members.find((x) => x.user.id === id);
    return m ? m.user.name || m.user.email : "A former member";
  };
  const signers = members
    .filter((m) => can({ kind: org.kind, role: m.role as Role }, "decision.sign"))
    .map((m) => ({ id: m.user.id, name: m.user.name || m.user.email, role: m.role }));
  const base = {
    programme: {
      id: programme.id,
      name: programme.name,
      currency: programme.currency,
      stages: programme.stages,
      budget: programme.budget,
      startDate: programme.startDate,
      targetDate: programme.targetDate,
      archived: !!programme.archivedAt,
    },
    rfps,
    defaults,
    me,
    signers,
  };
  if (!rfp) return { ...base, rfp: null, facts: null, scenarios: [], decision: null, withdrawn: 0 };

  const [facts, rows, decisions] = await Promise.all([
    loadPortfolioFacts(db, org, userId, programme, rfp.id, now),
    db.portfolioScenario.findMany({
      where: { programmeId: programme.id, rfpId: rfp.id, archivedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.portfolioDecision.findMany({
      where: { rfpId: rfp.id },
      include: { signatures: { orderBy: { signedAt: "asc" } } },
      orderBy: { proposedAt: "desc" },
    }),
  ]);
  const scenarios = rows.map((r) => ({
    id: r.id,
    name: r.name,
    settings: parseSettings(r.settings, defaults),
    assignment: (r.assignment ?? null) as Record<string, string> | null,
    pinned: r.pinned,
    simulation: (r.simulation ?? null) as SavedSimulation | null,
    version: r.version,
    updatedAt: r.updatedAt,
  }));
  const current = decisions.find((d) => d.status !== "WITHDRAWN") ?? null;
  let decision = null;
  if (current) {
    const signed = current.record as unknown as DecisionRecord;
    const scenario = scenarios.find((s) => s.id === current.scenarioId);
    // The scenario's assignment today (an edit after the proposal moves it away from the signed one).
    const nowRecord = scenario
      ? recordNow(facts, scenario.settings, signed, scenario.assignment ?? signed.assignment)
      : null;
    const rebased = nowRecord ? rebaseDerivedRisks(nowRecord, signed) : null;
    const currentHash = rebased ? recordHash(rebased) : null;
    const changes = rebased
      ? recordChanges(signed, rebased)
      : [
          scenario
            ? "The chosen portfolio no longer fits the data: an offer it used is gone."
            : "The scenario it was made from was deleted.",
        ];
    const intact = currentHash === current.recordHash;
    decision = {
      id: current.id,
      status: current.status,
      version: current.version,
      scenarioId: current.scenarioId,
      rationale: current.rationale,
      assignment: signed.assignment,
      metrics: signed.metrics,
      recordHash: current.recordHash,
      intact,
      changes: intact ? [] : changes,
      drift: nowRecord ? riskDrift(nowRecord, signed) : [],
      proposedAt: current.proposedAt,
      proposedBy: nameOf(current.proposedById),
      awardedAt: current.awardedAt,
      requiredApprovers: current.requiredApprovers.map((id) => ({
        id,
        name: nameOf(id),
        signed: current.signatures.some(
          (s) =>
            s.userId === id &&
            s.meaning === "APPROVER" &&
            !s.invalidatedAt &&
            s.recordHash === current.recordHash &&
            intact,
        ),
      })),
      signatures: current.signatures.map((s) => ({
        id: s.id,
        userId: s.userId,
        printedName: s.printedName,
        email: s.email,
        meaning: s.meaning,
        signedAt: s.signedAt,
        // An awarded record is final: later drift of the data is shown, not held against its signatures.
        valid: !s.invalidatedAt && (intact || current.status === "AWARDED"),
        invalidReason:
          s.invalidReason ??
          (intact || current.status === "AWARDED" ? null : `The record changed after signing: ${changes.join(" ")}`),
      })),
    };
  }
  return {
    ...base,
    rfp,
    facts,
    scenarios,
    decision,
    withdrawn: decisions.filter((d) => d.status === "WITHDRAWN").length,
  };
}

/**
 * The RFP a programme's comparison opens on: the one with the most responses (the main
 * sourcing event), a decided or closed one before one still open when they tie.
 */
function defaultRfp<R extends { status: string; responses: number }>(rfps: R[]): R | undefined {
  const rank = (r: R) => (r.status === "AWARDED" ? 2 : r.status === "CLOSED" ? 1 : 0);
  return (
    [...rfps].filter((r) => r.responses > 0).sort((a, b) => b.responses - a.responses || rank(b) - rank(a))[0] ??
    rfps[0]
  );
}

export type SavedSimulation = {
  iterations: number;
  seed: number;
  assignment: Record<string, string>;
  at: string;
  result: {
    iterations: number;
    seed: number;
    durationWeeks: { mean: number; p10: number; p50: number; p90: number };
    riskAdjustedCost: { mean: number; p10: number; p50: number; p90: number };
    histogram: { from: number; to: number; count: number }[];
  };
};

function recordNow(
  facts: Awaited<ReturnType<typeof loadPortfolioFacts>>,
  settings: ScenarioSettings,
  signed: DecisionRecord,
  assignment: Record<string, string>,
): DecisionRecord | null {
  const built = buildProblem(facts, settings);
  const valid = built.problem.stages.every((s) =>
    built.problem.offers.some((o) => o.stageId === s.id && o.vendorId === assignment[s.id]),
  );
  if (!valid) return null;
  return buildRecord(
    { programmeId: signed.programmeId, rfpId: signed.rfpId, scenarioId: signed.scenarioId },
    built,
    settings,
    assignment,
  );
}

export type PortfolioView = Awaited<ReturnType<typeof portfolioView>>;
