// Inputs of listing, reading and creating RFPs (the sponsor's side). Browser-safe: the new-RFP
// page validates with the same schema.
import { z } from "zod";
import { STAGE_CODES } from "../vendors/catalog";
import { zId, zOptText } from "../validation";
import { canonicalTimeZone, isValidTimeZone } from "./time-zone";

export const RFP_SOURCES = ["template", "copy", "blank"] as const;
export type RfpSource = (typeof RFP_SOURCES)[number];

const zScope = z
  .array(z.enum(STAGE_CODES, { error: "Choose stages from the list." }))
  .min(1, "Choose at least one stage for this RFP.")
  .max(STAGE_CODES.length)
  .refine((a) => new Set(a).size === a.length, "List each stage once.");

export const zTimeZoneName = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_+\-/]+$/, "Choose a time zone from the list.")
  .refine(isValidTimeZone, "Choose a time zone from the list.")
  .transform((tz) => canonicalTimeZone(tz) ?? tz);

const createFields = {
  programmeId: zId,
  from: z.enum(RFP_SOURCES, { error: "Choose a template, a previous RFP to copy, or a blank RFP." }),
  /** With from = "template": one of the shipped templates (src/server/rfps/templates.ts). */
  templateKey: z.string().max(40).optional(),
  /** With from = "copy": an RFP of the same organisation. */
  copyFromId: zId.optional(),
  /** Empty: a title made from the template (or copied RFP) and the programme. */
  title: zOptText(200),
  /** Empty: the programme's stages the template (or copied RFP) covers. */
  stages: zScope.optional(),
  /** The zone the due date will be set in; the sponsor's browser zone, by default UTC. */
  timeZone: zTimeZoneName.optional(),
};

export const ZCreateRfpInput = z.object(createFields).superRefine((v, ctx) => {
  if (v.from === "template" && !v.templateKey)
    ctx.addIssue({ code: "custom", path: ["templateKey"], message: "Choose a template." });
  if (v.from === "copy" && !v.copyFromId)
    ctx.addIssue({ code: "custom", path: ["copyFromId"], message: "Choose the RFP to copy." });
});
export type TCreateRfpInput = z.output<typeof ZCreateRfpInput>;

/** Duplicate an RFP (into the same programme unless another is named). */
export const ZCopyRfpInput = z.object({
  rfpId: zId,
  programmeId: zId.optional(),
  title: zOptText(200),
});
export type TCopyRfpInput = z.output<typeof ZCopyRfpInput>;

export const ZRfpIdInput = z.object({ rfpId: zId });
/** Without a programme: every RFP of the organisation (what can be copied). */
export const ZListRfpsInput = z.object({ programmeId: zId.optional() });
