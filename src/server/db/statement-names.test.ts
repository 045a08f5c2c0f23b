import { describe, expect, it } from "vitest";
import { statementNamer } from "./statement-names";

describe("statementNamer", () => {
  it("gives one stable name per SQL text, and none past the bound", () => {
    const name = statementNamer(2);
    const a = name({ sql: "SELECT 1" });
    expect(a).toMatch(/^cdmo_[0-9a-f]{24}$/);
    expect(name({ sql: "SELECT 1" })).toBe(a);
    const b = name({ sql: "SELECT 2" });
    expect(b).not.toBe(a);
    expect(name({ sql: "SELECT 3" })).toBe("");
    expect(name({ sql: "SELECT 2" })).toBe(b);
  });
});
