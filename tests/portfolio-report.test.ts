import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leavesOf } from "@/server/evaluation/criteria";
import { stageName } from "@/server/portfolio/build";
import { pdfText } from "@/server/portfolio/testing-pdf-text";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor, makeOrg, makeUser, TEST_PASSWORD, type TestUser } from "./helpers/actors";
import { closedPortfolioRfp, portfolioWorld, STAGES, type PortfolioWorld } from "./helpers/portfolio-world";

// The decision report through the tRPC caller, read back as a reader of the PDF sees it: before
// any decision (the current scenario's comparison, "No decision yet"), then after the full flow
// (closed RFP, scenario, saved Monte Carlo, proposal signed by its author and two approvers ->
// awarded): programme, vendors, each signature's manifestation, the record hash, P50 and the
// audit trail. A viewer gets the report without the audit entries it may not read.

let t: TestDb;
let w: PortfolioWorld;
let lead: TestUser;
let ann: TestUser;
let ben: TestUser;
let viewer: TestUser;
let sponsor: { id: string; slug: string };
let cdmos: PortfolioWorld["cdmos"];
const stages = STAGES;

beforeAll(async () => {
  t = await createTestDb();
  w = await portfolioWorld("rep");
  ({ lead, ann, ben, viewer, sponsor, cdmos } = w);
});
afterAll(async () => t?.drop());

const closedRfp = () => closedPortfolioRfp(w);

const api = (u: TestUser) => callerFor(u).portfolio;
const slug = () => sponsor.slug;
const read = async (r: { base64: string }) => pdfText(Buffer.from(r.base64, "base64"));
/** The text from `from` up to the next `to` (or the end): one row or one section of the report. */
const between = (text: string, from: string, to: string) => {
  const i = text.indexOf(from);
  if (i < 0) return "";
  const j = text.indexOf(to, i + from.length);
  return text.slice(i, j < 0 ? undefined : j);
};
const flat = (s: string) => s.replace(/\s+/g, " ");

describe(`decision report (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("reports the signed decision: programme, vendors, signatures, record hash, Monte Carlo and audit", async () => {
    const rfp = await closedRfp();
    const q = { orgSlug: slug(), programmeId: rfp.programmeId, rfpId: rfp.rfpId };
    // The team scores every criterion people score (before the proposal: scores are in the record).
    const evaluation = await callerFor(ann).evaluation.get({ orgSlug: slug(), rfpId: rfp.rfpId });
    const leaves = leavesOf(evaluation.scorecard.criteria).filter((l) => !l.auto);
    await callerFor(ann).evaluation.saveScores({
      orgSlug: slug(),
      rfpId: rfp.rfpId,
      entries: evaluation.vendors.flatMap((v, i) =>
        leaves.map((l, j) => ({ vendorId: v.id, criterionId: l.id, value: 2 + ((i + j) % 3) * 1.5 })),
      ),
    });
    const view = await api(lead).get(q);

    // Before any scenario: the defaults are compared and the report says there is no decision.
    const before = await api(viewer).report(q);
    expect(before.contentType).toBe("application/pdf");
    expect(Buffer.from(before.base64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    const early = flat(await read(before));
    expect(early).toContain("No decision yet");
    expect(early).toContain("Programme defaults");
    expect(early).toContain("Not run: no simulation");

    const { id, version } = await api(lead).createScenario({
      orgSlug: slug(),
      programmeId: rfp.programmeId,
      rfpId: rfp.rfpId,
      name: "Two specialists",
      settings: {
        ...view.defaults,
        risk: { [rfp.invitations.get(cdmos[1]!.id)!]: { annualRisk: 0.07, reason: "Single site, tight capacity" } },
      },
    });
    const half = Math.ceil(stages.length / 2);
    const up = rfp.invitations.get(cdmos[1]!.id)!;
    const fill = rfp.invitations.get(cdmos[2]!.id)!;
    const assignment = Object.fromEntries(stages.map((s, i) => [s, i < half ? up : fill]));
    const sim = await api(ann).saveSimulation({
      orgSlug: slug(),
      scenarioId: id,
      version,
      assignment,
      iterations: 5000,
      seed: 7,
    });
    const { decisionId, recordHash } = await api(lead).propose({
      orgSlug: slug(),
      scenarioId: id,
      version: sim.version,
      assignment,
      rationale: "Two specialists beat the integrated offer on risk-adjusted cost.",
      approverIds: [ann.id, ben.id],
      password: TEST_PASSWORD,
    });
    const sign = (u: TestUser) =>
      api(u).sign({ orgSlug: slug(), decisionId, meaning: "APPROVER", password: TEST_PASSWORD });
    expect(await sign(ann)).toEqual({ awarded: false });
    expect(await sign(ben)).toEqual({ awarded: true });

    const report = await api(lead).report(q);
    expect(report.fileName).toMatch(/-decision-report\.pdf$/);
    const text = await read(report);
    const all = flat(text);
    expect(all).toContain("Decision report");
    expect(all).toContain(view.programme.name);
    for (const c of cdmos) expect(all).toContain(c.name);
    expect(all).toContain(stageName(stages[0]!));
    // Each signature's manifestation: printed name, e-mail, meaning, time in UTC, standing.
    const signatures = flat(between(text, "5. Signatures", "6. Audit summary"));
    for (const [u, meaning] of [
      [lead, "AUTHOR"],
      [ann, "APPROVER"],
      [ben, "APPROVER"],
    ] as const) {
      const row = between(signatures, u.name, "Valid");
      expect(row, u.name).toContain(meaning);
      expect(row.replace(/\s/g, "")).toContain(u.email);
      expect(row).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    }
    expect(signatures).toContain("Awarded");
    expect(all).toContain(recordHash);
    expect(all).toContain("Two specialists beat the integrated offer on risk-adjusted cost.");
    // The chosen scenario with its override and reason; the Monte Carlo as saved.
    expect(all).toContain("Single site, tight capacity");
    expect(all).toContain("team override");
    const mc = flat(between(text, "4. Monte Carlo", "5. Signatures"));
    expect(mc).toContain("5,000 iterations, seed 7");
    expect(mc).toContain("P50");
    expect(mc).toContain(`P50 ${sim.simulation.result.durationWeeks.p50.toFixed(1)}`);
    expect(mc).toContain("the chosen assignment");
    // The evaluation: weights, ranking, what flips the winner and the seeded rank acceptability.
    const ev = flat(between(text, "1. Evaluation", "2. Portfolios compared"));
    expect(ev).toContain("Criteria weights");
    expect(ev).toMatch(/Leader: (Integra Bio|Upstream Co|Fill Partner)/);
    expect(ev).toContain("10,000 draws (seed 1)");
    // Portfolios compared, with their charts' text.
    expect(all).toContain("Best integrated");
    expect(all).toContain("Best specialized");
    expect(all).toContain("Chosen (awarded)");
    expect(all).toContain("Cost against duration");
    expect(all).toContain("External tech transfer");
    // The audit trail of the scenario and the decision, with the rationale as the proposal's reason.
    const audit = flat(between(text, "6. Audit summary", "7. Record"));
    for (const action of [
      "scenario.created",
      "scenario.simulated",
      "decision.proposed",
      "decision.signed",
      "rfp.awarded",
    ])
      expect(audit).toContain(action);
    expect(audit.replace(/\s/g, "")).toContain(lead.email);

    // A viewer gets the same report without the audit entries (audit.read is for owners and admins).
    const seen = flat(await read(await api(viewer).report(q)));
    expect(seen).toContain(recordHash);
    expect(seen).toContain("shown to owners and admins");
    expect(seen).not.toContain("decision.proposed");
  });

  it("refuses another organisation and an RFP of another programme", async () => {
    const rfp = await closedRfp();
    const stranger = await makeUser("rep-stranger");
    const theirs = await makeOrg("SPONSOR", stranger, "Stranger Sponsor");
    const e = (await callerFor(stranger)
      .portfolio.report({ orgSlug: theirs.slug, programmeId: rfp.programmeId, rfpId: rfp.rfpId })
      .catch((x: unknown) => x)) as TRPCError;
    expect(e.code).toBe("NOT_FOUND");
    const other = await closedRfp();
    const wrong = (await api(lead)
      .report({ orgSlug: slug(), programmeId: rfp.programmeId, rfpId: other.rfpId })
      .catch((x: unknown) => x)) as TRPCError;
    expect(wrong.code).toBe("NOT_FOUND");
  });
});
