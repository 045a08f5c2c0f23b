import { z } from "zod";
import { MAX_ITERATIONS } from "./portfolio-schema";
import { ZScorecardInput } from "./scorecard-schema";

/**
 * Rank acceptability input (spec section 2b): the scorecard input plus the sampling
 * fields. Still strict, so a misspelt "iteration" is an error, not a default.
 */
export const ZAcceptabilityInput = ZScorecardInput.extend({
  mode: z.enum(["around", "simplex"]).default("around"),
  spread: z.number().min(0, "spread must be >= 0").lt(1, "spread must be < 1").default(0.25),
  iterations: z
    .number()
    .int()
    .min(1, "iterations must be >= 1")
    .max(MAX_ITERATIONS, `iterations must be <= ${MAX_ITERATIONS}`)
    .default(10000),
  // Required, as for simulate: a silent seed would hide irreproducibility.
  seed: z.number().int().min(0, "seed must be >= 0").max(Number.MAX_SAFE_INTEGER),
});
export type TAcceptabilityInput = z.input<typeof ZAcceptabilityInput>;
export type TAcceptabilityParsed = z.output<typeof ZAcceptabilityInput>;
export type AcceptabilityMode = TAcceptabilityParsed["mode"];
