// The RFP document stored as JSON in `Rfp.content` (sections of questions), the answers a CDMO
// gives to it, and the evaluation weights. Browser-safe (zod, the catalogue and the shared text
// blocks only): the builder, the response editor and the server all validate with these.
//
// Invariants the rest of the product relies on: question ids are unique across the document
// (answers are keyed by them), section ids too, and there is at most one price line per stage
// (the matrix and the portfolio model read "the price for stage X").
import { z } from "zod";
import { bareMessage, zId, zText } from "../validation";
import { STAGES, STAGE_CODES, type StageCode } from "../vendors/catalog";
import {
  FILE_TYPES,
  NUMBER_ROLES,
  RFP_LIMITS,
  WEIGHT_KEYS,
  WEIGHT_LABELS,
  allQuestions,
  isBlankAnswer,
  type AnswerValue,
  type WeightKey,
} from "./content-model";

export * from "./content-model";

const RESERVED_IDS = new Set(["__proto__", "constructor", "prototype"]);

/** Section and question ids: short, URL- and DOM-safe (see `newId` in copy.ts). */
export const zContentId = z
  .string()
  .min(1, "Required.")
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, "Must be letters, digits, '_' or '-'.")
  // Ids become keys of the answers object; these would reach Object.prototype instead.
  .refine((id) => !RESERVED_IDS.has(id), "This id is reserved.");

const zPrompt = zText({ min: 1, max: RFP_LIMITS.prompt, minMessage: "Enter the question.", multiline: true });
const zHelp = zText({ max: RFP_LIMITS.help, multiline: true }).optional();
const zOption = zText({ min: 1, max: RFP_LIMITS.option, minMessage: "An option cannot be empty." });
const zOptions = z
  .array(zOption)
  .min(1, "Add at least one option.")
  .max(RFP_LIMITS.options, `At most ${RFP_LIMITS.options} options.`);
const finite = z.number().refine(Number.isFinite, "Must be a finite number.");

const base = {
  id: zContentId,
  prompt: zPrompt,
  help: zHelp,
  required: z.boolean(),
};

export const ZTextQuestion = z.object({
  ...base,
  kind: z.literal("text"),
  maxLength: z.number().int().min(1).max(RFP_LIMITS.textAnswer).optional(),
});
export const ZYesNoQuestion = z.object({ ...base, kind: z.literal("yesno") });
/** Number questions the portfolio model reads: a response's bundle discount (percent, and from how many stages). */
export const ZNumberQuestion = z.object({
  ...base,
  kind: z.literal("number"),
  unit: zText({ max: RFP_LIMITS.unit }),
  min: finite.optional(),
  max: finite.optional(),
  /** What the portfolio model reads from the answer (ids change when an RFP is copied; a role does not). */
  role: z.enum(NUMBER_ROLES).optional(),
});
export const ZSingleQuestion = z.object({ ...base, kind: z.literal("single"), options: zOptions });
export const ZMultiQuestion = z.object({ ...base, kind: z.literal("multi"), options: zOptions });
export const ZFileQuestion = z.object({
  ...base,
  kind: z.literal("file"),
  accept: z.array(z.enum(FILE_TYPES)).max(FILE_TYPES.length).optional(),
});
export const ZPriceQuestion = z.object({ ...base, kind: z.literal("price"), stage: z.enum(STAGE_CODES) });

export const ZQuestion = z.discriminatedUnion(
  "kind",
  [ZTextQuestion, ZYesNoQuestion, ZNumberQuestion, ZSingleQuestion, ZMultiQuestion, ZFileQuestion, ZPriceQuestion],
  { error: "Must be a question type: text, yesno, number, single, multi, file or price." },
);

export const ZSection = z.object({
  id: zContentId,
  title: zText({ min: 1, max: RFP_LIMITS.sectionTitle, minMessage: "Give the section a title." }),
  description: zText({ max: RFP_LIMITS.sectionDescription, multiline: true }).optional(),
  // The total across sections is checked below; this bound only stops a huge array early.
  questions: z.array(ZQuestion).max(RFP_LIMITS.questions, `An RFP can have at most ${RFP_LIMITS.questions} questions.`),
});

export type Question = z.output<typeof ZQuestion>;
export type TextQuestion = z.output<typeof ZTextQuestion>;
export type NumberQuestion = z.output<typeof ZNumberQuestion>;
export type SingleQuestion = z.output<typeof ZSingleQuestion>;
export type MultiQuestion = z.output<typeof ZMultiQuestion>;
export type FileQuestion = z.output<typeof ZFileQuestion>;
export type PriceQuestion = z.output<typeof ZPriceQuestion>;
export type Section = z.output<typeof ZSection>;
export type RfpContent = { sections: Section[] };

export type ContentProblem = { path: (string | number)[]; message: string };

const stageLabel = (code: StageCode) => STAGES.find((s) => s.code === code)?.label ?? code;
const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "Question 3 in “Technical capability”" — how messages point at a question. */
function questionName(section: Section, qi: number) {
  return `Question ${qi + 1} in “${short(section.title)}”`;
}

/**
 * Everything wrong with a well-typed document that the per-field schemas cannot see: totals,
 * duplicate ids, duplicate options, one price line per stage, number ranges. Each message is a
 * sentence in the builder's words; `path` points at the field for inline display.
 */
export function rfpContentProblems(content: RfpContent): ContentProblem[] {
  const out: ContentProblem[] = [];
  const { sections } = content;
  if (sections.length > RFP_LIMITS.sections)
    out.push({ path: ["sections"], message: `An RFP can have at most ${RFP_LIMITS.sections} sections.` });
  const total = sections.reduce((n, s) => n + s.questions.length, 0);
  if (total > RFP_LIMITS.questions)
    out.push({
      path: ["sections"],
      message: `An RFP can have at most ${RFP_LIMITS.questions} questions (this one has ${total}).`,
    });

  const ids = new Map<string, string>();
  const claim = (id: string, what: string, path: (string | number)[]) => {
    const first = ids.get(id);
    if (first) out.push({ path, message: `${what} has the same id (“${id}”) as ${first}. Ids must be unique.` });
    else ids.set(id, what.toLowerCase());
  };
  const priceStages = new Map<StageCode, string>();

  sections.forEach((section, si) => {
    claim(section.id, `Section “${short(section.title)}”`, ["sections", si, "id"]);
    section.questions.forEach((q, qi) => {
      const name = questionName(section, qi);
      const at = (...rest: (string | number)[]) => ["sections", si, "questions", qi, ...rest];
      claim(q.id, name, at("id"));
      if (q.kind === "single" || q.kind === "multi") {
        const seen = new Set<string>();
        q.options.forEach((o, oi) => {
          const key = o.toLowerCase();
          if (seen.has(key))
            out.push({ path: at("options", oi), message: `${name} lists the option “${short(o)}” twice.` });
          seen.add(key);
        });
      }
      if (q.kind === "number" && q.min !== undefined && q.max !== undefined && q.min > q.max)
        out.push({ path: at("max"), message: `${name}: the maximum (${q.max}) is below the minimum (${q.min}).` });
      if (q.kind === "file" && q.accept && new Set(q.accept).size !== q.accept.length)
        out.push({ path: at("accept"), message: `${name} lists a file type twice.` });
      if (q.kind === "price") {
        const first = priceStages.get(q.stage);
        if (first)
          out.push({
            path: at("stage"),
            message: `${name} is a second price line for ${stageLabel(q.stage)} (${first} is the first). Each stage has one price line.`,
          });
        else priceStages.set(q.stage, name.toLowerCase());
      }
    });
  });
  return out;
}

export const ZRfpContent = z
  .object({
    sections: z.array(ZSection).max(RFP_LIMITS.sections, `An RFP can have at most ${RFP_LIMITS.sections} sections.`),
  })
  .superRefine((content, ctx) => {
    for (const p of rfpContentProblems(content)) ctx.addIssue({ code: "custom", message: p.message, path: p.path });
  });

// ---------- answers ----------

export type AnswerMode = "draft" | "submit";

const weeks = (label: string) =>
  z
    .number({ error: `${label} must be a number of weeks.` })
    .int(`${label} must be a whole number of weeks.`)
    .min(1, `${label} must be at least 1 week.`)
    .max(RFP_LIMITS.weeks, `${label} must be at most ${RFP_LIMITS.weeks} weeks.`);

const zPriceFields = {
  price: z
    .number({ error: "The price must be a number." })
    .refine(Number.isFinite, "The price must be a finite number.")
    .min(0, "The price cannot be negative.")
    .max(RFP_LIMITS.price, "The price is too large."),
  durationWeeks: weeks("The duration"),
  minWeeks: weeks("The shortest duration").optional(),
  maxWeeks: weeks("The longest duration").optional(),
  includes: zText({ max: RFP_LIMITS.includes, multiline: true }).optional(),
};

/**
 * The schema one question's answer must pass. "submit" checks everything (options offered,
 * number range, min <= duration <= max, all price fields). "draft" checks types and storage
 * bounds only, so autosave keeps whatever is half-typed (a price without its duration yet, a
 * number still below the minimum, an option the sponsor has since renamed).
 */
export function answerSchemaFor(question: Question, mode: AnswerMode = "submit"): z.ZodType<AnswerValue> {
  // Building a zod schema (and compiling its first parse) costs far more than the parse itself,
  // and the matrix checks every answer of every vendor: schemas are kept per distinct question
  // shape, which is all they depend on.
  const key = JSON.stringify([
    mode,
    question.kind,
    "maxLength" in question ? question.maxLength : null,
    "min" in question ? question.min : null,
    "max" in question ? question.max : null,
    "unit" in question ? question.unit : null,
    "options" in question ? question.options : null,
  ]);
  let schema = answerSchemas.get(key);
  if (!schema) {
    if (answerSchemas.size >= ANSWER_SCHEMAS_KEPT) answerSchemas.clear();
    schema = buildAnswerSchema(question, mode);
    answerSchemas.set(key, schema);
  }
  return schema;
}

const ANSWER_SCHEMAS_KEPT = 2000;
const answerSchemas = new Map<string, z.ZodType<AnswerValue>>();

function buildAnswerSchema(question: Question, mode: AnswerMode): z.ZodType<AnswerValue> {
  const submit = mode === "submit";
  switch (question.kind) {
    case "text":
      return zText({
        max: question.maxLength ?? RFP_LIMITS.textAnswer,
        multiline: true,
        maxMessage: `At most ${(question.maxLength ?? RFP_LIMITS.textAnswer).toLocaleString("en")} characters.`,
      });
    case "yesno":
      return z.boolean({ error: "Answer yes or no." });
    case "number": {
      let n = z.number({ error: "Enter a number." }).refine(Number.isFinite, "Enter a finite number.");
      if (submit && question.min !== undefined)
        n = n.refine((v) => v >= question.min!, `Must be at least ${question.min} ${question.unit}`.trim() + ".");
      if (submit && question.max !== undefined)
        n = n.refine((v) => v <= question.max!, `Must be at most ${question.max} ${question.unit}`.trim() + ".");
      return z.object({ value: n });
    }
    case "single": {
      const s = zText({ max: RFP_LIMITS.option });
      return submit ? s.refine((v) => question.options.includes(v), "Choose one of the options offered.") : s;
    }
    case "multi": {
      const item = zText({ max: RFP_LIMITS.option });
      return z
        .array(submit ? item.refine((v) => question.options.includes(v), "Choose among the options offered.") : item)
        .max(RFP_LIMITS.options)
        .refine((a) => new Set(a).size === a.length, "Each option can be chosen once.");
    }
    case "file":
      return z.object({
        fileIds: z
          .array(zId)
          .max(RFP_LIMITS.filesPerAnswer, `At most ${RFP_LIMITS.filesPerAnswer} files per question.`)
          .refine((a) => new Set(a).size === a.length, "The same file is attached twice."),
      });
    case "price":
      if (!submit)
        return z.object({
          price: zPriceFields.price.optional(),
          durationWeeks: zPriceFields.durationWeeks.optional(),
          minWeeks: zPriceFields.minWeeks,
          maxWeeks: zPriceFields.maxWeeks,
          includes: zPriceFields.includes,
        }) as z.ZodType<AnswerValue>;
      return z.object(zPriceFields).superRefine((p, ctx) => {
        if (p.minWeeks !== undefined && p.minWeeks > p.durationWeeks)
          ctx.addIssue({
            code: "custom",
            path: ["minWeeks"],
            message: "The shortest duration cannot be longer than the expected duration.",
          });
        if (p.maxWeeks !== undefined && p.maxWeeks < p.durationWeeks)
          ctx.addIssue({
            code: "custom",
            path: ["maxWeeks"],
            message: "The longest duration cannot be shorter than the expected duration.",
          });
      });
  }
}

export type AnswerIssue = {
  questionId: string;
  /** The part of the answer at fault ("answer" for the whole value; "price", "durationWeeks"... for price lines). */
  field: string;
  message: string;
};

/** A loose envelope for answers as they arrive (ids and a bound on entries); validateAnswers checks each value. */
export const ZAnswersInput = z
  .record(zContentId, z.unknown())
  .refine((a) => Object.keys(a).length <= RFP_LIMITS.questions, `At most ${RFP_LIMITS.questions} answers.`);

/**
 * Every problem with `answers` against `content`, as sentences naming the question. Draft:
 * types and storage bounds, and no answers to questions the RFP does not have. Submit: also
 * every value checked in full and every required question answered. Empty list = valid.
 */
export function validateAnswers(
  content: RfpContent,
  answers: Record<string, unknown>,
  mode: AnswerMode,
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const byId = new Map(allQuestions(content).map((x) => [x.question.id, x] as const));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id))
      issues.push({
        questionId: id,
        field: "answer",
        message: "This question is no longer in the RFP. Reload the page.",
      });
  }
  for (const { section, question } of byId.values()) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const name = `“${short(question.prompt)}” (${short(section.title, 40)})`;
    const blank = isBlankAnswer(question, value);
    if (blank && mode === "submit" && question.required)
      issues.push({ questionId: question.id, field: "answer", message: `${name} is required.` });
    if (value === undefined || value === null) continue;
    // A blank value ("" or an empty list) is only type-checked: it is "not answered", not wrong.
    const r = answerSchemaFor(question, blank ? "draft" : mode).safeParse(value);
    if (r.success) continue;
    const seen = new Set<string>();
    for (const issue of r.error.issues) {
      const field = typeof issue.path[0] === "string" ? issue.path[0] : "answer";
      if (seen.has(field)) continue;
      seen.add(field);
      issues.push({ questionId: question.id, field, message: `${name}: ${lowerFirst(bareMessage(issue))}` });
    }
  }
  return issues;
}

const lowerFirst = (s: string) => (s.length > 1 && /[a-z ]/.test(s[1]!) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** Whether an answer passes its kind's full (submit) schema: what completeness and the matrix count. */
export function isValidAnswer(question: Question, value: unknown): boolean {
  return !isBlankAnswer(question, value) && answerSchemaFor(question, "submit").safeParse(value).success;
}

/**
 * Answers that still fit the content after the sponsor edited it: drops answers to removed
 * questions, and options no longer offered. Used before a draft is saved against a newer version.
 */
export function pruneAnswers(
  content: RfpContent,
  answers: Record<string, unknown>,
): {
  answers: Record<string, unknown>;
  dropped: string[];
} {
  const byId = new Map(allQuestions(content).map((x) => [x.question.id, x.question] as const));
  const out: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) {
      dropped.push(id);
      continue;
    }
    if (q.kind === "single" && typeof value === "string" && value && !q.options.includes(value)) {
      dropped.push(id);
      continue;
    }
    if (q.kind === "multi" && Array.isArray(value)) {
      const kept = value.filter((v) => typeof v === "string" && q.options.includes(v));
      if (kept.length !== value.length) dropped.push(id);
      out[id] = kept;
      continue;
    }
    out[id] = value;
  }
  return { answers: out, dropped };
}

// ---------- evaluation weights ----------

const weight = (k: WeightKey) =>
  z
    .number({ error: `The ${WEIGHT_LABELS[k].toLowerCase()} weight must be a number.` })
    .refine(Number.isFinite, `The ${WEIGHT_LABELS[k].toLowerCase()} weight must be a finite number.`)
    .min(0, `The ${WEIGHT_LABELS[k].toLowerCase()} weight cannot be negative.`)
    .max(100, `The ${WEIGHT_LABELS[k].toLowerCase()} weight cannot be above 100%.`);

/** Evaluation weights in percent; they must add up to 100 (within 0.01 for rounding). */
export const ZRfpWeights = z
  .object({
    capability: weight("capability"),
    quality: weight("quality"),
    pricing: weight("pricing"),
    handoff: weight("handoff"),
  })
  .superRefine((w, ctx) => {
    const sum = WEIGHT_KEYS.reduce((n, k) => n + w[k], 0);
    if (Math.abs(sum - 100) > 0.01)
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `The weights (capability, quality-system history, pricing, hand-off efficiency) must add up to 100%; they add up to ${Math.round(sum * 100) / 100}%.`,
      });
  });

export type RfpWeights = z.output<typeof ZRfpWeights>;
