import { describe, expect, it } from "vitest";
import { MODALITY_CODES, STAGE_CODES } from "../vendors/catalog";
import { ZRfpContent, ZRfpWeights, allQuestions } from "./content";
import { publishProblems } from "./lifecycle";
import { RFP_TEMPLATES, findTemplate } from "./templates";

describe("shipped templates", () => {
  it("are the five the product promises, with unique keys", () => {
    expect(RFP_TEMPLATES.map((t) => t.key)).toEqual(["mab-ds-dp", "adc", "aav", "mrna-lnp", "fill-finish"]);
  });

  it.each(RFP_TEMPLATES.map((t) => [t.key, t] as const))("%s is a valid, publishable document", (_key, t) => {
    const parsed = ZRfpContent.safeParse(t.content);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    // Parsing changes nothing: the template is already in its stored form (trimmed, no stray keys).
    expect(parsed.data).toEqual(t.content);
    expect(ZRfpWeights.safeParse(t.weights).success).toBe(true);
    if (t.modality !== null) expect(MODALITY_CODES).toContain(t.modality);
    for (const s of t.stages) expect(STAGE_CODES).toContain(s);
    const dueAt = new Date(Date.now() + 7 * 86_400_000);
    expect(
      publishProblems({ title: t.name, dueAt, content: t.content, weights: t.weights, stages: t.stages }, new Date()),
    ).toEqual([]);
  });

  it.each(RFP_TEMPLATES.map((t) => [t.key, t] as const))(
    "%s prices exactly its stages, in order, all required",
    (_k, t) => {
      const prices = allQuestions(t.content).flatMap(({ question: q }) => (q.kind === "price" ? [q] : []));
      expect(prices.map((q) => q.stage)).toEqual(t.stages);
      expect(prices.every((q) => q.required)).toBe(true);
      expect(t.content.sections.map((s) => s.title)).toEqual([
        "Company and quality system",
        "Technical capability",
        "Capacity and timeline",
        "Commercial",
      ]);
    },
  );

  it("keeps ids stable (seeds and tests refer to them)", () => {
    const ids = allQuestions(findTemplate("mab-ds-dp")!.content).map((x) => x.question.id);
    expect(ids).toContain("tc-platform-titre");
    expect(ids).toContain("price-ds-clin");
    expect(ids).toContain("qs-inspections");
  });

  it("hands out copies, so an edit never changes the shipped template", () => {
    const t = findTemplate("adc")!;
    t.content.sections[0]!.title = "Edited";
    expect(findTemplate("adc")!.content.sections[0]!.title).toBe("Company and quality system");
    expect(findTemplate("nope")).toBeUndefined();
  });
});
