import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { appRouter } from "../api/root";
import { CRITERIA_LIMITS, type Criterion } from "../evaluation/criteria";
import { EVAL_LIMITS, ZSaveScoresInput, ZScorecardSetupInput } from "../evaluation/schemas";
import { ZSaveDraftInput } from "../responses/schemas";
import { DEFAULT_WEIGHTS, RFP_LIMITS } from "../rfps/content-model";
import { ZUpdateRfpInput } from "../rfps/edit-schemas";
import { IMPORT_CHUNK, ZImportStageInput } from "../vendors/schemas";
import { formatBytes, readBodyWithin, TRPC_BODY_LIMITS, trpcBodyLimit } from "./body-limits";

/** The bytes the browser's batch link sends for one call of `path` with `input`. */
const bodyBytes = (input: unknown) => Buffer.byteLength(JSON.stringify({ 0: superjson.serialize(input) }));
const text = (n: number, seed: string | number = "") => `${seed}-`.concat("x".repeat(n)).slice(0, n);
const ID = "cm0000000000000000000000a";

describe("body limits per route", () => {
  it("names only procedures that exist", () => {
    const procedures = Object.keys(appRouter._def.procedures);
    for (const path of Object.keys(TRPC_BODY_LIMITS).filter((p) => p !== "default")) expect(procedures).toContain(path);
  });

  it("gives a request the largest limit of its procedures, and the default to any other", () => {
    expect(trpcBodyLimit(["account.signUp"])).toBe(256 * 1024);
    expect(trpcBodyLimit(["no.such.procedure"])).toBe(256 * 1024);
    expect(trpcBodyLimit([])).toBe(256 * 1024);
    expect(trpcBodyLimit(["account.me", "rfp.update"])).toBe(8 * 1024 * 1024);
    expect(trpcBodyLimit(["toString", "__proto__"])).toBe(256 * 1024);
  });

  it("names limits the way people read them", () => {
    expect(formatBytes(256 * 1024)).toBe("256 KB");
    expect(formatBytes(2 * 1024 * 1024)).toBe("2 MB");
  });

  // The largest inputs each schema accepts (in ASCII) fit under the procedure's limit, so the
  // limit never refuses what the product allows; the schema refuses the rest, with a sentence.
  it("fits the largest response draft: every question answered at the longest text", () => {
    const answers = Object.fromEntries(
      Array.from({ length: RFP_LIMITS.questions }, (_, i) => [`q${i}`, text(RFP_LIMITS.textAnswer, i)]),
    );
    const input = { orgSlug: "northbridge", responseId: ID, version: 1, answers };
    expect(ZSaveDraftInput.safeParse(input).success).toBe(true);
    expect(bodyBytes(input)).toBeGreaterThan(TRPC_BODY_LIMITS.default);
    expect(bodyBytes(input)).toBeLessThan(TRPC_BODY_LIMITS["portal.response.saveDraft"]);
  });

  it("fits the largest RFP: 400 questions with the longest prompts, help texts and 50 options", () => {
    const perSection = RFP_LIMITS.questions / 20;
    const sections = Array.from({ length: 20 }, (_, s) => ({
      id: `s${s}`,
      title: text(RFP_LIMITS.sectionTitle, s),
      description: text(RFP_LIMITS.sectionDescription, s),
      questions: Array.from({ length: perSection }, (_, q) => ({
        id: `s${s}q${q}`,
        kind: "multi" as const,
        prompt: text(RFP_LIMITS.prompt, q),
        help: text(RFP_LIMITS.help, q),
        required: true,
        options: Array.from({ length: RFP_LIMITS.options }, (_, o) => text(RFP_LIMITS.option, o)),
      })),
    }));
    const input = {
      orgSlug: "helix",
      rfpId: ID,
      version: 3,
      title: text(200),
      summary: text(4000),
      stages: [],
      weights: DEFAULT_WEIGHTS,
      dueAt: null,
      timeZone: "Europe/Berlin",
      sealed: false,
      committeeOpening: false,
      content: { sections },
    };
    const parsed = ZUpdateRfpInput.safeParse(input);
    expect(parsed.error?.issues.slice(0, 3) ?? []).toEqual([]);
    expect(bodyBytes(input)).toBeLessThan(TRPC_BODY_LIMITS["rfp.update"]);
  });

  it("fits the largest batch of scores, each with the longest comment", () => {
    const entries = Array.from({ length: EVAL_LIMITS.batch }, (_, i) => ({
      vendorId: `${ID}${i}`,
      criterionId: text(64, i),
      value: 4.5,
      comment: text(EVAL_LIMITS.comment, i),
      version: 12,
    }));
    const input = { orgSlug: "helix", rfpId: ID, entries };
    expect(ZSaveScoresInput.safeParse(input).success).toBe(true);
    expect(bodyBytes(input)).toBeLessThan(TRPC_BODY_LIMITS["evaluation.saveScores"]);
  });

  it("fits the largest scorecard: 60 criteria three deep, every one described and anchored", () => {
    const node = (id: string, children?: Criterion[]): Criterion => ({
      id,
      name: text(CRITERIA_LIMITS.name, id),
      weight: 10,
      description: text(CRITERIA_LIMITS.description, id),
      anchors: Array.from({ length: 11 }, (_, a) => text(CRITERIA_LIMITS.anchor, a)),
      ...(children ? { children } : {}),
    });
    const criteria = Array.from({ length: CRITERIA_LIMITS.leaves }, (_, i) =>
      node(`g${i}`, [node(`g${i}.m`, [node(`g${i}.m.l`)])]),
    );
    const input = {
      orgSlug: "helix",
      rfpId: ID,
      version: 0,
      criteria,
      weightMode: "points",
      aggregation: "mean",
      blind: false,
      scale: { min: 0, max: 10 },
    };
    const parsed = ZScorecardSetupInput.safeParse(input);
    expect(parsed.error?.issues.slice(0, 3) ?? []).toEqual([]);
    expect(bodyBytes(input)).toBeGreaterThan(TRPC_BODY_LIMITS.default);
    expect(bodyBytes(input)).toBeLessThan(TRPC_BODY_LIMITS["evaluation.setup"]);
  });

  it("fits an import chunk of 1,000 FDA rows with generous values", () => {
    const header = ["FEI Number", "Legal Name", "City", "State", "Country/Area", "Fiscal Year"]
      .concat(["Inspection End Date", "Classification", "Product Type", "Project Area", "Posted Citations"])
      .concat(["Zip", "District", "Additional Details"]);
    const rows = Array.from({ length: IMPORT_CHUNK }, (_, i) => ({
      line: i + 2,
      data: Object.fromEntries(header.map((h) => [h, text(h === "Additional Details" ? 400 : 60, i)])),
    }));
    const input = { orgSlug: "helix", importId: ID, rows };
    expect(ZImportStageInput.safeParse(input).success).toBe(true);
    expect(bodyBytes(input)).toBeLessThan(TRPC_BODY_LIMITS["vendors.importStage"]);
  });
});

/** A body of `total` bytes sent in 16 KB chunks without a Content-Length; counts the chunks pulled. */
function chunked(total: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      const left = total - pulled * 16384;
      if (left <= 0) return c.close();
      pulled++;
      c.enqueue(new Uint8Array(Math.min(16384, left)));
    },
  });
  const req = new Request("http://localhost/x", { method: "POST", body: stream, ...({ duplex: "half" } as object) });
  return { req, pulled: () => pulled };
}

describe("readBodyWithin", () => {
  it("refuses a declared Content-Length over the limit without reading", async () => {
    const req = new Request("http://localhost/x", {
      method: "POST",
      body: "x".repeat(11),
      headers: { "content-length": "11" },
    });
    expect(await readBodyWithin(req, 10)).toBeNull();
    expect(req.bodyUsed).toBe(false);
  });

  it("accepts a body of exactly the limit, and reads every byte of it", async () => {
    const { req } = chunked(100_000);
    expect((await readBodyWithin(req, 100_000))?.byteLength).toBe(100_000);
  });

  it("stops reading a chunked body at the first chunk over the limit", async () => {
    const { req, pulled } = chunked(10 * 1024 * 1024);
    expect(await readBodyWithin(req, 100_000)).toBeNull();
    expect(pulled()).toBeLessThan(10);
  });
});
