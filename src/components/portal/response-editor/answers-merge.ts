// Pure helpers of the response editor's autosave: what an answer set looks like once the server
// has cleaned it, which answers may be sent at all, and the three-way merge used when a colleague
// saved first. Browser-safe: only the domain's answer schemas (rfps/content.ts), never a copy.
import { allQuestions, answerSchemaFor, isBlankAnswer, type Question, type RfpContent } from "@/server/rfps/content";

export type Answers = Record<string, unknown>;

/** JSON with sorted keys, so two equal answers compare equal whatever order their keys came in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function questionsById(content: RfpContent): Map<string, Question> {
  return new Map(allQuestions(content).map(({ question }) => [question.id, question] as const));
}

/** One answer as the server would store it (draft schema parsed: text trimmed, extra keys gone), or undefined if blank. */
export function normalizeAnswer(question: Question, value: unknown): unknown {
  if (isBlankAnswer(question, value)) return undefined;
  const parsed = answerSchemaFor(question, "draft").safeParse(value);
  if (!parsed.success) return value;
  return isBlankAnswer(question, parsed.data) ? undefined : parsed.data;
}

/** The answer set as the server would store it: questions of this RFP only, blanks left out. */
export function normalizeAnswers(content: RfpContent, answers: Answers): Answers {
  const out: Answers = {};
  for (const [id, q] of questionsById(content)) {
    if (!Object.hasOwn(answers, id)) continue;
    const v = normalizeAnswer(q, answers[id]);
    if (v !== undefined) out[id] = v;
  }
  return out;
}

export function sameAnswer(question: Question, a: unknown, b: unknown): boolean {
  return stableJson(normalizeAnswer(question, a) ?? null) === stableJson(normalizeAnswer(question, b) ?? null);
}

export function sameAnswers(content: RfpContent, a: Answers, b: Answers): boolean {
  return stableJson(normalizeAnswers(content, a)) === stableJson(normalizeAnswers(content, b));
}

/**
 * What autosave may send: every answer that passes its draft check. One that does not (a duration
 * of 2.5 weeks, say) would make the server refuse the whole save, so it stays on this device
 * (and its message beside the field) until corrected, while the rest is saved.
 */
export function sendableAnswers(content: RfpContent, answers: Answers): { answers: Answers; held: string[] } {
  const out: Answers = {};
  const held: string[] = [];
  for (const [id, q] of questionsById(content)) {
    if (!Object.hasOwn(answers, id)) continue;
    const value = answers[id];
    if (isBlankAnswer(q, value)) continue;
    if (answerSchemaFor(q, "draft").safeParse(value).success) out[id] = value;
    else held.push(id);
  }
  return { answers: out, held };
}

export type Merge = {
  /** Theirs where only they changed, mine where only I changed; mine where both changed differently. */
  merged: Answers;
  /** Questions both sides changed differently: the person chooses (their value is in `theirs`). */
  conflicts: string[];
};

/**
 * Three-way merge of answer sets against the version both started from. Nobody's text is
 * dropped silently: where both changed the same answer differently the editor keeps mine in
 * the field and lists the question as a conflict with theirs beside it.
 */
export function mergeAnswers(content: RfpContent, base: Answers, mine: Answers, theirs: Answers): Merge {
  const merged: Answers = {};
  const conflicts: string[] = [];
  for (const [id, q] of questionsById(content)) {
    const b = base[id];
    const m = mine[id];
    const t = theirs[id];
    let pick: unknown;
    // Equal in substance: keep mine as typed (a trailing space mid-sentence stays in the field).
    if (sameAnswer(q, m, t)) pick = m;
    else if (sameAnswer(q, m, b)) pick = t;
    else if (sameAnswer(q, t, b)) pick = m;
    else {
      pick = m;
      conflicts.push(id);
    }
    if (pick !== undefined && !isBlankAnswer(q, pick)) merged[id] = pick;
  }
  return { merged, conflicts };
}
