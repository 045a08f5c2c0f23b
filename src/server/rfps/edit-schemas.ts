// The RFP builder's save: the whole document under one version. Browser-safe, so the builder
// checks with the same schemas before it sends.
import { z } from "zod";
import { zId, zInstant, zOptText, zText, zVersion } from "../validation";
import { STAGE_CODES } from "../vendors/catalog";
import { ZRfpContent, ZRfpWeights, type RfpContent } from "./content";
import { contentIssueMessage } from "./content-errors";
import { canonicalTimeZone, isValidTimeZone } from "./time-zone";

export const ZRfpIdInput = z.object({ rfpId: zId });

export const RFP_TEXT_LIMITS = { title: 200, summary: 4000 } as const;

/** A zone this runtime knows, stored in its canonical spelling ("europe/berlin" -> "Europe/Berlin"). */
export const zTimeZone = z
  .string()
  .max(64, "Choose the time zone from the list.")
  .refine(isValidTimeZone, "Choose the time zone from the list.")
  .transform((tz) => canonicalTimeZone(tz) ?? tz);

/**
 * The document, with each problem located in the builder's words ("Section 2, question 3,
 * option 1: ..."), so a refused save names the question and not a zod path. At most five
 * problems are reported at a time.
 */
export const zRfpContentInput = z.unknown().transform((value, ctx) => {
  const r = ZRfpContent.safeParse(value);
  if (r.success) return r.data as RfpContent;
  for (const issue of r.error.issues.slice(0, 5)) ctx.addIssue({ code: "custom", message: contentIssueMessage(issue) });
  return z.NEVER;
}) as unknown as z.ZodType<RfpContent, RfpContent>;

export const zRfpStages = z
  .array(z.enum(STAGE_CODES, { error: "Choose stages from the list." }))
  .max(STAGE_CODES.length)
  .refine((s) => new Set(s).size === s.length, "Each stage can be in scope once.");

export const ZRfpSettings = z.object({
  title: zText({ min: 1, max: RFP_TEXT_LIMITS.title, minMessage: "Give the RFP a title." }),
  summary: zOptText(RFP_TEXT_LIMITS.summary, { multiline: true }),
  stages: zRfpStages,
  weights: ZRfpWeights,
  dueAt: zInstant.nullable(),
  timeZone: zTimeZone,
  sealed: z.boolean(),
  committeeOpening: z.boolean(),
});

const committeeNeedsSeal = (v: { sealed: boolean; committeeOpening: boolean }, ctx: z.RefinementCtx) => {
  if (v.committeeOpening && !v.sealed)
    ctx.addIssue({
      code: "custom",
      path: ["committeeOpening"],
      message: "A committee opening needs sealed bids; switch sealed bids on or turn the committee opening off.",
    });
};

/** What the builder checks before it sends: the same rules, with each problem at its field's path. */
export const ZRfpDocument = ZRfpSettings.extend({ content: ZRfpContent }).superRefine(committeeNeedsSeal);
export type RfpDocument = z.output<typeof ZRfpDocument>;

export const ZUpdateRfpInput = ZRfpSettings.extend({
  rfpId: zId,
  version: zVersion,
  content: zRfpContentInput,
}).superRefine(committeeNeedsSeal);

export type UpdateRfpInput = z.output<typeof ZUpdateRfpInput>;
