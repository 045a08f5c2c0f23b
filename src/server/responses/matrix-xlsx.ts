import ExcelJS from "exceljs";
import type { Matrix } from "../rfps/matrix";
import { STAGES } from "../vendors/catalog";

// The side-by-side matrix as an XLSX workbook: the answers sheet as the page shows it, and a
// prices sheet with real numbers (so a sponsor can sum, sort and chart), the lowest price per
// stage highlighted, and totals per vendor. Text goes in as string cells, never as formulas,
// so an answer that starts with "=" stays text.

const stageLabel = (code: string) => STAGES.find((s) => s.code === code)?.label ?? code;
const LOWEST = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD1FAE5" } } as const;
const HEADER = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } } as const;

export type XlsxMeta = { title: string; round: number; exportedAt: Date };

export async function matrixToXlsx(m: Matrix, meta: XlsxMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CDMO Select";
  wb.created = meta.exportedAt;

  const answers = wb.addWorksheet("Responses", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  answers.columns = [
    { header: "Section", width: 24 },
    { header: "Question", width: 56 },
    ...m.vendors.map((v) => ({ header: v.name, width: 36 })),
  ];
  styleHeader(answers.getRow(1));
  let section = "";
  for (const row of m.rows) {
    if (row.type === "section") {
      section = row.title;
      const r = answers.addRow([section]);
      r.font = { bold: true };
      continue;
    }
    const r = answers.addRow([section, row.prompt, ...row.cells.map((c) => c.display)]);
    r.alignment = { vertical: "top", wrapText: true };
  }

  const prices = wb.addWorksheet("Prices", { views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  prices.getColumn(1).width = 34;
  const top = prices.getRow(1);
  const sub = prices.getRow(2);
  top.getCell(1).value = "Stage";
  sub.getCell(1).value = "";
  m.vendors.forEach((v, i) => {
    const col = 2 + i * 2;
    prices.mergeCells(1, col, 1, col + 1);
    top.getCell(col).value = v.name;
    sub.getCell(col).value = `Price (${m.currency})`;
    sub.getCell(col + 1).value = "Weeks";
    prices.getColumn(col).width = 18;
    prices.getColumn(col + 1).width = 9;
  });
  styleHeader(top);
  styleHeader(sub);
  for (const row of m.priceRows) {
    const r = prices.addRow([row.stageLabel]);
    const quoted = row.cells.flatMap((c) => (c ? [c.price] : []));
    const lowest = quoted.length > 1 ? Math.min(...quoted) : null;
    row.cells.forEach((c, i) => {
      const col = 2 + i * 2;
      if (!c) {
        r.getCell(col).value = "Not quoted";
        return;
      }
      r.getCell(col).value = c.price;
      r.getCell(col).numFmt = "#,##0.##";
      r.getCell(col + 1).value = c.durationWeeks;
      if (lowest !== null && c.price === lowest) r.getCell(col).fill = LOWEST;
    });
  }
  if (m.priceRows.length) {
    const total = prices.addRow(["Total"]);
    const missing = prices.addRow(["Stages not quoted"]);
    total.font = { bold: true };
    m.totals.forEach((t, i) => {
      const col = 2 + i * 2;
      total.getCell(col).value = t.price;
      total.getCell(col).numFmt = "#,##0.##";
      total.getCell(col + 1).value = t.durationWeeks;
      missing.getCell(col).value = t.missingStages.map(stageLabel).join("; ");
    });
  }

  const about = wb.addWorksheet("About");
  about.columns = [{ width: 22 }, { width: 80 }];
  about.addRows([
    ["RFP", meta.title],
    ["Round", meta.round],
    ["Exported", meta.exportedAt.toISOString()],
    ["Durations", "Total weeks add the stages one after another, without transfers."],
    ["Highlight", "The lowest price quoted for each stage (when two or more vendors quoted it)."],
  ]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.fill = HEADER;
  row.alignment = { vertical: "middle", wrapText: true };
}
