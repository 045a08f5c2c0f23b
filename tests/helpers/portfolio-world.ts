import { addMember, makeOrg, makeUser, type TestUser } from "./actors";
import { makeRfp, MAB, priceAnswers, submitResponse, type RfpFixture } from "./rfp-responses";

// A sponsor with a lead (owner), two approvers (an evaluator and an admin) and a viewer, and three
// CDMOs answering the mAb template: Integra quotes every stage (10% off from 3 stages), Upstream
// the first half cheaper, Fill Partner the rest cheaper. Used by the portfolio and report tests.

export const STAGES = MAB.stages as string[];
const DAY = 86_400_000;
const lineOf = (stage: string) => `price-${stage.toLowerCase().replace(/_/g, "-")}`;

export type PortfolioWorld = {
  sponsor: { id: string; slug: string };
  lead: TestUser;
  ann: TestUser;
  ben: TestUser;
  viewer: TestUser;
  cdmos: { id: string; name: string; owner: TestUser }[];
};

export async function portfolioWorld(label: string): Promise<PortfolioWorld> {
  const lead = await makeUser(`${label}-lead`);
  const sponsor = await makeOrg("SPONSOR", lead, `${label} Sponsor`);
  const ann = await makeUser(`${label}-ann`);
  const ben = await makeUser(`${label}-ben`);
  const viewer = await makeUser(`${label}-viewer`);
  await addMember(sponsor.id, ann, "EVALUATOR");
  await addMember(sponsor.id, ben, "ADMIN");
  await addMember(sponsor.id, viewer, "VIEWER");
  const cdmos: PortfolioWorld["cdmos"] = [];
  for (const name of ["Integra Bio", "Upstream Co", "Fill Partner"]) {
    const owner = await makeUser(`${label}-cdmo`);
    const org = await makeOrg("CDMO", owner, `${name} Org`);
    cdmos.push({ id: org.id, name, owner });
  }
  return { sponsor, lead, ann, ben, viewer, cdmos };
}

/** A closed RFP answered by the three CDMOs (Integra's first stage with a 8-16 week range). */
export async function closedPortfolioRfp(w: PortfolioWorld): Promise<RfpFixture> {
  const { sponsor, cdmos } = w;
  const rfp = await makeRfp({
    sponsorId: sponsor.id,
    cdmos: cdmos.map((c) => ({ id: c.id, name: c.name })),
    dueAt: new Date(Date.now() - DAY),
  });
  const half = Math.ceil(STAGES.length / 2);
  const all = priceAnswers(200_000, 10);
  const range = { ...(all[lineOf(STAGES[0]!)] as object), minWeeks: 8, maxWeeks: 16 };
  await submitResponse({
    cdmoId: cdmos[0]!.id,
    sponsorId: sponsor.id,
    rfp,
    answers: {
      ...all,
      [lineOf(STAGES[0]!)]: range,
      "com-bundle-rate": { value: 10 },
      "com-bundle-min-stages": { value: 3 },
    },
  });
  const cheap = priceAnswers(120_000, 9);
  await submitResponse({
    cdmoId: cdmos[1]!.id,
    sponsorId: sponsor.id,
    rfp,
    answers: Object.fromEntries(STAGES.slice(0, half).map((s) => [lineOf(s), cheap[lineOf(s)]])),
  });
  await submitResponse({
    cdmoId: cdmos[2]!.id,
    sponsorId: sponsor.id,
    rfp,
    answers: Object.fromEntries(STAGES.slice(half).map((s) => [lineOf(s), cheap[lineOf(s)]])),
  });
  return rfp;
}
