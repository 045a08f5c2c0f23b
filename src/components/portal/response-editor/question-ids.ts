// DOM ids of the editor's questions, shared by the fields, the completeness list and the tests.

export const questionDomId = (questionId: string) => `question-${questionId}`;
export const answerDomId = (questionId: string, part?: string) =>
  part ? `answer-${questionId}-${part}` : `answer-${questionId}`;

/** Bring a question into view and put the cursor in its first control. */
export function focusQuestion(questionId: string) {
  const box = document.getElementById(questionDomId(questionId));
  if (!box) return;
  box.scrollIntoView({ block: "center" });
  const control = box.querySelector<HTMLElement>("input:not([type=hidden]):not([disabled]), textarea, select, button");
  control?.focus({ preventScroll: true });
}
