import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeness } from "./completeness";
import { allQuestions, validateAnswers, type AnswerValue, type Question, type RfpContent } from "./content";
import { RFP_TEMPLATES } from "./templates";

const content: RfpContent = {
  sections: [
    {
      id: "s1",
      title: "Technical capability",
      questions: [
        { id: "t", kind: "text", prompt: "Describe", required: true },
        { id: "n", kind: "number", prompt: "Titre", required: false, unit: "g/L", max: 20 },
        { id: "one", kind: "single", prompt: "Scale", required: true, options: ["A", "B"] },
      ],
    },
    {
      id: "s2",
      title: "Commercial",
      questions: [{ id: "p", kind: "price", prompt: "DS", required: true, stage: "PD" }],
    },
  ],
};

describe("completeness", () => {
  it("counts nothing for an empty response and lists every required question in order", () => {
    const c = completeness(content, {});
    expect(c).toMatchObject({ requiredTotal: 3, requiredAnswered: 0, answeredTotal: 0, total: 4, percent: 0 });
    expect(c.missing).toEqual([
      { questionId: "t", sectionTitle: "Technical capability", prompt: "Describe", reason: "unanswered" },
      { questionId: "one", sectionTitle: "Technical capability", prompt: "Scale", reason: "unanswered" },
      { questionId: "p", sectionTitle: "Commercial", prompt: "DS", reason: "unanswered" },
    ]);
  });

  it("counts only answers that pass their kind's full schema", () => {
    const c = completeness(content, { t: "ok", n: { value: 50 }, one: "Z", p: { price: 5 } });
    expect(c).toMatchObject({ requiredAnswered: 1, answeredTotal: 1, percent: 33 });
    expect(c.missing.map((m) => `${m.questionId}:${m.reason}`)).toEqual(["one:invalid", "p:invalid"]);
    const done = completeness(content, { t: "ok", one: "A", p: { price: 5, durationWeeks: 3 } });
    expect(done).toMatchObject({ requiredAnswered: 3, answeredTotal: 3, percent: 100, missing: [] });
  });

  it("rounds down, so 100% only when complete; with no required question it measures all", () => {
    const many: RfpContent = {
      sections: [
        {
          id: "s",
          title: "S",
          questions: Array.from({ length: 400 }, (_, i) => ({
            id: `q${i}`,
            kind: "yesno" as const,
            prompt: "?",
            required: true,
          })),
        },
      ],
    };
    const answers = Object.fromEntries(Array.from({ length: 399 }, (_, i) => [`q${i}`, true]));
    expect(completeness(many, answers).percent).toBe(99);
    const optional: RfpContent = {
      sections: [{ id: "s", title: "S", questions: [{ ...content.sections[0]!.questions[1]! }] }],
    };
    expect(completeness(optional, {}).percent).toBe(0);
    expect(completeness(optional, { n: { value: 1 } }).percent).toBe(100);
    expect(completeness({ sections: [] }, {}).percent).toBe(100);
  });

  it.each(RFP_TEMPLATES.map((t) => [t.key, t] as const))(
    "agrees with submit validation on template %s (property)",
    (_key, t) => {
      const questions = allQuestions(t.content).map((x) => x.question);
      fc.assert(
        fc.property(fc.subarray(questions), (answered) => {
          const answers = Object.fromEntries(answered.map((q) => [q.id, validAnswer(q)]));
          const c = completeness(t.content, answers);
          const unanswered = questions.filter((q) => q.required && !answered.includes(q)).map((q) => q.id);
          expect(c.missing.map((m) => m.questionId)).toEqual(unanswered);
          expect(validateAnswers(t.content, answers, "submit").map((i) => i.questionId)).toEqual(unanswered);
          expect(c.answeredTotal).toBe(answered.length);
          expect(c.requiredAnswered + c.missing.length).toBe(c.requiredTotal);
        }),
        { seed: 3, numRuns: 60 },
      );
    },
  );
});

function validAnswer(q: Question): AnswerValue {
  switch (q.kind) {
    case "text":
      return "An answer";
    case "yesno":
      return false;
    case "number":
      return { value: q.min ?? 0 };
    case "single":
      return q.options[0]!;
    case "multi":
      return q.options.slice(0, 2);
    case "file":
      return { fileIds: ["file_1"] };
    case "price":
      return { price: 0, durationWeeks: 4, minWeeks: 4 };
  }
}
