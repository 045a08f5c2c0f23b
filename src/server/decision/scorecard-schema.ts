import { z } from "zod";

/**
 * Scorecard input (spec section 1). Objects are strict: an unknown key such as a
 * misspelt "weigth" is an error rather than a silently defaulted field.
 * zod 4's z.number() already rejects NaN and +-Infinity.
 */
export interface TCriterionInput {
  id: string;
  name?: string;
  weight: number;
  children?: TCriterionInput[];
}

export const ZCriterion: z.ZodType<TCriterionInput, TCriterionInput> = z.lazy(() =>
  z.strictObject({
    id: z.string().min(1),
    name: z.string().optional(),
    weight: z.number().min(0, "weight must be >= 0"),
    children: z.array(ZCriterion).optional(),
  }),
);

export const ZScale = z
  .strictObject({ min: z.number(), max: z.number() })
  .refine((s) => s.max > s.min, { message: "scale.max must be greater than scale.min", path: ["max"] });

export const ZScoreEntry = z.strictObject({
  vendorId: z.string().min(1),
  criterionId: z.string().min(1),
  evaluatorId: z.string().min(1),
  value: z.number(),
});

export const ZScorecardInput = z.strictObject({
  scale: ZScale,
  aggregation: z.enum(["mean", "median"]).default("mean"),
  criteria: z.array(ZCriterion).min(1, "at least one criterion is required"),
  vendors: z.array(z.string().min(1)),
  scores: z.array(ZScoreEntry),
});
export type TScorecardInput = z.input<typeof ZScorecardInput>;
export type TScorecardParsed = z.output<typeof ZScorecardInput>;

export const ZPriceAutoScoreInput = z.strictObject({
  scale: ZScale,
  prices: z.array(z.strictObject({ vendorId: z.string().min(1), price: z.number().min(0, "price must be >= 0") })),
});
export type TPriceAutoScoreInput = z.input<typeof ZPriceAutoScoreInput>;
