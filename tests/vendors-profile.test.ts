import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { qualityViewsJob } from "@/server/jobs/quality-views";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { code, makeTeam, profile, type TestOrg } from "./helpers/vendors";

// Platform profiles, private records, notes and tags: who sees and who may change what.

let t: TestDb;
let cdmo: TestOrg;
let sponsor: TestOrg;
let other: TestOrg;
let platformId: string;

beforeAll(async () => {
  t = await createTestDb();
  cdmo = await makeTeam("CDMO", "Quillon Biologics");
  sponsor = await makeTeam("SPONSOR", "Sponsor One");
  other = await makeTeam("SPONSOR", "Sponsor Two");
  platformId = (
    await callerFor(cdmo.owner).vendors.createProfile({
      orgSlug: cdmo.slug,
      ...profile({
        name: "Quillon Biologics",
        hqCountry: "DE",
        hqCity: "Marburg",
        stages: ["PD"],
        modalities: ["MAB"],
      }),
    })
  ).id;
});
afterAll(async () => t?.drop());

const dir = (o: TestOrg, input: Record<string, unknown> = {}) =>
  callerFor(o.viewer).vendors.directory({ orgSlug: o.slug, ...input });

describe(`vendor profiles and privacy (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("a CDMO edits its platform profile and sites; a sponsor then finds it by those filters", async () => {
    const api = callerFor(cdmo.owner).vendors;
    const mine = await api.myProfile({ orgSlug: cdmo.slug });
    expect(mine?.vendor).toMatchObject({ id: platformId, kind: "PLATFORM", isOwn: true, version: 1 });
    expect(mine?.canEdit).toBe(true);
    await expect(api.createProfile({ orgSlug: cdmo.slug, ...profile({ name: "Second" }) })).rejects.toSatisfy(
      code("CONFLICT"),
    );
    // Before the edit, a sponsor does not find it as a fill-finish site in Japan.
    expect((await dir(sponsor, { stages: ["FILL"], regions: ["APAC"] })).items.map((i) => i.id)).not.toContain(
      platformId,
    );
    const res = await api.update({
      orgSlug: cdmo.slug,
      vendorId: platformId,
      version: 1,
      ...profile({
        name: "Quillon Biologics",
        hqCountry: "DE",
        hqCity: "Marburg",
        stages: ["PD", "FILL"],
        modalities: ["MAB", "ADC"],
        maxBioreactorLitres: 5000,
        maxBatchUnits: 90_000,
      }),
    });
    expect(res).toEqual({ id: platformId, version: 2 });
    await api.saveSite({
      orgSlug: cdmo.slug,
      vendorId: platformId,
      site: { country: "JP", city: "Kobe", feiNumber: "3000000001" },
    });
    const page = await dir(sponsor, {
      stages: ["FILL"],
      modalities: ["ADC"],
      regions: ["APAC"],
      minBioreactorLitres: 4000,
      minBatchUnits: 90_000,
      q: "quill",
    });
    expect(page.items.map((i) => i.id)).toEqual([platformId]);
    expect((await dir(sponsor, { minBatchUnits: 90_001, q: "quill" })).items).toEqual([]);
    expect(page.items[0]).toMatchObject({
      kind: "PLATFORM",
      regions: ["EU", "APAC"],
      siteCount: 1,
      linkedVendorId: null,
      qualityScore: null,
    });
    // The CDMO's public history is public: the sponsor sees it, labelled PUBLIC, in the score.
    const site = (await api.myProfile({ orgSlug: cdmo.slug }))!.sites[0]!;
    await api.addInspection({
      orgSlug: cdmo.slug,
      siteId: site.id,
      agency: "FDA",
      endDate: "2024-03-01",
      classification: "VAI",
      observations483: 2,
    });
    const seen = await callerFor(sponsor.viewer).vendors.get({ orgSlug: sponsor.slug, vendorId: platformId });
    expect(seen.history.inspections.map((i) => [i.classification, i.visibility])).toEqual([["VAI", "PUBLIC"]]);
    expect(seen.quality.score).toBeGreaterThan(80);
    expect(seen.quality.score).toBeLessThan(100);
    expect(seen.quality.penalties).toHaveLength(1);
    expect(seen.canEdit).toBe(false);
    expect((await dir(sponsor, { q: "Quillon" })).items[0]!.qualityScore).toBe(seen.quality.score);
  });

  it("audits profile changes with field diffs", async () => {
    const audit = await callerFor(cdmo.owner).audit.list({ orgSlug: cdmo.slug, limit: 100 });
    const upd = audit.items.find((a) => a.action === "vendor.updated" && a.entityId === platformId);
    expect(upd?.changes).toMatchObject({
      stages: { old: ["PD"], new: ["PD", "FILL"] },
      maxBioreactorLitres: { old: null, new: 5000 },
      maxBatchUnits: { old: null, new: 90_000 },
    });
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "vendor.profile_created",
        "vendor_site.created",
        "inspection.created",
        "vendor.quality_changed",
      ]),
    );
  });

  it("refuses a stale version with CONFLICT and keeps the newer data", async () => {
    const api = callerFor(cdmo.owner).vendors;
    await expect(
      api.update({ orgSlug: cdmo.slug, vendorId: platformId, version: 1, ...profile({ name: "Stale write" }) }),
    ).rejects.toSatisfy(code("CONFLICT"));
    expect((await api.get({ orgSlug: cdmo.slug, vendorId: platformId })).vendor.name).toBe("Quillon Biologics");
  });

  it("only a CDMO administrator edits the profile; a sponsor cannot modify it or publish anything", async () => {
    await expect(
      callerFor(cdmo.evaluator).vendors.update({
        orgSlug: cdmo.slug,
        vendorId: platformId,
        version: 2,
        ...profile({ name: "Responder edit" }),
      }),
    ).rejects.toSatisfy(code("FORBIDDEN"));
    const s = callerFor(sponsor.owner).vendors;
    await expect(
      s.update({ orgSlug: sponsor.slug, vendorId: platformId, version: 2, ...profile({ name: "Hijack" }) }),
    ).rejects.toSatisfy(code("FORBIDDEN"));
    await expect(s.archive({ orgSlug: sponsor.slug, vendorId: platformId, version: 2 })).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
    await expect(
      s.saveSite({ orgSlug: sponsor.slug, vendorId: platformId, site: { country: "US", city: "X" } }),
    ).rejects.toSatisfy(code("FORBIDDEN"));
    await expect(s.createProfile({ orgSlug: sponsor.slug, ...profile() })).rejects.toSatisfy(code("FORBIDDEN"));
    const site = (await s.get({ orgSlug: sponsor.slug, vendorId: platformId })).sites[0]!;
    await expect(s.removeSite({ orgSlug: sponsor.slug, siteId: site.id })).rejects.toSatisfy(code("FORBIDDEN"));
    const inspection = (await s.get({ orgSlug: sponsor.slug, vendorId: platformId })).history.inspections[0]!;
    await expect(s.removeHistory({ orgSlug: sponsor.slug, kind: "inspection", id: inspection.id })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    // A sponsor's own history on the platform vendor stays private (OWN, not public).
    await s.addInspection({
      orgSlug: sponsor.slug,
      siteId: site.id,
      agency: "FDA",
      endDate: "2025-01-10",
      classification: "OAI",
    });
    const mine = await s.get({ orgSlug: sponsor.slug, vendorId: platformId });
    expect(mine.history.inspections.map((i) => i.visibility).sort()).toEqual(["OWN", "PUBLIC"]);
    const theirs = await callerFor(cdmo.owner).vendors.get({ orgSlug: cdmo.slug, vendorId: platformId });
    expect(theirs.history.inspections).toHaveLength(1);
    const otherView = await callerFor(other.viewer).vendors.get({ orgSlug: other.slug, vendorId: platformId });
    expect(otherView.history.inspections).toHaveLength(1);
    // The sponsor's directory uses its own view (lower score); the other sponsor's the public one.
    const [a, b] = await Promise.all([dir(sponsor, { q: "Quillon" }), dir(other, { q: "Quillon" })]);
    expect(a.items[0]!.qualityScore!).toBeLessThan(b.items[0]!.qualityScore!);
    expect(a.items[0]!.qualityScore).toBe(mine.quality.score);
    expect(b.items[0]!.qualityScore).toBe(otherView.quality.score);
  });

  it("a sponsor's view follows later changes of the public history", async () => {
    const api = callerFor(cdmo.owner).vendors;
    const site = (await api.myProfile({ orgSlug: cdmo.slug }))!.sites[0]!;
    await api.addWarningLetter({
      orgSlug: cdmo.slug,
      vendorId: platformId,
      siteId: site.id,
      issuedAt: "2025-06-01",
      subject: "CGMP",
      status: "OPEN",
    });
    // The change queued the quality.views job in its transaction; it recomputes the sponsor's view.
    const queued = (await t.adminQuery(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'quality.views' AND state = 'created'`,
    )) as { n: number }[];
    expect(queued[0]!.n).toBe(1);
    await qualityViewsJob.run(null);
    const seen = await callerFor(sponsor.viewer).vendors.get({ orgSlug: sponsor.slug, vendorId: platformId });
    const row = (await dir(sponsor, { q: "Quillon" })).items[0]!;
    expect(row.hasOpenWarningLetter).toBe(true);
    expect(row.qualityScore).toBe(seen.quality.score);
    expect((await dir(sponsor, { hasOpenWarningLetter: true })).items.map((i) => i.id)).toContain(platformId);
  });

  it("row-level security rejects a sponsor publishing a vendor, even in raw SQL", async () => {
    const db = await getDb();
    const attempt = (isPublic: boolean, kind: string) =>
      db.$transaction(async (tx) => {
        await tx.$queryRawUnsafe(`SELECT set_config('app.org_id', $1, true)`, sponsor.id);
        await tx.$executeRawUnsafe(
          `INSERT INTO "Vendor" (id, "organizationId", "isPublic", kind, name, "updatedAt") VALUES ($1, $2, $3, $4::"VendorKind", 'Forged', now())`,
          `forged-${kind}-${isPublic}`,
          sponsor.id,
          isPublic,
          kind,
        );
      });
    await expect(attempt(true, "PRIVATE")).rejects.toThrow(/row-level security|violates/i);
    await expect(attempt(true, "PLATFORM")).rejects.toThrow(/row-level security|violates/i);
    await expect(attempt(false, "PLATFORM")).rejects.toThrow(/row-level security|violates/i);
    // Publishing an existing private row by UPDATE is refused too.
    const { id } = await callerFor(sponsor.owner).vendors.createPrivate({
      orgSlug: sponsor.slug,
      ...profile({ name: "Raw target" }),
    });
    const update = db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT set_config('app.org_id', $1, true)`, sponsor.id);
      await tx.$executeRawUnsafe(`UPDATE "Vendor" SET "isPublic" = true WHERE id = $1`, id);
    });
    await expect(update).rejects.toThrow(/row-level security|violates/i);
    // And the sponsor's own history rows cannot be made public either.
    const site = await callerFor(sponsor.owner).vendors.saveSite({
      orgSlug: sponsor.slug,
      vendorId: id,
      site: { country: "US", city: "Austin" },
    });
    const siteUpdate = db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT set_config('app.org_id', $1, true)`, sponsor.id);
      await tx.$executeRawUnsafe(`UPDATE "VendorSite" SET "isPublic" = true WHERE id = $1`, site.id);
    });
    await expect(siteUpdate).rejects.toThrow(/row-level security|violates/i);
  });

  it("private records, notes, tags and saved filters are invisible to another sponsor and to the CDMO", async () => {
    const s = callerFor(sponsor.evaluator).vendors;
    const { id } = await s.createPrivate({
      orgSlug: sponsor.slug,
      ...profile({ name: "Secret Fill Co", hqCountry: "FR", hqCity: "Lyon", stages: ["FILL"] }),
    });
    const note = await s.addNote({ orgSlug: sponsor.slug, vendorId: platformId, body: "Confidential pricing remark" });
    await s.setTags({
      orgSlug: sponsor.slug,
      vendorId: platformId,
      expectedTags: [],
      tags: ["shortlist", "Shortlist", "hx-1"],
    });
    await s.setTags({ orgSlug: sponsor.slug, vendorId: id, expectedTags: [], tags: ["secret-tag"] });
    await s.saveFilter({
      orgSlug: sponsor.slug,
      name: "Fill in EU",
      query: { stages: ["FILL"], regions: ["EU"], source: "ALL", sort: "name", dir: "asc", pageSize: 25 },
    });
    const mine = await s.get({ orgSlug: sponsor.slug, vendorId: platformId });
    expect(mine.tags).toEqual(["hx-1", "shortlist"]);
    expect(mine.notes).toEqual([expect.objectContaining({ id: note.id, isMine: true, authorName: "sponsor-eval" })]);
    expect((await s.directory({ orgSlug: sponsor.slug, tags: ["secret-tag"] })).items.map((i) => i.id)).toEqual([id]);
    expect((await s.allTags({ orgSlug: sponsor.slug })).sort()).toEqual(["hx-1", "secret-tag", "shortlist"]);
    expect(await s.savedFilters({ orgSlug: sponsor.slug })).toEqual([expect.objectContaining({ name: "Fill in EU" })]);
    // Another member of the same sponsor does not see this user's saved filters.
    expect(await callerFor(sponsor.viewer).vendors.savedFilters({ orgSlug: sponsor.slug })).toEqual([]);

    const o = callerFor(other.owner).vendors;
    await expect(o.get({ orgSlug: other.slug, vendorId: id })).rejects.toSatisfy(code("NOT_FOUND"));
    expect((await o.directory({ orgSlug: other.slug, pageSize: 100 })).items.map((i) => i.id)).not.toContain(id);
    expect((await o.directory({ orgSlug: other.slug, tags: ["shortlist"] })).total).toBe(0);
    const theirs = await o.get({ orgSlug: other.slug, vendorId: platformId });
    expect(theirs.notes).toEqual([]);
    expect(theirs.tags).toEqual([]);
    expect(await o.allTags({ orgSlug: other.slug })).toEqual([]);
    await expect(o.removeNote({ orgSlug: other.slug, noteId: note.id })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(o.compare({ orgSlug: other.slug, vendorIds: [platformId, id] })).rejects.toSatisfy(code("NOT_FOUND"));

    const c = callerFor(cdmo.owner).vendors;
    await expect(c.get({ orgSlug: cdmo.slug, vendorId: id })).rejects.toSatisfy(code("NOT_FOUND"));
    const cdmoView = await c.get({ orgSlug: cdmo.slug, vendorId: platformId });
    expect(JSON.stringify(cdmoView)).not.toMatch(/Confidential|shortlist|secret-tag/);
    // Directory, notes and tags are sponsor features.
    await expect(c.directory({ orgSlug: cdmo.slug })).rejects.toSatisfy(code("FORBIDDEN"));
    await expect(c.addNote({ orgSlug: cdmo.slug, vendorId: platformId, body: "x" })).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
  });

  it("viewers read but do not write; notes are removed by their author or an administrator", async () => {
    const v = callerFor(sponsor.viewer).vendors;
    await expect(v.createPrivate({ orgSlug: sponsor.slug, ...profile() })).rejects.toSatisfy(code("FORBIDDEN"));
    await expect(v.addNote({ orgSlug: sponsor.slug, vendorId: platformId, body: "hi" })).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
    const note = (await v.get({ orgSlug: sponsor.slug, vendorId: platformId })).notes[0]!;
    expect(note.isMine).toBe(false);
    await expect(v.removeNote({ orgSlug: sponsor.slug, noteId: note.id })).rejects.toSatisfy(code("FORBIDDEN"));
    await callerFor(sponsor.owner).vendors.removeNote({ orgSlug: sponsor.slug, noteId: note.id });
    expect((await v.get({ orgSlug: sponsor.slug, vendorId: platformId })).notes).toEqual([]);
  });

  it("links a private record to a platform profile, lists both, compares, and archives", async () => {
    const s = callerFor(sponsor.owner).vendors;
    const { id } = await s.createPrivate({
      orgSlug: sponsor.slug,
      ...profile({ name: "Quillon (old contract)", hqCountry: "DE" }),
    });
    expect((await s.platformProfiles({ orgSlug: sponsor.slug, q: "quill" })).map((p) => p.id)).toEqual([platformId]);
    await expect(s.link({ orgSlug: sponsor.slug, vendorId: id, platformVendorId: id })).rejects.toSatisfy(
      code("BAD_REQUEST"),
    );
    await s.link({ orgSlug: sponsor.slug, vendorId: id, platformVendorId: platformId });
    const both = await s.directory({ orgSlug: sponsor.slug, q: "Quillon" });
    expect(both.items.map((i) => [i.id, i.linkedVendorId])).toEqual(
      expect.arrayContaining([
        [platformId, null],
        [id, platformId],
      ]),
    );
    expect((await s.get({ orgSlug: sponsor.slug, vendorId: id })).vendor.linkedVendor).toEqual({
      id: platformId,
      name: "Quillon Biologics",
    });
    const cmp = await s.compare({ orgSlug: sponsor.slug, vendorIds: [platformId, id] });
    expect(cmp.map((c) => c.vendor.id)).toEqual([platformId, id]);
    expect(cmp[0]!.quality.inspections).toEqual({ NAI: 0, VAI: 1, OAI: 1 });
    expect(cmp[0]!.quality.openWarningLetters).toBe(1);
    expect(cmp[0]!.siteCount).toBe(1);
    const v = (await s.get({ orgSlug: sponsor.slug, vendorId: id })).vendor.version;
    await s.archive({ orgSlug: sponsor.slug, vendorId: id, version: v });
    expect((await s.directory({ orgSlug: sponsor.slug, q: "Quillon" })).items.map((i) => i.id)).toEqual([platformId]);
    const audit = await s.directory({ orgSlug: sponsor.slug, source: "PRIVATE", pageSize: 100 });
    expect(audit.items.map((i) => i.id)).not.toContain(id);
  });

  it("a CDMO removing a site changes nothing a sponsor recorded there, and says nothing about it (finding 2)", async () => {
    const api = callerFor(cdmo.owner).vendors;
    const s = callerFor(sponsor.evaluator).vendors;
    // A site where the sponsor privately recorded only a warning letter and a recall: the old
    // foreign keys (ON DELETE SET NULL) unlinked both, a write into the sponsor's rows.
    const lettered = await api.saveSite({
      orgSlug: cdmo.slug,
      vendorId: platformId,
      site: { country: "PT", city: "Porto" },
    });
    const letter = await s.addWarningLetter({
      orgSlug: sponsor.slug,
      vendorId: platformId,
      siteId: lettered.id,
      issuedAt: "2024-02-02",
      subject: "CGMP",
      status: "OPEN",
    });
    const recall = await s.addRecall({
      orgSlug: sponsor.slug,
      vendorId: platformId,
      siteId: lettered.id,
      date: "2024-03-03",
      classification: "II",
    });
    const sponsorAuditBefore = (await callerFor(sponsor.owner).audit.list({ orgSlug: sponsor.slug, limit: 100 })).items
      .length;
    expect(await api.removeSite({ orgSlug: cdmo.slug, siteId: lettered.id })).toEqual({ ok: true });
    const seen = await s.get({ orgSlug: sponsor.slug, vendorId: platformId });
    expect(seen.history.warningLetters.find((w) => w.id === letter.id)?.siteId).toBe(lettered.id);
    expect(seen.history.recalls.find((r) => r.id === recall.id)?.siteId).toBe(lettered.id);
    expect(seen.sites.map((x) => x.id)).not.toContain(lettered.id);
    expect(seen.removedSites).toEqual([expect.objectContaining({ id: lettered.id, city: "Porto", removed: true })]);
    // Nothing was written into the sponsor's organisation, so its log has nothing new either.
    expect((await callerFor(sponsor.owner).audit.list({ orgSlug: sponsor.slug, limit: 100 })).items).toHaveLength(
      sponsorAuditBefore,
    );

    // A site where the sponsor recorded an inspection: removed all the same (the old code refused,
    // telling the CDMO that other organisations hold records there); the CDMO's own inspection goes.
    const shared = await api.saveSite({
      orgSlug: cdmo.slug,
      vendorId: platformId,
      site: { country: "IE", city: "Cork" },
    });
    await api.addInspection({
      orgSlug: cdmo.slug,
      siteId: shared.id,
      agency: "FDA",
      endDate: "2023-05-02",
      classification: "NAI",
    });
    const theirs = await s.addInspection({
      orgSlug: sponsor.slug,
      siteId: shared.id,
      agency: "FDA",
      endDate: "2024-09-12",
      classification: "OAI",
      observations483: 7,
    });
    const solo = await api.saveSite({
      orgSlug: cdmo.slug,
      vendorId: platformId,
      site: { country: "SG", city: "Tuas" },
    });
    await api.addInspection({
      orgSlug: cdmo.slug,
      siteId: solo.id,
      agency: "FDA",
      endDate: "2022-01-20",
      classification: "VAI",
    });
    // Same answer with and without other organisations' records at the site.
    expect(await api.removeSite({ orgSlug: cdmo.slug, siteId: shared.id })).toEqual(
      await api.removeSite({ orgSlug: cdmo.slug, siteId: solo.id }),
    );
    const after = await s.get({ orgSlug: sponsor.slug, vendorId: platformId });
    expect(after.history.inspections.find((i) => i.id === theirs.id)).toMatchObject({
      siteId: shared.id,
      visibility: "OWN",
    });
    expect(after.removedSites.map((x) => x.id).sort()).toEqual([lettered.id, shared.id].sort());
    const now = (await api.myProfile({ orgSlug: cdmo.slug }))!;
    for (const id of [lettered.id, shared.id, solo.id]) {
      expect(now.sites.map((x) => x.id)).not.toContain(id);
      expect(now.history.inspections.filter((i) => i.siteId === id)).toEqual([]);
    }
    const audit = await callerFor(cdmo.owner).audit.list({ orgSlug: cdmo.slug, entityId: solo.id, limit: 10 });
    expect(audit.items.find((a) => a.action === "vendor_site.removed")?.changes).toMatchObject({
      inspections: { old: 1, new: 0 },
    });
    // A removed site takes no new history, cannot be edited or removed again.
    await expect(
      s.addInspection({
        orgSlug: sponsor.slug,
        siteId: shared.id,
        agency: "FDA",
        endDate: "2025-01-01",
        classification: "NAI",
      }),
    ).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(
      api.saveSite({ orgSlug: cdmo.slug, vendorId: platformId, site: { id: shared.id, country: "IE", city: "Cork" } }),
    ).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(api.removeSite({ orgSlug: cdmo.slug, siteId: shared.id })).rejects.toSatisfy(code("NOT_FOUND"));
    // Country filter: headquarters or any site still there.
    expect((await dir(sponsor, { countries: ["IE"], q: "Quillon" })).items).toEqual([]);
    expect((await dir(sponsor, { countries: ["SG"], q: "Quillon" })).items).toEqual([]);
    expect((await dir(sponsor, { countries: ["JP"], q: "Quillon" })).items.map((i) => i.id)).toEqual([platformId]);
  });
});
