// Lengths of a clarification's question and answer, for the forms (no zod here).
export const CLARIFICATION_LIMITS = { question: 4000, answer: 8000 } as const;
