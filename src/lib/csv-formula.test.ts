import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_FORMULA } from "./csv-formula";

describe("CSV_FORMULA", () => {
  it("escapes a formula even when a line break follows it, which papaparse's default misses", () => {
    const cell = '=HYPERLINK("http://x.example")\nsee above';
    expect(Papa.unparse([{ a: cell }], { escapeFormulae: true })).not.toContain(`"'=`);
    expect(Papa.unparse([{ a: cell }], { escapeFormulae: CSV_FORMULA })).toContain(`"'=HYPERLINK`);
    expect(Papa.unparse([{ a: "plain" }, { a: "-1" }], { escapeFormulae: CSV_FORMULA })).toBe('a\r\nplain\r\n"\'-1"');
  });
});
