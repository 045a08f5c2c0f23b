import { describe, expect, it } from "vitest";
import { parseCsvText } from "@/server/vendors/csv-file";
import { parseCsv } from "./csv-parse";

// The import page and the CLI must read a file into the same rows, or a file previewed in
// the browser could commit differently from the same file imported from the shell.
const tricky = [
  '\uFEFF a ,b\r\n1,"x\r\ny"\r\n\r\n3,4\r\n',
  "a,b\r1,2\r\r3,4\r",
  "a,b\n , \n1,2\n",
  'a,b\n1,"unclosed\n2,3\n',
];

describe("parseCsv (browser) and parseCsvText (server)", () => {
  it.each(tricky)("read the same header, rows, lines and problems: %j", async (text) => {
    const file = new File([text], "x.csv", { type: "text/csv" });
    expect(await parseCsv(file)).toEqual(parseCsvText(text));
  });

  it("reports progress every 2,000 rows", async () => {
    const text = ["a,b", ...Array.from({ length: 4500 }, (_, i) => `${i},x`)].join("\n");
    const seen: number[] = [];
    const csv = await parseCsv(new File([text], "big.csv"), (n) => seen.push(n));
    expect(csv.rows).toHaveLength(4500);
    expect(seen).toEqual([2000, 4000]);
  });
});
