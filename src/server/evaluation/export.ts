import type { TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import { computeScorecard, type ScorecardResult } from "../decision";
import Papa from "papaparse";
import { CSV_FORMULA } from "@/lib/csv-formula";
import { titleSlug } from "@/lib/file-name";
import { flatten } from "./criteria";
import { loadEvaluation, type EvalOrg, type EvaluationView } from "./load";

// The comparison matrix as the results page shows it: criteria down, vendors across, the
// aggregated score per leaf, each category's subtotal and the total, all computed by the decision
// core from the same input the page uses. CSV for anything; XLSX (export-xlsx.ts) with a sheet per
// view for people who work in spreadsheets.

export type ComparisonRow = {
  kind: "total" | "coverage" | "category" | "leaf";
  id: string;
  label: string;
  weight: number | null;
  cells: (number | null)[];
};
export type Comparison = {
  title: string;
  vendors: { id: string; name: string; rank: number }[];
  rows: ComparisonRow[];
  result: ScorecardResult;
};

export function comparisonOf(view: EvaluationView): Comparison {
  if (!view.input)
    throw new AppError("PRECONDITION_FAILED", "Blind scoring: submit your own scores before you export the team's.");
  const result = computeScorecard(view.input);
  const name = new Map(view.vendors.map((v) => [v.id, v.name]));
  const ranked = result.vendors;
  const nodes = flatten(view.scorecard.criteria);
  const rows: ComparisonRow[] = [
    { kind: "total", id: "total", label: "Total (0-100)", weight: null, cells: ranked.map((v) => v.total) },
    {
      kind: "coverage",
      id: "coverage",
      label: "Coverage (share of weight scored)",
      weight: null,
      cells: ranked.map((v) => v.coverage),
    },
  ];
  for (const n of nodes) {
    if (n.depth === 0)
      rows.push({
        kind: "category",
        id: n.id,
        label: n.name,
        weight: n.effectiveWeight,
        cells: ranked.map((v) => v.categories[n.id] ?? null),
      });
    if (n.leaf)
      rows.push({
        kind: "leaf",
        id: n.id,
        label: n.path.join(" / "),
        weight: n.effectiveWeight,
        cells: ranked.map((v) => v.leaves[n.id]?.score ?? null),
      });
  }
  return {
    title: view.rfp.title,
    vendors: ranked.map((v) => ({ id: v.vendorId, name: name.get(v.vendorId) ?? v.vendorId, rank: v.rank })),
    rows,
    result,
  };
}

export function comparisonCsv(c: Comparison): string {
  const head = ["Criterion", "Effective weight", ...c.vendors.map((v) => `${v.rank}. ${v.name}`)];
  const rows = [head, ...c.rows.map((r) => [r.label, r.weight, ...r.cells])];
  return Papa.unparse(rows, { escapeFormulae: CSV_FORMULA, newline: "\r\n" });
}

export async function evaluationExport(
  db: TenantDb,
  org: EvalOrg,
  userId: string,
  input: { rfpId: string; format: "csv" | "xlsx" },
) {
  const view = await loadEvaluation(db, org, userId, input.rfpId);
  const comparison = comparisonOf(view);
  const base = `${titleSlug(view.rfp.title)}-evaluation`;
  if (input.format === "csv") return { fileName: `${base}.csv`, csv: comparisonCsv(comparison), base64: null };
  const { evaluationXlsx } = await import("./export-xlsx");
  const buf = await evaluationXlsx(view, comparison, new Date());
  return { fileName: `${base}.xlsx`, csv: null, base64: buf.toString("base64") };
}
