import ExcelJS from "exceljs";
import { flatten } from "./criteria";
import type { Comparison } from "./export";
import type { EvaluationView } from "./load";

// The evaluation as a workbook, a sheet per view: the comparison (totals, coverage, category
// subtotals and leaf scores as numbers, identical to the page: same decision-core result),
// the weights, every evaluator's scores with comments, the automatic scores with their basis and
// overrides, and the rationales. Text is written as strings, never formulas.

const HEADER = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } } as const;
const FLAG = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE68A" } } as const;

function header(ws: ExcelJS.Worksheet, titles: string[], widths: number[]) {
  ws.columns = titles.map((t, i) => ({ header: t, width: widths[i] ?? 16 }));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.eachCell((c) => (c.fill = HEADER));
}

export async function evaluationXlsx(view: EvaluationView, c: Comparison, exportedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CDMO Select";
  wb.created = exportedAt;
  const vendorName = new Map(view.vendors.map((v) => [v.id, v.name]));
  const evaluatorName = new Map(view.evaluators.map((e) => [e.id, e.name]));
  const nodes = flatten(view.scorecard.criteria);
  const nodeName = new Map(nodes.map((n) => [n.id, n.path.join(" / ")]));

  const cmp = wb.addWorksheet("Comparison", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  header(cmp, ["Criterion", "Effective weight", ...c.vendors.map((v) => `${v.rank}. ${v.name}`)], [48, 16]);
  for (const r of c.rows) {
    const row = cmp.addRow([r.label, r.weight, ...r.cells]);
    if (r.kind !== "leaf") row.font = { bold: true };
    row.getCell(2).numFmt = "0.00%";
    for (let i = 0; i < r.cells.length; i++)
      row.getCell(3 + i).numFmt = r.kind === "coverage" ? "0.00%" : r.kind === "leaf" ? "0.00" : "0.00";
    if (r.kind === "leaf")
      c.vendors.forEach((v, i) => {
        const leaf = c.result.vendors.find((x) => x.vendorId === v.id)?.leaves[r.id];
        if (leaf?.disagreement) row.getCell(3 + i).fill = FLAG;
      });
  }
  cmp.addRow([]);
  cmp.addRow([
    `Scale ${view.scorecard.scale.min}-${view.scorecard.scale.max}, ${view.scorecard.aggregation} of evaluators; totals 0-100 over the scored criteria (decision model section 1). Highlighted cells: evaluators disagree.`,
  ]);

  const weights = wb.addWorksheet("Weights");
  header(
    weights,
    ["Criterion", "Level", "Weight entered", "Share of siblings", "Effective weight", "Scored by"],
    [48, 8, 16, 18, 16, 28],
  );
  const entered = new Map<string, number>();
  const walk = (g: EvaluationView["scorecard"]["criteria"]) =>
    g.forEach((n) => {
      entered.set(n.id, n.weight);
      if (n.children) walk(n.children);
    });
  walk(view.scorecard.criteria);
  for (const n of nodes) {
    const row = weights.addRow([
      n.path.join(" / "),
      n.depth + 1,
      entered.get(n.id) ?? null,
      n.localWeight,
      n.effectiveWeight,
      n.leaf ? (n.auto ? `Automatic (${n.auto})` : "Evaluators") : "",
    ]);
    row.getCell(4).numFmt = "0.00%";
    row.getCell(5).numFmt = "0.00%";
  }

  const scores = wb.addWorksheet("Scores", { views: [{ state: "frozen", ySplit: 1 }] });
  header(scores, ["Vendor", "Criterion", "Evaluator", "Score", "Comment"], [28, 48, 24, 8, 60]);
  for (const s of view.scores)
    scores.addRow([
      vendorName.get(s.vendorId) ?? s.vendorId,
      nodeName.get(s.criterionId) ?? s.criterionId,
      evaluatorName.get(s.evaluatorId) ?? s.evaluatorId,
      s.value,
      s.comment ?? "",
    ]);

  const auto = wb.addWorksheet("Automatic scores");
  header(
    auto,
    ["Vendor", "Criterion", "Automatic value", "Basis", "Override", "Reason", "Counted"],
    [28, 40, 16, 48, 10, 48, 10],
  );
  for (const a of view.auto)
    auto.addRow([
      vendorName.get(a.vendorId) ?? a.vendorId,
      nodeName.get(a.criterionId) ?? a.criterionId,
      a.prefill.value,
      a.prefill.basis,
      a.override?.value ?? null,
      a.override?.reason ?? "",
      a.value,
    ]);

  const why = wb.addWorksheet("Rationales");
  header(why, ["Vendor", "Criterion", "Rationale", "By", "At"], [28, 40, 70, 24, 22]);
  for (const r of view.rationales)
    why.addRow([
      vendorName.get(r.vendorId) ?? r.vendorId,
      nodeName.get(r.criterionId) ?? r.criterionId,
      r.text,
      r.byName ?? "",
      r.at,
    ]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
