import { z } from "zod";
import { ASSUMPTION_DEFAULTS } from "./assumption-defaults";

/** Portfolio problem, constraints and simulation inputs (spec sections 3-5). */

const nonNeg = (what: string) => z.number().min(0, `${what} must be >= 0`);
const probability = (what: string) => z.number().min(0, `${what} must be >= 0`).max(1, `${what} must be <= 1`);

export const ZStage = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  weight: nonNeg("stage weight").default(1),
});

export const ZBundleDiscount = z.strictObject({
  minStages: z.number().int().min(1, "minStages must be >= 1"),
  rate: probability("bundle rate"),
});

export const ZVendor = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  annualDisruptionRisk: probability("annualDisruptionRisk").default(0.03),
  bundleDiscount: ZBundleDiscount.optional(),
});

export const ZOffer = z
  .strictObject({
    vendorId: z.string().min(1),
    stageId: z.string().min(1),
    price: nonNeg("price"),
    durationWeeks: nonNeg("durationWeeks"),
    durationMinWeeks: nonNeg("durationMinWeeks").optional(),
    durationMaxWeeks: nonNeg("durationMaxWeeks").optional(),
    score: z.number().optional(),
  })
  // Triangular sampling needs min <= mode <= max.
  .refine((o) => o.durationMinWeeks === undefined || o.durationMinWeeks <= o.durationWeeks, {
    message: "durationMinWeeks must be <= durationWeeks",
    path: ["durationMinWeeks"],
  })
  .refine((o) => o.durationMaxWeeks === undefined || o.durationMaxWeeks >= o.durationWeeks, {
    message: "durationMaxWeeks must be >= durationWeeks",
    path: ["durationMaxWeeks"],
  });

export const ZAssumptions = z.strictObject({
  externalTransferWeeks: nonNeg("externalTransferWeeks").default(ASSUMPTION_DEFAULTS.externalTransferWeeks),
  externalTransferCost: nonNeg("externalTransferCost").default(ASSUMPTION_DEFAULTS.externalTransferCost),
  internalTransferWeeks: nonNeg("internalTransferWeeks").default(ASSUMPTION_DEFAULTS.internalTransferWeeks),
  internalTransferCost: nonNeg("internalTransferCost").default(ASSUMPTION_DEFAULTS.internalTransferCost),
  vendorOverheadCost: nonNeg("vendorOverheadCost").default(ASSUMPTION_DEFAULTS.vendorOverheadCost),
  onboardingWeeks: nonNeg("onboardingWeeks").default(ASSUMPTION_DEFAULTS.onboardingWeeks),
  disruptionDelayWeeks: nonNeg("disruptionDelayWeeks").default(ASSUMPTION_DEFAULTS.disruptionDelayWeeks),
  costOfDelayPerWeek: nonNeg("costOfDelayPerWeek").default(ASSUMPTION_DEFAULTS.costOfDelayPerWeek),
  externalTransferFailureRate: probability("externalTransferFailureRate").default(
    ASSUMPTION_DEFAULTS.externalTransferFailureRate,
  ),
  internalTransferFailureRate: probability("internalTransferFailureRate").default(
    ASSUMPTION_DEFAULTS.internalTransferFailureRate,
  ),
});

export const ZProblem = z.strictObject({
  stages: z.array(ZStage).min(1, "at least one stage is required"),
  vendors: z.array(ZVendor),
  offers: z.array(ZOffer),
  assumptions: ZAssumptions.default(() => ZAssumptions.parse({})),
});
export type TProblemInput = z.input<typeof ZProblem>;
export type TProblem = z.output<typeof ZProblem>;
export type TAssumptions = z.output<typeof ZAssumptions>;

/** `{ stageId: vendorId }` */
export const ZAssignment = z.record(z.string(), z.string().min(1));
export type TAssignment = z.output<typeof ZAssignment>;

export const ZEvaluateInput = z.strictObject({ problem: ZProblem, assignment: ZAssignment });
export type TEvaluateInput = z.input<typeof ZEvaluateInput>;

export const ZConstraints = z.strictObject({
  maxVendors: z.number().int().min(1, "maxVendors must be >= 1").optional(),
  budget: nonNeg("budget").optional(),
  deadlineWeeks: nonNeg("deadlineWeeks").optional(),
  minOfferScore: z.number().optional(),
  locked: z.record(z.string(), z.string().min(1)).optional(),
  excludedVendors: z.array(z.string().min(1)).optional(),
  topK: z.number().int().min(1, "topK must be >= 1").max(100, "topK must be <= 100").default(5),
});
export type TConstraintsInput = z.input<typeof ZConstraints>;
export type TConstraints = z.output<typeof ZConstraints>;

export const ZOptimizeInput = z.strictObject({
  problem: ZProblem,
  constraints: ZConstraints.default(() => ZConstraints.parse({})),
});
export type TOptimizeInput = z.input<typeof ZOptimizeInput>;

export const MAX_ITERATIONS = 200_000;

export const ZSimulateInput = z.strictObject({
  problem: ZProblem,
  assignment: ZAssignment,
  iterations: z
    .number()
    .int()
    .min(1, "iterations must be >= 1")
    .max(MAX_ITERATIONS, `iterations must be <= ${MAX_ITERATIONS}`)
    .default(10000),
  // Required: the spec gives no default, and a silent seed would hide irreproducibility.
  seed: z.number().int().min(0, "seed must be >= 0").max(Number.MAX_SAFE_INTEGER),
  bins: z.number().int().min(1).max(200).default(20),
});
export type TSimulateInput = z.input<typeof ZSimulateInput>;
