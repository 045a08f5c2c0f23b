import { describe, expect, it } from "vitest";
import { evaluatePortfolio } from "../decision";
import { buildProblem, type PortfolioFacts } from "./build";
import { runComparison } from "./compare";
import { ganttSegments, ganttSvg, histogramSvg, scatterSvg, vendorColours } from "./report-charts";
import { reportDocument } from "./report-document";
import { evaluationData } from "./report-evaluation";
import { money, pdfText, utcMinute, utcSecond } from "./report-format";
import { renderPdf } from "./report-pdf";
import type { ReportData } from "./report-types";
import { ZScenarioSettings } from "./settings";
import { pdfText as readPdf } from "./testing-pdf-text";

// The decision report's pure parts: text made safe for the standard fonts, UTC times, the Gantt's
// geometry against the decision core's duration, charts that escape names, the evaluation
// section's data, and a whole report without a decision rendered and read back.

const facts: PortfolioFacts = {
  stages: ["CLD", "PD", "DS_CLIN"],
  vendors: [
    { id: "inv-a", name: "Alpha <Bio> & Co", qualityScore: 90, offerScore: 72, bundle: { minStages: 2, rate: 0.1 } },
    { id: "inv-b", name: "Beta 生物 Labs", qualityScore: null, offerScore: 65, bundle: null },
  ],
  offers: [
    { vendorId: "inv-a", stageId: "CLD", price: 300_000, durationWeeks: 20 },
    { vendorId: "inv-a", stageId: "PD", price: 500_000, durationWeeks: 26, minWeeks: 20, maxWeeks: 34 },
    { vendorId: "inv-a", stageId: "DS_CLIN", price: 1_200_000, durationWeeks: 30 },
    { vendorId: "inv-b", stageId: "CLD", price: 220_000, durationWeeks: 16 },
    { vendorId: "inv-b", stageId: "DS_CLIN", price: 900_000, durationWeeks: 28 },
  ],
};
const settings = ZScenarioSettings.parse({});
const built = buildProblem(facts, settings);

describe("report text", () => {
  it("keeps WinAnsi characters, spells out common symbols and marks the rest", () => {
    expect(pdfText("Zürich “P50” – 5 € ≥ 3 → 生物\u0007")).toBe("Zürich “P50” – 5 € >= 3 -> ??");
    expect(pdfText("line\none\tcell")).toBe("line\none cell");
  });

  it("writes times in UTC whatever the server's zone, and money with its code", () => {
    const at = new Date("2026-12-02T01:23:45.678Z");
    expect(utcMinute(at)).toBe("2026-12-02 01:23 UTC");
    expect(utcSecond(at)).toBe("2026-12-02 01:23:45 UTC");
    expect(money(1_250_000.4, "EUR")).toBe("EUR 1,250,000");
  });
});

describe("report charts", () => {
  it("lays the Gantt out as the duration formula sums it, for every archetype", () => {
    for (const assignment of [
      { CLD: "inv-a", PD: "inv-a", DS_CLIN: "inv-a" },
      { CLD: "inv-b", PD: "inv-a", DS_CLIN: "inv-b" },
      { CLD: "inv-a", PD: "inv-a", DS_CLIN: "inv-b" },
    ]) {
      const m = evaluatePortfolio({ problem: built.problem, assignment });
      const segs = ganttSegments(built.problem, assignment);
      expect(Math.max(...segs.map((s) => s.end))).toBeCloseTo(m.durationWeeks, 9);
      expect(segs.filter((s) => s.kind === "external")).toHaveLength(m.externalTransfers);
      expect(segs.filter((s) => s.kind === "internal")).toHaveLength(m.internalTransfers);
      // Segments follow each other without gaps or overlaps.
      segs.slice(1).forEach((s, i) => expect(s.start).toBeCloseTo(segs[i]!.end, 9));
    }
  });

  it("escapes names in the SVG and draws one bar per stage", () => {
    const assignment = { CLD: "inv-b", PD: "inv-a", DS_CLIN: "inv-a" };
    const svg = ganttSvg(
      built.problem,
      assignment,
      { stage: (s) => s, vendor: (v) => built.vendors.find((x) => x.id === v)!.name },
      vendorColours(["inv-a", "inv-b"]),
    );
    expect(svg).toContain("Alpha &lt;Bio&gt; &amp; Co");
    expect(svg).toContain("Beta ?? Labs");
    expect(svg).not.toContain("<Bio>");
    expect(svg.match(/fill="#2563eb"/g)).toHaveLength(3); // Alpha: two bars and its legend key
    const scatter = scatterSvg(
      [
        { mark: "1", cost: 2e6, weeks: 90, kind: "top" },
        { mark: "C", cost: 2e6, weeks: 90, kind: "chosen" },
      ],
      "USD",
    );
    expect(scatter).toContain("C: chosen");
    expect(scatter).not.toContain("NaN");
    const hist = histogramSvg([{ from: 80, to: 80, count: 10 }], [{ label: "P50", at: 80 }]);
    expect(hist).toContain("P50 80.0");
    expect(hist).not.toContain("NaN");
  });
});

describe("report evaluation", () => {
  const criteria = [
    { id: "cap", name: "Capability", weight: 60, children: [{ id: "cap.fit", name: "Fit", weight: 1 }] },
    { id: "price", name: "Price", weight: 40 },
  ];
  const view = {
    vendors: [
      { id: "inv-a", name: "Alpha", responded: true },
      { id: "inv-b", name: "Beta", responded: true },
    ],
    scorecard: { criteria, scale: { min: 0, max: 5 }, aggregation: "mean" as const },
  } as unknown as Parameters<typeof evaluationData>[0];

  it("says why when the scores are hidden or missing", () => {
    expect(evaluationData({ ...view, input: null })).toMatchObject({
      kind: "none",
      why: expect.stringContaining("blind"),
    });
    const input = {
      scale: { min: 0, max: 5 },
      criteria: [
        { id: "cap", weight: 60, children: [{ id: "cap.fit", weight: 1 }] },
        { id: "price", weight: 40 },
      ],
      vendors: ["inv-a", "inv-b"],
      scores: [],
    };
    expect(evaluationData({ ...view, input })).toMatchObject({ kind: "none" });
  });

  it("names the leader, the challengers and the seeded acceptability", () => {
    const input = {
      scale: { min: 0, max: 5 },
      criteria: [
        { id: "cap", weight: 60, children: [{ id: "cap.fit", weight: 1 }] },
        { id: "price", weight: 40 },
      ],
      vendors: ["inv-a", "inv-b"],
      scores: [
        { vendorId: "inv-a", criterionId: "cap.fit", evaluatorId: "u1", value: 4 },
        { vendorId: "inv-a", criterionId: "price", evaluatorId: "u1", value: 2 },
        { vendorId: "inv-b", criterionId: "cap.fit", evaluatorId: "u1", value: 3 },
        { vendorId: "inv-b", criterionId: "price", evaluatorId: "u1", value: 5 },
      ],
    };
    const ev = evaluationData({ ...view, input }, { iterations: 2000, seed: 1 });
    if (ev.kind !== "ok") throw new Error("expected an evaluation");
    expect(ev.ranking.map((r) => r.vendor)).toEqual(["Beta", "Alpha"]);
    expect(ev.weights.map((w) => [w.name, w.effective])).toEqual([
      ["Capability", 0.6],
      ["Fit", 0.6],
      ["Price", 0.4],
    ]);
    expect(ev.sensitivity).toMatchObject({ leader: "Beta" });
    if ("error" in ev.acceptability) throw new Error(ev.acceptability.error);
    expect(ev.acceptability.seed).toBe(1);
    expect(ev.acceptability.rows.map((r) => r.shares.reduce((a, b) => a + b, 0))).toEqual([1, 1]);
    expect(evaluationData({ ...view, input }, { iterations: 2000, seed: 1 })).toEqual(ev);
  });
});

describe("report document", () => {
  it("renders a report without a decision and reads back what it says", async () => {
    const c = runComparison(built, settings);
    const data: ReportData = {
      generatedAt: new Date("2026-12-02T01:23:00Z"),
      generatedBy: "Dana Lead (dana@example.com)",
      programme: { name: "HLX-7 programme", molecule: "HLX-7", currency: "EUR" },
      rfp: { title: "HLX-7 development", status: "CLOSED" },
      evaluation: { kind: "none", why: "No vendor has a score yet, so there is no ranking to report." },
      scenario: { name: "Programme defaults", source: "defaults", settings, assignment: null, simulation: null },
      built,
      comparison: {
        columns: c.columns.map((col) => ({ ...col, problem: built.problem })),
        top: c.top,
        infeasible: [],
        error: null,
      },
      chosen: null,
      vendorNames: Object.fromEntries(built.vendors.map((v) => [v.id, v.name])),
      decision: null,
      withdrawn: 1,
      audit: { visible: true, entries: [], truncated: false },
    };
    const pdf = await renderPdf(reportDocument(data));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await readPdf(pdf)).replace(/\s+/g, " ");
    expect(text).toContain("HLX-7 programme");
    expect(text).toContain("2026-12-02 01:23 UTC");
    expect(text).toContain("No decision yet (1 earlier proposal withdrawn)");
    expect(text).toContain("Alpha <Bio> & Co");
    expect(text).toContain("Beta ?? Labs");
    expect(text).toContain("Not run: no simulation is saved");
    expect(text).toContain("no record hash and no rationale");
    expect(text).toContain("EUR");
  });
});
