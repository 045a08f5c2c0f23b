import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { allQuestions, DEFAULT_WEIGHTS, type RfpContent } from "@/server/rfps/content";
import { findTemplate, RFP_TEMPLATES } from "@/server/rfps/templates";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { code, makeTeam, type TestOrg } from "./helpers/vendors";

// Creating RFPs for a programme: from a shipped template, blank, or as a copy of one of the
// organisation's RFPs. Each is a DRAFT with fresh ids, its scope's price lines and an audit
// entry; the programme page's lists count them by the status the clock gives them.

let t: TestDb;
let s: TestOrg;
let programmeId: string;
beforeAll(async () => {
  t = await createTestDb();
  s = await makeTeam("SPONSOR");
  ({ id: programmeId } = await callerFor(s.owner).programme.create({
    orgSlug: s.slug,
    name: "HX-7 bispecific",
    molecule: "HX-7",
    modality: "BISPECIFIC",
    phase: "PHASE_1",
    stages: ["CLD", "PD", "DS_CLIN", "DS_COMM", "FILL", "QC"],
  }));
}, 300_000);
afterAll(async () => t?.drop());

const rfp = () => callerFor(s.evaluator).rfp;
const ids = (c: RfpContent) => allQuestions(c).map((x) => x.question.id);
const priceStages = (c: RfpContent) =>
  allQuestions(c).flatMap(({ question: q }) => (q.kind === "price" ? [q.stage as string] : []));

describe(`creating RFPs (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("lists the five shipped templates with a preview of their sections", async () => {
    const list = await rfp().templates({ orgSlug: s.slug });
    expect(list.map((x) => x.key)).toEqual(["mab-ds-dp", "adc", "aav", "mrna-lnp", "fill-finish"]);
    const mab = list[0]!;
    expect(mab.sections.map((x) => x.title)).toEqual([
      "Company and quality system",
      "Technical capability",
      "Capacity and timeline",
      "Commercial",
    ]);
    expect(mab.questionCount).toBe(mab.sections.reduce((n, x) => n + x.questions.length, 0));
  });

  it("creates a draft from the mAb template: fresh ids, the programme's stages it covers, audited", async () => {
    const created = await rfp().create({
      orgSlug: s.slug,
      programmeId,
      from: "template",
      templateKey: "mab-ds-dp",
      timeZone: "europe/berlin",
    });
    const r = await rfp().get({ orgSlug: s.slug, rfpId: created.id });
    const template = findTemplate("mab-ds-dp")!;
    expect(r.status).toBe("DRAFT");
    expect(r.title).toBe("HX-7 bispecific: mAb drug substance and drug product");
    expect(r.timeZone).toBe("Europe/Berlin");
    // The programme's stages the template prices, in the programme's order (DS_COMM is not in it).
    expect(r.stages).toEqual(["CLD", "PD", "DS_CLIN", "FILL", "QC"]);
    expect(priceStages(r.content)).toEqual(r.stages);
    const templateIds = new Set(ids(template.content));
    expect(ids(r.content).filter((id) => templateIds.has(id))).toEqual([]);
    expect(r.weights).toEqual(template.weights);
    expect(r.templateKey).toBe("mab-ds-dp");
    expect(r.programme).toMatchObject({ id: programmeId, name: "HX-7 bispecific" });
    const audit = await callerFor(s.owner).audit.list({ orgSlug: s.slug, entityId: created.id });
    expect(audit.items.map((e) => e.action)).toEqual(["rfp.created"]);
    expect(audit.items[0]!.changes).toMatchObject({
      status: { old: null, new: "DRAFT" },
      source: { old: null, new: "template" },
      stages: { old: null, new: r.stages },
    });
  });

  it("fits the price lines to the stages chosen, and refuses stages the programme does not have", async () => {
    const { id } = await rfp().create({
      orgSlug: s.slug,
      programmeId,
      from: "template",
      templateKey: "fill-finish",
      stages: ["DS_COMM", "FILL"],
      title: "Commercial DS and fill",
    });
    const r = await rfp().get({ orgSlug: s.slug, rfpId: id });
    expect(r.stages).toEqual(["DS_COMM", "FILL"]);
    expect(priceStages(r.content).sort()).toEqual(["DS_COMM", "FILL"]);
    expect(r.title).toBe("Commercial DS and fill");

    const err = await rfp()
      .create({ orgSlug: s.slug, programmeId, from: "template", templateKey: "adc", stages: ["LYO"] })
      .catch((e: unknown) => e);
    expect(code("BAD_REQUEST")(err)).toBe(true);
    expect((err as Error).message).toMatch(/Lyophilisation is not a stage of this programme/);
    await expect(
      rfp().create({ orgSlug: s.slug, programmeId, from: "template", templateKey: "no-such-template" }),
    ).rejects.toSatisfy(code("BAD_REQUEST"));
    await expect(rfp().create({ orgSlug: s.slug, programmeId, from: "template" })).rejects.toSatisfy(
      code("BAD_REQUEST"),
    );
  });

  it("creates a blank draft with only a price line per programme stage and the default weights", async () => {
    const { id } = await rfp().create({ orgSlug: s.slug, programmeId, from: "blank" });
    const r = await rfp().get({ orgSlug: s.slug, rfpId: id });
    expect(r.content.sections.map((x) => x.title)).toEqual(["Prices"]);
    expect(priceStages(r.content)).toEqual(["CLD", "PD", "DS_CLIN", "DS_COMM", "FILL", "QC"]);
    expect(r.weights).toEqual(DEFAULT_WEIGHTS);
    expect(r.templateKey).toBeNull();
  });

  it("copies an RFP of the organisation with new ids, and never another organisation's", async () => {
    const source = await rfp().create({ orgSlug: s.slug, programmeId, from: "template", templateKey: "adc" });
    const original = await rfp().get({ orgSlug: s.slug, rfpId: source.id });
    const viaCreate = await rfp().create({ orgSlug: s.slug, programmeId, from: "copy", copyFromId: source.id });
    const viaCopy = await rfp().copy({ orgSlug: s.slug, rfpId: source.id, title: "ADC, second round" });
    for (const { id } of [viaCreate, viaCopy]) {
      const c = await rfp().get({ orgSlug: s.slug, rfpId: id });
      expect(c.status).toBe("DRAFT");
      expect(c.copiedFrom).toEqual({ id: source.id, title: original.title });
      expect(c.stages).toEqual(original.stages);
      expect(allQuestions(c.content).map((x) => x.question.prompt)).toEqual(
        allQuestions(original.content).map((x) => x.question.prompt),
      );
      expect(ids(c.content).filter((x) => ids(original.content).includes(x))).toEqual([]);
    }
    expect((await rfp().get({ orgSlug: s.slug, rfpId: viaCreate.id })).title).toBe(`Copy of ${original.title}`);
    expect((await rfp().get({ orgSlug: s.slug, rfpId: viaCopy.id })).title).toBe("ADC, second round");

    const other = await makeTeam("SPONSOR");
    const theirs = await callerFor(other.owner).programme.create({
      orgSlug: other.slug,
      name: "Theirs",
      molecule: "T-1",
      modality: "MAB",
      phase: "PHASE_2",
      stages: ["PD"],
    });
    await expect(
      callerFor(other.owner).rfp.create({
        orgSlug: other.slug,
        programmeId: theirs.id,
        from: "copy",
        copyFromId: source.id,
      }),
    ).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(callerFor(other.owner).rfp.copy({ orgSlug: other.slug, rfpId: source.id })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    await expect(callerFor(other.owner).rfp.get({ orgSlug: other.slug, rfpId: source.id })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
  });

  it("lists a programme's RFPs by the status the clock gives them, and the programme list counts them", async () => {
    const p = await callerFor(s.owner).programme.create({
      orgSlug: s.slug,
      name: "Counted",
      molecule: "C-1",
      modality: "MAB",
      phase: "PHASE_1",
      stages: ["PD", "FILL"],
    });
    const mk = (title: string) => rfp().create({ orgSlug: s.slug, programmeId: p.id, from: "blank", title });
    const [draft, open, lapsed] = [await mk("Draft one"), await mk("Open one"), await mk("Lapsed one")];
    const soon = new Date(Date.now() + 5 * 86_400_000);
    // Publishing belongs to the lifecycle procedures; here the rows are set as they would leave it.
    await withTenant(await getDb(), { orgId: s.id }, async (db) => {
      await db.rfp.update({ where: { id: open.id }, data: { status: "PUBLISHED", dueAt: soon } });
      await db.rfp.update({
        where: { id: lapsed.id },
        data: { status: "PUBLISHED", dueAt: new Date(Date.now() - 1000) },
      });
    });
    const list = await rfp().list({ orgSlug: s.slug, programmeId: p.id });
    expect(Object.fromEntries(list.map((r) => [r.title, r.status]))).toEqual({
      "Draft one": "DRAFT",
      "Open one": "PUBLISHED",
      "Lapsed one": "CLOSED",
    });
    expect(list.find((r) => r.id === lapsed.id)!.storedStatus).toBe("PUBLISHED");
    expect(list.every((r) => r.invitedCount === 0 && r.submittedCount === 0)).toBe(true);
    expect(list.map((r) => r.id)).toContain(draft.id);

    const row = (await callerFor(s.viewer).programme.list({ orgSlug: s.slug })).items.find((x) => x.id === p.id)!;
    expect(row.rfpCount).toBe(3);
    expect(row.statusCounts).toMatchObject({ DRAFT: 1, PUBLISHED: 1, CLOSED: 1 });
    expect(row.nextDueAt?.getTime()).toBe(soon.getTime());

    // Without a programme: every RFP of the organisation (what the new-RFP page offers to copy).
    const all = await rfp().list({ orgSlug: s.slug });
    expect(all.length).toBeGreaterThan(list.length);
    expect(new Set(all.map((r) => r.programmeName))).toEqual(new Set(["HX-7 bispecific", "Counted"]));
  });

  it("refuses RFPs in an archived programme, and lets viewers read but not create", async () => {
    const p = await callerFor(s.owner).programme.create({
      orgSlug: s.slug,
      name: "Shelved",
      molecule: "S-1",
      modality: "AAV",
      phase: "PRECLINICAL",
      stages: ["PD"],
    });
    await callerFor(s.owner).programme.archive({ orgSlug: s.slug, programmeId: p.id, version: 1 });
    await expect(rfp().create({ orgSlug: s.slug, programmeId: p.id, from: "blank" })).rejects.toSatisfy(
      code("CONFLICT"),
    );
    const viewer = callerFor(s.viewer).rfp;
    expect((await viewer.templates({ orgSlug: s.slug })).length).toBe(RFP_TEMPLATES.length);
    await expect(viewer.create({ orgSlug: s.slug, programmeId, from: "blank" })).rejects.toSatisfy(code("FORBIDDEN"));
    const cdmo = await makeTeam("CDMO");
    await expect(callerFor(cdmo.owner).rfp.templates({ orgSlug: cdmo.slug })).rejects.toSatisfy(code("FORBIDDEN"));
  });
});
