import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { RfpContent } from "./content";
import { buildMatrix, displayAnswer } from "./matrix";
import { matrixToCsv } from "./matrix-csv";
import { redactPrices } from "./seal";

const content: RfpContent = {
  sections: [
    {
      id: "tech",
      title: "Technical capability",
      questions: [
        { id: "titre", kind: "number", prompt: "Max titre", required: true, unit: "g/L" },
        { id: "gmp", kind: "yesno", prompt: "GMP?", required: true },
        { id: "suites", kind: "multi", prompt: "Suites", required: false, options: ["A", "B"] },
        { id: "doc", kind: "file", prompt: "Certificate", required: false },
      ],
    },
    {
      id: "com",
      title: "Commercial",
      questions: [
        { id: "p-pd", kind: "price", prompt: "PD price", required: true, stage: "PD" },
        { id: "p-ds", kind: "price", prompt: "DS price", required: true, stage: "DS_CLIN" },
        { id: "terms", kind: "text", prompt: "Terms", required: false },
      ],
    },
  ],
};

const responses = [
  {
    vendorKey: "v1",
    vendorName: "Alpha Bio",
    answers: {
      titre: { value: 5.5 },
      gmp: true,
      suites: ["A", "B"],
      doc: { fileIds: ["f1", "f2"] },
      "p-pd": { price: 250000, durationWeeks: 20, minWeeks: 18, maxWeeks: 24, includes: "Two engineering runs" },
      "p-ds": { price: 1200000.5, durationWeeks: 30 },
      terms: '=HYPERLINK("http://evil")\nsecond line',
    },
  },
  { vendorKey: "v2", vendorName: "@Beta CDMO", answers: { gmp: false, "p-ds": { price: 900000, durationWeeks: 26 } } },
];

describe("buildMatrix", () => {
  const m = buildMatrix(content, responses);

  it("keeps section headers and one row per question with a cell per vendor", () => {
    expect(m.vendors).toEqual([
      { key: "v1", name: "Alpha Bio" },
      { key: "v2", name: "@Beta CDMO" },
    ]);
    expect(m.rows.map((r) => (r.type === "section" ? `# ${r.title}` : r.questionId))).toEqual([
      "# Technical capability",
      "titre",
      "gmp",
      "suites",
      "doc",
      "# Commercial",
      "p-pd",
      "p-ds",
      "terms",
    ]);
    const cells = (id: string) => {
      const row = m.rows.find((r) => r.type === "question" && r.questionId === id);
      return row && row.type === "question" ? row.cells.map((c) => c.display) : [];
    };
    expect(cells("titre")).toEqual(["5.5 g/L", ""]);
    expect(cells("gmp")).toEqual(["Yes", "No"]);
    expect(cells("suites")).toEqual(["A; B", ""]);
    expect(cells("doc")).toEqual(["2 files", ""]);
    expect(cells("p-pd")).toEqual(["$250,000.00 · 20 weeks (18–24)", ""]);
  });

  it("gives price rows per stage and totals with the stages a vendor did not quote", () => {
    expect(m.priceRows.map((r) => [r.stage, r.stageLabel])).toEqual([
      ["PD", "Process development"],
      ["DS_CLIN", "Drug substance (clinical)"],
    ]);
    expect(m.priceRows[0]!.cells[1]).toBeNull();
    expect(m.totals).toEqual([
      { vendorKey: "v1", price: 1450000.5, durationWeeks: 50, quotedStages: ["PD", "DS_CLIN"], missingStages: [] },
      { vendorKey: "v2", price: 900000, durationWeeks: 26, quotedStages: ["DS_CLIN"], missingStages: ["PD"] },
    ]);
  });

  it("does not count an invalid price line, and shows an answer that no longer fits as given", () => {
    const odd = buildMatrix(content, [
      { vendorKey: "x", vendorName: "X", answers: { "p-pd": { price: 5 }, gmp: "maybe" } },
    ]);
    expect(odd.totals[0]).toMatchObject({ price: 0, missingStages: ["PD", "DS_CLIN"] });
    expect(displayAnswer(content.sections[0]!.questions[1]!, "maybe")).toEqual({
      display: "maybe",
      answered: true,
      value: "maybe",
    });
  });

  it("with sealed prices shows 'Sealed' where prices and files were withheld", () => {
    const sealed = buildMatrix(
      content,
      responses.map((r) => ({ ...r, answers: redactPrices(content, r.answers).answers })),
      { pricesSealed: true },
    );
    expect(sealed.priceRows.every((r) => r.cells.every((c) => c === null))).toBe(true);
    const csv = matrixToCsv(sealed);
    expect(csv).not.toMatch(/250,000|1,200,000|900,000|files/);
    expect(csv).toMatch(/Price,Process development,Sealed,Sealed/);
  });
});

describe("matrixToCsv", () => {
  const csv = matrixToCsv(buildMatrix(content, responses));
  const rows = Papa.parse<string[]>(csv).data;

  it("has a header with vendor names, question rows, price rows and totals", () => {
    expect(rows[0]).toEqual(["Section", "Question", "Alpha Bio", "'@Beta CDMO"]);
    expect(rows[1]).toEqual(["Technical capability", "Max titre", "5.5 g/L", ""]);
    expect(rows).toContainEqual(["Price", "Process development", "$250,000.00 · 20 weeks (18–24)", "Not quoted"]);
    expect(rows).toContainEqual(["Total", "Price (USD)", "1450000.5", "900000"]);
    expect(rows).toContainEqual(["Total", "Stages not quoted", "", "Process development"]);
    expect(csv).toContain("\r\n");
  });

  it("guards every cell a spreadsheet would run as a formula, including multi-line ones", () => {
    const terms = rows.find((r) => r[1] === "Terms")!;
    expect(terms[2]).toBe('\'=HYPERLINK("http://evil")\nsecond line');
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
