import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { summarize, todayIso, type HistoryRows } from "@/server/vendors/quality";
import { qualityRefreshDue, refreshAgedQuality, runDailyQualityRefresh } from "@/server/vendors/quality-aging";
import { qualityRefreshJob } from "@/server/jobs/quality-refresh";
import { qualityViewsJob } from "@/server/jobs/quality-views";
import { startJobRunner } from "@/server/jobs/runner";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { makeTeam, profile, type TestOrg } from "./helpers/vendors";

// Scores are recency-weighted, so cached scores must be recomputed as days pass even when
// no record changes. The daily job does it per organisation, owners' caches before views.

let t: TestDb;
let cdmo: TestOrg;
let sponsor: TestOrg;
let other: TestOrg;
let vendorId: string;
let siteId: string;

const day = (s: string) => new Date(`${s}T00:00:00Z`);
// The history the test creates, as the quality formula receives it.
const publicRows = (): HistoryRows => ({
  inspections: [{ organizationId: cdmo.id, endDate: day("2025-06-01"), classification: "OAI", observations483: 6 }],
  warningLetters: [{ organizationId: cdmo.id, issuedAt: day("2025-08-15"), status: "CLOSED" }],
  recalls: [],
});
const sponsorRows = (): HistoryRows => {
  const h = publicRows();
  return {
    ...h,
    inspections: [
      ...h.inspections,
      { organizationId: sponsor.id, endDate: day("2026-02-01"), classification: "VAI", observations483: 2 },
    ],
  };
};
const scoreIn = async (o: TestOrg) =>
  (await callerFor(o.viewer).vendors.directory({ orgSlug: o.slug, q: "Aging Biologics" })).items.find(
    (i) => i.id === vendorId,
  )!.qualityScore;

beforeAll(async () => {
  t = await createTestDb();
  cdmo = await makeTeam("CDMO", "Aging Biologics");
  sponsor = await makeTeam("SPONSOR", "Aging Sponsor");
  other = await makeTeam("SPONSOR", "Other Sponsor");
  const api = callerFor(cdmo.owner).vendors;
  vendorId = (await api.createProfile({ orgSlug: cdmo.slug, ...profile({ name: "Aging Biologics" }) })).id;
  const site = await api.saveSite({
    orgSlug: cdmo.slug,
    vendorId,
    site: { country: "US", city: "Raleigh", feiNumber: "3000000777" },
  });
  siteId = site.id;
  await api.addInspection({
    orgSlug: cdmo.slug,
    siteId: site.id,
    agency: "FDA",
    endDate: "2025-06-01",
    classification: "OAI",
    observations483: 6,
  });
  await api.addWarningLetter({
    orgSlug: cdmo.slug,
    vendorId,
    siteId: site.id,
    issuedAt: "2025-08-15",
    subject: "CGMP",
    status: "CLOSED",
  });
  await callerFor(sponsor.evaluator).vendors.addInspection({
    orgSlug: sponsor.slug,
    siteId: site.id,
    agency: "FDA",
    endDate: "2026-02-01",
    classification: "VAI",
    observations483: 2,
  });
});
afterAll(async () => t?.drop());

describe(`quality scores age (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("today's caches match the formula for today, and today's refresh finds nothing to do", async () => {
    expect(await scoreIn(other)).toBe(summarize(publicRows()).qualityScore);
    expect(await scoreIn(sponsor)).toBe(summarize(sponsorRows()).qualityScore);
    expect(await refreshAgedQuality(await getDb(), todayIso())).toEqual({ organizations: 0, vendors: 0, views: 0 });
  });

  it("a later day recomputes the owner's cache and each sponsor's view, once", async () => {
    const later = "2029-06-01";
    const before = await scoreIn(other);
    const r = await refreshAgedQuality(await getDb(), later);
    expect(r).toEqual({ organizations: 2, vendors: 1, views: 1 });
    const expectedPublic = summarize(publicRows(), later).qualityScore!;
    const expectedSponsor = summarize(sponsorRows(), later).qualityScore!;
    // Old findings weigh less four years on: the score rises with no new records.
    expect(expectedPublic).toBeGreaterThan(before!);
    expect(await scoreIn(other)).toBe(expectedPublic);
    expect(await scoreIn(sponsor)).toBe(expectedSponsor);
    // Filters use the aged score too.
    const found = await callerFor(other.viewer).vendors.directory({
      orgSlug: other.slug,
      qualityMin: expectedPublic - 0.01,
      q: "Aging",
    });
    expect(found.items.map((i) => i.id)).toEqual([vendorId]);
    expect(await refreshAgedQuality(await getDb(), later)).toEqual({ organizations: 0, vendors: 0, views: 0 });
  });

  it("writes no audit entries: time passing changes no record", async () => {
    const audit = await callerFor(cdmo.owner).audit.list({ orgSlug: cdmo.slug, action: "quality_changed", limit: 100 });
    const beforeCount = audit.items.length;
    await refreshAgedQuality(await getDb(), "2031-01-01");
    const after = await callerFor(cdmo.owner).audit.list({ orgSlug: cdmo.slug, action: "quality_changed", limit: 100 });
    expect(after.items.length).toBe(beforeCount);
  });
});

describe(`the daily quality job (${process.env.TEST_DB ?? "pglite"})`, () => {
  const queued = async () =>
    Number(
      (
        (await t.adminQuery(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'quality.refresh'`)) as {
          n: number;
        }[]
      )[0]!.n,
    );

  it("checks what is due first: a day's run happens once, then costs one read", async () => {
    const db = await getDb();
    const day = "2033-03-03";
    expect(await qualityRefreshDue(db, day)).toBe(true);
    expect(await runDailyQualityRefresh(db, day)).toEqual({ organizations: 2, vendors: 1, views: 1 });
    expect(await qualityRefreshDue(db, day)).toBe(false);
    expect(await runDailyQualityRefresh(db, day)).toEqual({ skipped: "already-done" });
    // The CLI forces a run; caches are already aged to that day, so it finds nothing.
    expect(await runDailyQualityRefresh(db, day, true)).toEqual({ organizations: 0, vendors: 0, views: 0 });
  });

  it("a starting runner queues today's refresh only when it is due, runs it, and keeps the daily schedule", async () => {
    const db = await getDb();
    const today = todayIso();
    expect(await qualityRefreshDue(db, today)).toBe(true);
    const first = await startJobRunner({ handle: t, jobs: [qualityRefreshJob] as never, pollingIntervalSeconds: 0.5 });
    try {
      expect(await queued()).toBe(1);
      const end = Date.now() + 30_000;
      while ((await qualityRefreshDue(db, today)) && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      expect(await qualityRefreshDue(db, today)).toBe(false);
      const schedules = (await t.adminQuery(`SELECT name, cron, timezone FROM pgboss.schedule`)) as object[];
      expect(schedules).toEqual([{ name: "quality.refresh", cron: "5 0 * * *", timezone: "UTC" }]);
    } finally {
      await first.stop();
    }
    // A second start on the same day finds nothing due and queues nothing.
    const second = await startJobRunner({ handle: t, jobs: [qualityRefreshJob] as never, pollingIntervalSeconds: 0.5 });
    await second.stop();
    expect(await queued()).toBe(1);
  });
});

describe(`sponsors' views after an owner's change (${process.env.TEST_DB ?? "pglite"})`, () => {
  const waiting = async () =>
    Number(
      (
        (await t.adminQuery(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'quality.views' AND state = 'created'`,
        )) as { n: number }[]
      )[0]!.n,
    );

  it("a CDMO's change queues one quality.views job; reads do not recompute; the job does", async () => {
    const api = callerFor(cdmo.owner).vendors;
    const viewBefore = await scoreIn(sponsor);
    // (The history added in beforeAll queued one already; start from an empty queue.)
    await t.adminQuery(`DELETE FROM pgboss.job WHERE name = 'quality.views'`);
    expect(await waiting()).toBe(0);
    await api.addInspection({
      orgSlug: cdmo.slug,
      siteId,
      agency: "FDA",
      endDate: "2026-10-01",
      classification: "OAI",
      observations483: 3,
    });
    await api.addWarningLetter({
      orgSlug: cdmo.slug,
      vendorId,
      siteId,
      issuedAt: "2026-10-15",
      subject: "CGMP again",
      status: "OPEN",
    });
    // Two changes, one waiting job (the queue is stately).
    expect(await waiting()).toBe(1);
    // The sponsor's cached view is not recomputed by reading the directory.
    expect(await scoreIn(sponsor)).toBe(viewBefore);
    // The job recomputes it in the sponsor's own transaction.
    expect(await qualityViewsJob.run(null)).toEqual({ views: 1 });
    const rows = sponsorRows();
    rows.inspections.push({
      organizationId: cdmo.id,
      endDate: day("2026-10-01"),
      classification: "OAI",
      observations483: 3,
    });
    rows.warningLetters.push({ organizationId: cdmo.id, issuedAt: day("2026-10-15"), status: "OPEN" });
    expect(await scoreIn(sponsor)).toBe(summarize(rows).qualityScore);
    expect(await scoreIn(sponsor)).not.toBe(viewBefore);
    expect(await qualityViewsJob.run(null)).toEqual({ views: 0 });
  });
});
