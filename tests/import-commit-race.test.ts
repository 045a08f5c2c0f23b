import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { makeTeam, profile, type TestOrg } from "./helpers/vendors";
import { INSPECTION_COLUMNS } from "@/server/vendors/import-csv";

// Issue 7, finding 4 (lost updates), for imports: a staged import committed twice at the same
// time (a double click, a retry) must write its rows once. One commit answers OK, the others
// PRECONDITION_FAILED ("already committed"), and the vendor has exactly the imported history.

let t: TestDb;
let s: TestOrg;
beforeAll(async () => {
  t = await createTestDb();
  s = await makeTeam("SPONSOR");
});
afterAll(async () => t?.drop());

const HEADER = [...INSPECTION_COLUMNS];

describe(`concurrent import commits (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("5 concurrent commits of one import: one OK, 4 PRECONDITION_FAILED, rows written once", async () => {
    const api = callerFor(s.evaluator).vendors;
    const { id: vendorId } = await api.createPrivate({
      orgSlug: s.slug,
      ...profile({ name: "Race Bio", legalName: "Race Bio Inc." }),
    });
    await api.saveSite({ orgSlug: s.slug, vendorId, site: { country: "US", city: "Boston", feiNumber: "3000000777" } });
    const { importId } = await api.importStart({
      orgSlug: s.slug,
      kind: "INSPECTIONS",
      fileName: "race.csv",
      totalRows: 3,
      header: HEADER,
    });
    const row = (line: number, date: string) => ({
      line,
      data: {
        "FEI Number": "3000000777",
        "Legal Name": "Race Bio Inc.",
        City: "Boston",
        "Country/Area": "United States",
        "Inspection End Date": date,
        Classification: "VAI",
        "Project Area": "Biologics",
      },
    });
    const staged = await api.importStage({
      orgSlug: s.slug,
      importId,
      rows: [row(2, "1/5/2021"), row(3, "2/6/2022"), row(4, "3/7/2023")],
    });
    expect(staged.errors).toEqual([]);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        callerFor(s.evaluator)
          .vendors.importCommit({ orgSlug: s.slug, importId })
          .then(
            () => "OK",
            (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
          ),
      ),
    );
    expect(results.sort()).toEqual([
      "OK",
      "PRECONDITION_FAILED",
      "PRECONDITION_FAILED",
      "PRECONDITION_FAILED",
      "PRECONDITION_FAILED",
    ]);
    const detail = await api.get({ orgSlug: s.slug, vendorId });
    expect(detail.history.inspections).toHaveLength(3);
  });
});
