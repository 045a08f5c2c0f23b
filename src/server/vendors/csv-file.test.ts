import { describe, expect, it } from "vitest";
import { parseCsvText } from "./csv-file";

describe("parseCsvText", () => {
  it("keeps the line each row starts on, across blank lines, CRLF and quoted line breaks", () => {
    const text = '\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n3,4\r\n"5, five",6\n';
    const { header, rows } = parseCsvText(text);
    expect(header).toEqual(["a", "b"]);
    expect(rows).toEqual([
      { line: 2, data: { a: "1", b: "x\ny" } },
      { line: 5, data: { a: "3", b: "4" } },
      { line: 6, data: { a: "5, five", b: "6" } },
    ]);
  });
  it("reads the sample files", async () => {
    const { readFileSync } = await import("node:fs");
    const csv = parseCsvText(readFileSync("samples/fda-inspections-bad.csv", "utf8"));
    expect(csv.rows).toHaveLength(5);
    expect(csv.rows[3]).toMatchObject({ line: 5, data: { "Inspection End Date": "13/45/2025" } });
  });
});

describe("parseCsvText, edge cases", () => {
  it("skips rows whose cells are all blank, counts lines for lone CR endings, trims header cells", () => {
    expect(parseCsvText(" a ,b\r , \r1,2\r")).toEqual({
      header: ["a", "b"],
      rows: [{ line: 3, data: { a: "1", b: "2" } }],
      problems: [],
    });
  });
  it("reports an unclosed quote with the line it starts on", () => {
    const { problems } = parseCsvText('a,b\n1,2\n3,"open\n4,5\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Line 3: /);
  });
});
