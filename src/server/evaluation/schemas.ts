import { z } from "zod";
import { zId, zInt, zOptText, zText } from "../validation";
import { ZCriteriaTree } from "./criteria-schema";

// Inputs of the evaluation procedures. Browser-safe: the pages' forms validate with these.

export const EVAL_LIMITS = { comment: 2000, reason: 1000, rationale: 2000, batch: 500 };

export const ZRfpIdInput = z.object({ rfpId: zId });

const zScoreValue = z
  .number({ error: "The score must be a number." })
  .refine((v) => Number.isFinite(v) && Math.round(v * 2) === v * 2, "Scores go in steps of 0.5.");

export const ZSaveScoresInput = z.object({
  rfpId: zId,
  entries: z
    .array(
      z.object({
        vendorId: zId,
        criterionId: z.string().min(1).max(64),
        /** null clears the score. */
        value: zScoreValue.nullable(),
        comment: zOptText(EVAL_LIMITS.comment, { multiline: true }),
        /** The version last read; absent for a cell not scored before. */
        version: zInt({ min: 1 }).optional(),
      }),
    )
    .min(1, "Nothing to save.")
    .max(EVAL_LIMITS.batch, `Save at most ${EVAL_LIMITS.batch} scores at once.`),
});
export type TSaveScoresInput = z.output<typeof ZSaveScoresInput>;

export const ZEvaluatorInput = z.object({ rfpId: zId, evaluatorId: zId });

export const ZScorecardSetupInput = z.object({
  rfpId: zId,
  /** The version last read; 0 for the default scorecard not saved yet. */
  version: zInt({ min: 0 }),
  criteria: ZCriteriaTree,
  weightMode: z.enum(["percent", "points"]),
  aggregation: z.enum(["mean", "median"]),
  blind: z.boolean(),
  scale: z
    .object({
      min: zInt({ min: 0, max: 9 }),
      max: zInt({ min: 1, max: 10 }),
    })
    .refine((s) => s.max > s.min, { message: "The top of the scale must be above the bottom.", path: ["max"] }),
});
export type TScorecardSetupInput = z.output<typeof ZScorecardSetupInput>;

export const ZOverrideInput = z.object({
  rfpId: zId,
  vendorId: zId,
  criterionId: z.string().min(1).max(64),
  /** null goes back to the automatic value. */
  value: zScoreValue.nullable(),
  reason: zText({
    min: 3,
    max: EVAL_LIMITS.reason,
    multiline: true,
    minMessage: "Say why you override the automatic score.",
  }),
});
export type TOverrideInput = z.output<typeof ZOverrideInput>;

export const ZRationaleInput = z.object({
  rfpId: zId,
  vendorId: zId,
  criterionId: z.string().min(1).max(64),
  text: zText({ min: 3, max: EVAL_LIMITS.rationale, multiline: true, minMessage: "Write the team's rationale." }),
});
export type TRationaleInput = z.output<typeof ZRationaleInput>;

export const ZLockInput = z.object({ rfpId: zId, version: zInt({ min: 1 }) });
export const ZUnlockInput = z.object({
  rfpId: zId,
  version: zInt({ min: 1 }),
  reason: zText({ min: 3, max: EVAL_LIMITS.reason, multiline: true, minMessage: "Say why the scorecard is unlocked." }),
});
