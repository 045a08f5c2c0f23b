import ExcelJS from "exceljs";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";
import { makeRfp, priceAnswers, submitResponse, type RfpFixture } from "./helpers/rfp-responses";

// The sponsor's side-by-side matrix and its exports: questions x vendors with each vendor's
// answer, price lines per stage with totals and missing stages, one round at a time; a sealed
// round gives the count and times of its responses and no export.

let t: TestDb;
let owner: TestUser;
let viewer: TestUser;
let sponsor: { id: string; slug: string };
const cdmos: { id: string; name: string }[] = [];

const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDb();
  owner = await makeUser("rm-owner");
  sponsor = await makeOrg("SPONSOR", owner, "Matrix Sponsor");
  viewer = await makeUser("rm-viewer");
  await addMember(sponsor.id, viewer, "VIEWER");
  for (const name of ["Matrix Alpha Bio", "Matrix Beta Fill", "Matrix Gamma (silent)"]) {
    const o = await makeUser("rm-cdmo");
    const org = await makeOrg("CDMO", o, `${name} Org`);
    cdmos.push({ id: org.id, name });
  }
});
afterAll(async () => t?.drop());

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

/** Alpha quotes every stage; Beta only fill-finish and QC, cheaper there; Gamma never submits. */
async function openRfp(o: { sealed?: boolean; dueAt?: Date } = {}): Promise<RfpFixture> {
  const rfp = await makeRfp({
    sponsorId: sponsor.id,
    cdmos,
    dueAt: o.dueAt ?? new Date(Date.now() - DAY),
    sealed: o.sealed ?? false,
    status: "PUBLISHED",
  });
  await submitResponse({
    cdmoId: cdmos[0]!.id,
    sponsorId: sponsor.id,
    rfp,
    answers: {
      ...priceAnswers(100_000),
      "qs-overview": '=HYPERLINK("http://evil")\nAlpha overview',
      "qs-enforcement": false,
    },
  });
  await submitResponse({
    cdmoId: cdmos[1]!.id,
    sponsorId: sponsor.id,
    rfp,
    answers: {
      "price-fill": { price: 90_000, durationWeeks: 8 },
      "price-qc": { price: 50_000, durationWeeks: 4 },
      "qs-overview": "Beta overview",
    },
  });
  return rfp;
}

describe(`side-by-side matrix (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("shows questions x vendors, price lines per stage with totals and the stages a vendor did not quote", async () => {
    const rfp = await openRfp();
    const m = await callerFor(viewer).responses.matrix({ orgSlug: sponsor.slug, rfpId: rfp.rfpId });
    expect(m.seal.state).toEqual({ visible: true });
    expect(m.columns!.map((c) => c.name)).toEqual(["Matrix Alpha Bio", "Matrix Beta Fill"]);
    expect(m.submissions.count).toBe(2);
    const matrix = m.matrix!;
    const overview = matrix.rows.find((r) => r.type === "question" && r.questionId === "qs-overview");
    expect(overview?.type === "question" && overview.cells.map((c) => c.display)).toEqual([
      '=HYPERLINK("http://evil")\nAlpha overview',
      "Beta overview",
    ]);
    const fill = matrix.priceRows.find((r) => r.stage === "FILL")!;
    expect(fill.cells.map((c) => c?.price)).toEqual([500_000, 90_000]);
    const beta = matrix.totals[1]!;
    expect(beta.price).toBe(140_000);
    expect(beta.missingStages).toEqual(["CLD", "PD", "DS_CLIN", "DP_FORM"]);
    expect(matrix.totals[0]!.price).toBe(100_000 * (1 + 2 + 3 + 4 + 5 + 6));
  });

  it("exports the same matrix as CSV (formulas escaped) and XLSX (numbers, lowest price per stage marked)", async () => {
    const rfp = await openRfp();
    const input = { orgSlug: sponsor.slug, rfpId: rfp.rfpId };
    const csv = await callerFor(viewer).responses.exportCsv(input);
    expect(csv.fileName).toMatch(/^hlx-101-drug-substance-and-product-responses-round-1\.csv$/);
    expect(csv.csv).toContain("Matrix Alpha Bio");
    expect(csv.csv).toContain("'=HYPERLINK");
    expect(csv.csv).toMatch(/Total,Price \(USD\),2100000,140000/);

    const x = await callerFor(viewer).responses.exportXlsx(input);
    expect(x.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, "base64") as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Responses", "Prices", "About"]);
    const prices = wb.getWorksheet("Prices")!;
    const rows: unknown[][] = [];
    prices.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const fillRow = rows.find((r) => r[0] === "Aseptic fill-finish")!;
    expect(fillRow.slice(1, 5)).toEqual([500_000, 14, 90_000, 8]);
    const fillCells = prices.getRow(rows.indexOf(fillRow) + 1);
    expect((fillCells.getCell(4).fill as { fgColor?: { argb?: string } })?.fgColor?.argb).toBe("FFD1FAE5");
    expect(rows.find((r) => r[0] === "Total")!.slice(1, 5)).toEqual([2_100_000, 75, 140_000, 12]);
    // A text answer starting with "=" is a string cell, not a formula.
    const answers = wb.getWorksheet("Responses")!;
    let formulas = 0;
    answers.eachRow((r) => r.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBe(0);
  });

  it("a sealed round before its due date: the count and times of responses, no answers, no names, no export", async () => {
    const rfp = await openRfp({ sealed: true, dueAt: new Date(Date.now() + 7 * DAY) });
    const input = { orgSlug: sponsor.slug, rfpId: rfp.rfpId };
    const m = await callerFor(owner).responses.matrix(input);
    expect(m.matrix).toBeNull();
    expect(m.columns).toBeNull();
    expect(m.submissions.count).toBe(2);
    expect(m.seal.state).toMatchObject({ visible: false, reason: "before-due-date" });
    expect(JSON.stringify(m)).not.toMatch(/Matrix Alpha|Matrix Beta|100000|90000|overview/);
    for (const call of [callerFor(owner).responses.exportCsv, callerFor(owner).responses.exportXlsx])
      await expect(call(input)).rejects.toSatisfy((e) => code(e) === "PRECONDITION_FAILED");
  });

  it("shows one round at a time: earlier rounds keep their own versions", async () => {
    const rfp = await openRfp();
    // A revision round: the RFP moves to round 2, and Alpha submits a lower best and final offer.
    await withTenant(await getDb(), { orgId: sponsor.id }, (tx) =>
      tx.rfp.update({ where: { id: rfp.rfpId }, data: { round: 2, dueAt: new Date(Date.now() - 60_000) } }),
    );
    await submitResponse({ cdmoId: cdmos[0]!.id, sponsorId: sponsor.id, rfp, round: 2, answers: priceAnswers(80_000) });
    const input = { orgSlug: sponsor.slug, rfpId: rfp.rfpId };
    const now = await callerFor(owner).responses.matrix(input);
    expect(now.round).toBe(2);
    expect(now.rounds).toEqual([1, 2]);
    expect(now.columns!.map((c) => [c.name, c.round])).toEqual([["Matrix Alpha Bio", 2]]);
    expect(now.matrix!.totals[0]!.price).toBe(80_000 * 21);
    const first = await callerFor(owner).responses.matrix({ ...input, round: 1 });
    expect(first.columns!.map((c) => c.name)).toEqual(["Matrix Alpha Bio", "Matrix Beta Fill"]);
    expect(first.matrix!.totals[0]!.price).toBe(100_000 * 21);
    await expect(callerFor(owner).responses.matrix({ ...input, round: 3 })).rejects.toSatisfy(
      (e) => code(e) === "BAD_REQUEST",
    );
  });

  it("another organisation's RFP is not found", async () => {
    const rfp = await openRfp();
    const other = await makeUser("rm-other");
    const org = await makeOrg("SPONSOR", other);
    await expect(callerFor(other).responses.matrix({ orgSlug: org.slug, rfpId: rfp.rfpId })).rejects.toSatisfy(
      (e) => code(e) === "NOT_FOUND",
    );
  });
});
