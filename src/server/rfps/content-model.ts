// The RFP document's limits, labels and plain helpers, without zod: pages that only show or
// count questions load this instead of the schemas in ./content, which re-exports all of it.
import type { Question, RfpContent, RfpWeights, Section } from "./content";

export type {
  FileQuestion,
  MultiQuestion,
  NumberQuestion,
  PriceQuestion,
  Question,
  RfpContent,
  RfpWeights,
  Section,
  SingleQuestion,
  TextQuestion,
} from "./content";

export const RFP_LIMITS = {
  sections: 30,
  questions: 400,
  options: 50,
  sectionTitle: 200,
  sectionDescription: 4000,
  prompt: 1000,
  help: 4000,
  option: 200,
  unit: 40,
  /** Longest free-text answer when the question sets no shorter limit. */
  textAnswer: 20_000,
  includes: 4000,
  filesPerAnswer: 20,
  /** Durations are bounded to ten years of weeks. */
  weeks: 520,
  /** Prices are bounded so sums over hundreds of lines stay exact in a double. */
  price: 1e12,
} as const;

export const FILE_TYPES = ["pdf", "docx", "xlsx", "csv", "txt", "png", "jpg"] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const QUESTION_KINDS = ["text", "yesno", "number", "single", "multi", "file", "price"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** What the builder calls each kind. */
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  text: "Free text",
  yesno: "Yes / no",
  number: "Number with unit",
  single: "Single choice",
  multi: "Multiple choice",
  file: "File upload",
  price: "Price line",
};

export const NUMBER_ROLES = ["bundleRate", "bundleMinStages"] as const;
export type NumberRole = (typeof NUMBER_ROLES)[number];

export const EMPTY_CONTENT: RfpContent = { sections: [] };

/** Every question with its section, in document order. */
export function allQuestions(content: RfpContent): { section: Section; question: Question }[] {
  return content.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
}

export function questionCount(content: RfpContent): number {
  return content.sections.reduce((n, s) => n + s.questions.length, 0);
}

export type NumberAnswer = { value: number };
export type FileAnswer = { fileIds: string[] };
export type PriceAnswer = {
  price: number;
  durationWeeks: number;
  minWeeks?: number;
  maxWeeks?: number;
  includes?: string;
};
export type AnswerValue = string | boolean | string[] | NumberAnswer | FileAnswer | PriceAnswer;
export type Answers = Record<string, AnswerValue>;

/** Whether a value counts as "not answered" (cleared fields are stored as null or left out). */
export function isBlankAnswer(question: Question, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  switch (question.kind) {
    case "text":
    case "single":
      return typeof value === "string" && value.trim() === "";
    case "multi":
      return Array.isArray(value) && value.length === 0;
    case "file":
      return typeof value === "object" && Array.isArray((value as FileAnswer).fileIds)
        ? (value as FileAnswer).fileIds.length === 0
        : false;
    case "number":
      return typeof value === "object" && (value as { value?: unknown }).value === undefined;
    case "price": {
      const p = value as Partial<PriceAnswer>;
      return typeof p === "object" && p.price === undefined && p.durationWeeks === undefined;
    }
    default:
      return false;
  }
}

export const WEIGHT_KEYS = ["capability", "quality", "pricing", "handoff"] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];

export const WEIGHT_LABELS: Record<WeightKey, string> = {
  capability: "Capability",
  quality: "Quality-system history",
  pricing: "Pricing",
  handoff: "Hand-off efficiency",
};

export const DEFAULT_WEIGHTS: RfpWeights = { capability: 35, quality: 25, pricing: 25, handoff: 15 };
