import { describe, expect, it } from "vitest";
import {
  INSPECTION_REQUIRED,
  canonicalRow,
  formatIssue,
  missingColumn,
  missingColumnMessage,
  parseClassification,
  parseDay,
  parseInspectionRow,
  parseLetterRow,
} from "./import-csv";

const row = (over: Record<string, string> = {}) => ({
  "FEI Number": "3004455667",
  "Legal Name": "Kestrel Fill-Finish, LLC",
  City: "Bloomington",
  State: "IN",
  "Country/Area": "United States",
  "Fiscal Year": "2024",
  "Inspection End Date": "10/10/2024",
  Classification: "Official Action Indicated (OAI)",
  "Product Type": "Drugs",
  "Project Area": "Drug Quality Assurance",
  "Posted Citations": "Yes",
  ...over,
});
const TODAY = "2026-11-25";

describe("parseDay", () => {
  it("reads M/D/YYYY and YYYY-MM-DD as calendar dates", () => {
    expect(parseDay("3/7/2025")).toBe("2025-03-07");
    expect(parseDay("12/31/2019")).toBe("2019-12-31");
    expect(parseDay(" 2024-02-29 ")).toBe("2024-02-29");
  });
  it("rejects impossible dates and other layouts", () => {
    for (const bad of ["13/45/2025", "2/30/2024", "2023-02-29", "2024/01/01", "07.03.2025", "", "1/1/24"])
      expect(parseDay(bad), bad).toBeNull();
  });
});

describe("parseClassification", () => {
  it("accepts the FDA wording and the bare codes, case-insensitively", () => {
    expect(parseClassification("No Action Indicated (NAI)")).toBe("NAI");
    expect(parseClassification("voluntary action indicated (vai)")).toBe("VAI");
    expect(parseClassification(" OAI ")).toBe("OAI");
    expect(parseClassification("Official  Action Indicated")).toBe("OAI");
    expect(parseClassification("Pending")).toBeNull();
  });
});

describe("header and rows", () => {
  it("names the first missing required column; header case and BOM do not matter", () => {
    expect(
      missingColumn("INSPECTIONS", [
        "\uFEFFfei number",
        "LEGAL NAME",
        "City",
        "Country/Area",
        "Inspection End Date",
        "Classification",
        "Project Area",
      ]),
    ).toBeNull();
    expect(missingColumn("INSPECTIONS", ["FEI Number", "Legal Name", "City"])).toBe("Country/Area");
    expect(missingColumn("WARNING_LETTERS", ["Letter Issue Date", "Company Name"])).toBe("Subject");
    expect(canonicalRow("WARNING_LETTERS", { " subject ": " CGMP " }).Subject).toBe("CGMP");
  });

  it("tells someone who chose the wrong layout which one their file is", () => {
    const letters = ["Posted Date", "Letter Issue Date", "Company Name", "Issuing Office", "Subject"];
    const inspections = [...INSPECTION_REQUIRED];
    expect(missingColumnMessage("INSPECTIONS", letters)).toBe(
      'This looks like a warning-letter file, not an inspection export: choose "Warning letters" and upload it again.',
    );
    expect(missingColumnMessage("WARNING_LETTERS", inspections)).toBe(
      'This looks like an inspection export, not a warning-letter file: choose "Inspections" and upload it again.',
    );
    expect(missingColumnMessage("INSPECTIONS", inspections)).toBeNull();
    // Neither layout: the first missing column is named.
    expect(missingColumnMessage("INSPECTIONS", ["FEI Number"])).toMatch(/^The file has no "Legal Name" column\./);
  });

  it("parses a valid inspection row", () => {
    const r = parseInspectionRow(2, row(), TODAY);
    expect(r).toEqual({
      ok: true,
      record: {
        feiNumber: "3004455667",
        legalName: "Kestrel Fill-Finish, LLC",
        city: "Bloomington",
        state: "IN",
        country: "US",
        countryText: "United States",
        fiscalYear: 2024,
        endDate: "2024-10-10",
        classification: "OAI",
        productType: "Drugs",
        projectArea: "Drug Quality Assurance",
        postedCitations: "Yes",
        fdaInspectionId: null,
      },
    });
  });

  it("reports every bad cell of a row with its line and column", () => {
    const r = parseInspectionRow(
      7,
      row({
        "FEI Number": "12-34",
        "Inspection End Date": "13/45/2025",
        Classification: "Maybe",
        "Posted Citations": "Sometimes",
        City: "",
      }),
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [7, "FEI Number"],
      [7, "City"],
      [7, "Inspection End Date"],
      [7, "Classification"],
      [7, "Posted Citations"],
    ]);
    expect(formatIssue(r.errors[2]!)).toBe(
      'Line 7, column Inspection End Date: "13/45/2025" is not a date; use M/D/YYYY or YYYY-MM-DD.',
    );
    const future = parseInspectionRow(3, row({ "Inspection End Date": "2027-01-01" }), TODAY);
    expect(future.ok ? null : future.errors[0]!.message).toMatch(/future/);
  });

  it("a warning letter is closed when a close-out letter is listed", () => {
    const base = {
      "Posted Date": "11/18/2025",
      "Letter Issue Date": "10/30/2025",
      "Company Name": "Kestrel",
      Subject: "CGMP",
      "Closeout Letter": "",
    };
    const open = parseLetterRow(2, base, TODAY);
    expect(open.ok && open.record.status).toBe("OPEN");
    const no = parseLetterRow(2, { ...base, "Closeout Letter": "No" }, TODAY);
    expect(no.ok && no.record.status).toBe("OPEN");
    const yes = parseLetterRow(2, { ...base, "Closeout Letter": "Yes" }, TODAY);
    expect(yes.ok && [yes.record.status, yes.record.closedAt]).toEqual(["CLOSED", null]);
    const dated = parseLetterRow(2, { ...base, "Closeout Letter": "2025-11-20" }, TODAY);
    expect(dated.ok && [dated.record.status, dated.record.closedAt]).toEqual(["CLOSED", "2025-11-20"]);
    const bad = parseLetterRow(4, { ...base, "Letter Issue Date": "soon" }, TODAY);
    expect(bad.ok ? [] : bad.errors.map((e) => e.column)).toEqual(["Letter Issue Date"]);
  });
});
