import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_WEIGHTS,
  RFP_LIMITS,
  ZRfpContent,
  ZRfpWeights,
  answerSchemaFor,
  isValidAnswer,
  pruneAnswers,
  rfpContentProblems,
  validateAnswers,
  type Question,
  type RfpContent,
} from "./content";

const SEED = { seed: 20270115, numRuns: 200 };

const q = (over: Partial<Question> & Pick<Question, "kind" | "id">): Question =>
  ({ prompt: `Prompt ${over.id}`, required: false, ...over }) as Question;

const content: RfpContent = {
  sections: [
    {
      id: "s1",
      title: "Technical capability",
      questions: [
        q({ id: "t", kind: "text", required: true, maxLength: 10 }),
        q({ id: "yn", kind: "yesno", required: true }),
        { id: "n", kind: "number", prompt: "Max titre", required: false, unit: "g/L", min: 0, max: 20 },
        { id: "one", kind: "single", prompt: "Scale", required: false, options: ["2000 L", "12000 L"] },
        { id: "many", kind: "multi", prompt: "Suites", required: false, options: ["A", "B", "C"] },
        { id: "f", kind: "file", prompt: "Certificate", required: false, accept: ["pdf"] },
      ],
    },
    {
      id: "s2",
      title: "Commercial",
      questions: [{ id: "p1", kind: "price", prompt: "Price DS", required: true, stage: "DS_CLIN" }],
    },
  ],
};

const messages = (input: unknown) => {
  const r = ZRfpContent.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("ZRfpContent", () => {
  it("accepts a well-formed document", () => {
    expect(ZRfpContent.parse(content)).toEqual(content);
  });

  it("refuses a second price line for the same stage and names the stage", () => {
    const twice = structuredClone(content);
    twice.sections[0]!.questions.push({ id: "p2", kind: "price", prompt: "Again", required: false, stage: "DS_CLIN" });
    const m = messages(twice);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/second price line for Drug substance \(clinical\)/);
  });

  it("refuses duplicate ids across sections and questions", () => {
    const dup = structuredClone(content);
    dup.sections[1]!.questions[0]!.id = "t";
    expect(messages(dup)[0]).toMatch(/same id \(“t”\).*Ids must be unique/);
    const secDup = structuredClone(content);
    secDup.sections[1]!.id = "s1";
    expect(messages(secDup)[0]).toMatch(/Section “Commercial” has the same id/);
  });

  it("refuses duplicate, empty and too many options", () => {
    const dup = structuredClone(content);
    (dup.sections[0]!.questions[3] as { options: string[] }).options = ["A", "a"];
    expect(messages(dup)[0]).toMatch(/Question 4 in “Technical capability” lists the option “a” twice/);
    const empty = structuredClone(content);
    (empty.sections[0]!.questions[3] as { options: string[] }).options = ["A", "  "];
    expect(messages(empty)[0]).toBe("An option cannot be empty.");
    const none = structuredClone(content);
    (none.sections[0]!.questions[3] as { options: string[] }).options = [];
    expect(messages(none)[0]).toBe("Add at least one option.");
    const many = structuredClone(content);
    (many.sections[0]!.questions[3] as { options: string[] }).options = Array.from({ length: 51 }, (_, i) => `o${i}`);
    expect(messages(many)[0]).toBe("At most 50 options.");
  });

  it("bounds sections and the total number of questions", () => {
    const section = (i: number, n: number) => ({
      id: `s${i}`,
      title: `S${i}`,
      questions: Array.from({ length: n }, (_, j) => q({ id: `q${i}_${j}`, kind: "yesno" })),
    });
    expect(messages({ sections: Array.from({ length: 31 }, (_, i) => section(i, 0)) })[0]).toMatch(
      /at most 30 sections/,
    );
    expect(ZRfpContent.safeParse({ sections: Array.from({ length: 30 }, (_, i) => section(i, 13)) }).success).toBe(
      true,
    );
    expect(messages({ sections: Array.from({ length: 20 }, (_, i) => section(i, 21)) })[0]).toBe(
      "An RFP can have at most 400 questions (this one has 420).",
    );
  });

  it("refuses NUL, bad ids, unknown kinds and file types, and min above max", () => {
    const bad = (mut: (c: RfpContent) => void) => {
      const c = structuredClone(content);
      mut(c);
      return ZRfpContent.safeParse(c).success;
    };
    expect(bad((c) => (c.sections[0]!.title = "a\u0000b"))).toBe(false);
    expect(bad((c) => (c.sections[0]!.questions[0]!.id = "has space"))).toBe(false);
    expect(bad((c) => (c.sections[0]!.questions[0]!.id = "__proto__"))).toBe(false);
    expect(bad((c) => (c.sections[0]!.questions[0]!.id = "x".repeat(41)))).toBe(false);
    expect(bad((c) => ((c.sections[0]!.questions[0] as { kind: string }).kind = "essay"))).toBe(false);
    expect(bad((c) => ((c.sections[0]!.questions[5] as { accept: string[] }).accept = ["exe"]))).toBe(false);
    expect(bad((c) => ((c.sections[1]!.questions[0] as { stage: string }).stage = "NOPE"))).toBe(false);
    expect(bad((c) => ((c.sections[0]!.questions[2] as { min: number }).min = 30))).toBe(false);
    expect(bad((c) => (c.sections[0]!.questions[0]!.prompt = "x".repeat(RFP_LIMITS.prompt + 1)))).toBe(false);
  });

  it("never throws and keeps ids unique in whatever it accepts (property)", () => {
    const arbQuestion = fc.record({
      id: fc.constantFrom("a", "b", "c", "d"),
      kind: fc.constantFrom("yesno", "price", "text"),
      prompt: fc.string({ maxLength: 5 }),
      required: fc.boolean(),
      stage: fc.constantFrom("CLD", "PD"),
    });
    const arbContent = fc.record({
      sections: fc.array(
        fc.record({
          id: fc.constantFrom("s1", "s2", "s3"),
          title: fc.string({ maxLength: 5 }),
          questions: fc.array(arbQuestion, { maxLength: 4 }),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(arbContent, (c) => {
        const r = ZRfpContent.safeParse(c);
        if (!r.success) return;
        const ids = r.data.sections.flatMap((s) => [s.id, ...s.questions.map((x) => x.id)]);
        expect(new Set(ids).size).toBe(ids.length);
        const stages = r.data.sections.flatMap((s) =>
          s.questions.flatMap((x) => (x.kind === "price" ? [x.stage] : [])),
        );
        expect(new Set(stages).size).toBe(stages.length);
        expect(rfpContentProblems(r.data)).toEqual([]);
      }),
      SEED,
    );
  });
});

describe("validateAnswers", () => {
  const full = {
    t: "hello",
    yn: true,
    n: { value: 5 },
    one: "2000 L",
    many: ["A", "C"],
    f: { fileIds: ["file_1"] },
    p1: { price: 120000, durationWeeks: 12, minWeeks: 10, maxWeeks: 16, includes: "Two batches" },
  };

  it("accepts a complete, valid response in both modes", () => {
    expect(validateAnswers(content, full, "submit")).toEqual([]);
    expect(validateAnswers(content, full, "draft")).toEqual([]);
  });

  it("on submit names every required question left unanswered", () => {
    const issues = validateAnswers(content, { t: "  ", one: "" }, "submit");
    expect(issues.map((i) => i.questionId).sort()).toEqual(["p1", "t", "yn"]);
    expect(issues.find((i) => i.questionId === "yn")!.message).toBe("“Prompt yn” (Technical capability) is required.");
    // A blank optional answer is "not answered", not a wrong option.
    expect(issues.some((i) => i.questionId === "one")).toBe(false);
  });

  it("draft accepts half-typed values that submit refuses", () => {
    const half = { n: { value: 50 }, p1: { price: 10 }, one: "Renamed option" };
    expect(validateAnswers(content, half, "draft")).toEqual([]);
    const submit = validateAnswers(content, { ...full, ...half }, "submit");
    expect(submit.map((i) => `${i.questionId}.${i.field}`).sort()).toEqual([
      "n.value",
      "one.answer",
      "p1.durationWeeks",
    ]);
    expect(submit.find((i) => i.questionId === "n")!.message).toBe(
      "“Max titre” (Technical capability): must be at most 20 g/L.",
    );
  });

  it("rejects answers to unknown questions, even in a draft", () => {
    const issues = validateAnswers(content, { nope: "x", constructor: "y" }, "draft");
    expect(issues.map((i) => i.questionId).sort()).toEqual(["constructor", "nope"]);
  });

  it("type-checks in draft mode", () => {
    const issues = validateAnswers(
      content,
      { t: 5, yn: "yes", n: { value: "5" }, many: "A", f: { fileIds: ["../etc"] }, p1: { price: -1 } },
      "draft",
    );
    expect(issues.map((i) => i.questionId).sort()).toEqual(["f", "many", "n", "p1", "t", "yn"]);
    expect(issues.find((i) => i.questionId === "p1")).toMatchObject({
      field: "price",
      message: expect.stringMatching(/cannot be negative/),
    });
    expect(validateAnswers(content, { t: "12345678901" }, "draft")[0]!.message).toMatch(/at most 10 characters/);
  });

  it("checks min <= duration <= max for price lines on submit", () => {
    const issues = validateAnswers(
      content,
      { ...full, p1: { price: 1, durationWeeks: 8, minWeeks: 10, maxWeeks: 6 } },
      "submit",
    );
    expect(issues.map((i) => i.field).sort()).toEqual(["maxWeeks", "minWeeks"]);
    const frac = validateAnswers(content, { ...full, p1: { price: 1, durationWeeks: 2.5 } }, "submit");
    expect(frac[0]!.message).toMatch(/whole number of weeks/);
  });

  it("refuses the same option or file twice", () => {
    expect(isValidAnswer(content.sections[0]!.questions[4]!, ["A", "A"])).toBe(false);
    expect(isValidAnswer(content.sections[0]!.questions[5]!, { fileIds: ["x", "x"] })).toBe(false);
    expect(isValidAnswer(content.sections[0]!.questions[5]!, { fileIds: [] })).toBe(false);
  });

  it("a submit-valid answer is always draft-valid (property)", () => {
    const priceQ = content.sections[1]!.questions[0]!;
    const arbPrice = fc.record(
      {
        price: fc.double({ min: -10, max: 1e6 }),
        durationWeeks: fc.integer({ min: -1, max: 600 }),
        minWeeks: fc.integer({ min: 0, max: 600 }),
        maxWeeks: fc.integer({ min: 0, max: 600 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arbPrice, (p) => {
        if (answerSchemaFor(priceQ, "submit").safeParse(p).success) {
          expect(answerSchemaFor(priceQ, "draft").safeParse(p).success).toBe(true);
          expect(p.minWeeks ?? 0).toBeLessThanOrEqual(p.durationWeeks!);
          expect(p.maxWeeks ?? Infinity).toBeGreaterThanOrEqual(p.durationWeeks!);
        }
      }),
      SEED,
    );
  });
});

describe("pruneAnswers", () => {
  it("drops answers to removed questions and options no longer offered", () => {
    const r = pruneAnswers(content, { gone: "x", one: "500 L", many: ["A", "Z"], t: "kept" });
    expect(r.answers).toEqual({ many: ["A"], t: "kept" });
    expect(r.dropped.sort()).toEqual(["gone", "many", "one"]);
  });
});

describe("ZRfpWeights", () => {
  it("accepts the defaults and sums within 0.01", () => {
    expect(ZRfpWeights.parse(DEFAULT_WEIGHTS)).toEqual(DEFAULT_WEIGHTS);
    expect(ZRfpWeights.safeParse({ capability: 33.333, quality: 33.333, pricing: 33.334, handoff: 0 }).success).toBe(
      true,
    );
  });

  it("names the weight at fault", () => {
    const neg = ZRfpWeights.safeParse({ ...DEFAULT_WEIGHTS, handoff: -5, pricing: 45 });
    expect(neg.error!.issues[0]!.message).toBe("The hand-off efficiency weight cannot be negative.");
    const sum = ZRfpWeights.safeParse({ ...DEFAULT_WEIGHTS, pricing: 20 });
    expect(sum.error!.issues[0]!.message).toMatch(/must add up to 100%; they add up to 95%/);
    const missing = ZRfpWeights.safeParse({ capability: 100 });
    expect(missing.error!.issues[0]!.message).toBe("The quality-system history weight must be a number.");
  });
});
