// Turning the answers an editor sends into what a draft stores: pure, shared by saveDraft and its tests.
//
// Each value is parsed with its question's "draft" schema and the PARSED value is stored (extra
// keys dropped, text trimmed), never the raw input, so what was stored is exactly what was
// checked. Blank values ("" / [] / null) are "not answered" and left out. Answers to questions
// the sponsor has since removed are dropped and reported, rather than refusing the whole save:
// refusing would lose every other keystroke of that autosave.
import {
  allQuestions,
  answerSchemaFor,
  isBlankAnswer,
  validateAnswers,
  type AnswerIssue,
  type RfpContent,
} from "../rfps/content";
import { canonicalJson } from "../rfps/receipt";

export type CleanedDraft = {
  /** In document order, blank answers left out. */
  answers: Record<string, unknown>;
  /** Question ids that are not in the RFP (any more). */
  dropped: string[];
  issues: AnswerIssue[];
};

export function cleanDraftAnswers(content: RfpContent, input: Record<string, unknown>): CleanedDraft {
  const questions = allQuestions(content).map((x) => x.question);
  const known = new Set(questions.map((q) => q.id));
  const dropped = Object.keys(input).filter((id) => !known.has(id));
  const kept: Record<string, unknown> = {};
  for (const q of questions) if (Object.hasOwn(input, q.id)) kept[q.id] = input[q.id];

  const issues = validateAnswers(content, kept, "draft");
  const answers: Record<string, unknown> = {};
  if (issues.length) return { answers, dropped, issues };
  for (const q of questions) {
    const value = kept[q.id];
    if (value === undefined || value === null || isBlankAnswer(q, value)) continue;
    const parsed = answerSchemaFor(q, "draft").parse(value);
    if (!isBlankAnswer(q, parsed)) answers[q.id] = parsed;
  }
  return { answers, dropped, issues };
}

/** Question ids whose stored answer differs between two answer sets (for the audit entry). */
export function changedQuestionIds(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => canonicalJson(before[id] ?? null) !== canonicalJson(after[id] ?? null)).sort();
}
