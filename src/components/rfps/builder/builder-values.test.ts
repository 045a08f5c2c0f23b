import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, type RfpContent } from "@/server/rfps/content";
import { ZRfpDocument } from "@/server/rfps/edit-schemas";
import { findTemplate } from "@/server/rfps/templates";
import {
  cleanBuilderValues,
  dueAtOf,
  duplicateQuestion,
  duplicateSection,
  newQuestion,
  toBuilderValues,
  withKind,
  type BuilderRfp,
} from "./builder-values";

const template = findTemplate("mab-ds-dp")!;
const rfp = (over: Partial<BuilderRfp> = {}): BuilderRfp => ({
  title: "DS and DP for mAb-12",
  summary: null,
  stages: template.stages,
  weights: template.weights,
  dueAt: null,
  timeZone: "UTC",
  sealed: false,
  committeeOpening: false,
  content: template.content,
  ...over,
});

describe("builder values", () => {
  it("round-trips a whole template: form values clean back to the same document", () => {
    const values = toBuilderValues(rfp(), "Europe/Berlin");
    const doc = ZRfpDocument.parse(cleanBuilderValues(values));
    expect(doc.content).toEqual(ZRfpDocument.shape.content.parse(template.content));
    expect(doc.weights).toEqual(template.weights);
    expect(doc.summary).toBeNull();
  });

  it("proposes the reader's zone for a first due date, and keeps the RFP's once set", () => {
    expect(toBuilderValues(rfp(), "Asia/Tokyo")).toMatchObject({ dueLocal: "", timeZone: "Asia/Tokyo" });
    const set = toBuilderValues(
      rfp({ dueAt: new Date("2027-01-15T16:00:00Z"), timeZone: "Europe/Berlin" }),
      "Asia/Tokyo",
    );
    expect(set).toMatchObject({ dueLocal: "2027-01-15T17:00", timeZone: "Europe/Berlin" });
    expect(cleanBuilderValues(set).dueAt?.toISOString()).toBe("2027-01-15T16:00:00.000Z");
  });

  it("an unreadable due date stays invalid so the schema names the field", () => {
    expect(dueAtOf("", "UTC")).toBeNull();
    expect(Number.isNaN(dueAtOf("2027-02-30T10:00", "UTC")!.getTime())).toBe(true);
    const values = { ...toBuilderValues(rfp(), "UTC"), dueLocal: "2027-02-30T10:00" };
    const r = ZRfpDocument.safeParse(cleanBuilderValues(values));
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["dueAt"]);
  });

  it("keeps only each kind's fields, and turns text boxes into numbers", () => {
    const q = { ...newQuestion("number"), prompt: "Titre", unit: "g/L", min: "0.5", max: "", options: ["left over"] };
    const content: RfpContent = cleanBuilderValues({
      ...toBuilderValues(rfp({ content: { sections: [] } }), "UTC"),
      content: { sections: [{ id: "s", title: "S", description: "", questions: [q] }] },
    }).content;
    expect(content.sections[0]).toEqual({
      id: "s",
      title: "S",
      description: undefined,
      questions: [
        {
          id: q.id,
          kind: "number",
          prompt: "Titre",
          help: undefined,
          required: false,
          unit: "g/L",
          min: 0.5,
          max: undefined,
        },
      ],
    });
  });

  it("switching kinds loses nothing and a choice question gets option boxes", () => {
    const q = { ...newQuestion("text"), prompt: "Which?" };
    const single = withKind(q, "single");
    expect(single).toMatchObject({ kind: "single", prompt: "Which?", options: ["", ""] });
    const back = withKind({ ...single, options: ["A", "B"] }, "text");
    expect(withKind(back, "multi").options).toEqual(["A", "B"]);
  });

  it("copies get fresh ids; a copied price line asks for its stage again", () => {
    const price = { ...newQuestion("price", "FILL"), prompt: "Fill price" };
    const copy = duplicateQuestion(price);
    expect(copy.id).not.toBe(price.id);
    expect(copy).toMatchObject({ kind: "price", prompt: "Fill price", stage: "" });
    const section = { id: "s1", title: "Commercial", description: "", questions: [price, newQuestion("text")] };
    const s2 = duplicateSection(section);
    expect(s2.title).toBe("Commercial (copy)");
    expect(s2.id).not.toBe("s1");
    expect(new Set([...section.questions, ...s2.questions].map((q) => q.id)).size).toBe(4);
  });

  it("weights the server lost fall back to the defaults", () => {
    expect(toBuilderValues(rfp({ weights: null }), "UTC").weights).toEqual(DEFAULT_WEIGHTS);
  });

  it("the committee opening is only sent with sealed bids", () => {
    const v = { ...toBuilderValues(rfp(), "UTC"), sealed: false, committeeOpening: true };
    expect(cleanBuilderValues(v).committeeOpening).toBe(false);
  });
});
