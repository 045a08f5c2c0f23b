import { describe, expect, it } from "vitest";
import { allQuestions, ZRfpContent, type RfpContent } from "./content";
import { publishProblems } from "./lifecycle";
import { blankContent, defaultScope, fitPriceLines } from "./scope";
import { findTemplate } from "./templates";

const prices = (c: RfpContent) =>
  allQuestions(c).flatMap(({ question: q }) => (q.kind === "price" ? [q.stage as string] : []));

describe("RFP scope", () => {
  it("defaults to the programme's stages the source covers, in programme order", () => {
    const programme = ["CLD", "PD", "DS_CLIN", "FILL", "QC"] as const;
    expect(defaultScope(programme)).toEqual([...programme]);
    expect(defaultScope(programme, ["QC", "FILL", "LYO", "PACK"])).toEqual(["FILL", "QC"]);
    // Nothing in common: the programme's stages rather than an RFP that asks for nothing.
    expect(defaultScope(["CLD"], ["FILL"])).toEqual(["CLD"]);
  });

  it("drops price lines outside the scope and adds the missing ones beside the others", () => {
    const t = findTemplate("mab-ds-dp")!;
    const fitted = fitPriceLines(t.content, ["PD", "DS_CLIN", "DS_COMM", "FILL"]);
    expect(prices(fitted)).toEqual(["PD", "DS_CLIN", "FILL", "DS_COMM"]);
    const commercial = fitted.sections.find((s) => s.title === "Commercial")!;
    // The added line follows the last price line, before the commercial terms.
    expect(commercial.questions.map((q) => q.kind).slice(0, 5)).toEqual(["price", "price", "price", "price", "text"]);
    // Questions that are not price lines are all still there, and the template is unchanged.
    const others = (c: RfpContent) => allQuestions(c).filter((x) => x.question.kind !== "price").length;
    expect(others(fitted)).toBe(others(t.content));
    expect(prices(findTemplate("mab-ds-dp")!.content)).toEqual(t.stages);
    expect(ZRfpContent.safeParse(fitted).success).toBe(true);
    const dueAt = new Date(Date.now() + 14 * 86_400_000);
    const stages = ["PD", "DS_CLIN", "DS_COMM", "FILL"];
    expect(publishProblems({ title: "x", dueAt, content: fitted, stages }, new Date())).toEqual([]);
  });

  it("gives a document without price lines a Prices section, and keeps one line per stage", () => {
    const none: RfpContent = { sections: [{ id: "s1", title: "About you", questions: [] }] };
    const fitted = fitPriceLines(none, ["FILL", "QC"]);
    expect(fitted.sections.map((s) => s.title)).toEqual(["About you", "Prices"]);
    expect(prices(fitted)).toEqual(["FILL", "QC"]);
    const twice = fitPriceLines({ sections: [...fitted.sections, ...fitted.sections] }, ["FILL", "QC"]);
    expect(prices(twice)).toEqual(["FILL", "QC"]);
  });

  it("builds a blank RFP that is only a price line per stage, with fresh ids", () => {
    const a = blankContent(["PD", "FILL"]);
    const b = blankContent(["PD", "FILL"]);
    expect(prices(a)).toEqual(["PD", "FILL"]);
    expect(ZRfpContent.safeParse(a).success).toBe(true);
    expect(allQuestions(a)[0]!.question.id).not.toBe(allQuestions(b)[0]!.question.id);
  });
});
