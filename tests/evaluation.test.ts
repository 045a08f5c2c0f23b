import ExcelJS from "exceljs";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeScorecard, type TScorecardInput } from "@/server/decision";
import { defaultCriteria } from "@/server/evaluation/criteria";
import { DEFAULT_WEIGHTS } from "@/server/rfps/content";
import { runCdmo } from "./helpers/cdmo-cli";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";
import { makeRfp, priceAnswers, submitResponse, type RfpFixture } from "./helpers/rfp-responses";

// An RFP's evaluation through the tRPC callers: the default scorecard and its prefills, team
// scoring with permissions and validation, blind mode, disagreements that need a rationale before
// the lock, overrides with reasons, versioned setup, audit entries, and the one number everywhere:
// the page's totals (decision core on `input`), the XLSX export's and `cdmo scorecard`'s agree.

let t: TestDb;
let lead: TestUser;
let eva: TestUser;
let ed: TestUser;
let viewer: TestUser;
let sponsor: { id: string; slug: string };
let other: { id: string; slug: string; owner: TestUser };
const cdmos: { id: string; name: string }[] = [];
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDb();
  lead = await makeUser("ev-lead");
  sponsor = await makeOrg("SPONSOR", lead, "Eval Sponsor");
  eva = await makeUser("ev-eva");
  ed = await makeUser("ev-ed");
  viewer = await makeUser("ev-viewer");
  await addMember(sponsor.id, eva, "EVALUATOR");
  await addMember(sponsor.id, ed, "EVALUATOR");
  await addMember(sponsor.id, viewer, "VIEWER");
  const otherOwner = await makeUser("ev-other");
  other = { ...(await makeOrg("SPONSOR", otherOwner, "Other Sponsor")), owner: otherOwner };
  for (const name of ["Alpha Bio", "Beta Fill", "Gamma Partial"]) {
    const o = await makeUser("ev-cdmo");
    const org = await makeOrg("CDMO", o, `${name} Org`);
    cdmos.push({ id: org.id, name });
  }
});
afterAll(async () => t?.drop());

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));
const fails = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as TRPCError,
  );

/** A closed, unsealed RFP: Alpha quotes 100k-based, Beta 120k-based, Gamma only part of the price lines. */
async function closedRfp(): Promise<RfpFixture> {
  const rfp = await makeRfp({ sponsorId: sponsor.id, cdmos, dueAt: new Date(Date.now() - DAY), status: "PUBLISHED" });
  await submitResponse({ cdmoId: cdmos[0]!.id, sponsorId: sponsor.id, rfp, answers: priceAnswers(100_000) });
  await submitResponse({ cdmoId: cdmos[1]!.id, sponsorId: sponsor.id, rfp, answers: priceAnswers(120_000) });
  const partial = Object.fromEntries(Object.entries(priceAnswers(90_000)).slice(0, 1));
  await submitResponse({ cdmoId: cdmos[2]!.id, sponsorId: sponsor.id, rfp, answers: partial });
  return rfp;
}

const api = (u: TestUser) => callerFor(u).evaluation;
const orgSlug = () => sponsor.slug;

describe(`evaluation (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("starts from the default scorecard with prefills from quotes, and refuses another organisation", async () => {
    const rfp = await closedRfp();
    const view = await api(viewer).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    expect(view.scorecard.version).toBe(0);
    expect(view.scorecard.criteria.map((c) => c.id)).toEqual(["capability", "quality", "pricing", "handoff"]);
    expect(view.vendors.map((v) => v.name)).toEqual(["Alpha Bio", "Beta Fill", "Gamma Partial"]);
    const price = (name: string) => {
      const id = view.vendors.find((v) => v.name === name)!.id;
      return view.auto.find((a) => a.vendorId === id && a.source === "price")!;
    };
    // Alpha is the lowest on every line it quotes; Beta quotes 1.2x Alpha's; Gamma quotes one line, cheapest there.
    expect(price("Alpha Bio").value).toBeCloseTo(5 - (5 * (1 - 90 / 100)) / 6, 2);
    expect(price("Beta Fill").value).toBeCloseTo((5 * 100) / 120 - ((5 * 100) / 120 - (5 * 90) / 120) / 6, 2);
    expect(price("Gamma Partial").value).toBe(5);
    expect(price("Gamma Partial").prefill.basis).toMatch(/over 1 quoted price line$/);
    // The three quotes: the test CDMOs have no directory record, so no quality or coverage prefill.
    expect(view.input?.scores.filter((s) => s.evaluatorId === "auto")).toHaveLength(3);
    const e = await fails(callerFor(other.owner).evaluation.get({ orgSlug: other.slug, rfpId: rfp.rfpId }));
    expect(code(e)).toBe("NOT_FOUND");
  });

  it("saves an evaluator's scores with comments, audited, and refuses bad cells naming the field", async () => {
    const rfp = await closedRfp();
    const view = await api(eva).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    const [alpha, beta] = view.vendors;
    const saved = await api(eva).saveScores({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      entries: [
        { vendorId: alpha!.id, criterionId: "capability.modality", value: 4, comment: "Three similar mAbs" },
        { vendorId: beta!.id, criterionId: "capability.modality", value: 2.5 },
      ],
    });
    expect(saved.saved.map((s) => s.version)).toEqual([1, 1]);
    const again = await api(eva).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    expect(again.scorecard.version).toBe(1);
    expect(again.scores).toHaveLength(2);
    expect(again.scores.find((s) => s.vendorId === alpha!.id)!.comment).toBe("Three similar mAbs");

    const auto = await fails(
      api(eva).saveScores({
        orgSlug: orgSlug(),
        rfpId: rfp.rfpId,
        entries: [{ vendorId: alpha!.id, criterionId: "pricing.price", value: 5 }],
      }),
    );
    expect(auto.message).toMatch(/scored automatically/);
    const range = await fails(
      api(eva).saveScores({
        orgSlug: orgSlug(),
        rfpId: rfp.rfpId,
        entries: [{ vendorId: alpha!.id, criterionId: "capability.scale", value: 7 }],
      }),
    );
    expect(range.message).toMatch(/from 0 to 5/);
    const foreign = await closedRfp();
    const elsewhere = (await api(eva).get({ orgSlug: orgSlug(), rfpId: foreign.rfpId })).vendors[0]!.id;
    const wrongVendor = await fails(
      api(eva).saveScores({
        orgSlug: orgSlug(),
        rfpId: rfp.rfpId,
        entries: [{ vendorId: elsewhere, criterionId: "capability.scale", value: 3 }],
      }),
    );
    expect(wrongVendor.message).toMatch(/not invited/);
    const asViewer = api(viewer).saveScores({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      entries: [{ vendorId: alpha!.id, criterionId: "capability.scale", value: 3 }],
    });
    expect(code(await fails(asViewer))).toBe("FORBIDDEN");
    const log = await callerFor(lead).audit.list({ orgSlug: orgSlug(), entityType: "Scorecard", limit: 50 });
    const entry = log.items.find((i) => i.action === "scores.saved" && i.actorEmail === eva.email)!;
    expect(Object.keys(entry.changes as object)).toContain("Alpha Bio / Capability / Modality and process fit");
  });

  it("keeps blind scores hidden until an evaluator submits, then freezes theirs", async () => {
    const rfp = await closedRfp();
    const base = await api(lead).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    await api(lead).setup({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      version: 0,
      criteria: base.scorecard.criteria,
      weightMode: "percent",
      aggregation: "mean",
      blind: true,
      scale: { min: 0, max: 5 },
    });
    const alpha = base.vendors[0]!.id;
    await api(eva).saveScores({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      entries: [{ vendorId: alpha, criterionId: "capability.team", value: 4 }],
    });
    await api(ed).saveScores({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      entries: [{ vendorId: alpha, criterionId: "capability.team", value: 3 }],
    });
    const hidden = await api(ed).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    expect(hidden.me.seesAll).toBe(false);
    expect(hidden.input).toBeNull();
    expect(hidden.scores.map((s) => s.evaluatorId)).toEqual([ed.id]);
    await api(ed).submit({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    const shown = await api(ed).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    expect(shown.me.seesAll).toBe(true);
    expect(shown.scores.map((s) => s.evaluatorId).sort()).toEqual([ed.id, eva.id].sort());
    const frozen = await fails(
      api(ed).saveScores({
        orgSlug: orgSlug(),
        rfpId: rfp.rfpId,
        entries: [{ vendorId: alpha, criterionId: "capability.team", value: 5 }],
      }),
    );
    expect(frozen.message).toMatch(/submitted/);
    expect(code(await fails(api(ed).submit({ orgSlug: orgSlug(), rfpId: rfp.rfpId })))).toBe("CONFLICT");
    await api(lead).reopen({ orgSlug: orgSlug(), rfpId: rfp.rfpId, evaluatorId: ed.id });
    await api(ed).saveScores({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      entries: [{ vendorId: alpha, criterionId: "capability.team", value: 5, version: 1 }],
    });
  });

  it("asks for a rationale on each disagreement before the lock, and freezes everything once locked", async () => {
    const rfp = await closedRfp();
    const view = await api(lead).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    const beta = view.vendors[1]!.id;
    await api(eva).saveScores({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      entries: [{ vendorId: beta, criterionId: "quality.systems", value: 1 }],
    });
    await api(ed).saveScores({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      entries: [{ vendorId: beta, criterionId: "quality.systems", value: 5 }],
    });
    const refused = await fails(api(lead).lock({ orgSlug: orgSlug(), rfpId: rfp.rfpId, version: 1 }));
    expect(refused.message).toMatch(/Beta Fill on "Quality systems and audit"/);
    expect(code(await fails(api(eva).lock({ orgSlug: orgSlug(), rfpId: rfp.rfpId, version: 1 })))).toBe("FORBIDDEN");
    await api(lead).rationale({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      vendorId: beta,
      criterionId: "quality.systems",
      text: "Ed audited the site in person; we follow his score.",
    });
    const { version } = await api(lead).lock({ orgSlug: orgSlug(), rfpId: rfp.rfpId, version: 1 });
    expect(version).toBe(2);
    const locked = await fails(
      api(eva).saveScores({
        orgSlug: orgSlug(),
        rfpId: rfp.rfpId,
        entries: [{ vendorId: beta, criterionId: "quality.systems", value: 2 }],
      }),
    );
    expect(locked.message).toMatch(/locked/);
    const noReason = await fails(
      api(lead).unlock({ orgSlug: orgSlug(), rfpId: rfp.rfpId, version: 2, reason: "" } as never),
    );
    expect(code(noReason)).toBe("BAD_REQUEST");
    await api(lead).unlock({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      version: 2,
      reason: "Beta sent a new audit report",
    });
    const log = await callerFor(lead).audit.list({ orgSlug: orgSlug(), entityType: "Scorecard", limit: 50 });
    expect(log.items.find((i) => i.action === "scorecard.unlocked")?.reason).toBe("Beta sent a new audit report");
  });

  it("overrides an automatic score only with a reason, and the override counts", async () => {
    const rfp = await closedRfp();
    const view = await api(lead).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    const gamma = view.vendors[2]!.id;
    await api(lead).override({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      vendorId: gamma,
      criterionId: "pricing.price",
      value: 3,
      reason: "Gamma's missing lines are priced in its cover letter.",
    });
    const after = await api(lead).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    const cell = after.auto.find((a) => a.vendorId === gamma && a.criterionId === "pricing.price")!;
    expect(cell.value).toBe(3);
    expect(cell.override?.reason).toMatch(/cover letter/);
    expect(after.input!.scores).toContainEqual({
      vendorId: gamma,
      criterionId: "pricing.price",
      evaluatorId: "auto",
      value: 3,
    });
    const people = await fails(
      api(lead).override({
        orgSlug: orgSlug(),
        rfpId: rfp.rfpId,
        vendorId: gamma,
        criterionId: "capability.team",
        value: 3,
        reason: "No",
      }),
    );
    expect(code(people)).toBe("BAD_REQUEST");
  });

  it("versions the setup: a stale save is a conflict; removing a criterion removes its scores", async () => {
    const rfp = await closedRfp();
    const view = await api(lead).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    const setup = (version: number, criteria = view.scorecard.criteria) =>
      api(lead).setup({
        orgSlug: orgSlug(),
        rfpId: rfp.rfpId,
        version,
        criteria,
        weightMode: "points",
        aggregation: "median",
        blind: false,
        scale: { min: 0, max: 5 },
      });
    const both = await Promise.allSettled([setup(0), setup(0)]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(code((both.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toBe("CONFLICT");
    await api(eva).saveScores({
      orgSlug: orgSlug(),
      rfpId: rfp.rfpId,
      entries: [{ vendorId: view.vendors[0]!.id, criterionId: "capability.scale", value: 4 }],
    });
    const capability = view.scorecard.criteria[0]!;
    const trimmed = [
      { ...capability, children: capability.children!.filter((c) => c.id !== "capability.scale") },
      ...view.scorecard.criteria.slice(1),
    ];
    const r = await setup(2, trimmed);
    expect(r).toEqual({ version: 3, scoresRemoved: 1 });
    expect(code(await fails(setup(2, trimmed)))).toBe("CONFLICT");
    const dup = await fails(setup(3, [...trimmed, { id: "pricing", name: "Again", weight: 1 }]));
    expect(dup.message).toMatch(/used twice/);
  });

  it("survives twenty saves of the same cell at once: one value, no internal error", async () => {
    const rfp = await closedRfp();
    const view = await api(eva).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        api(eva).saveScores({
          orgSlug: orgSlug(),
          rfpId: rfp.rfpId,
          entries: [{ vendorId: view.vendors[0]!.id, criterionId: "handoff.transfer", value: i % 6 }],
        }),
      ),
    );
    for (const r of results) if (r.status === "rejected") expect(code(r.reason)).toBe("CONFLICT");
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    const after = await api(eva).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    expect(after.scores.filter((s) => s.criterionId === "handoff.transfer")).toHaveLength(1);
  });

  it("gives identical totals on the page, in the XLSX export and from `cdmo scorecard`", async () => {
    const rfp = await closedRfp();
    const view = await api(lead).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId });
    const leaves = ["capability.modality", "capability.scale", "capability.team", "quality.systems", "pricing.terms"];
    for (const [u, offset] of [
      [eva, 0],
      [ed, 1],
      [lead, 2],
    ] as const)
      await api(u).saveScores({
        orgSlug: orgSlug(),
        rfpId: rfp.rfpId,
        entries: view.vendors.flatMap((v, vi) =>
          leaves.map((criterionId, li) => ({ vendorId: v.id, criterionId, value: (vi + li + offset) % 6 })),
        ),
      });
    const input = (await api(viewer).get({ orgSlug: orgSlug(), rfpId: rfp.rfpId })).input!;
    const page = computeScorecard(input).vendors;

    const xlsx = await api(viewer).export({ orgSlug: orgSlug(), rfpId: rfp.rfpId, format: "xlsx" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64!, "base64") as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Comparison")!;
    const totals = (sheet.getRow(2).values as unknown[]).slice(3);
    expect(totals).toEqual(page.map((v) => v.total));

    const cli = await runCdmo(["scorecard"], JSON.stringify(input));
    expect(cli.code).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as { vendors: { vendorId: string; total: number | null }[] };
    expect(fromCli.vendors.map((v) => [v.vendorId, v.total])).toEqual(page.map((v) => [v.vendorId, v.total]));

    const csv = await api(viewer).export({ orgSlug: orgSlug(), rfpId: rfp.rfpId, format: "csv" });
    const totalLine = csv.csv!.split("\r\n")[1]!.split(",");
    expect(totalLine.slice(2).map(Number)).toEqual(page.map((v) => v.total));
  });

  it("fills the default tree from the RFP's weights", () => {
    const tree = defaultCriteria(DEFAULT_WEIGHTS);
    expect(tree.map((c) => c.weight)).toEqual([35, 25, 25, 15]);
    const input: TScorecardInput = {
      scale: { min: 0, max: 5 },
      criteria: tree,
      vendors: ["a"],
      scores: [{ vendorId: "a", criterionId: "capability.team", evaluatorId: "u", value: 5 }],
    };
    expect(
      computeScorecard({
        ...input,
        criteria: tree.map(({ id, weight, children }) => ({
          id,
          weight,
          children: children?.map((c) => ({ id: c.id, weight: c.weight })),
        })),
      }).vendors[0]!.total,
    ).toBe(100);
  });
});
