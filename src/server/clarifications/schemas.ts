import { z } from "zod";
import { zId, zText } from "../validation";

// Clarification inputs, shared by the ask and answer forms and the procedures.

import { CLARIFICATION_LIMITS } from "./limits";

export { CLARIFICATION_LIMITS };

const zQuestion = zText({
  min: 1,
  max: CLARIFICATION_LIMITS.question,
  minMessage: "Enter your question.",
  multiline: true,
});

export const ZClarificationRfpInput = z.object({ rfpId: zId });

export const ZAskClarificationInput = z.object({ rfpId: zId, question: zQuestion });
export type TAskClarificationInput = z.output<typeof ZAskClarificationInput>;

export const CLARIFICATION_AUDIENCES = ["ALL", "PRIVATE"] as const;

export const ZAnswerClarificationInput = z.object({
  clarificationId: zId,
  answer: zText({ min: 1, max: CLARIFICATION_LIMITS.answer, minMessage: "Enter the answer.", multiline: true }),
  audience: z.enum(CLARIFICATION_AUDIENCES, { error: "Choose who sees the answer: every invitee or only the asker." }),
  /**
   * The question as every invitee will read it (ALL answers): the sponsor may reword it to take out
   * anything that would identify who asked. Absent = the question as asked.
   */
  question: zQuestion.optional(),
});
export type TAnswerClarificationInput = z.output<typeof ZAnswerClarificationInput>;
