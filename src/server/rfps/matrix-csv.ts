import Papa from "papaparse";
import { CSV_FORMULA } from "../../lib/csv-formula";
import { stageLabel } from "../vendors/catalog";
import { SEALED, type Matrix, type VendorTotals } from "./matrix";

/** The matrix as CSV: questions by section, then price lines per stage and the totals. */
export function matrixToCsv(m: Matrix): string {
  const header = ["Section", "Question", ...m.vendors.map((v) => v.name)];
  const data: (string | number)[][] = [header];
  let section = "";
  for (const row of m.rows) {
    if (row.type === "section") section = row.title;
    else data.push([section, row.prompt, ...row.cells.map((c) => c.display)]);
  }
  if (m.priceRows.length) {
    const gap = m.pricesSealed ? SEALED : "Not quoted";
    data.push([]);
    data.push(["Price lines", "Stage", ...m.vendors.map((v) => v.name)]);
    for (const row of m.priceRows) data.push(["Price", row.stageLabel, ...row.cells.map((c) => c?.display ?? gap)]);
    const total = (f: (t: VendorTotals) => string | number) => m.totals.map((t) => (m.pricesSealed ? SEALED : f(t)));
    data.push(["Total", `Price (${m.currency})`, ...total((t) => t.price)]);
    data.push(["Total", "Duration (weeks, one stage after another)", ...total((t) => t.durationWeeks)]);
    data.push(["Total", "Stages not quoted", ...total((t) => t.missingStages.map(stageLabel).join("; "))]);
  }
  return Papa.unparse(data, { escapeFormulae: CSV_FORMULA, newline: "\r\n" });
}
