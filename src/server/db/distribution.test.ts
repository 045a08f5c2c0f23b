import { describe, expect, it } from "vitest";
import { citusProblems, type Placement } from "./distribution";

const placement: Record<string, Placement> = {
  Org: { kind: "reference" },
  Session: { kind: "local" },
  Rfp: { kind: "distributed", column: "organizationId" },
  Response: { kind: "distributed", column: "sponsorOrganizationId" },
};

describe("citusProblems", () => {
  it("asks for a placement of every table", () => {
    expect(citusProblems(["Org", "Newcomer"], [], placement)).toEqual([
      "Newcomer: not placed (distributed by which column, reference or local?)",
    ]);
  });

  it("needs the distribution column in a distributed table's keys, not a reference table's", () => {
    const problems = citusProblems(
      ["Org", "Rfp"],
      [
        { table: "Rfp", name: "Rfp_pkey", kind: "primary", columns: ["id"] },
        { table: "Rfp", name: "Rfp_id_org_key", kind: "unique", columns: ["id", "organizationId"] },
        { table: "Org", name: "Org_slug_key", kind: "unique", columns: ["slug"] },
      ],
      placement,
    );
    expect(problems).toEqual(["Rfp.Rfp_pkey: primary key (id) lacks organizationId"]);
  });

  it("accepts co-located foreign keys and keys to reference tables; refuses the rest", () => {
    const fk = (table: string, columns: string[], refTable: string, refColumns: string[]) => ({
      table,
      name: `${table}_${refTable}_fkey`,
      kind: "foreign" as const,
      columns,
      refTable,
      refColumns,
    });
    const problems = citusProblems(
      ["Org", "Session", "Rfp", "Response"],
      [
        fk("Response", ["rfpId", "sponsorOrganizationId"], "Rfp", ["id", "organizationId"]),
        fk("Rfp", ["organizationId"], "Org", ["id"]),
        fk("Response", ["rfpId"], "Rfp", ["id"]),
        fk("Response", ["rfpId", "organizationId"], "Rfp", ["id", "organizationId"]),
        fk("Org", ["ownerRfpId"], "Rfp", ["id"]),
        fk("Rfp", ["sessionId"], "Session", ["id"]),
      ],
      placement,
    );
    expect(problems).toEqual([
      "Org.Org_Rfp_fkey -> Rfp: a reference table cannot point at a distributed one",
      "Response.Response_Rfp_fkey -> Rfp: does not carry sponsorOrganizationId to Rfp.organizationId",
      "Response.Response_Rfp_fkey -> Rfp: does not carry sponsorOrganizationId to Rfp.organizationId",
      "Rfp.Rfp_Session_fkey -> Session: points at a coordinator-only table",
    ]);
  });
});
