import { z } from "zod";
import { zText } from "../validation";
import { AUTO_SOURCES, CRITERIA_LIMITS, criteriaProblems, type Criterion } from "./criteria";

// The scorecard's criteria as the procedures check them. Apart from ./criteria, which the
// evaluation pages use in the browser without zod; the setup page loads this when it checks.
const zCriterionId = z
  .string()
  .min(1, "Each criterion needs an id.")
  .max(64, "A criterion id is at most 64 characters.")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "A criterion id uses lower-case letters, digits, dots, dashes and underscores.");

export const ZCriterion: z.ZodType<Criterion> = z.lazy(() =>
  z.object({
    id: zCriterionId,
    name: zText({ min: 1, max: CRITERIA_LIMITS.name, minMessage: "Give the criterion a name." }),
    weight: z
      .number({ error: "The weight must be a number." })
      .min(0, "A weight cannot be negative.")
      .max(1000, "A weight is at most 1000."),
    description: zText({ max: CRITERIA_LIMITS.description, multiline: true }).nullish(),
    anchors: z
      .array(zText({ max: CRITERIA_LIMITS.anchor }))
      .max(11)
      .optional(),
    auto: z.enum(AUTO_SOURCES).nullish(),
    children: z
      .array(ZCriterion)
      .max(CRITERIA_LIMITS.children, "At most 12 sub-criteria under one criterion.")
      .optional(),
  }),
);

export const ZCriteriaTree = z.array(ZCriterion).superRefine((tree, ctx) => {
  for (const issue of criteriaProblems(tree)) ctx.addIssue({ code: "custom", ...issue });
});
