// What the builder's form holds and how it becomes the document the server stores. Text boxes
// hold strings (so "" is "not given" and half-typed numbers survive), every question carries the
// fields of every kind (switching the kind back and forth loses nothing), and `clean` turns it
// into the server's shape for the same zod schema the server runs.
import {
  DEFAULT_WEIGHTS,
  type FileType,
  type Question,
  type QuestionKind,
  type RfpContent,
  type RfpWeights,
  type Section,
} from "@/server/rfps/content-model";
import type { NumberRole } from "@/server/rfps/content";
import { newId } from "@/server/rfps/copy";
import type { RfpDocument } from "@/server/rfps/edit-schemas";
import { utcToZonedLocal, zonedLocalToUtc } from "@/server/rfps/time-zone";
import type { StageCode } from "@/server/vendors/catalog";

export type QuestionValues = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  help: string;
  required: boolean;
  /** number */
  unit: string;
  min: string;
  max: string;
  /** What the portfolio model reads from a number answer (a bundle discount); kept as it came, not edited. */
  role: NumberRole | "";
  /** text */
  maxLength: string;
  /** single, multi */
  options: string[];
  /** file: empty = any accepted type */
  accept: FileType[];
  /** price */
  stage: StageCode | "";
};

export type SectionValues = { id: string; title: string; description: string; questions: QuestionValues[] };

export type BuilderValues = {
  title: string;
  summary: string;
  stages: StageCode[];
  weights: RfpWeights;
  /** "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone` ("" = no due date yet). */
  dueLocal: string;
  timeZone: string;
  sealed: boolean;
  committeeOpening: boolean;
  content: { sections: SectionValues[] };
};

/** The RFP as the builder receives it. */
export type BuilderRfp = {
  title: string;
  summary: string | null;
  stages: string[];
  weights: unknown;
  dueAt: Date | null;
  timeZone: string;
  sealed: boolean;
  committeeOpening: boolean;
  content: RfpContent;
};

const str = (n: number | undefined) => (n === undefined ? "" : String(n));

export function toQuestionValues(q: Question): QuestionValues {
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    help: q.help ?? "",
    required: q.required,
    unit: q.kind === "number" ? q.unit : "",
    min: q.kind === "number" ? str(q.min) : "",
    max: q.kind === "number" ? str(q.max) : "",
    role: q.kind === "number" ? (q.role ?? "") : "",
    maxLength: q.kind === "text" ? str(q.maxLength) : "",
    options: q.kind === "single" || q.kind === "multi" ? [...q.options] : [],
    accept: q.kind === "file" ? [...(q.accept ?? [])] : [],
    stage: q.kind === "price" ? q.stage : "",
  };
}

export function toSectionValues(s: Section): SectionValues {
  return { id: s.id, title: s.title, description: s.description ?? "", questions: s.questions.map(toQuestionValues) };
}

function weightsOf(w: unknown): RfpWeights {
  const o = (w ?? {}) as Partial<Record<keyof RfpWeights, unknown>>;
  const n = (k: keyof RfpWeights) => (typeof o[k] === "number" ? (o[k] as number) : DEFAULT_WEIGHTS[k]);
  return { capability: n("capability"), quality: n("quality"), pricing: n("pricing"), handoff: n("handoff") };
}

/** The form's starting values. A draft without a due date proposes the reader's own zone. */
export function toBuilderValues(rfp: BuilderRfp, readerZone: string): BuilderValues {
  const timeZone = rfp.dueAt ? rfp.timeZone : readerZone;
  return {
    title: rfp.title,
    summary: rfp.summary ?? "",
    stages: rfp.stages as StageCode[],
    weights: weightsOf(rfp.weights),
    dueLocal: rfp.dueAt ? utcToZonedLocal(rfp.dueAt, timeZone) : "",
    timeZone,
    sealed: rfp.sealed,
    committeeOpening: rfp.committeeOpening,
    content: { sections: rfp.content.sections.map(toSectionValues) },
  };
}

const optional = (s: string) => (s.trim() === "" ? undefined : s);
const optionalNumber = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** One question in the server's shape: only its kind's fields. */
export function cleanQuestion(q: QuestionValues): Question {
  const base = { id: q.id, prompt: q.prompt, help: optional(q.help), required: q.required };
  switch (q.kind) {
    case "text":
      return { ...base, kind: "text", maxLength: optionalNumber(q.maxLength) };
    case "yesno":
      return { ...base, kind: "yesno" };
    case "number":
      return {
        ...base,
        kind: "number",
        unit: q.unit,
        min: optionalNumber(q.min),
        max: optionalNumber(q.max),
        ...(q.role ? { role: q.role } : {}),
      };
    case "single":
    case "multi":
      return { ...base, kind: q.kind, options: q.options };
    case "file":
      return { ...base, kind: "file", accept: q.accept.length ? q.accept : undefined };
    case "price":
      return { ...base, kind: "price", stage: q.stage as StageCode };
  }
}

export function cleanContent(c: BuilderValues["content"]): RfpContent {
  return {
    sections: c.sections.map((s) => ({
      id: s.id,
      title: s.title,
      description: optional(s.description),
      questions: s.questions.map(cleanQuestion),
    })),
  };
}

/** The due date as an instant; an unreadable date stays invalid so the schema names the field. */
export function dueAtOf(dueLocal: string, timeZone: string): Date | null {
  if (!dueLocal) return null;
  try {
    return zonedLocalToUtc(dueLocal, timeZone);
  } catch {
    return new Date(Number.NaN);
  }
}

/** The document in the server's shape (before its schema runs). */
export function cleanBuilderValues(v: BuilderValues): RfpDocument {
  return {
    title: v.title,
    summary: v.summary.trim() === "" ? null : v.summary,
    // The scope in the catalogue's order, as the programme's chain reads.
    stages: v.stages,
    weights: v.weights,
    dueAt: dueAtOf(v.dueLocal, v.timeZone),
    timeZone: v.timeZone,
    sealed: v.sealed,
    committeeOpening: v.sealed && v.committeeOpening,
    content: cleanContent(v.content),
  };
}

// ---------- building blocks ----------

export function newQuestion(kind: QuestionKind, stage: StageCode | "" = ""): QuestionValues {
  return {
    id: newId(),
    kind,
    prompt: "",
    help: "",
    required: kind === "price",
    unit: "",
    min: "",
    max: "",
    role: "",
    maxLength: "",
    options: kind === "single" || kind === "multi" ? ["", ""] : [],
    accept: [],
    stage: kind === "price" ? stage : "",
  };
}

export function newSection(): SectionValues {
  return { id: newId(), title: "", description: "", questions: [] };
}

/**
 * A copy with a fresh id: answers to the original never attach to the copy. A price line's copy
 * asks for its stage again, as each stage has one price line.
 */
export function duplicateQuestion(q: QuestionValues): QuestionValues {
  return { ...structuredClone(q), id: newId(), stage: "" };
}

export function duplicateSection(s: SectionValues): SectionValues {
  return {
    ...structuredClone(s),
    id: newId(),
    title: s.title ? `${s.title} (copy)` : "",
    questions: s.questions.map(duplicateQuestion),
  };
}

/** Options a multiple-choice question gets when switched to from another kind. */
export function withKind(q: QuestionValues, kind: QuestionKind): QuestionValues {
  const next = { ...q, kind };
  if ((kind === "single" || kind === "multi") && next.options.length === 0) next.options = ["", ""];
  return next;
}
