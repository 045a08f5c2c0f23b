import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CdmoOverview } from "@/server/overview/cdmo";
import type { SponsorOverview } from "@/server/overview/sponsor";
import { countStatements } from "./helpers/statements";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { makeTeam, profile, type TestOrg } from "./helpers/vendors";
import { makeTestRfp, publishTestRfp, setTestRfpDue } from "./helpers/portal-fixtures";

// The overview page's one read (overview.get): what needs a sponsor's attention (open RFPs with
// replies and unanswered questions, closed ones to evaluate, shortlisted vendors with recent
// OAIs or open warning letters), and a CDMO's inbox as work to do. A brand-new organisation
// gets empty lists, and the number of statements does not grow with the data.

let t: TestDb;
let sponsor: TestOrg;
type Cdmo = TestOrg & { vendorId: string };
let answering: Cdmo;
let declining: Cdmo;

const DAY = 86_400_000;

async function cdmo(name: string): Promise<Cdmo> {
  const team = await makeTeam("CDMO", name);
  const { id } = await callerFor(team.owner).vendors.createProfile({ orgSlug: team.slug, ...profile({ name }) });
  return { ...team, vendorId: id };
}

const sponsorView = async (org = sponsor, user = org.owner) =>
  (await callerFor(user).overview.get({ orgSlug: org.slug })) as SponsorOverview;
const cdmoView = async (org: TestOrg) =>
  (await callerFor(org.owner).overview.get({ orgSlug: org.slug })) as CdmoOverview;

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeTeam("SPONSOR", "Overview Sponsor");
  answering = await cdmo("Overview Answering CDMO");
  declining = await cdmo("Overview Declining CDMO");
});
afterAll(async () => t?.drop());

describe(`overview.get (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("a brand-new sponsor and CDMO get empty lists (the page shows what to do first)", async () => {
    const fresh = await makeTeam("SPONSOR", "Fresh Sponsor");
    const s = await sponsorView(fresh);
    expect(s).toMatchObject({
      kind: "SPONSOR",
      programmeCount: 0,
      programmes: [],
      openRfps: [],
      openRfpCount: 0,
      draftRfpCount: 0,
      toEvaluate: [],
      decisions: [],
      alerts: [],
      shortlistedCount: 0,
      team: { members: 3, pendingInvitations: 0 },
    });
    // Only those who may invite see the pending invitations.
    expect((await sponsorView(fresh, fresh.viewer)).team).toEqual({ members: 3, pendingInvitations: null });

    const freshCdmo = await makeTeam("CDMO", "Fresh CDMO");
    expect(await cdmoView(freshCdmo)).toMatchObject({
      kind: "CDMO",
      open: [],
      openCount: 0,
      recent: [],
      profile: { exists: false, published: false },
    });
  });

  it("shows an open RFP's replies and unanswered questions to the sponsor, and the CDMO's side of it", async () => {
    const rfp = await makeTestRfp(sponsor.id, { title: "Overview fill-finish" });
    for (const c of [answering, declining])
      await callerFor(sponsor.owner).rfpInvitation.addPlatform({
        orgSlug: sponsor.slug,
        rfpId: rfp.id,
        vendorId: c.vendorId,
      });
    // A draft: nothing to show yet but the count.
    expect((await sponsorView()).draftRfpCount).toBe(1);
    expect((await cdmoView(answering)).openCount).toBe(0);

    await publishTestRfp(sponsor.id, rfp.id);
    const { id: questionId } = await callerFor(answering.owner).clarification.ask({
      orgSlug: answering.slug,
      rfpId: rfp.id,
      question: "Which vial format do you expect?",
    });
    await callerFor(declining.owner).portal.decline({
      orgSlug: declining.slug,
      rfpId: rfp.id,
      reason: "No free capacity before Q3.",
    });

    let s = await sponsorView();
    expect(s.openRfpCount).toBe(1);
    expect(s.openRfps).toEqual([
      expect.objectContaining({
        id: rfp.id,
        title: "Overview fill-finish",
        programmeName: "HX-101",
        invited: 2,
        submitted: 0,
        declined: 1,
        unansweredQuestions: 1,
      }),
    ]);
    expect(s.programmes).toEqual([expect.objectContaining({ name: "HX-101", openRfps: 1 })]);

    await callerFor(sponsor.owner).clarification.answer({
      orgSlug: sponsor.slug,
      clarificationId: questionId,
      answer: "2R vials.",
      audience: "ALL",
    });
    s = await sponsorView();
    expect(s.openRfps[0]).toMatchObject({ unansweredQuestions: 0 });

    const c = await cdmoView(answering);
    expect(c.openCount).toBe(1);
    expect(c.open).toEqual([
      expect.objectContaining({
        rfpId: rfp.id,
        title: "Overview fill-finish",
        sponsorName: "Overview Sponsor",
        rfpStatus: "PUBLISHED",
        questionsAsked: 1,
        questionsAnswered: 1,
        answersForAll: 1,
        award: null,
      }),
    ]);
    expect(c.profile).toMatchObject({ exists: true });
    // The other CDMO sees the answer for all, not the question as its own, and its decline.
    expect((await cdmoView(declining)).open[0]).toMatchObject({
      status: "DECLINED",
      questionsAsked: 0,
      questionsAnswered: 0,
      answersForAll: 1,
    });

    // Past the due date the RFP waits for evaluation; the CDMO finds it among the recent ones.
    await setTestRfpDue(sponsor.id, rfp.id, new Date(Date.now() - DAY));
    s = await sponsorView();
    expect(s.openRfps).toEqual([]);
    expect(s.toEvaluate).toEqual([
      expect.objectContaining({ id: rfp.id, submitted: 0, evaluatorsSubmitted: 0, locked: false }),
    ]);
    const after = await cdmoView(answering);
    expect(after.open).toEqual([]);
    expect(after.recent).toEqual([expect.objectContaining({ rfpId: rfp.id, rfpStatus: "CLOSED" })]);
  });

  it("flags a shortlisted vendor with a recent OAI or an open warning letter, not one with old findings", async () => {
    const api = callerFor(sponsor.owner).vendors;
    const orgSlug = sponsor.slug;
    const programmeId = (await sponsorView()).programmes[0]!.id;
    const vendor = async (name: string, oaiDaysAgo: number, letter: "OPEN" | "CLOSED") => {
      const { id: vendorId } = await api.createPrivate({ orgSlug, ...profile({ name }) });
      const { id: siteId } = await api.saveSite({ orgSlug, vendorId, site: { country: "US", city: "Durham" } });
      const day = new Date(Date.now() - oaiDaysAgo * DAY).toISOString().slice(0, 10);
      await api.addInspection({ orgSlug, siteId, agency: "FDA", endDate: day, classification: "OAI" });
      await api.addWarningLetter({ orgSlug, vendorId, siteId, issuedAt: day, subject: "CGMP", status: letter });
      await callerFor(sponsor.owner).shortlist.add({ orgSlug, programmeId, vendorId });
      return vendorId;
    };
    const recent = await vendor("Recent OAI Biologics", 30, "CLOSED");
    await vendor("Old Findings Pharma", 900, "CLOSED");
    const lettered = await vendor("Open Letter Labs", 900, "OPEN");

    const s = await sponsorView();
    expect(s.shortlistedCount).toBe(3);
    expect(s.alerts.map((a) => a.vendorName).sort()).toEqual(["Open Letter Labs", "Recent OAI Biologics"]);
    expect(s.alerts.find((a) => a.vendorId === recent)).toMatchObject({ recentOais: 1, openWarningLetters: 0 });
    expect(s.alerts.find((a) => a.vendorId === lettered)).toMatchObject({ recentOais: 0, openWarningLetters: 1 });
  });

  it("costs the same number of statements with one open RFP or several (no query per row)", async () => {
    const measure = async () => ({
      sponsor: await countStatements(() => sponsorView()),
      cdmo: await countStatements(() => cdmoView(answering)),
    });
    const openOne = async (i: number) => {
      const rfp = await makeTestRfp(sponsor.id, { title: `More ${i}`, dueAt: new Date(Date.now() + (i + 2) * DAY) });
      await callerFor(sponsor.owner).rfpInvitation.addPlatform({
        orgSlug: sponsor.slug,
        rfpId: rfp.id,
        vendorId: answering.vendorId,
      });
      await publishTestRfp(sponsor.id, rfp.id);
    };
    await openOne(0);
    const one = await measure();
    for (let i = 1; i < 4; i++) await openOne(i);
    const several = await measure();
    expect((await sponsorView()).openRfpCount).toBe(4);
    expect((await cdmoView(answering)).openCount).toBe(4);
    expect(several).toEqual(one);
    // Membership lookup, two rounds of reads, begin and commit: a small fixed number.
    expect(several.sponsor).toBeLessThanOrEqual(20);
    expect(several.cdmo).toBeLessThanOrEqual(16);
  });

  it("is refused to non-members (NOT_FOUND)", async () => {
    await expect(callerFor(answering.owner).overview.get({ orgSlug: sponsor.slug })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
