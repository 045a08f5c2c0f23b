// The decision report as a PDF: everything the portfolio page and the evaluation show for one
// RFP of a programme, read with this user's rights, computed by the decision core and laid out
// by report-document.ts. With no decision yet it still reports the comparison of the current
// scenario (the first one, or the programme's defaults) and says so.
import type { TenantDb } from "../db/tenant";
import { listAuditEvents } from "../audit/audit-log";
import { can } from "../auth/permissions";
import { isDecisionError } from "../decision";
import { AppError } from "../errors/app-error";
import { loadEvaluation, type EvalOrg } from "../evaluation/load";
import { titleSlug } from "@/lib/file-name";
import { buildProblem } from "./build";
import { evaluateColumn, runComparison } from "./compare";
import type { DecisionRecord } from "./record";
import { reportDocument } from "./report-document";
import { renderPdf } from "./report-pdf";
import { evaluationData } from "./report-evaluation";
import type { AuditLine, ReportData, ReportPortfolio } from "./report-types";
import { portfolioView } from "./view";

/** The optimiser's time on the server for one report (see runComparison). */
const REPORT_OPTIMISER_BUDGET_MS = 2000;

/** Entries per audited record; a scenario edited more often than this is summarised by its latest. */
const AUDIT_LIMIT = 200;

/** The audit trail of the scenario, of every decision on the RFP and of the award, oldest first. */
async function auditLines(db: TenantDb, rfpId: string, scenarioId: string | null) {
  const decisions = await db.portfolioDecision.findMany({
    where: { rfpId },
    select: { id: true, status: true },
    orderBy: { proposedAt: "asc" },
  });
  const subjects = [
    ...(scenarioId ? [{ id: scenarioId, label: "Scenario" }] : []),
    ...decisions.map((d) => ({ id: d.id, label: `Decision (${d.status.toLowerCase()})` })),
  ];
  const lists = await Promise.all(subjects.map((s) => listAuditEvents(db, { entityId: s.id, limit: AUDIT_LIMIT })));
  // The award itself is recorded on the RFP.
  const award = await listAuditEvents(db, { entityId: rfpId, action: "rfp.awarded", limit: 10 });
  const entries: AuditLine[] = [
    // Each list comes newest first; reversed, entries of the same instant keep the order they were written in.
    ...lists.flatMap((l, i) => [...l.items].reverse().map((e) => ({ e, subject: subjects[i]!.label }))),
    ...award.items.map((e) => ({ e, subject: "RFP" })),
  ]
    .map(({ e, subject }) => ({
      at: e.at,
      actor: e.actorEmail ?? "no user (command line or system)",
      action: e.action,
      subject,
      fields: e.changes && typeof e.changes === "object" ? Object.keys(e.changes) : [],
      reason: e.reason,
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return { entries, truncated: lists.some((l) => l.nextCursor !== null) };
}

export async function decisionReport(
  db: TenantDb,
  org: EvalOrg,
  userId: string,
  input: { programmeId: string; rfpId: string },
  now = new Date(),
): Promise<{ fileName: string; contentType: "application/pdf"; base64: string }> {
  const view = await portfolioView(db, org, userId, input, now);
  if (!view.rfp || !view.facts) throw new AppError("NOT_FOUND", "The RFP was not found in this programme.");
  const [extra, me, evaluation] = await Promise.all([
    db.programme.findFirst({ where: { id: view.programme.id }, select: { molecule: true } }),
    db.membership.findFirst({ where: { userId }, select: { user: { select: { name: true, email: true } } } }),
    loadEvaluation(db, org, userId, view.rfp.id, now),
  ]);

  const decision = view.decision;
  const scenario = decision
    ? (view.scenarios.find((s) => s.id === decision.scenarioId) ?? null)
    : (view.scenarios[0] ?? null);
  const settings = scenario?.settings ?? view.defaults;
  const built = buildProblem(view.facts, settings);
  const problem = built.problem;

  let comparison: ReportData["comparison"] = { columns: [], top: [], infeasible: [], error: null };
  try {
    // On the server the optimiser gets a time budget: a report never holds a request for long,
    // and a portfolio not proven optimal says so (the comparison carries optimal and lowerBound).
    const c = runComparison(built, settings, { timeBudgetMs: REPORT_OPTIMISER_BUDGET_MS });
    comparison = {
      columns: c.columns.map((col) => ({ ...col, problem })),
      top: c.top,
      infeasible: c.infeasible.map((r) => r.message),
      error: null,
    };
  } catch (e) {
    comparison.error = isDecisionError(e) ? e.message : "the optimiser failed on this data";
  }

  // The chosen portfolio: the signed record's (its own problem, as signed), else the scenario's manual one.
  let chosen: ReportPortfolio | null = null;
  const names: Record<string, string> = Object.fromEntries(built.vendors.map((v) => [v.id, v.name]));
  if (decision) {
    const row = await db.portfolioDecision.findFirst({ where: { id: decision.id }, select: { record: true } });
    const record = row?.record as unknown as DecisionRecord | undefined;
    for (const v of record?.vendors ?? []) names[v.id] ??= v.name;
    chosen = {
      key: "chosen",
      label: decision.status === "AWARDED" ? "Chosen (awarded)" : "Chosen (proposed)",
      metrics: decision.metrics,
      empty: null,
      optimum: false,
      problem: record?.problem ?? problem,
    };
  } else if (scenario?.assignment) {
    const col = evaluateColumn(built, scenario.assignment);
    chosen = { key: "chosen", label: "Scenario's assignment", ...col, optimum: false, problem };
  }

  const audit = can(org, "audit.read")
    ? { visible: true, ...(await auditLines(db, view.rfp.id, scenario?.id ?? null)) }
    : { visible: false, entries: [], truncated: false };

  const data: ReportData = {
    generatedAt: now,
    generatedBy: me ? `${me.user.name || me.user.email} (${me.user.email})` : "a former member",
    programme: { name: view.programme.name, molecule: extra?.molecule ?? null, currency: view.programme.currency },
    rfp: { title: view.rfp.title, status: view.rfp.status },
    evaluation: evaluationData(evaluation),
    scenario: {
      name: scenario?.name ?? "Programme defaults",
      source: decision ? "decision" : scenario ? "first" : "defaults",
      settings,
      assignment: scenario?.assignment ?? null,
      simulation: scenario?.simulation ?? null,
    },
    built,
    comparison,
    chosen,
    vendorNames: names,
    decision,
    withdrawn: view.withdrawn,
    audit,
  };
  const pdf = await renderPdf(reportDocument(data));
  return {
    fileName: `${titleSlug(`${view.programme.name} ${view.rfp.title}`, "decision")}-decision-report.pdf`,
    contentType: "application/pdf",
    base64: pdf.toString("base64"),
  };
}
