// How far a response is: what the editor's indicator shows and what submit checks against.
// An answer counts only when it passes its kind's full schema (a half-typed price line or an
// option the sponsor has since removed is not an answer yet). Browser-safe.
import { allQuestions, isBlankAnswer, isValidAnswer, type RfpContent } from "./content";

export type MissingAnswer = {
  questionId: string;
  sectionTitle: string;
  prompt: string;
  /** "unanswered": nothing given; "invalid": something given that does not pass (yet). */
  reason: "unanswered" | "invalid";
};

export type Completeness = {
  requiredTotal: number;
  requiredAnswered: number;
  answeredTotal: number;
  total: number;
  /** Share of required questions answered (of all questions when none is required), 0..100, rounded down. */
  percent: number;
  /** Required questions not (validly) answered, in document order. */
  missing: MissingAnswer[];
};

export function completeness(content: RfpContent, answers: Record<string, unknown>): Completeness {
  let requiredTotal = 0;
  let requiredAnswered = 0;
  let answeredTotal = 0;
  let total = 0;
  const missing: MissingAnswer[] = [];
  for (const { section, question } of allQuestions(content)) {
    total++;
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const ok = isValidAnswer(question, value);
    if (ok) answeredTotal++;
    if (!question.required) continue;
    requiredTotal++;
    if (ok) requiredAnswered++;
    else
      missing.push({
        questionId: question.id,
        sectionTitle: section.title,
        prompt: question.prompt,
        reason: isBlankAnswer(question, value) ? "unanswered" : "invalid",
      });
  }
  // Rounded down, so 100% means every one is done, never "399 of 400".
  const percent =
    requiredTotal > 0
      ? Math.floor((100 * requiredAnswered) / requiredTotal)
      : total > 0
        ? Math.floor((100 * answeredTotal) / total)
        : 100;
  return { requiredTotal, requiredAnswered, answeredTotal, total, percent, missing };
}
