import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { createTestDb, testDbKind, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";
import { profile } from "./helpers/vendors";
import { countStatements } from "./helpers/statements";
import { makeRfp, priceAnswers, submitResponse, type RfpFixture } from "./helpers/rfp-responses";

// No N+1 on the pages people wait for: each key read is called on a small and on a larger data
// set, and must send the same number of SQL statements (BEGIN, COMMIT and the membership lookup
// included), so its cost in round trips does not grow with the rows it returns. A procedure that
// loads a row per vendor, response or score fails here with both counts in the message.

let t: TestDb;
let lead: TestUser;
let eva: TestUser;
let sponsor: { id: string; slug: string };
const cdmos: { id: string; name: string; owner: TestUser; slug: string }[] = [];
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDb();
  lead = await makeUser("np1-lead");
  sponsor = await makeOrg("SPONSOR", lead, "N+1 Sponsor");
  eva = await makeUser("np1-eva");
  await addMember(sponsor.id, eva, "EVALUATOR");
  for (let i = 0; i < 6; i++) {
    const owner = await makeUser(`np1-cdmo-${i}`);
    const org = await makeOrg("CDMO", owner, `CDMO ${i} Org`);
    cdmos.push({ id: org.id, name: `CDMO ${i}`, owner, slug: org.slug });
  }
}, 120_000);
afterAll(async () => t?.drop());

/** A closed RFP answered by the first `answering` CDMOs. */
async function answeredRfp(answering: number): Promise<RfpFixture> {
  const rfp = await makeRfp({ sponsorId: sponsor.id, cdmos, dueAt: new Date(Date.now() - DAY), status: "PUBLISHED" });
  for (const [i, c] of cdmos.slice(0, answering).entries())
    await submitResponse({ cdmoId: c.id, sponsorId: sponsor.id, rfp, answers: priceAnswers(100_000 + i * 10_000) });
  return rfp;
}

/** `count` answered clarifications visible to every invitee of the RFP. */
async function clarifications(rfpId: string, count: number): Promise<void> {
  await withTenant(await getDb(), { orgId: sponsor.id }, async (tx) => {
    for (let i = 0; i < count; i++)
      await tx.clarificationAnswer.create({
        data: { rfpId, question: `Question ${i}?`, answer: `Answer ${i}.`, audience: "ALL" },
      });
  });
}

/** Same statements on the small and the large set; returns how many. */
async function expectFlat(label: string, small: () => Promise<unknown>, large: () => Promise<unknown>) {
  const a = await countStatements(small);
  const b = await countStatements(large);
  expect(b, `${label}: ${a} statements on the small set, ${b} on the large one`).toBe(a);
  return b;
}

describe(`statements do not grow with rows (${testDbKind()})`, { timeout: 120_000 }, () => {
  let small: RfpFixture;
  let large: RfpFixture;
  beforeAll(async () => {
    small = await answeredRfp(2);
    large = await answeredRfp(6);
  }, 120_000);

  it("the response matrix", async () => {
    const matrix = (rfp: RfpFixture) => callerFor(lead).responses.matrix({ orgSlug: sponsor.slug, rfpId: rfp.rfpId });
    expect((await matrix(large)).columns).toHaveLength(6);
    const statements = await expectFlat(
      "responses.matrix",
      async () => (await matrix(small)).columns!.length,
      async () => (await matrix(large)).columns!.length,
    );
    // Begin, membership, the RFP with its currency, the responses with their names, commit.
    expect(statements, "responses.matrix statements").toBeLessThanOrEqual(5);
  });

  it("the scorecard and its results, with more vendors, evaluators and scores", async () => {
    const evaluation = (rfp: RfpFixture) => callerFor(lead).evaluation.get({ orgSlug: sponsor.slug, rfpId: rfp.rfpId });
    const score = async (u: TestUser, rfp: RfpFixture) => {
      const view = await callerFor(u).evaluation.get({ orgSlug: sponsor.slug, rfpId: rfp.rfpId });
      await callerFor(u).evaluation.saveScores({
        orgSlug: sponsor.slug,
        rfpId: rfp.rfpId,
        entries: view.vendors.flatMap((v, i) =>
          ["capability.modality", "capability.scale"].map((criterionId) => ({
            vendorId: v.id,
            criterionId,
            value: (i % 5) + 0.5,
          })),
        ),
      });
    };
    await score(eva, small);
    await score(eva, large);
    await score(lead, large);
    expect((await evaluation(large)).scores.length).toBeGreaterThan((await evaluation(small)).scores.length);
    await expectFlat(
      "evaluation.get",
      () => evaluation(small),
      () => evaluation(large),
    );
  });

  it("the portfolio comparison", async () => {
    const portfolio = (rfp: RfpFixture) =>
      callerFor(lead).portfolio.get({ orgSlug: sponsor.slug, programmeId: rfp.programmeId, rfpId: rfp.rfpId });
    const vendorsOf = async (rfp: RfpFixture) => (await portfolio(rfp)).facts?.vendors.length;
    expect(await vendorsOf(large)).toBeGreaterThan((await vendorsOf(small))!);
    await expectFlat(
      "portfolio.get",
      () => portfolio(small),
      () => portfolio(large),
    );
  });

  it("the CDMO's RFP view, with more clarifications", async () => {
    await clarifications(large.rfpId, 6);
    await clarifications(small.rfpId, 1);
    const view = (rfp: RfpFixture) =>
      callerFor(cdmos[0]!.owner).portal.rfp({ orgSlug: cdmos[0]!.slug, rfpId: rfp.rfpId });
    expect((await view(large)).answers).toHaveLength(6);
    await expectFlat(
      "portal.rfp",
      () => view(small),
      () => view(large),
    );
  });

  it("the CDMO's inbox, with more invitations", async () => {
    const inbox = (c: (typeof cdmos)[number]) =>
      callerFor(c.owner).portal.inbox({ orgSlug: c.slug, show: "past", pageSize: 100 });
    // CDMO 0 is invited to every RFP of this file; a fresh CDMO to one.
    const owner = await makeUser("np1-lone");
    const lone = await makeOrg("CDMO", owner, "Lone CDMO Org");
    const one = await makeRfp({
      sponsorId: sponsor.id,
      cdmos: [{ id: lone.id, name: "Lone" }],
      dueAt: new Date(Date.now() - DAY),
    });
    expect(one.invitations.size).toBe(1);
    const few = { id: lone.id, name: "Lone", owner, slug: lone.slug };
    expect((await inbox(few)).total).toBe(1);
    expect((await inbox(cdmos[0]!)).total).toBeGreaterThanOrEqual(2);
    await expectFlat(
      "portal.inbox",
      () => inbox(few),
      () => inbox(cdmos[0]!),
    );
  });

  it("the overview, for a sponsor and a CDMO with more RFPs", async () => {
    // A sponsor with one closed RFP against the file's sponsor with several; a CDMO invited to
    // one against CDMO 0, invited to every RFP of this file. Same states, so the same branches.
    const smallOwner = await makeUser("np1-ov-sponsor");
    const smallSponsor = await makeOrg("SPONSOR", smallOwner, "Small Overview Sponsor");
    const cdmoOwner = await makeUser("np1-ov-cdmo");
    const fresh = await makeOrg("CDMO", cdmoOwner, "Overview CDMO Org");
    await makeRfp({
      sponsorId: smallSponsor.id,
      cdmos: [{ id: fresh.id, name: "Fresh" }],
      dueAt: new Date(Date.now() - DAY),
      status: "PUBLISHED",
    });
    const overview = (user: TestUser, orgSlug: string) => callerFor(user).overview.get({ orgSlug });
    await expectFlat(
      "overview.get (sponsor)",
      () => overview(smallOwner, smallSponsor.slug),
      () => overview(lead, sponsor.slug),
    );
    await expectFlat(
      "overview.get (CDMO)",
      () => overview(cdmoOwner, fresh.slug),
      () => overview(cdmos[0]!.owner, cdmos[0]!.slug),
    );
  });

  it("the vendor directory, with more vendors", async () => {
    const viewerOwner = await makeUser("np1-dir");
    const org = await makeOrg("SPONSOR", viewerOwner, "Directory Sponsor");
    const directory = () => callerFor(viewerOwner).vendors.directory({ orgSlug: org.slug, pageSize: 50 });
    const before = await countStatements(directory);
    const countBefore = (await directory()).total;
    for (let i = 0; i < 8; i++)
      await callerFor(viewerOwner).vendors.createPrivate({ orgSlug: org.slug, ...profile({ name: `Private ${i}` }) });
    const after = await countStatements(directory);
    expect((await directory()).total).toBe(countBefore + 8);
    expect(after, `vendors.directory: ${before} statements before, ${after} after 8 more vendors`).toBe(before);
  });
});
