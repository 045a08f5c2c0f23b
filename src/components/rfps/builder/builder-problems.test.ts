import { describe, expect, it } from "vitest";
import { builderProblems, focusTargetId } from "./builder-problems";
import { newQuestion, type BuilderValues } from "./builder-values";

const values = (over: Partial<BuilderValues> = {}): BuilderValues => ({
  title: "RFP",
  summary: "",
  stages: ["FILL"],
  weights: { capability: 25, quality: 25, pricing: 25, handoff: 25 },
  dueLocal: "",
  timeZone: "UTC",
  sealed: false,
  committeeOpening: false,
  content: { sections: [] },
  ...over,
});

describe("builderProblems", () => {
  it("has nothing to say about a valid document", () => {
    expect(builderProblems(values())).toEqual([]);
  });

  it("says where each problem is and which field to focus", () => {
    const q = { ...newQuestion("single"), prompt: "Pick", options: ["A", "a"] };
    const empty = { ...newQuestion("text"), prompt: " " };
    const problems = builderProblems(
      values({
        title: "",
        weights: { capability: 50, quality: 25, pricing: 25, handoff: 25 },
        dueLocal: "2027-02-30T10:00",
        content: { sections: [{ id: "s1", title: "Quality", description: "", questions: [empty, q] }] },
      }),
    );
    expect(problems).toEqual([
      { message: "Title: give the RFP a title.", path: "title" },
      { message: expect.stringMatching(/^Weights: the weights .* add up to 125%\.$/), path: "weights.capability" },
      { message: expect.stringMatching(/^Due date: /), path: "dueLocal" },
      {
        message: "Section 1, question 1, question text: enter the question.",
        path: "content.sections.0.questions.0.prompt",
      },
      {
        message: "Question 2 in “Quality” lists the option “a” twice.",
        path: "content.sections.0.questions.1.options.1",
      },
    ]);
  });
});

describe("focusTargetId", () => {
  it("falls back to the nearest part that has an element", () => {
    const ids = new Set(["x-content.sections.0.questions.1.prompt", "x-title"]);
    const idOf = (p: string) => `x-${p}`;
    expect(focusTargetId("title", (id) => ids.has(id), idOf)).toBe("x-title");
    expect(focusTargetId("content.sections.0.questions.1.options.1", (id) => ids.has(id), idOf)).toBe(
      "x-content.sections.0.questions.1.prompt",
    );
    expect(focusTargetId("stages", (id) => ids.has(id), idOf)).toBeNull();
  });
});
